// What a caller holds cannot change the ledger, listeners cannot break a write, bad options are
// LanewiseErrors, the approval rule, and one instant format in every record.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { manualClock } from '../../src/clock.js';
import { formatError } from '../../src/errors/index.js';
import { createHoursLedger, type HoursEvent, resolveHoursPolicy } from '../../src/hours/index.js';
import { createHoursLedgerWith } from '../../src/hours/ledger.js';
import {
  hoursCertificateSchema,
  hoursEventSchema,
  hoursSnapshotSchema,
  hoursSummaryRowSchema,
} from '../../src/hours/schemas.js';
import { createDispatcher } from '../../src/internal/dispatch.js';
import { expectLanewiseError, expectUnchanged } from '../support/expect.js';
import { entry, ledgerAt, NOW } from './fixtures.js';

/** A ledger with one approved, one rejected and one corrected entry. */
function busyLedger(policy = {}) {
  const { ledger, clock } = ledgerAt(policy);
  ledger.record(entry('e1', '09:00', '10:00', { tags: ['repair'], note: 'grinding' }));
  ledger.approve('e1', { by: 'org-zhao' });
  ledger.record(entry('e2', '10:00', '11:00'));
  ledger.reject('e2', { by: 'org-zhao', reason: 'twice' });
  ledger.record(entry('e3', '11:00', '12:00'));
  ledger.correct('e3', {
    id: 'e3b',
    end: '2025-03-01T12:30:00+08:00',
    by: 'org-wang',
    reason: 'late',
  });
  return { ledger, clock };
}

describe('hours: what a caller holds is frozen', () => {
  it('freezes events, the log, entries, snapshots, lists and certificates', () => {
    const { ledger } = busyLedger();
    const events = ledger.events();
    assert.ok(Object.isFrozen(events));
    assert.throws(() => (events as HoursEvent[]).reverse(), TypeError);
    assert.throws(() => (events as HoursEvent[]).push(events[0]!), TypeError);
    assert.equal(ledger.events()[0]?.seq, 1, 'the log is as it was');
    for (const event of events) {
      assert.ok(Object.isFrozen(event) && Object.isFrozen(event.data), `event ${event.seq}`);
    }
    const entry1 = ledger.get('e1')!;
    assert.throws(() => {
      (entry1 as { status: string }).status = 'revoked';
    }, TypeError);
    assert.throws(() => (entry1.tags as string[]).push('x'), TypeError);
    assert.equal(ledger.get('e1')?.status, 'approved');
    const snapshot = ledger.snapshot();
    assert.ok(Object.isFrozen(snapshot) && Object.isFrozen(snapshot.entries));
    const list = ledger.list();
    list.reverse();
    assert.equal(ledger.list()[0]?.id, 'e1', 'a list is the caller’s own copy');
    const certificate = ledger.certificate('v-li', {
      from: '2025-03-01',
      to: '2025-03-31',
      issuer: 'team',
      serial: 's1',
    });
    assert.ok(Object.isFrozen(certificate) && Object.isFrozen(certificate.entries));
    assert.ok(Object.isFrozen(ledger.summary({ groupBy: 'volunteer' })[0]));
    assert.ok(Object.isFrozen(ledger.checkpoint()));
  });

  it('keeps its own copy of a record input', () => {
    const { ledger } = ledgerAt();
    const input = entry('e1', '09:00', '10:00', { tags: ['repair'] });
    ledger.record(input);
    (input.tags as string[]).push('elderly');
    assert.deepEqual(ledger.get('e1')?.tags, ['repair']);
  });
});

describe('hours: records and events match their published schemas', () => {
  it('validates the snapshot, every event and a certificate', () => {
    const { ledger } = busyLedger();
    assert.ok(z.safeParse(hoursSnapshotSchema, ledger.snapshot()).success);
    for (const event of ledger.events()) {
      const parsed = z.safeParse(hoursEventSchema, event);
      assert.ok(parsed.success, `event ${event.seq}: ${JSON.stringify(parsed.error?.issues)}`);
    }
    const certificate = ledger.certificate('v-li', {
      from: '2025-03-01T00:00:00Z',
      to: '2025-03-31',
      issuer: 'team',
      serial: 's1',
    });
    assert.ok(z.safeParse(hoursCertificateSchema, certificate).success);
    assert.equal(certificate.period.from, '2025-03-01T08:00:00.000+08:00');
    for (const row of ledger.summary({ groupBy: 'activity', period: 'week' })) {
      assert.ok(z.safeParse(hoursSummaryRowSchema, row).success);
    }
  });
});

describe('hours: one instant format', () => {
  it('writes every instant of a record and of an event with the ledger’s offset', () => {
    const { ledger } = busyLedger();
    ledger.record(
      entry('z1', '13:00', '14:00', { start: '2025-03-01T05:00:00Z', end: '2025-03-01T06:00:00Z' }),
    );
    const offset = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/;
    for (const item of ledger.snapshot().entries) {
      for (const field of ['start', 'end', 'recordedAt', 'approvedAt', 'closedAt'] as const) {
        const value = item[field];
        if (value !== undefined) assert.match(value, offset, `${item.id}.${field}`);
      }
    }
    assert.equal(ledger.get('z1')?.start, '2025-03-01T13:00:00.000+08:00');
    for (const event of ledger.events()) assert.match(event.at, offset);
    // The log keeps what the caller wrote.
    assert.equal((ledger.events().at(-1)?.data as { start: string }).start, '2025-03-01T05:00:00Z');
  });

  it('writes instants in another zone with its offset', () => {
    const clock = manualClock(NOW);
    const ledger = createHoursLedger({ now: clock.now, timeZone: 'Europe/Paris' });
    const recorded = ledger.record(entry('e1', '09:00', '10:00'));
    assert.equal(recorded.start, '2025-03-01T02:00:00.000+01:00');
    assert.equal(recorded.recordedAt, '2025-03-10T05:00:00.000+01:00');
  });
});

describe('hours: listeners cannot break a write', () => {
  it('keeps a write whose listener throws, and reports the error', () => {
    const errors: unknown[] = [];
    const clock = manualClock(NOW);
    const ledger = createHoursLedger({ now: clock.now, onListenerError: (e) => errors.push(e) });
    ledger.subscribe(() => {
      throw new Error('listener failed');
    });
    const recorded = ledger.record(entry('e1', '09:00', '10:00'));
    assert.equal(recorded.status, 'pending');
    assert.equal(ledger.approve('e1', { by: 'org-zhao' }).status, 'approved');
    assert.equal(errors.length, 2);
    assert.equal(ledger.events().length, 2);
  });

  it('runs a write made by a listener after the current command', () => {
    const { ledger } = ledgerAt();
    const seen: string[] = [];
    ledger.subscribe((event) => {
      seen.push(`${event.type}@${ledger.snapshot().version}`);
      if (event.type === 'hours.recorded' && event.data.id === 'e1') {
        ledger.approve('e1', { by: 'org-zhao' });
        seen.push(`approved inside, now ${ledger.events().length}`);
      }
    });
    ledger.record(entry('e1', '09:00', '10:00'));
    assert.deepEqual(seen, ['hours.recorded@1', 'approved inside, now 2', 'hours.approved@2']);
    // The log it made replays.
    const again = createHoursLedger({ now: ledgerAt().clock.now, events: ledger.events() });
    assert.deepEqual(again.snapshot(), ledger.snapshot());
  });

  it('tells a shared dispatcher’s listeners after the whole command, hook included', () => {
    const dispatcher = createDispatcher();
    const order: string[] = [];
    const clock = manualClock(NOW);
    const ledger = createHoursLedgerWith({ now: clock.now, dispatcher }, (type) => {
      order.push(`hook ${type}`);
      dispatcher.notify(() => order.push('other object told'));
    });
    ledger.subscribe((event) => order.push(`heard ${event.type}`));
    ledger.record(entry('e1', '09:00', '10:00'));
    assert.deepEqual(order, ['hook hours.recorded', 'other object told', 'heard hours.recorded']);
  });

  it('writes nothing when the hook refuses', () => {
    const { clock } = ledgerAt();
    const ledger = createHoursLedgerWith({ now: clock.now }, () => {
      throw new Error('no');
    });
    assert.throws(() => ledger.record(entry('e1', '09:00', '10:00')), /no/);
    assert.equal(ledger.events().length, 0);
    assert.equal(ledger.snapshot().entries.length, 0);
  });
});

describe('hours: bad options', () => {
  it('refuses them with INVALID_INPUT and a path, never a TypeError', () => {
    const now = manualClock(NOW).now;
    expectLanewiseError(() => createHoursLedger(null as never), 'INVALID_INPUT', []);
    expectLanewiseError(() => createHoursLedger(undefined as never), 'INVALID_INPUT', []);
    expectLanewiseError(() => createHoursLedger({} as never), 'INVALID_INPUT', ['now']);
    expectLanewiseError(() => createHoursLedger({ now: 'now' } as never), 'INVALID_INPUT', ['now']);
    expectLanewiseError(() => createHoursLedger({ events: {} } as never), 'INVALID_INPUT', ['now']);
    expectLanewiseError(() => createHoursLedger({ now, events: {} } as never), 'INVALID_LOG', [
      'events',
    ]);
    expectLanewiseError(() => createHoursLedger({ now, policy: null } as never), 'INVALID_INPUT', [
      'policy',
    ]);
    expectLanewiseError(
      () => createHoursLedger({ now, policy: { approval: 'anyone' } } as never),
      'INVALID_INPUT',
      ['policy', 'approval'],
    );
    expectLanewiseError(
      () => createHoursLedger({ now, policy: { unitMinute: 15 } } as never),
      'INVALID_INPUT',
      ['policy', 'unitMinute'],
    );
    expectLanewiseError(() => createHoursLedger({ now, timeZone: 'Nowhere' }), 'INVALID_INPUT', [
      'timeZone',
    ]);
    expectLanewiseError(() => createHoursLedger({ now, hash: 'sha' } as never), 'INVALID_INPUT', [
      'hash',
    ]);
    expectLanewiseError(
      () => createHoursLedger({ now, checkpoint: { seq: -1 } }),
      'INVALID_INPUT',
      ['checkpoint', 'seq'],
    );
    expectLanewiseError(
      () => createHoursLedger({ now, onListenerError: 1 } as never),
      'INVALID_INPUT',
      ['onListenerError'],
    );
    expectLanewiseError(
      () => createHoursLedger({ now, dispatcher: {} } as never),
      'INVALID_INPUT',
      ['dispatcher'],
    );
    expectLanewiseError(() => createHoursLedger({ now, polcy: {} } as never), 'INVALID_INPUT', [
      'polcy',
    ]);
    expectLanewiseError(() => resolveHoursPolicy(null as never), 'INVALID_INPUT', ['policy']);
  });

  it('refuses days outside the supported range in spans', () => {
    const { ledger } = ledgerAt();
    expectLanewiseError(() => ledger.list({ from: '0050-01-01' }), 'INVALID_INPUT', ['from']);
    expectLanewiseError(
      () => ledger.summary({ groupBy: 'volunteer', to: '3000-01-01' }),
      'INVALID_INPUT',
      ['to'],
    );
    expectLanewiseError(() => ledger.list({ from: '1969-12-31T23:59:59Z' }), 'INVALID_INPUT', [
      'from',
    ]);
    assert.deepEqual(ledger.list({ from: '1970-01-01', to: '2999-12-31' }), []);
  });

  it('refuses a clock that breaks, changing nothing', () => {
    let reading: unknown = new Date(NOW);
    const ledger = createHoursLedger({ now: () => reading as Date });
    ledger.record(entry('e1', '09:00', '10:00'));
    reading = new Date(Number.NaN);
    expectUnchanged(ledger, () => ledger.approve('e1', { by: 'org-zhao' }), 'INVALID_INPUT');
    reading = 'today';
    expectUnchanged(ledger, () => ledger.record(entry('e2', '10:00', '11:00')), 'INVALID_INPUT');
  });

  it('takes ids such as constructor and __proto__ as plain ids', () => {
    const { ledger } = ledgerAt();
    assert.equal(ledger.get('constructor'), undefined);
    assert.equal(ledger.creditedMinutes({ volunteerId: 'toString' }), 0);
    assert.equal(ledger.creditedMinutes({ activityId: '__proto__' }), 0);
    ledger.record(
      entry('__proto__', '09:00', '10:00', { volunteerId: 'constructor', activityId: 'toString' }),
    );
    ledger.approve('__proto__', { by: 'hasOwnProperty' });
    assert.equal(ledger.get('__proto__')?.volunteerId, 'constructor');
    assert.equal(ledger.creditedMinutes({ volunteerId: 'constructor' }), 60);
    assert.equal(ledger.creditedMinutes({ activityId: 'toString' }), 60);
    assert.equal(ledger.summary({ groupBy: 'activity' })[0]?.key, 'toString');
    const again = createHoursLedger({ now: ledgerAt().clock.now, events: ledger.events() });
    assert.deepEqual(again.snapshot(), ledger.snapshot());
  });
});

describe('hours: who may approve', () => {
  it("lets the recorder approve by default ('recorder': whoever records certifies)", () => {
    const { ledger } = ledgerAt();
    assert.equal(ledger.policy.approval, 'recorder');
    ledger.record(entry('e1', '09:00', '10:00'));
    assert.equal(ledger.approve('e1', { by: 'org-wang' }).approvedBy, 'org-wang');
  });

  it("asks for a second person with 'second-person'", () => {
    const { ledger } = ledgerAt({ approval: 'second-person' });
    ledger.record(entry('e1', '09:00', '10:00'));
    const byRecorder = expectUnchanged(
      ledger,
      () => ledger.approve('e1', { by: 'org-wang' }),
      'SELF_APPROVAL',
    );
    assert.deepEqual(byRecorder.path, ['by']);
    assert.equal(byRecorder.details['by'], 'org-wang');
    assert.equal(byRecorder.details['role'], 'recorder');
    assert.equal(
      formatError(byRecorder, 'en'),
      'The person who recorded these hours cannot approve them too.',
    );
    const byVolunteer = expectUnchanged(
      ledger,
      () => ledger.approve('e1', { by: 'v-li' }),
      'SELF_APPROVAL',
    );
    assert.equal(byVolunteer.details['role'], 'volunteer');
    assert.equal(formatError(byVolunteer, 'zh-CN'), '志愿者不能审核自己的时长。');
    assert.equal(ledger.approve('e1', { by: 'org-zhao' }).status, 'approved');
  });
});
