// Replay trusts nothing: a log is checked as strictly as the live calls that wrote it. Valid
// logs are made by live calls; one edit (a field changed, an event dropped, duplicated or moved)
// gives either INVALID_LOG or a log some ledger could have written, whose replay keeps the
// invariants and reports exactly that log. With a hash chain every edit is INVALID_LOG, and a
// checkpoint is checked even against the empty log.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { LanewiseError } from '../../src/errors/index.js';
import { createPointsLedger, type PointsLedger } from '../../src/points/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { logMutation } from '../support/log-mutations.js';
import { assertInvariants, POLICY, START } from './helpers.js';

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
