// The bad inputs of issue 9 that concern the point ledger: each is a LanewiseError with a code
// and a path, and changes nothing. Derived ids fit the id limit; numbers that feed instant
// arithmetic keep every instant in the supported range; keys are own keys only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { createPointsLedger, type PointsLedger } from '../../src/points/index.js';
import { expectLanewiseError, expectUnchanged } from '../support/expect.js';

const START = '2025-03-01T09:00:00+08:00';

function funded(
  policy = {},
  start = START,
): { ledger: PointsLedger; clock: ReturnType<typeof manualClock> } {
  const clock = manualClock(start);
  const ledger = createPointsLedger({ now: clock.now, policy });
  ledger.transfer({ id: 'e1', from: 'issuer', to: 'volunteer:v1', amount: 100, code: 'earn' });
  return { ledger, clock };
}

/** Every read works: a failed write left nothing that breaks them. */
function readsWork(ledger: PointsLedger): void {
  JSON.stringify(ledger.snapshot());
  ledger.toLedgerJournal();
  ledger.history('volunteer:v1');
  createPointsLedger({ now: () => new Date(), policy: {}, events: ledger.events() });
}

describe('numbers that feed instant arithmetic', () => {
  it('refuses a timeout beyond the supported range, writing nothing', () => {
    const { ledger } = funded();
    const hold = (timeoutMinutes: number) => () =>
      ledger.transfer({
        id: 'h1',
        from: 'volunteer:v1',
        to: 'station:s1',
        amount: 5,
        code: 'hold',
        pending: { timeoutMinutes },
      });
    expectUnchanged(ledger, hold(1.5e11), 'INVALID_INPUT');
    assert.deepEqual(expectLanewiseError(hold(1.5e11), 'INVALID_INPUT').path, [
      'pending',
      'timeoutMinutes',
    ]);
    // In the range of the schema, but ending after 2999-12-31.
    expectUnchanged(ledger, hold(525_600 * 990), 'INVALID_INPUT');
    readsWork(ledger);
    // A timeout that ends inside the range is fine.
    assert.equal(hold(525_600 * 900)().status, 'pending');
    readsWork(ledger);
  });

  it('refuses a hold near the end of the range where the deadline would leave it', () => {
    const { ledger, clock } = funded({}, '2999-12-31T23:00:00+00:00');
    const hold = () =>
      ledger.transfer({
        id: 'h1',
        from: 'volunteer:v1',
        to: 'station:s1',
        amount: 5,
        code: 'hold',
        pending: { timeoutMinutes: 120 },
      });
    expectLanewiseError(hold, 'INVALID_INPUT', ['pending', 'timeoutMinutes']);
    clock.set('2999-12-31T20:00:00+00:00');
    assert.equal(hold().timeoutAt, '3000-01-01T06:00:00.000+08:00');
  });

  it('refuses a redemption hold past the range, in the policy and at redeem', () => {
    expectLanewiseError(
      () => createPointsLedger({ now: () => new Date(), policy: { redemptionHoldMinutes: 2e11 } }),
      'INVALID_INPUT',
      ['policy', 'redemptionHoldMinutes'],
    );
    const { ledger } = funded({ redemptionHoldMinutes: 525_600 * 990 });
    ledger.addItem({ id: 'soap', name: 'Soap', cost: 10, stock: 5, stationId: 's1' });
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 }),
      'INVALID_INPUT',
    );
    readsWork(ledger);
  });

  it('refuses a clock that gives no valid date, writing nothing', () => {
    let broken = false;
    const ledger = createPointsLedger({
      now: () => (broken ? new Date(Number.NaN) : new Date('2025-03-01T01:00:00Z')),
    });
    broken = true;
    expectUnchanged(
      ledger,
      () =>
        ledger.transfer({ id: 'e1', from: 'issuer', to: 'volunteer:v1', amount: 1, code: 'earn' }),
      'INVALID_INPUT',
    );
  });
});

describe('a hash function that fails', () => {
  it('leaves the ledger as it was, whether it throws or returns no text', () => {
    let mode: 'good' | 'number' | 'throw' | 'second' = 'good';
    let calls = 0;
    const hash = (text: string): string => {
      calls++;
      if (mode === 'throw') throw new Error('no hash today');
      if (mode === 'number' || (mode === 'second' && calls % 2 === 0))
        return 7 as unknown as string;
      return `h${text.length}`;
    };
    const ledger = createPointsLedger({ now: manualClock(START).now, hash });
    ledger.transfer({ id: 'e1', from: 'issuer', to: 'volunteer:v1', amount: 10, code: 'earn' });
    ledger.addItem({ id: 'soap', name: 'Soap', cost: 1, stock: 1, stationId: 's1' });
    const writes = [
      () =>
        ledger.transfer({ id: 'e2', from: 'issuer', to: 'volunteer:v1', amount: 1, code: 'earn' }),
      () => ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 }),
      () => ledger.restock('soap', 1),
    ];
    mode = 'number';
    for (const call of writes) {
      assert.deepEqual(expectUnchanged(ledger, call, 'INVALID_INPUT').path, ['hash']);
    }
    mode = 'throw';
    const before = JSON.stringify([ledger.events(), ledger.snapshot()]);
    for (const call of writes) assert.throws(call, /no hash today/);
    assert.equal(JSON.stringify([ledger.events(), ledger.snapshot()]), before);
    // A redemption is two events: the second failing writes neither.
    mode = 'second';
    calls = 0;
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 }),
      'INVALID_INPUT',
    );
    assert.equal(calls, 2);
    mode = 'good';
    assert.equal(ledger.balance('volunteer:v1').posted, 10);
    assert.deepEqual(ledger.checkpoint(), { seq: 2, hash: ledger.events()[1]!.hash });
  });
});

describe('ids the ledger derives fit the id limit', () => {
  it('takes redemption ids up to 193 characters, so that redeem:<id> can be voided', () => {
    const { ledger } = funded();
    ledger.addItem({ id: 'soap', name: 'Soap', cost: 10, stock: 5, stationId: 's1' });
    const long = 'r'.repeat(193);
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r'.repeat(194), volunteerId: 'v1', itemId: 'soap', quantity: 1 }),
      'INVALID_INPUT',
    );
    assert.deepEqual(
      expectLanewiseError(
        () =>
          ledger.redeem({ id: 'r'.repeat(200), volunteerId: 'v1', itemId: 'soap', quantity: 1 }),
        'INVALID_INPUT',
      ).path,
      ['id'],
    );
    const redemption = ledger.redeem({ id: long, volunteerId: 'v1', itemId: 'soap', quantity: 1 });
    assert.equal(redemption.transferId.length, 200);
    assert.equal(ledger.void(redemption.transferId).status, 'voided');
    assert.equal(ledger.getRedemption(long)?.status, 'cancelled');
  });

  it('takes volunteer ids up to 180 characters, so that expiry ids fit', () => {
    const clock = manualClock(START);
    const ledger = createPointsLedger({ now: clock.now, policy: { expireAfterMonths: 1 } });
    const volunteer = `volunteer:${'v'.repeat(180)}`;
    expectUnchanged(
      ledger,
      () =>
        ledger.transfer({ id: 'e0', from: 'issuer', to: `${volunteer}x`, amount: 1, code: 'earn' }),
      'INVALID_INPUT',
    );
    ledger.transfer({ id: 'e1', from: 'issuer', to: volunteer, amount: 10, code: 'earn' });
    const [expiry] = ledger.expire('2025-06-01T00:00:00+08:00');
    assert.ok(expiry !== undefined && expiry.id.length <= 200, expiry?.id ?? 'no expiry');
    assert.equal(ledger.getTransfer(expiry.id)?.amount, 10);
    expectLanewiseError(
      () => ledger.redeem({ id: 'r1', volunteerId: 'v'.repeat(181), itemId: 'x', quantity: 1 }),
      'INVALID_INPUT',
      ['volunteerId'],
    );
  });
});

describe('keys are the ledger’s own', () => {
  it('treats constructor, __proto__ and toString as plain ids', () => {
    const clock = manualClock(START);
    const ledger = createPointsLedger({ now: clock.now });
    for (const name of ['constructor', '__proto__', 'toString']) {
      assert.deepEqual(ledger.balance(`volunteer:${name}`), {
        posted: 0,
        pending: 0,
        available: 0,
      });
      assert.equal(ledger.getTransfer(name), undefined);
      assert.equal(ledger.getItem(name), undefined);
      assert.equal(ledger.getRedemption(name), undefined);
      assert.equal(ledger.findRedemption(name), undefined);
      ledger.transfer({
        id: name,
        from: 'issuer',
        to: `volunteer:${name}`,
        amount: 20,
        code: name,
      });
      ledger.addItem({ id: name, name, cost: 5, stock: 2, stationId: name });
      const redemption = ledger.redeem({ id: name, volunteerId: name, itemId: name, quantity: 1 });
      assert.equal(ledger.findRedemption(redemption.pickupCode)?.id, name);
      assert.equal(ledger.balance(`volunteer:${name}`).available, 15);
      assert.equal(ledger.getItem(name)?.stock, 1);
    }
    const again = createPointsLedger({ now: clock.now, events: ledger.events() });
    assert.deepEqual(again.snapshot(), ledger.snapshot());
  });

  it('refuses an empty code even on a fresh ledger', () => {
    const ledger = createPointsLedger({ now: manualClock(START).now });
    expectUnchanged(
      ledger,
      () => ledger.transfer({ id: 'a', from: 'issuer', to: 'volunteer:v1', amount: 1, code: '' }),
      'INVALID_INPUT',
    );
  });
});

describe('what a caller holds cannot change the ledger', () => {
  it('freezes events, snapshots and the events of a replay', () => {
    const { ledger } = funded();
    ledger.transfer({
      id: 'h1',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 5,
      code: 'hold',
      pending: {},
    });
    const events = ledger.events();
    const before = JSON.stringify(events);
    assert.throws(() => (events as unknown as PointsEventArray).reverse(), TypeError);
    assert.throws(() => {
      (events[0]!.data as { amount: number }).amount = 1;
    }, TypeError);
    assert.throws(() => {
      (events[1]!.data as { pending: { timeoutMinutes?: number } }).pending.timeoutMinutes = 1;
    }, TypeError);
    assert.equal(JSON.stringify(ledger.events()), before);
    const snapshot = ledger.snapshot();
    assert.throws(() => {
      (snapshot.accounts as unknown[]).length = 0;
    }, TypeError);
    assert.throws(() => {
      (snapshot.pending[0] as { status: string }).status = 'posted';
    }, TypeError);
    assert.throws(() => {
      (snapshot.accounts[1]!.lots as unknown[]).push({ month: '2025-01', amount: 1 });
    }, TypeError);
    // Records handed out are copies.
    const held = ledger.getTransfer('h1') as { status: string };
    held.status = 'posted';
    assert.equal(ledger.getTransfer('h1')?.status, 'pending');

    // A replay keeps its own copy: the caller's log stays the caller's.
    const plain = JSON.parse(before) as { data: { amount: number } }[];
    const replayed = createPointsLedger({ now: () => new Date(), events: plain as never });
    plain[0]!.data.amount = 1;
    assert.equal(replayed.balance('volunteer:v1').posted, 100);
    assert.equal(JSON.stringify(replayed.events()), before);
  });
});

type PointsEventArray = unknown[];
