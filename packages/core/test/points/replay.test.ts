// Replay trusts nothing: a log is checked as strictly as the live calls that wrote it. Valid
// logs are made by live calls; one edit (a field changed, an event dropped, duplicated or moved)
// gives either INVALID_LOG or a log some ledger could have written, whose replay keeps the
// invariants and reports exactly that log. With a hash chain every edit is INVALID_LOG.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { formatError, LanewiseError } from '../../src/errors/index.js';
import {
  createPointsLedger,
  type PointsEvent,
  type PointsLedger,
  type PointsPolicy,
} from '../../src/points/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { logMutation } from '../support/log-mutations.js';
import { assertInvariants } from './helpers.js';

const START = '2025-01-10T09:00:00+08:00';
const POLICY: PointsPolicy = { expireAfterMonths: 1, redemptionHoldMinutes: 60 };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

type Op =
  | {
      kind: 'earn' | 'spend' | 'reverse' | 'hold';
      volunteer: number;
      amount: number;
      timeout?: number;
    }
  | { kind: 'post' | 'void'; pick: number }
  | { kind: 'item'; item: number; cost: number; stock: number }
  | { kind: 'restock'; item: number; quantity: number }
  | { kind: 'redeem'; volunteer: number; item: number; quantity: number }
  | { kind: 'fulfil' | 'cancel'; pick: number }
  | { kind: 'advance'; minutes: number }
  | { kind: 'expirePending' | 'expire' };

const volunteer = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('earn' as const),
      volunteer,
      amount: fc.integer({ min: 1, max: 50 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('spend' as const),
      volunteer,
      amount: fc.integer({ min: 1, max: 30 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reverse' as const),
      volunteer,
      amount: fc.integer({ min: 1, max: 30 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant('hold' as const),
        volunteer,
        amount: fc.integer({ min: 1, max: 20 }),
        timeout: fc.integer({ min: 1, max: 120 }),
      },
      { requiredKeys: ['kind', 'volunteer', 'amount'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('post' as const, 'void' as const),
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('item' as const),
      item: fc.integer({ min: 0, max: 1 }),
      cost: fc.integer({ min: 1, max: 20 }),
      stock: fc.integer({ min: 0, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('restock' as const),
      item: fc.integer({ min: 0, max: 1 }),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      volunteer,
      item: fc.integer({ min: 0, max: 1 }),
      quantity: fc.integer({ min: 1, max: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('fulfil' as const, 'cancel' as const),
      pick: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      minutes: fc.integer({ min: 1, max: 60 * 24 * 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('expirePending' as const, 'expire' as const) }),
  },
);

/** Runs the operations as live calls (refused ones change nothing) and returns the ledger. */
function live(ops: readonly Op[], hash?: (text: string) => string): PointsLedger {
  const clock = manualClock(START);
  const ledger = createPointsLedger({ now: clock.now, policy: POLICY, ...(hash ? { hash } : {}) });
  const holds: string[] = [];
  const redemptions: string[] = [];
  ops.forEach((step, index) => {
    const id = `t${index}`;
    const account = (n: number) => `volunteer:v${n}`;
    try {
      switch (step.kind) {
        case 'earn':
          ledger.transfer({
            id,
            from: 'issuer',
            to: account(step.volunteer),
            amount: step.amount,
            code: 'earn',
            ref: `e${index}`,
          });
          break;
        case 'spend':
          ledger.transfer({
            id,
            from: account(step.volunteer),
            to: 'station:s1',
            amount: step.amount,
            code: 'spend',
          });
          break;
        case 'reverse':
          ledger.transfer({
            id,
            from: account(step.volunteer),
            to: 'issuer',
            amount: step.amount,
            code: 'reverse',
            reversal: true,
          });
          break;
        case 'hold':
          ledger.transfer({
            id,
            from: account(step.volunteer),
            to: 'station:s2',
            amount: step.amount,
            code: 'hold',
            pending: step.timeout === undefined ? {} : { timeoutMinutes: step.timeout },
          });
          holds.push(id);
          break;
        case 'post':
        case 'void': {
          const target = holds[step.pick % Math.max(1, holds.length)];
          if (target === undefined) break;
          if (step.kind === 'post') ledger.post(target, { by: 'clerk' });
          else ledger.void(target, { reason: 'changed' });
          break;
        }
        case 'item':
          ledger.addItem({
            id: `item${step.item}`,
            name: 'Soap',
            cost: step.cost,
            stock: step.stock,
            stationId: 's1',
            limit: { count: 3, per: 'month' },
          });
          break;
        case 'restock':
          ledger.restock(`item${step.item}`, step.quantity);
          break;
        case 'redeem':
          ledger.redeem({
            id: `r${index}`,
            volunteerId: `v${step.volunteer}`,
            itemId: `item${step.item}`,
            quantity: step.quantity,
          });
          redemptions.push(`r${index}`);
          break;
        case 'fulfil':
        case 'cancel': {
          const target = redemptions[step.pick % Math.max(1, redemptions.length)];
          if (target === undefined) break;
          if (step.kind === 'fulfil') ledger.fulfil(target, { by: 'clerk' });
          else ledger.cancel(target, { reason: 'not collected' });
          break;
        }
        case 'advance':
          clock.advance({ minutes: step.minutes });
          break;
        case 'expirePending':
          ledger.expirePending(clock.now());
          break;
        case 'expire':
          ledger.expire(clock.now());
          break;
      }
    } catch (error) {
      if (!(error instanceof LanewiseError)) throw error;
    }
  });
  return ledger;
}

/** The log as storage gives it back: plain, unfrozen JSON. */
const stored = (ledger: PointsLedger): Record<string, unknown>[] =>
  JSON.parse(JSON.stringify(ledger.events())) as Record<string, unknown>[];

const renumber = (events: Record<string, unknown>[]) =>
  events.map((event, index) => ({ ...event, seq: index + 1 }));

const ops = fc.array(op, { minLength: 5, maxLength: 40 });

/** A live ledger's log (at least one event) and one damaged copy of it. */
const damaged = (hash?: (text: string) => string) =>
  ops
    .map((steps) => live(steps, hash))
    .filter((ledger) => ledger.events().length > 0)
    .chain((ledger) => logMutation(ledger.events()).map((mutation) => ({ ledger, mutation })));

describe('replay of an edited log', () => {
  it('is INVALID_LOG, or a ledger that keeps the invariants and reports the edited log', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(damaged(), ({ mutation }) => {
        const log = mutation.events;
        const clock = manualClock('2031-01-01T00:00:00+08:00');
        let replayed: PointsLedger;
        try {
          replayed = createPointsLedger({ now: clock.now, policy: POLICY, events: log as never });
        } catch (error) {
          assert.ok(error instanceof LanewiseError, `${mutation.description}: ${String(error)}`);
          assert.equal(error.code, 'INVALID_LOG', `${mutation.description}: ${error.message}`);
          assert.equal(error.path[0], 'events');
          assert.equal(typeof error.path[1], 'number');
          refused++;
          return;
        }
        accepted++;
        assert.deepStrictEqual(
          JSON.parse(JSON.stringify(replayed.events())),
          log,
          mutation.description,
        );
        assertInvariants(replayed, { now: clock.now, policy: POLICY });
      }),
      { numRuns: 1000 },
    );
    // Both outcomes are exercised: the property is not vacuous.
    assert.ok(refused > 50, `only ${refused} edits refused`);
    assert.ok(accepted > 5, `only ${accepted} edits accepted`);
  });

  it('is always INVALID_LOG when the log is chained and its checkpoint kept', () => {
    fc.assert(
      fc.property(damaged(sha256), ({ ledger, mutation }) => {
        const log = mutation.events;
        const clock = manualClock('2031-01-01T00:00:00+08:00');
        expectLanewiseError(
          () =>
            createPointsLedger({
              now: clock.now,
              policy: POLICY,
              hash: sha256,
              checkpoint: ledger.checkpoint(),
              events: log as never,
            }),
          'INVALID_LOG',
        );
      }),
      { numRuns: 500 },
    );
  });

  it('rebuilds a chained log, with its keys in any order, and goes on chaining', () => {
    const ledger = live(
      [
        { kind: 'earn', volunteer: 0, amount: 40 },
        { kind: 'item', item: 0, cost: 5, stock: 2 },
        { kind: 'redeem', volunteer: 0, item: 0, quantity: 1 },
        { kind: 'hold', volunteer: 0, amount: 5, timeout: 30 },
        { kind: 'post', pick: 0 },
      ],
      sha256,
    );
    const reordered = stored(ledger).map((event) =>
      Object.fromEntries(Object.entries(event).reverse()),
    );
    const clock = manualClock(START);
    const again = createPointsLedger({
      now: clock.now,
      policy: POLICY,
      hash: sha256,
      checkpoint: ledger.checkpoint(),
      events: reordered as never,
    });
    assert.deepEqual(again.snapshot(), ledger.snapshot());
    assert.deepEqual(again.checkpoint(), ledger.checkpoint());
    again.transfer({ id: 'more', from: 'issuer', to: 'volunteer:v0', amount: 1, code: 'earn' });
    const third = createPointsLedger({
      now: clock.now,
      policy: POLICY,
      hash: sha256,
      checkpoint: again.checkpoint(),
      events: again.events(),
    });
    assert.equal(third.balance('volunteer:v0').posted, again.balance('volunteer:v0').posted);
    // A cut-off tail is seen against the checkpoint.
    expectLanewiseError(
      () =>
        createPointsLedger({
          now: clock.now,
          policy: POLICY,
          hash: sha256,
          checkpoint: again.checkpoint(),
          events: again.events().slice(0, -1),
        }),
      'INVALID_LOG',
    );
  });
});

describe('replay applies the live transfer rules', () => {
  const clock = manualClock(START);
  const base = (): PointsEvent[] => {
    const ledger = createPointsLedger({ now: clock.now });
    ledger.transfer({ id: 'e1', from: 'issuer', to: 'volunteer:v1', amount: 100, code: 'earn' });
    ledger.transfer({
      id: 's1',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 30,
      code: 'spend',
    });
    return JSON.parse(JSON.stringify(ledger.events())) as PointsEvent[];
  };
  const withData = (index: number, change: Record<string, unknown>) => {
    const events = base() as unknown as { data: Record<string, unknown> }[];
    events[index]!.data = { ...events[index]!.data, ...change };
    return events as unknown as PointsEvent[];
  };
  const refused = (events: unknown, path: (string | number)[]) =>
    expectLanewiseError(
      () => createPointsLedger({ now: clock.now, events: events as never }),
      'INVALID_LOG',
      path,
    );

  it('refuses an amount that is not a positive whole number', () => {
    const error = refused(withData(0, { amount: '100' }), ['events', 0, 'data', 'amount']);
    assert.match(formatError(error, 'zh-CN'), /events\.0\.data\.amount/);
    assert.match(formatError(error, 'en'), /must be a number/);
    refused(withData(0, { amount: -100 }), ['events', 0, 'data', 'amount']);
    refused(withData(0, { amount: 1.5 }), ['events', 0, 'data', 'amount']);
    refused(withData(0, { amount: 2 ** 53 }), ['events', 0, 'data', 'amount']);
  });

  it('refuses an unknown account and an overdraft without reversal', () => {
    refused(withData(0, { to: 'hacker' }), ['events', 0, 'data', 'to']);
    const overdraft = refused(withData(1, { amount: 101 }), ['events', 1, 'data', 'amount']);
    assert.equal(overdraft.details['code'], 'INSUFFICIENT_POINTS');
    // The same overdraft is what a reversal may do.
    const reversal = createPointsLedger({
      now: clock.now,
      events: withData(1, { amount: 101, reversal: true }),
    });
    assert.equal(reversal.owing('volunteer:v1'), 1);
    refused(withData(1, { reversal: false }), ['events', 1, 'data', 'reversal']);
  });

  it('refuses a repeated id, a bad transition and a timeout past the range', () => {
    const events = base();
    refused([events[0], { ...events[0], seq: 2 }], ['events', 1, 'data', 'id']);
    refused(
      [...events, { seq: 3, type: 'points.posted', at: events[1]!.at, data: { id: 's1' } }],
      ['events', 2, 'data', 'id'],
    );
    refused(withData(0, { pending: { timeoutMinutes: 1.5e11 } }), [
      'events',
      0,
      'data',
      'pending',
      'timeoutMinutes',
    ]);
    const late = withData(0, { pending: { timeoutMinutes: 525_600 * 990 } });
    refused(late, ['events', 0, 'data', 'pending', 'timeoutMinutes']);
  });

  it('refuses what is not a log with INVALID_LOG, never a TypeError', () => {
    for (const events of [null, {}, 'log', 3]) refused(events, ['events']);
    refused([null], ['events', 0]);
    refused([{ ...base()[0], data: null }], ['events', 0, 'data']);
    refused([{ ...base()[0], type: 'points.timedOut' }], ['events', 0, 'type']);
    refused(
      [{ ...base()[0], data: { ...base()[0]!.data, extra: 1 } }],
      ['events', 0, 'data', 'extra'],
    );
  });

  it('refuses an event whose getters answer differently when read again', () => {
    const [first] = base();
    let reads = 0;
    const shifty = {
      seq: 1,
      get type() {
        return reads++ === 0 ? 'points.transferred' : '__proto__';
      },
      at: first!.at,
      data: first!.data,
    };
    refused([shifty], ['events', 0, 'type']);
    let atReads = 0;
    const late = {
      ...first,
      get at() {
        return atReads++ === 0 ? first!.at : 'yesterday';
      },
    };
    refused([late], ['events', 0, 'at']);
  });

  it('refuses a redemption without its hold, or one that does not match it', () => {
    const ledger = createPointsLedger({ now: clock.now, policy: POLICY });
    ledger.transfer({ id: 'e1', from: 'issuer', to: 'volunteer:v1', amount: 100, code: 'earn' });
    ledger.addItem({ id: 'soap', name: 'Soap', cost: 10, stock: 5, stationId: 's1' });
    ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 2 });
    const events = JSON.parse(JSON.stringify(ledger.events())) as Record<string, unknown>[];
    const replay = (log: unknown[], policy: PointsPolicy = POLICY) =>
      createPointsLedger({ now: clock.now, policy, events: log as never });
    assert.deepEqual(replay(events).snapshot(), ledger.snapshot());
    // Without the hold.
    expectLanewiseError(
      () => replay(renumber(events.filter((_, index) => index !== 2))),
      'INVALID_LOG',
      ['events', 2, 'data', 'id'],
    );
    // A hold for less than the items cost.
    const cheap = events.map((event, index) =>
      index === 2 ? { ...event, data: { ...(event['data'] as object), amount: 10 } } : event,
    );
    expectLanewiseError(() => replay(cheap), 'INVALID_LOG', ['events', 3, 'data', 'id']);
    // A ledger whose policy holds for another time could not have written it.
    expectLanewiseError(() => replay(events, { redemptionHoldMinutes: 30 }), 'INVALID_LOG', [
      'events',
      3,
      'data',
      'id',
    ]);
    // More than the stock.
    const greedy = events.map((event, index) =>
      index === 3 ? { ...event, data: { ...(event['data'] as object), quantity: 9 } } : event,
    );
    expectLanewiseError(() => replay(greedy), 'INVALID_LOG', ['events', 3, 'data', 'quantity']);
  });
});

describe('a checkpoint without a log', () => {
  it('is checked against the empty log', () => {
    const clock = manualClock(START);
    expectLanewiseError(
      () => createPointsLedger({ now: clock.now, checkpoint: { seq: 3 } }),
      'INVALID_LOG',
    );
    assert.deepEqual(createPointsLedger({ now: clock.now, checkpoint: { seq: 0 } }).checkpoint(), {
      seq: 0,
    });
  });
});
