import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { createPointsLedger, type PointsEvent } from '../../src/points/index.js';
import { assertInvariants } from './helpers.js';
import { expectUnchanged } from '../support/expect.js';

const start = '2025-03-01T09:00:00+08:00';

function setup() {
  const clock = manualClock(start);
  const ledger = createPointsLedger({ now: clock.now });
  const check = () => assertInvariants(ledger, { now: clock.now });
  return { clock, ledger, check };
}

describe('point transfers', () => {
  it('moves points between accounts, opening volunteer accounts on first use', () => {
    const { ledger, check } = setup();
    const transfer = ledger.transfer({
      id: 'earn:e1',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 10,
      code: 'earn',
      ref: 'e1',
    });
    assert.deepEqual(transfer, {
      id: 'earn:e1',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 10,
      code: 'earn',
      ref: 'e1',
      at: '2025-03-01T09:00:00.000+08:00',
      status: 'posted',
    });
    assert.deepEqual(ledger.balance('volunteer:v1'), { posted: 10, pending: 0, available: 10 });
    assert.deepEqual(ledger.balance('issuer'), { posted: -10, pending: 0, available: -10 });
    assert.deepEqual(ledger.balance('volunteer:never'), { posted: 0, pending: 0, available: 0 });
    ledger.transfer({
      id: 'gift',
      from: 'volunteer:v1',
      to: 'volunteer:v2',
      amount: 4,
      code: 'gift',
    });
    assert.equal(ledger.balance('volunteer:v1').posted, 6);
    assert.equal(ledger.balance('volunteer:v2').posted, 4);
    check();
  });

  it('returns the stored transfer for the same id and content, ID_CONFLICT for other content', () => {
    const { ledger, clock, check } = setup();
    const first = ledger.transfer({
      id: 't1',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 10,
      code: 'earn',
    });
    clock.advance({ hours: 1 });
    const again = ledger.transfer({
      id: 't1',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 10,
      code: 'earn',
    });
    assert.deepEqual(again, first);
    assert.equal(ledger.events().length, 1);
    expectUnchanged(
      ledger,
      () =>
        ledger.transfer({ id: 't1', from: 'issuer', to: 'volunteer:v1', amount: 11, code: 'earn' }),
      'ID_CONFLICT',
    );
    expectUnchanged(
      ledger,
      () =>
        ledger.transfer({
          id: 't1',
          from: 'issuer',
          to: 'volunteer:v1',
          amount: 10,
          code: 'earn',
          ref: 'x',
        }),
      'ID_CONFLICT',
    );
    check();
  });

  it('keeps each transfer its own fields when reading an input makes another transfer', () => {
    const { ledger, check } = setup();
    const input = {
      id: 'outer',
      from: 'issuer',
      get to() {
        ledger.transfer({
          id: 'inner',
          from: 'issuer',
          to: 'volunteer:v2',
          amount: 3,
          code: 'gift',
        });
        return 'volunteer:v1';
      },
      amount: 7,
      code: 'earn',
    };
    const outer = ledger.transfer(input);
    assert.deepEqual(
      { ...outer },
      {
        id: 'outer',
        from: 'issuer',
        to: 'volunteer:v1',
        amount: 7,
        code: 'earn',
        at: outer.at,
        status: 'posted',
      },
    );
    assert.deepEqual(
      ledger.events().map(({ data }) => data),
      [
        { id: 'inner', from: 'issuer', to: 'volunteer:v2', amount: 3, code: 'gift' },
        { id: 'outer', from: 'issuer', to: 'volunteer:v1', amount: 7, code: 'earn' },
      ],
    );
    assert.equal(ledger.balance('volunteer:v1').posted, 7);
    assert.equal(ledger.balance('volunteer:v2').posted, 3);
    check();
  });

  it('refuses to take an account other than issuer below zero, and records nothing', () => {
    const { ledger, check } = setup();
    ledger.transfer({ id: 't1', from: 'issuer', to: 'volunteer:v1', amount: 10, code: 'earn' });
    const error = expectUnchanged(
      ledger,
      () =>
        ledger.transfer({
          id: 't2',
          from: 'volunteer:v1',
          to: 'station:s1',
          amount: 11,
          code: 'spend',
        }),
      'INSUFFICIENT_POINTS',
    );
    assert.deepEqual(error.details, {
      account: 'volunteer:v1',
      available: 10,
      asked: 11,
      amount: 11,
    });
    expectUnchanged(
      ledger,
      () =>
        ledger.transfer({ id: 't3', from: 'station:s1', to: 'issuer', amount: 1, code: 'return' }),
      'INSUFFICIENT_POINTS',
    );
    // The id of a rejected transfer stays free.
    ledger.transfer({
      id: 't2',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 10,
      code: 'spend',
    });
    assert.equal(ledger.balance('volunteer:v1').available, 0);
    check();
  });

  it('lets a system reversal take a volunteer below zero and flags the account as owing', () => {
    const { ledger, check } = setup();
    ledger.transfer({
      id: 'earn:e1',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 10,
      code: 'earn',
    });
    ledger.transfer({
      id: 'spend',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 8,
      code: 'spend',
    });
    assert.equal(ledger.owing('volunteer:v1'), 0);
    ledger.transfer({
      id: 'reverse:e1',
      from: 'volunteer:v1',
      to: 'issuer',
      amount: 10,
      code: 'reverse',
      reversal: true,
    });
    assert.deepEqual(ledger.balance('volunteer:v1'), { posted: -8, pending: 0, available: -8 });
    assert.equal(ledger.owing('volunteer:v1'), 8);
    assert.equal(ledger.owing('issuer'), 0);
    check();
    // Spending stays blocked while owing; earning pays the debt back first.
    expectUnchanged(
      ledger,
      () =>
        ledger.transfer({
          id: 's2',
          from: 'volunteer:v1',
          to: 'station:s1',
          amount: 1,
          code: 'spend',
        }),
      'INSUFFICIENT_POINTS',
    );
    ledger.transfer({
      id: 'earn:e2',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 10,
      code: 'earn',
    });
    assert.equal(ledger.owing('volunteer:v1'), 0);
    assert.deepEqual(ledger.lots('volunteer:v1'), [{ month: '2025-03', amount: 2 }]);
    check();
  });

  it('rejects a transfer to the same account and a pending reversal as INVALID_INPUT', () => {
    const { ledger } = setup();
    assert.deepEqual(
      expectUnchanged(
        ledger,
        () => ledger.transfer({ id: 'x', from: 'issuer', to: 'issuer', amount: 1, code: 'c' }),
        'INVALID_INPUT',
      ).path,
      ['to'],
    );
    const error = expectUnchanged(
      ledger,
      () =>
        ledger.transfer({
          id: 'x',
          from: 'issuer',
          to: 'volunteer:v',
          amount: 1,
          code: 'c',
          reversal: true,
          pending: {},
        }),
      'INVALID_INPUT',
    );
    assert.deepEqual(error.path, ['reversal']);
  });

  it('reserves with a pending transfer and resolves it exactly once', () => {
    const { ledger, check } = setup();
    ledger.transfer({ id: 'earn', from: 'issuer', to: 'volunteer:v1', amount: 10, code: 'earn' });
    ledger.transfer({
      id: 'h1',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 6,
      code: 'hold',
      pending: {},
    });
    assert.deepEqual(ledger.balance('volunteer:v1'), { posted: 10, pending: -6, available: 4 });
    assert.deepEqual(ledger.balance('station:s1'), { posted: 0, pending: 6, available: 0 });
    expectUnchanged(
      ledger,
      () =>
        ledger.transfer({
          id: 'h2',
          from: 'volunteer:v1',
          to: 'station:s1',
          amount: 5,
          code: 'hold',
          pending: {},
        }),
      'INSUFFICIENT_POINTS',
    );
    check();
    const posted = ledger.post('h1', { by: 'clerk' });
    assert.equal(posted.status, 'posted');
    assert.equal(posted.resolvedBy, 'clerk');
    assert.deepEqual(ledger.balance('volunteer:v1'), { posted: 4, pending: 0, available: 4 });
    assert.deepEqual(ledger.balance('station:s1'), { posted: 6, pending: 0, available: 6 });
    expectUnchanged(ledger, () => ledger.post('h1'), 'ALREADY_RESOLVED');
    expectUnchanged(ledger, () => ledger.void('h1'), 'ALREADY_RESOLVED');
    ledger.transfer({
      id: 'h3',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 4,
      code: 'hold',
      pending: {},
    });
    assert.equal(ledger.void('h3', { reason: 'no show' }).status, 'voided');
    assert.deepEqual(ledger.balance('volunteer:v1'), { posted: 4, pending: 0, available: 4 });
    expectUnchanged(ledger, () => ledger.post('h3'), 'ALREADY_RESOLVED');
    expectUnchanged(ledger, () => ledger.post('earn'), 'INVALID_TRANSITION');
    expectUnchanged(ledger, () => ledger.post('nope'), 'NOT_FOUND');
    check();
  });

  it('times out pending transfers: TOO_LATE to post, expirePending voids them once', () => {
    const { ledger, clock, check } = setup();
    ledger.transfer({
      id: 'h1',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 5,
      code: 'gift',
      pending: { timeoutMinutes: 30 },
    });
    ledger.transfer({
      id: 'h2',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 7,
      code: 'gift',
      pending: {},
    });
    assert.equal(ledger.getTransfer('h1')?.timeoutAt, '2025-03-01T09:30:00.000+08:00');
    assert.deepEqual(ledger.expirePending('2025-03-01T09:29:59+08:00'), []);
    clock.advance({ minutes: 30 });
    expectUnchanged(ledger, () => ledger.post('h1'), 'TOO_LATE');
    const expired = ledger.expirePending(clock.now());
    assert.deepEqual(
      expired.map((transfer) => [transfer.id, transfer.status]),
      [['h1', 'expired']],
    );
    assert.deepEqual(ledger.expirePending(clock.now()), []);
    expectUnchanged(ledger, () => ledger.void('h1'), 'ALREADY_RESOLVED');
    assert.deepEqual(ledger.balance('volunteer:v1'), { posted: 0, pending: 7, available: 0 });
    check();
  });

  it('lists an account history in a time range with the signed change', () => {
    const { ledger, clock } = setup();
    ledger.transfer({ id: 'a', from: 'issuer', to: 'volunteer:v1', amount: 10, code: 'earn' });
    clock.advance({ days: 1 });
    ledger.transfer({ id: 'b', from: 'volunteer:v1', to: 'station:s1', amount: 3, code: 'spend' });
    clock.advance({ days: 1 });
    ledger.transfer({ id: 'c', from: 'issuer', to: 'volunteer:v2', amount: 1, code: 'earn' });
    assert.deepEqual(
      ledger.history('volunteer:v1').map((line) => [line.id, line.change]),
      [
        ['a', 10],
        ['b', -3],
      ],
    );
    assert.deepEqual(
      ledger.history('volunteer:v1', { from: '2025-03-02T09:00:00+08:00' }).map((line) => line.id),
      ['b'],
    );
    assert.deepEqual(
      ledger.history('volunteer:v1', { to: '2025-03-02T09:00:00+08:00' }).map((line) => line.id),
      ['a'],
    );
    assert.deepEqual(ledger.history('volunteer:nobody'), []);
  });

  it('rebuilds an equal ledger from its events and tells subscribers of each change', () => {
    const { ledger, clock } = setup();
    const seen: PointsEvent['type'][] = [];
    const stop = ledger.subscribe((event) => seen.push(event.type));
    const before = ledger.snapshot();
    ledger.transfer({ id: 'a', from: 'issuer', to: 'volunteer:v1', amount: 10, code: 'earn' });
    ledger.transfer({
      id: 'h',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 4,
      code: 'hold',
      pending: {},
    });
    assert.notEqual(ledger.snapshot(), before);
    assert.equal(ledger.snapshot(), ledger.snapshot(), 'the snapshot is stable between changes');
    stop();
    ledger.post('h');
    assert.deepEqual(seen, ['points.transferred', 'points.transferred']);
    const copy = createPointsLedger({
      now: clock.now,
      events: JSON.parse(JSON.stringify(ledger.events())) as PointsEvent[],
    });
    assert.deepEqual(copy.snapshot(), ledger.snapshot());
    assert.deepEqual(copy.history('volunteer:v1'), ledger.history('volunteer:v1'));
    assert.ok(Object.isFrozen(copy.getTransfer('h')?.pending), 'replayed transfers are frozen too');
  });

  it('refuses a damaged event log', () => {
    const { ledger, clock } = setup();
    ledger.transfer({ id: 'a', from: 'issuer', to: 'volunteer:v1', amount: 10, code: 'earn' });
    const events = [...ledger.events()];
    const first = events[0] as PointsEvent;
    const twice = [first, { ...first, seq: 2 }] as PointsEvent[];
    assert.throws(() => createPointsLedger({ now: clock.now, events: twice }), {
      code: 'INVALID_LOG',
      path: ['events', 1, 'data', 'id'],
    });
    const stray = [
      { seq: 1, type: 'points.posted', at: first.at, data: { id: 'zz' } },
    ] as PointsEvent[];
    assert.throws(() => createPointsLedger({ now: clock.now, events: stray }), {
      code: 'INVALID_LOG',
      path: ['events', 0, 'data', 'id'],
    });
    const gap = [first, { ...first, seq: 3 }] as PointsEvent[];
    assert.throws(() => createPointsLedger({ now: clock.now, events: gap }), {
      code: 'INVALID_LOG',
      path: ['events', 1, 'seq'],
    });
    const hole = [first, null] as unknown as PointsEvent[];
    assert.throws(() => createPointsLedger({ now: clock.now, events: hole }), {
      code: 'INVALID_LOG',
      path: ['events', 1],
    });
    assert.throws(() => createPointsLedger({ now: clock.now, events: 'a log' as never }), {
      code: 'INVALID_LOG',
      path: ['events'],
    });
  });

  it('stores events and transfers that cannot be edited', () => {
    const { ledger } = setup();
    ledger.transfer({
      id: 'a',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 10,
      code: 'earn',
      pending: { timeoutMinutes: 5 },
    });
    const event = ledger.events()[0] as Extract<PointsEvent, { type: 'points.transferred' }>;
    assert.throws(() => {
      (event.data as { amount: number }).amount = 1000;
    }, TypeError);
    const view = ledger.getTransfer('a');
    assert.throws(() => {
      (view?.pending as { timeoutMinutes: number }).timeoutMinutes = 1;
    }, TypeError);
  });
});
