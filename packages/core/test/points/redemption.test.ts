import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { createPointsLedger, type PointsPolicy } from '../../src/points/index.js';
import { assertInvariants } from './helpers.js';
import { expectUnchanged } from '../support/expect.js';

function setup(policy: PointsPolicy = {}) {
  const clock = manualClock('2025-03-01T09:00:00+08:00');
  const ledger = createPointsLedger({ now: clock.now, policy });
  ledger.transfer({ id: 'earn:v1', from: 'issuer', to: 'volunteer:v1', amount: 100, code: 'earn' });
  ledger.addItem({ id: 'soap', name: 'Soap', cost: 20, stock: 3, stationId: 'huana' });
  const check = () => assertInvariants(ledger, { now: clock.now, policy });
  return { clock, ledger, check };
}

describe('redemption', () => {
  it('reserves points and stock, returns a pickup code, and posts to the station on fulfil', () => {
    const { ledger, check } = setup();
    const redemption = ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 2 });
    assert.equal(redemption.status, 'reserved');
    assert.match(redemption.pickupCode, /^[2-9A-HJ-NP-Z]{8}$/);
    assert.equal(redemption.amount, 40);
    assert.equal(redemption.transferId, 'redeem:r1');
    assert.deepEqual(ledger.balance('volunteer:v1'), { posted: 100, pending: -40, available: 60 });
    assert.equal(ledger.getItem('soap')?.stock, 1);
    assert.equal(ledger.findRedemption(redemption.pickupCode)?.id, 'r1');
    check();
    const fulfilled = ledger.fulfil('r1', { by: 'clerk-1' });
    assert.equal(fulfilled.status, 'fulfilled');
    assert.equal(fulfilled.fulfilledBy, 'clerk-1');
    assert.deepEqual(ledger.balance('volunteer:v1'), { posted: 60, pending: 0, available: 60 });
    assert.deepEqual(ledger.balance('station:huana'), { posted: 40, pending: 0, available: 40 });
    assert.equal(ledger.getItem('soap')?.stock, 1);
    expectUnchanged(ledger, () => ledger.fulfil('r1', { by: 'clerk-1' }), 'ALREADY_RESOLVED');
    expectUnchanged(ledger, () => ledger.cancel('r1', { reason: 'late' }), 'ALREADY_RESOLVED');
    check();
  });

  it('gives every redemption a different pickup code', () => {
    const { ledger } = setup();
    ledger.restock('soap', 1000);
    ledger.transfer({
      id: 'more',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 10_000,
      code: 'earn',
    });
    const codes = new Set<string>();
    for (let index = 0; index < 500; index++) {
      codes.add(
        ledger.redeem({ id: `r${index}`, volunteerId: 'v1', itemId: 'soap', quantity: 1 })
          .pickupCode,
      );
    }
    assert.equal(codes.size, 500);
  });

  it('takes pickup codes from the given generator, skipping used ones', () => {
    const clock = manualClock('2025-03-01T09:00:00+08:00');
    const codes = ['AAA', 'AAA', 'BBB'];
    const ledger = createPointsLedger({ now: clock.now, pickupCode: () => codes.shift() ?? 'ZZZ' });
    ledger.transfer({ id: 'e', from: 'issuer', to: 'volunteer:v1', amount: 10, code: 'earn' });
    ledger.addItem({ id: 'pen', name: 'Pen', cost: 1, stock: 5, stationId: 's' });
    assert.equal(
      ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'pen', quantity: 1 }).pickupCode,
      'AAA',
    );
    assert.equal(
      ledger.redeem({ id: 'r2', volunteerId: 'v1', itemId: 'pen', quantity: 1 }).pickupCode,
      'BBB',
    );
  });

  it('cancels a reservation: points released, stock returned', () => {
    const { ledger, check } = setup();
    ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 3 });
    assert.equal(ledger.getItem('soap')?.stock, 0);
    const cancelled = ledger.cancel('r1', { reason: 'not collected' });
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.reason, 'not collected');
    assert.equal(ledger.getItem('soap')?.stock, 3);
    assert.deepEqual(ledger.balance('volunteer:v1'), { posted: 100, pending: 0, available: 100 });
    check();
  });

  it('refuses OUT_OF_STOCK, INSUFFICIENT_POINTS and unknown items without changing anything', () => {
    const { ledger, check } = setup();
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 4 }),
      'OUT_OF_STOCK',
    );
    ledger.addItem({ id: 'bike', name: 'Bicycle', cost: 500, stock: 1, stationId: 'huana' });
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'bike', quantity: 1 }),
      'INSUFFICIENT_POINTS',
    );
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r1', volunteerId: 'v9', itemId: 'soap', quantity: 1 }),
      'INSUFFICIENT_POINTS',
    );
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'nope', quantity: 1 }),
      'NOT_FOUND',
    );
    expectUnchanged(ledger, () => ledger.restock('nope', 1), 'NOT_FOUND');
    expectUnchanged(ledger, () => ledger.fulfil('nope', { by: 'x' }), 'NOT_FOUND');
    check();
  });

  it('applies a per-volunteer limit per month, quarter or year, in the time zone', () => {
    const { ledger, clock, check } = setup();
    ledger.addItem({
      id: 'oil',
      name: 'Cooking oil',
      cost: 5,
      stock: 10,
      stationId: 'huana',
      limit: { count: 1, per: 'quarter' },
    });
    ledger.transfer({
      id: 'earn:v2',
      from: 'issuer',
      to: 'volunteer:v2',
      amount: 100,
      code: 'earn',
    });
    ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'oil', quantity: 1 });
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r2', volunteerId: 'v1', itemId: 'oil', quantity: 1 }),
      'LIMIT_REACHED',
    );
    ledger.redeem({ id: 'r3', volunteerId: 'v2', itemId: 'oil', quantity: 1 });
    // A cancelled redemption no longer counts.
    ledger.cancel('r1', { reason: 'changed mind' });
    ledger.redeem({ id: 'r4', volunteerId: 'v1', itemId: 'oil', quantity: 1 });
    // 2025-03-31 23:30 in Shanghai is still Q1; 2025-04-01 00:00 is Q2 there (16:00 UTC).
    clock.set('2025-03-31T23:30:00+08:00');
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r5', volunteerId: 'v1', itemId: 'oil', quantity: 1 }),
      'LIMIT_REACHED',
    );
    clock.set('2025-03-31T16:00:00Z');
    assert.equal(
      ledger.redeem({ id: 'r5', volunteerId: 'v1', itemId: 'oil', quantity: 1 }).status,
      'reserved',
    );
    check();
  });

  it('is idempotent by redemption id and item id', () => {
    const { ledger, check } = setup();
    const first = ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 });
    assert.deepEqual(
      ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 }),
      first,
    );
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 2 }),
      'ID_CONFLICT',
    );
    const item = ledger.getItem('soap');
    assert.deepEqual(
      ledger.addItem({ id: 'soap', name: 'Soap', cost: 20, stock: 3, stationId: 'huana' }),
      item,
    );
    expectUnchanged(
      ledger,
      () => ledger.addItem({ id: 'soap', name: 'Soap', cost: 25, stock: 3, stationId: 'huana' }),
      'ID_CONFLICT',
    );
    ledger.transfer({
      id: 'redeem:r2',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 1,
      code: 'odd',
    });
    expectUnchanged(
      ledger,
      () => ledger.redeem({ id: 'r2', volunteerId: 'v1', itemId: 'soap', quantity: 1 }),
      'ID_CONFLICT',
    );
    check();
  });

  it('expires an uncollected redemption after the hold time and returns its stock', () => {
    const { ledger, clock, check } = setup({ redemptionHoldMinutes: 60 * 24 });
    ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 });
    clock.advance({ days: 1 });
    expectUnchanged(ledger, () => ledger.fulfil('r1', { by: 'clerk' }), 'TOO_LATE');
    assert.deepEqual(
      ledger.expirePending(clock.now()).map((transfer) => transfer.id),
      ['redeem:r1'],
    );
    assert.equal(ledger.getRedemption('r1')?.status, 'expired');
    assert.equal(ledger.getItem('soap')?.stock, 3);
    assert.equal(ledger.balance('volunteer:v1').available, 100);
    check();
  });

  it('restocks and lists the catalogue', () => {
    const { ledger } = setup();
    assert.equal(ledger.restock('soap', 5).stock, 8);
    ledger.addItem({
      id: 'tea',
      name: 'Tea',
      cost: 2,
      stock: 0,
      stationId: 's2',
      limit: { count: 2, per: 'year' },
    });
    assert.deepEqual(
      ledger.items().map((item) => [item.id, item.stock]),
      [
        ['soap', 8],
        ['tea', 0],
      ],
    );
  });
});
