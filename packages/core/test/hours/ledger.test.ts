import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHoursLedger, type HoursEvent } from '../../src/hours/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { assertRejected, entry, ledgerAt, NOW } from './fixtures.js';

describe('hours: record', () => {
  it('records a pending entry with its duration and local day', () => {
    const { ledger } = ledgerAt();
    const recorded = ledger.record(
      entry('e1', '09:00', '11:10', { note: 'knife grinding', tags: ['repair'] }),
    );
    assert.equal(recorded.status, 'pending');
    assert.equal(recorded.durationMinutes, 130);
    assert.equal(recorded.day, '2025-03-01');
    assert.equal(recorded.recordedAt, '2025-03-10T12:00:00.000+08:00');
    assert.deepEqual(recorded.tags, ['repair']);
    assert.equal(recorded.creditedMinutes, undefined);
    assert.equal(ledger.get('e1'), recorded);
    assert.ok(Object.isFrozen(recorded));
  });

  it('takes the day of the start in the ledger time zone', () => {
    const late = entry('e1', '00:30', '01:30');
    late.start = '2025-02-28T16:30:00Z';
    late.end = '2025-02-28T17:30:00Z';
    assert.equal(ledgerAt().ledger.record(late).day, '2025-03-01');
    assert.equal(ledgerAt({}, 'UTC').ledger.record(late).day, '2025-02-28');
  });

  it('returns the stored entry for the same id and content, also written with another offset', () => {
    const { ledger } = ledgerAt();
    const first = ledger.record(entry('e1', '09:00', '10:00'));
    const again = ledger.record({
      ...entry('e1', '09:00', '10:00'),
      start: '2025-03-01T01:00:00Z',
    });
    assert.equal(again, first);
    assert.equal(ledger.events().length, 1);
  });

  it('refuses the same id with other content', () => {
    const { ledger } = ledgerAt();
    ledger.record(entry('e1', '09:00', '10:00'));
    assertRejected(ledger, () => ledger.record(entry('e1', '09:00', '10:30')), 'ID_CONFLICT', [
      'id',
    ]);
    assertRejected(
      ledger,
      () => ledger.record(entry('e1', '09:00', '10:00', { note: 'other' })),
      'ID_CONFLICT',
    );
  });

  it('refuses end <= start, over-long, future and overlapping entries', () => {
    const { ledger } = ledgerAt({ maxMinutesPerEntry: 240 });
    assertRejected(ledger, () => ledger.record(entry('e1', '10:00', '10:00')), 'INVALID_INPUT', [
      'end',
    ]);
    assertRejected(ledger, () => ledger.record(entry('e1', '10:00', '09:00')), 'INVALID_INPUT', [
      'end',
    ]);
    const long = assertRejected(
      ledger,
      () => ledger.record(entry('e1', '08:00', '12:01')),
      'DURATION_LIMIT',
    );
    assert.deepEqual(long.details, { durationMinutes: 241, maxMinutesPerEntry: 240 });
    ledger.record(entry('e1', '08:00', '12:00'));
    const future = {
      ...entry('e2', '09:00', '10:00'),
      start: '2025-03-10T11:30:00+08:00',
      end: '2025-03-10T12:00:01+08:00',
    };
    assertRejected(ledger, () => ledger.record(future), 'FUTURE_ENTRY', ['end']);
    ledger.record({ ...future, end: NOW });
    const overlap = assertRejected(
      ledger,
      () => ledger.record(entry('e3', '11:59', '13:00')),
      'OVERLAP',
    );
    assert.equal(overlap.details.with, 'e1');
    assertRejected(ledger, () => ledger.record(entry('e3', '07:00', '08:30')), 'OVERLAP');
    assertRejected(ledger, () => ledger.record(entry('e3', '09:00', '10:00')), 'OVERLAP');
  });

  it('allows touching entries, other volunteers and times freed by rejection', () => {
    const { ledger } = ledgerAt();
    ledger.record(entry('e1', '09:00', '10:00'));
    ledger.record(entry('e2', '10:00', '11:00'));
    ledger.record(entry('e3', '08:00', '09:00'));
    ledger.record(entry('e4', '09:00', '10:00', { volunteerId: 'v-zhang' }));
    ledger.reject('e1', { by: 'org-zhao', reason: 'not there' });
    ledger.record(entry('e5', '09:15', '09:45'));
    assert.deepEqual(
      ledger.list({ volunteerId: 'v-li' }).map((item) => item.id),
      ['e3', 'e1', 'e5', 'e2'],
    );
  });
});

describe('hours: approve, reject, revoke, correct', () => {
  it('approves with credited minutes and counts them', () => {
    const { ledger } = ledgerAt();
    ledger.record(entry('e1', '09:00', '11:10'));
    const approved = ledger.approve('e1', { by: 'org-zhao' });
    assert.equal(approved.status, 'approved');
    assert.equal(approved.creditedMinutes, 130);
    assert.equal(approved.approvedBy, 'org-zhao');
    assert.equal(ledger.creditedMinutes({ volunteerId: 'v-li' }), 130);
    assert.equal(ledger.creditedMinutes(), 130);
  });

  it('refuses self-approval, unknown ids and moves the status does not allow', () => {
    const { ledger } = ledgerAt();
    ledger.record(entry('e1', '09:00', '10:00'));
    assertRejected(ledger, () => ledger.approve('e1', { by: 'v-li' }), 'SELF_APPROVAL', ['by']);
    assertRejected(ledger, () => ledger.approve('nope', { by: 'org-zhao' }), 'NOT_FOUND', ['id']);
    assertRejected(
      ledger,
      () => ledger.revoke('e1', { by: 'org-zhao', reason: 'x' }),
      'INVALID_TRANSITION',
    );
    ledger.reject('e1', { by: 'org-zhao', reason: 'duplicate' });
    for (const move of [
      () => ledger.approve('e1', { by: 'org-zhao' }),
      () => ledger.reject('e1', { by: 'org-zhao', reason: 'again' }),
      () => ledger.revoke('e1', { by: 'org-zhao', reason: 'x' }),
      () => ledger.correct('e1', { id: 'e2', by: 'org-zhao', reason: 'x' }),
    ]) {
      assertRejected(ledger, move, 'INVALID_TRANSITION');
    }
    ledger.record(entry('e3', '11:00', '12:00'));
    ledger.approve('e3', { by: 'org-zhao' });
    assertRejected(ledger, () => ledger.approve('e3', { by: 'org-zhao' }), 'INVALID_TRANSITION');
    assertRejected(
      ledger,
      () => ledger.reject('e3', { by: 'org-zhao', reason: 'x' }),
      'INVALID_TRANSITION',
    );
  });

  it('revokes: the record stays, its minutes stop counting and its time is free again', () => {
    const { ledger } = ledgerAt();
    ledger.record(entry('e1', '09:00', '10:00'));
    ledger.approve('e1', { by: 'org-zhao' });
    const revoked = ledger.revoke('e1', { by: 'org-zhao', reason: 'was not there' });
    assert.equal(revoked.status, 'revoked');
    assert.equal(revoked.creditedMinutes, 60);
    assert.equal(revoked.reason, 'was not there');
    assert.equal(ledger.creditedMinutes({ volunteerId: 'v-li' }), 0);
    ledger.record(entry('e2', '09:00', '10:00'));
  });

  it('corrects: the old entry is superseded and linked, the new one is pending', () => {
    const { ledger } = ledgerAt();
    ledger.record(entry('e1', '09:00', '10:00', { tags: ['repair'] }));
    ledger.approve('e1', { by: 'org-zhao' });
    const fixed = ledger.correct('e1', {
      id: 'e1b',
      end: '2025-03-01T10:30:00+08:00',
      by: 'org-zhao',
      reason: 'volunteer reported 30 minutes missing',
    });
    assert.equal(fixed.status, 'pending');
    assert.equal(fixed.corrects, 'e1');
    assert.equal(fixed.durationMinutes, 90);
    assert.equal(fixed.recordedBy, 'org-zhao');
    assert.deepEqual(fixed.tags, ['repair']);
    const old = ledger.get('e1')!;
    assert.equal(old.status, 'superseded');
    assert.equal(old.supersededBy, 'e1b');
    assert.equal(old.creditedMinutes, 60);
    assert.equal(ledger.creditedMinutes(), 0);
    assert.equal(ledger.approve('e1b', { by: 'org-wang' }).creditedMinutes, 90);
  });

  it('checks the corrected entry like a new one, and repeats a correction idempotently', () => {
    const { ledger } = ledgerAt({ maxMinutesPerEntry: 180 });
    ledger.record(entry('e1', '09:00', '10:00'));
    ledger.record(entry('e2', '11:00', '12:00'));
    const move = { id: 'e1b', end: '2025-03-01T11:30:00+08:00', by: 'org-zhao', reason: 'late' };
    assertRejected(ledger, () => ledger.correct('e1', move), 'OVERLAP');
    assertRejected(
      ledger,
      () =>
        ledger.correct('e1', {
          ...move,
          end: '2025-03-01T10:30:00+08:00',
          start: '2025-03-01T07:00:00+08:00',
        }),
      'DURATION_LIMIT',
    );
    assertRejected(ledger, () => ledger.correct('e1', { ...move, id: 'e2' }), 'ID_CONFLICT');
    const ok = { ...move, end: '2025-03-01T10:45:00+08:00' };
    const fixed = ledger.correct('e1', ok);
    assert.equal(ledger.correct('e1', ok), fixed);
    assertRejected(ledger, () => ledger.correct('e1', { ...ok, reason: 'other' }), 'ID_CONFLICT');
    assertRejected(ledger, () => ledger.correct('e1', { ...ok, id: 'e1c' }), 'INVALID_TRANSITION');
  });

  it('finds overlaps beyond the entry being corrected, on both sides', () => {
    const { ledger } = ledgerAt();
    ledger.record(entry('before', '08:00', '09:00'));
    ledger.record(entry('old', '09:00', '10:00'));
    ledger.record(entry('after', '10:00', '11:00'));
    const earlier = { id: 'new', start: '2025-03-01T08:30:00+08:00', by: 'org-zhao', reason: 'x' };
    assert.equal(
      assertRejected(ledger, () => ledger.correct('old', earlier), 'OVERLAP').details.with,
      'before',
    );
    const later = { id: 'new', end: '2025-03-01T10:30:00+08:00', by: 'org-zhao', reason: 'x' };
    assert.equal(
      assertRejected(ledger, () => ledger.correct('old', later), 'OVERLAP').details.with,
      'after',
    );
    const inside = { id: 'new', start: '2025-03-01T09:15:00+08:00', by: 'org-zhao', reason: 'x' };
    assert.equal(ledger.correct('old', inside).start, '2025-03-01T09:15:00.000+08:00');
  });

  it('does not take a record call with a correction id as a repeat', () => {
    const { ledger } = ledgerAt();
    ledger.record(entry('e1', '09:00', '10:00'));
    const fixed = ledger.correct('e1', {
      id: 'e1b',
      by: 'org-zhao',
      reason: 'same times, new organiser',
    });
    const lookalike = { ...entry('e1b', '09:00', '10:00'), recordedBy: fixed.recordedBy };
    assertRejected(ledger, () => ledger.record(lookalike), 'ID_CONFLICT');
  });

  it('never changes credited minutes after approval', () => {
    const { ledger } = ledgerAt({ maxMinutesPerDay: 90 });
    ledger.record(entry('e1', '09:00', '10:00'));
    ledger.record(entry('e2', '10:00', '11:00'));
    const first = ledger.approve('e1', { by: 'org-zhao' });
    ledger.approve('e2', { by: 'org-zhao' });
    ledger.revoke('e1', { by: 'org-zhao', reason: 'mistake' });
    assert.equal(ledger.get('e1')!.creditedMinutes, first.creditedMinutes);
    assert.equal(ledger.get('e2')!.creditedMinutes, 30);
  });
});

describe('hours: log, replay, subscribe, snapshot', () => {
  it('rebuilds an equal ledger from its events', () => {
    const { ledger, clock } = ledgerAt({ unitMinutes: 15, maxMinutesPerDay: 120 });
    ledger.record(entry('e1', '09:00', '10:10'));
    clock.advance({ minutes: 5 });
    ledger.approve('e1', { by: 'org-zhao' });
    ledger.record(entry('e2', '10:10', '11:50', { tags: ['elderly'] }));
    ledger.approve('e2', { by: 'org-zhao' });
    ledger.correct('e2', {
      id: 'e2b',
      start: '2025-03-01T10:20:00+08:00',
      by: 'org-zhao',
      reason: 'x',
    });
    ledger.record(entry('e3', '13:00', '14:00'));
    ledger.reject('e3', { by: 'org-zhao', reason: 'y' });
    const rebuilt = createHoursLedger({
      now: () => new Date(0),
      policy: { unitMinutes: 15, maxMinutesPerDay: 120 },
      events: ledger.events(),
    });
    assert.deepEqual(rebuilt.snapshot(), ledger.snapshot());
    assert.equal(
      rebuilt.creditedMinutes({ volunteerId: 'v-li' }),
      ledger.creditedMinutes({ volunteerId: 'v-li' }),
    );
    assert.equal(rebuilt.events().length, ledger.events().length);
  });

  it('refuses a log that does not hold together', () => {
    const { ledger } = ledgerAt();
    ledger.record(entry('e1', '09:00', '10:00'));
    ledger.approve('e1', { by: 'org-zhao' });
    const [recorded, approved] = ledger.events() as [HoursEvent, HoursEvent];
    const broken = [
      { ...approved, seq: 1 },
      { ...recorded, seq: 2 },
    ] as HoursEvent[];
    expectLanewiseError(
      () => createHoursLedger({ now: () => new Date(0), events: broken }),
      'INVALID_LOG',
      ['events', 0, 'data', 'id'],
    );
  });

  it('tells subscribers after the change, with a current snapshot', () => {
    const { ledger } = ledgerAt();
    const seen: string[] = [];
    const stop = ledger.subscribe((event) =>
      seen.push(`${event.type}:${ledger.snapshot().version}`),
    );
    ledger.record(entry('e1', '09:00', '10:00'));
    ledger.approve('e1', { by: 'org-zhao' });
    stop();
    ledger.record(entry('e2', '10:00', '11:00'));
    assert.deepEqual(seen, ['hours.recorded:1', 'hours.approved:2']);
  });

  it('keeps the snapshot object until the next change', () => {
    const { ledger } = ledgerAt();
    const empty = ledger.snapshot();
    assert.equal(ledger.snapshot(), empty);
    ledger.record(entry('e1', '09:00', '10:00'));
    assert.notEqual(ledger.snapshot(), empty);
    assert.deepEqual(
      ledger.snapshot().entries.map((item) => item.id),
      ['e1'],
    );
  });

  it('validates its options', () => {
    for (const [options, path] of [
      [{ now: () => new Date(0), timeZone: 'Mars/Olympus' }, ['timeZone']],
      [{ now: () => new Date(0), policy: { unitMinutes: 0 } }, ['policy', 'unitMinutes']],
      [
        { now: () => new Date(0), policy: { starThresholdsHours: [300, 100] } },
        ['policy', 'starThresholdsHours'],
      ],
      [{ now: 'today' }, ['now']],
    ] as const) {
      assert.throws(
        () => createHoursLedger(options as never),
        (error: Error & { code?: string; path?: unknown }) =>
          error.code === 'INVALID_INPUT' && JSON.stringify(error.path) === JSON.stringify(path),
      );
    }
  });
});
