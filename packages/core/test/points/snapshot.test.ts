// The snapshot is the wire format of the widgets: it must hold every transfer (a wallet's
// history) and what is needed to read months and expiry (zone and policy).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { createPointsLedger } from '../../src/points/index.js';

describe('points: snapshot', () => {
  it('lists every transfer in the order made, with its status, and the zone and policy', () => {
    const clock = manualClock('2025-03-01T09:00:00+08:00');
    const ledger = createPointsLedger({
      now: clock.now,
      timeZone: 'Asia/Urumqi',
      policy: { expireAfterMonths: 12 },
    });
    ledger.transfer({
      id: 'earn:e1',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 40,
      code: 'earn',
    });
    ledger.addItem({ id: 'soap', name: 'Soap', cost: 15, stock: 3, stationId: 's1' });
    ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 });
    ledger.fulfil('r1', { by: 'clerk' });
    const snapshot = ledger.snapshot();
    assert.equal(snapshot.timeZone, 'Asia/Urumqi');
    assert.deepEqual(snapshot.policy, { expireAfterMonths: 12, redemptionHoldMinutes: null });
    assert.deepEqual(
      snapshot.transfers.map(({ id, status, amount }) => [id, status, amount]),
      [
        ['earn:e1', 'posted', 40],
        ['redeem:r1', 'posted', 15],
      ],
    );
    assert.equal(snapshot.transferCount, snapshot.transfers.length);
    assert.deepEqual(
      ledger.history('volunteer:v1').map((line) => line.id),
      snapshot.transfers.map((transfer) => transfer.id),
    );
    assert.ok(Object.isFrozen(snapshot.transfers[0]));
    assert.deepEqual(
      createPointsLedger({
        now: clock.now,
        timeZone: 'Asia/Urumqi',
        policy: { expireAfterMonths: 12 },
        events: ledger.events(),
      }).snapshot(),
      snapshot,
    );
  });
});
