import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { createPointsLedger } from '../../src/points/index.js';
import { assertInvariants } from './helpers.js';

function setup(timeZone?: string) {
  const clock = manualClock('2025-01-10T09:00:00+08:00');
  const policy = { expireAfterMonths: 12 };
  const ledger = createPointsLedger({ now: clock.now, policy, ...(timeZone ? { timeZone } : {}) });
  const earn = (id: string, amount: number, volunteer = 'v1') =>
    ledger.transfer({ id, from: 'issuer', to: `volunteer:${volunteer}`, amount, code: 'earn' });
  const check = () =>
    assertInvariants(ledger, { now: clock.now, policy, ...(timeZone ? { timeZone } : {}) });
  return { clock, ledger, earn, check };
}

describe('point expiry', () => {
  it('keeps points in lots by month earned and spends the oldest first', () => {
    const { ledger, clock, earn, check } = setup();
    earn('e1', 30);
    clock.set('2025-03-05T10:00:00+08:00');
    earn('e2', 20);
    ledger.transfer({
      id: 's1',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 10,
      code: 'spend',
    });
    assert.deepEqual(ledger.lots('volunteer:v1'), [
      { month: '2025-01', amount: 20 },
      { month: '2025-03', amount: 20 },
    ]);
    ledger.transfer({
      id: 's2',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 25,
      code: 'spend',
    });
    assert.deepEqual(ledger.lots('volunteer:v1'), [{ month: '2025-03', amount: 15 }]);
    check();
  });

  it('expires what is left of lots older than the limit, once', () => {
    const { ledger, clock, earn, check } = setup();
    earn('e1', 30);
    earn('e1b', 5, 'v2');
    clock.set('2025-03-05T10:00:00+08:00');
    earn('e2', 20);
    ledger.transfer({
      id: 's1',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 10,
      code: 'spend',
    });
    clock.set('2026-02-01T08:00:00+08:00');
    assert.deepEqual(
      ledger.expire('2026-01-31T23:59:59+08:00'),
      [],
      'January 2025 lots last through January 2026',
    );
    const expired = ledger.expire('2026-02-01T00:00:00+08:00');
    assert.deepEqual(
      expired.map((transfer) => [
        transfer.id,
        transfer.from,
        transfer.to,
        transfer.amount,
        transfer.code,
      ]),
      [
        ['expire:v1:2026-02', 'volunteer:v1', 'expired', 20, 'expire'],
        ['expire:v2:2026-02', 'volunteer:v2', 'expired', 5, 'expire'],
      ],
    );
    assert.deepEqual(ledger.lots('volunteer:v1'), [{ month: '2025-03', amount: 20 }]);
    assert.deepEqual(ledger.balance('expired'), { posted: 25, pending: 0, available: 25 });
    assert.deepEqual(
      ledger.expire('2026-02-01T00:00:00+08:00'),
      [],
      'a second run expires nothing more',
    );
    assert.deepEqual(ledger.expire('2026-02-20T00:00:00+08:00'), []);
    assert.deepEqual(
      ledger.expire(new Date('2026-04-01T00:00:00+08:00')).map((transfer) => transfer.amount),
      [20],
    );
    assert.equal(ledger.balance('volunteer:v1').posted, 0);
    check();
  });

  it('cuts months in the ledger time zone', () => {
    // 2025-01-31T16:30Z is already 1 February in Shanghai, still 31 January in UTC.
    const shanghai = setup();
    shanghai.clock.set('2025-01-31T16:30:00Z');
    shanghai.earn('e1', 10);
    assert.deepEqual(shanghai.ledger.lots('volunteer:v1'), [{ month: '2025-02', amount: 10 }]);
    const utc = setup('UTC');
    utc.clock.set('2025-01-31T16:30:00Z');
    utc.earn('e1', 10);
    assert.deepEqual(utc.ledger.lots('volunteer:v1'), [{ month: '2025-01', amount: 10 }]);
    utc.check();
  });

  it('does not expire points held by a pending transfer', () => {
    const { ledger, clock, earn, check } = setup();
    earn('e1', 30);
    ledger.transfer({
      id: 'hold',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 25,
      code: 'hold',
      pending: {},
    });
    clock.set('2026-03-01T00:00:00+08:00');
    assert.deepEqual(
      ledger.expire(clock.now()).map((transfer) => transfer.amount),
      [5],
    );
    assert.deepEqual(ledger.balance('volunteer:v1'), { posted: 25, pending: -25, available: 0 });
    check();
    ledger.void('hold');
    assert.deepEqual(
      ledger.expire(clock.now()).map((transfer) => [transfer.id, transfer.amount]),
      [['expire:v1:2026-03:2', 25]],
    );
    check();
  });

  it('expires nothing without a policy, and nothing from a volunteer who owes', () => {
    const clock = manualClock('2025-01-10T09:00:00+08:00');
    const ledger = createPointsLedger({ now: clock.now });
    ledger.transfer({ id: 'e', from: 'issuer', to: 'volunteer:v1', amount: 10, code: 'earn' });
    assert.deepEqual(ledger.expire('2030-01-01T00:00:00Z'), []);
    const { ledger: withPolicy, earn, check } = setup();
    earn('e1', 10);
    withPolicy.transfer({
      id: 'spend',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 10,
      code: 'spend',
    });
    withPolicy.transfer({
      id: 'rev',
      from: 'volunteer:v1',
      to: 'issuer',
      amount: 10,
      code: 'reverse',
      reversal: true,
    });
    assert.deepEqual(withPolicy.expire('2030-01-01T00:00:00Z'), []);
    assert.equal(withPolicy.owing('volunteer:v1'), 10);
    check();
  });

  it('keeps lots in month order when the clock is set back', () => {
    const { ledger, clock, earn, check } = setup();
    clock.set('2025-05-01T10:00:00+08:00');
    earn('may', 5);
    clock.set('2025-02-01T10:00:00+08:00');
    earn('feb', 7);
    clock.set('2025-05-02T10:00:00+08:00');
    earn('may2', 1);
    assert.deepEqual(ledger.lots('volunteer:v1'), [
      { month: '2025-02', amount: 7 },
      { month: '2025-05', amount: 6 },
    ]);
    check();
  });
});
