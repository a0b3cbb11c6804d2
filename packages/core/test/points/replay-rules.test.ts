// Replay applies the live transfer rules: a logged amount, account, id, transition, timeout or
// redemption that the live calls would have refused is INVALID_LOG at the event and field, as
// is what is not a log at all, never a TypeError.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { formatError } from '../../src/errors/index.js';
import { createPointsLedger, type PointsEvent, type PointsPolicy } from '../../src/points/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { POLICY, START } from './helpers.js';

const renumber = (events: Record<string, unknown>[]) =>
  events.map((event, index) => ({ ...event, seq: index + 1 }));

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
