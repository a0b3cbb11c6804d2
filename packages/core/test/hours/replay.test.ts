// Replay trusts nothing: a log written by live calls, damaged in one place, is refused with
// INVALID_LOG, or (when live calls could have written the damaged log too) rebuilds a ledger
// whose rules hold and whose own log is the damaged one. Chained, every damage is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { LanewiseError } from '../../src/errors/index.js';
import {
  createHoursLedger,
  type HourEntry,
  type HoursEvent,
  type HoursLedger,
} from '../../src/hours/index.js';
import { verifyChain } from '../../src/journal/index.js';
import { instantMs } from '../../src/time/parse.js';
import { expectLanewiseError } from '../support/expect.js';
import { logMutation } from '../support/log-mutations.js';
import {
  hoursCommandArb,
  policyArb,
  START_NOW_MS,
  stepHours,
  toPolicy,
  type HoursCommand,
} from './commands.js';
import { entry, ledgerAt } from './fixtures.js';
import { HoursModel, shanghaiDay, type ModelPolicy } from './model.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The log of a ledger that ran `commands` (each checked against the model as it went). */
function liveLedger(policy: ModelPolicy, commands: readonly HoursCommand[], chained: boolean) {
  const clock = manualClock(START_NOW_MS);
  const ledger = createHoursLedger({
    now: clock.now,
    policy: toPolicy(policy),
    ...(chained ? { hash: sha256 } : {}),
  });
  const model = new HoursModel(policy, START_NOW_MS);
  const earlier: HoursCommand[] = [];
  for (const command of commands) {
    stepHours(model, ledger, command, (minutes) => clock.advance({ minutes }), earlier);
  }
  return ledger;
}

const live = (entry: HourEntry) => entry.status === 'pending' || entry.status === 'approved';

/** The rules every ledger keeps, read from its entries alone. */
function assertRulesHold(ledger: HoursLedger, policy: ModelPolicy): void {
  const entries = ledger.snapshot().entries;
  let total = 0;
  const perDay = new Map<string, number>();
  for (const item of entries) {
    const start = instantMs(item.start);
    const end = instantMs(item.end);
    assert.ok(end > start, `${item.id} ends after it starts`);
    assert.ok(end <= instantMs(item.recordedAt), `${item.id} was not recorded before it ended`);
    assert.ok(item.durationMinutes <= policy.maxMinutesPerEntry, `${item.id} is not too long`);
    if (item.creditedMinutes !== undefined) {
      assert.notEqual(
        item.approvedBy,
        item.volunteerId,
        `${item.id} not approved by its volunteer`,
      );
      assert.equal(item.creditedMinutes % policy.unitMinutes, 0, `${item.id} credited in units`);
      assert.ok(item.creditedMinutes <= item.durationMinutes, `${item.id} credits its duration`);
      if (policy.maxMinutesPerActivity !== null) {
        assert.ok(item.creditedMinutes <= policy.maxMinutesPerActivity);
      }
    }
    if (item.status === 'approved') {
      total += item.creditedMinutes!;
      const key = `${item.volunteerId} ${shanghaiDay(start)}`;
      perDay.set(key, (perDay.get(key) ?? 0) + item.creditedMinutes!);
    }
  }
  assert.equal(ledger.creditedMinutes(), total, 'the total is the sum of approved entries');
  if (policy.maxMinutesPerDay !== null) {
    for (const [key, minutes] of perDay) {
      assert.ok(minutes <= policy.maxMinutesPerDay, `daily cap of ${key}`);
    }
  }
  const byVolunteer = new Map<string, HourEntry[]>();
  for (const item of entries.filter(live)) {
    byVolunteer.set(item.volunteerId, [...(byVolunteer.get(item.volunteerId) ?? []), item]);
  }
  for (const [volunteer, items] of byVolunteer) {
    const sorted = items.map((item) => [instantMs(item.start), instantMs(item.end)] as const);
    sorted.sort((left, right) => left[0] - right[0]);
    for (let index = 1; index < sorted.length; index += 1) {
      assert.ok(sorted[index - 1]![1] <= sorted[index]![0], `live entries of ${volunteer} overlap`);
    }
  }
}

const commandsArb = fc.array(hoursCommandArb, { minLength: 5, maxLength: 40 });

describe('hours: replay of a damaged log', () => {
  it('refuses it with INVALID_LOG, or rebuilds a ledger that keeps the rules and that log', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(policyArb, commandsArb, (policy, commands) => {
        const ledger = liveLedger(policy, commands, false);
        const events = ledger.events();
        if (events.length === 0) return;
        fc.assert(
          fc.property(logMutation(events), (mutation) => {
            let rebuilt: HoursLedger;
            try {
              rebuilt = createHoursLedger({
                now: () => new Date(0),
                policy: toPolicy(policy),
                events: mutation.events,
              });
            } catch (error) {
              assert.ok(error instanceof LanewiseError, `${mutation.description}: ${error}`);
              assert.equal(error.code, 'INVALID_LOG', `${mutation.description}: ${error.message}`);
              assert.equal(error.path[0], 'events');
              assert.equal(typeof error.path[1], 'number');
              refused += 1;
              return;
            }
            accepted += 1;
            assert.deepEqual(rebuilt.events(), mutation.events, mutation.description);
            assertRulesHold(rebuilt, policy);
          }),
          { numRuns: 10 },
        );
      }),
      { numRuns: 100 },
    );
    assert.ok(refused > 0 && accepted > 0, `refused ${refused}, accepted ${accepted}`);
  });

  it('refuses every damage to a chained log given its checkpoint', () => {
    fc.assert(
      fc.property(policyArb, commandsArb, (policy, commands) => {
        const ledger = liveLedger(policy, commands, true);
        const events = ledger.events();
        if (events.length === 0) return;
        const checkpoint = ledger.checkpoint();
        // The undamaged log replays.
        const again = createHoursLedger({
          now: () => new Date(0),
          policy: toPolicy(policy),
          events,
          hash: sha256,
          checkpoint,
        });
        assert.deepEqual(again.snapshot(), ledger.snapshot());
        fc.assert(
          fc.property(logMutation(events), (mutation) => {
            expectLanewiseError(
              () =>
                createHoursLedger({
                  now: () => new Date(0),
                  policy: toPolicy(policy),
                  events: mutation.events,
                  hash: sha256,
                  checkpoint,
                }),
              'INVALID_LOG',
            );
          }),
          { numRuns: 10 },
        );
      }),
      { numRuns: 60 },
    );
  });
});

/** A small log: one entry recorded and approved. */
function smallLog(policy = {}) {
  const { ledger } = ledgerAt(policy);
  ledger.record(entry('e1', '09:00', '10:00'));
  ledger.approve('e1', { by: 'org-zhao' });
  return JSON.parse(JSON.stringify(ledger.events())) as HoursEvent[];
}

const rebuild = (events: unknown, policy = {}) =>
  createHoursLedger({ now: () => new Date(0), policy, events: events as HoursEvent[] });

describe('hours: replay checks what the live calls check', () => {
  it('recomputes the credited minutes: 100,000 minutes (star level 5) are refused', () => {
    const events = smallLog();
    (events[1]!.data as { creditedMinutes: number }).creditedMinutes = 100_000;
    const error = expectLanewiseError(() => rebuild(events), 'INVALID_LOG', [
      'events',
      1,
      'data',
      'creditedMinutes',
    ]);
    assert.equal(error.details['expected'], 60);
  });

  it('refuses credited minutes the policy of the replaying ledger would not give', () => {
    const events = smallLog();
    expectLanewiseError(() => rebuild(events, { unitMinutes: 45 }), 'INVALID_LOG', [
      'events',
      1,
      'data',
      'creditedMinutes',
    ]);
  });

  it('refuses a self-approval', () => {
    const events = smallLog();
    (events[1]!.data as { by: string }).by = 'v-li';
    const error = expectLanewiseError(() => rebuild(events), 'INVALID_LOG', [
      'events',
      1,
      'data',
      'by',
    ]);
    assert.equal(error.details['code'], 'SELF_APPROVAL');
  });

  it("refuses an approval by the recorder under 'second-person', accepts it under 'recorder'", () => {
    const events = smallLog();
    (events[1]!.data as { by: string }).by = 'org-wang';
    assert.equal(rebuild(events).get('e1')?.approvedBy, 'org-wang');
    expectLanewiseError(() => rebuild(events, { approval: 'second-person' }), 'INVALID_LOG', [
      'events',
      1,
      'data',
      'by',
    ]);
  });

  it('refuses an entry that ends after the event that recorded it', () => {
    const events = smallLog();
    (events[0] as { at: string }).at = '2025-03-01T09:30:00+08:00';
    expectLanewiseError(() => rebuild(events), 'INVALID_LOG', ['events', 0, 'data', 'end']);
  });

  it('refuses a duplicated event, an overlap, an unknown entry and a bad transition', () => {
    const events = smallLog();
    const [recorded, approved] = events as [HoursEvent, HoursEvent];
    expectLanewiseError(() => rebuild([recorded, { ...recorded, seq: 2 }]), 'INVALID_LOG', [
      'events',
      1,
      'data',
      'id',
    ]);
    const overlapping = { ...recorded, seq: 2, data: { ...recorded.data, id: 'e2' } };
    expectLanewiseError(() => rebuild([recorded, overlapping]), 'INVALID_LOG', [
      'events',
      1,
      'data',
      'start',
    ]);
    expectLanewiseError(() => rebuild([{ ...approved, seq: 1 }]), 'INVALID_LOG', [
      'events',
      0,
      'data',
      'id',
    ]);
    const revokedTwice = {
      seq: 3,
      type: 'hours.rejected',
      at: approved.at,
      data: { id: 'e1', by: 'o', reason: 'x' },
    };
    expectLanewiseError(() => rebuild([...events, revokedTwice]), 'INVALID_LOG', [
      'events',
      2,
      'type',
    ]);
  });

  it('refuses what is not a log, or data that is not an event’s, with INVALID_LOG', () => {
    const events = smallLog();
    for (const bad of [{}, null, 'log', 42]) {
      expectLanewiseError(() => rebuild(bad), 'INVALID_LOG', ['events']);
    }
    expectLanewiseError(() => rebuild([null]), 'INVALID_LOG', ['events', 0]);
    expectLanewiseError(() => rebuild([{ ...events[0], data: null }]), 'INVALID_LOG', [
      'events',
      0,
      'data',
    ]);
    expectLanewiseError(() => rebuild([{ ...events[0], type: 'hours.lost' }]), 'INVALID_LOG', [
      'events',
      0,
      'type',
    ]);
    const amount = { ...events[1], data: { ...events[1]!.data, creditedMinutes: '60' } };
    expectLanewiseError(() => rebuild([events[0], amount]), 'INVALID_LOG', [
      'events',
      1,
      'data',
      'creditedMinutes',
    ]);
    const extra = { ...events[0], data: { ...events[0]!.data, extra: 1 } };
    expectLanewiseError(() => rebuild([extra]), 'INVALID_LOG', ['events', 0, 'data', 'extra']);
    const padded = { ...events[0], data: { ...events[0]!.data, note: ' padded ' } };
    expectLanewiseError(() => rebuild([padded]), 'INVALID_LOG', ['events', 0, 'data', 'note']);
  });

  it('refuses a chained event when the ledger is not chained, and a cut-off tail', () => {
    const { ledger } = ledgerAt();
    const chained = createHoursLedger({ now: ledgerAt().clock.now, hash: sha256 });
    chained.record(entry('e1', '09:00', '10:00'));
    chained.approve('e1', { by: 'org-zhao' });
    const events = chained.events();
    assert.ok(events.every((event) => typeof event.hash === 'string'));
    expectLanewiseError(() => rebuild(events), 'INVALID_LOG', ['events', 0, 'hash']);
    const checkpoint = chained.checkpoint();
    assert.deepEqual(checkpoint, { seq: 2, hash: events[1]!.hash });
    expectLanewiseError(
      () =>
        createHoursLedger({
          now: () => new Date(0),
          hash: sha256,
          events: events.slice(0, 1),
          checkpoint,
        }),
      'INVALID_LOG',
      ['events', 1],
    );
    // Reordered keys (as jsonb stores them) still verify.
    const reordered = events.map((event) => ({
      hash: event.hash,
      data: Object.fromEntries(Object.entries(event.data).reverse()),
      at: event.at,
      type: event.type,
      seq: event.seq,
    }));
    const again = createHoursLedger({
      now: () => new Date(0),
      hash: sha256,
      events: reordered as never,
      checkpoint,
    });
    assert.deepEqual(again.snapshot(), chained.snapshot());
    assert.deepEqual(ledger.checkpoint(), { seq: 0 });
  });

  it('chains the same events whether or not someone listens', () => {
    const heard: HoursEvent[] = [];
    const quiet = createHoursLedger({ now: ledgerAt().clock.now, hash: sha256 });
    const loud = createHoursLedger({ now: ledgerAt().clock.now, hash: sha256 });
    loud.subscribe((event) => heard.push(event));
    for (const target of [quiet, loud]) {
      target.record(entry('e1', '09:00', '10:00', { note: 'n', tags: ['repair'] }));
      target.approve('e1', { by: 'org-zhao' });
      target.correct('e1', { id: 'e1b', end: '2025-03-01T10:30:00+08:00', by: 'o', reason: 'r' });
      target.reject('e1b', { by: 'org-zhao', reason: 'no' });
    }
    assert.deepEqual(quiet.events(), loud.events());
    assert.deepEqual(heard, loud.events());
    assert.deepEqual(quiet.checkpoint(), loud.checkpoint());
    assert.equal(verifyChain(quiet.events(), sha256).ok, true);
  });

  it('builds nothing from a refused log, and the caller cannot change a rebuilt ledger', () => {
    const events = smallLog();
    const rebuilt = rebuild(events);
    (events[0]!.data as { volunteerId: string }).volunteerId = 'someone-else';
    assert.equal(rebuilt.get('e1')?.volunteerId, 'v-li');
  });
});
