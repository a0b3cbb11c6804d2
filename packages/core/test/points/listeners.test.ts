// Listeners cannot break a write: they hear of a command once it is complete, their errors go
// to onListenerError, and a write they make runs after the current command.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { createDispatcher } from '../../src/internal/dispatch.js';
import { createPointsLedger, type PointsEvent } from '../../src/points/index.js';
import { expectLanewiseError } from '../support/expect.js';

const START = '2025-03-01T09:00:00+08:00';

describe('point ledger listeners', () => {
  it('send a listener’s error to onListenerError; the write stands and returns', () => {
    const errors: unknown[] = [];
    const ledger = createPointsLedger({
      now: manualClock(START).now,
      onListenerError: (error) => errors.push(error),
    });
    const told: string[] = [];
    ledger.subscribe(() => {
      throw new Error('listener broke');
    });
    ledger.subscribe((event) => told.push(event.type));
    const made = ledger.transfer({
      id: 'e1',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 5,
      code: 'earn',
    });
    assert.equal(made.status, 'posted');
    assert.equal(ledger.balance('volunteer:v1').posted, 5);
    assert.equal(errors.length, 1);
    assert.equal((errors[0] as Error).message, 'listener broke');
    // The other listener was still told.
    assert.deepEqual(told, ['points.transferred']);
  });

  it('tell of a redemption once both of its events are written', () => {
    const ledger = createPointsLedger({ now: manualClock(START).now });
    ledger.transfer({ id: 'e1', from: 'issuer', to: 'volunteer:v1', amount: 50, code: 'earn' });
    ledger.addItem({ id: 'soap', name: 'Soap', cost: 10, stock: 5, stationId: 's1' });
    const seen: [string, number, string | undefined][] = [];
    ledger.subscribe((event) =>
      seen.push([event.type, ledger.events().length, ledger.getRedemption('r1')?.status]),
    );
    ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 });
    assert.deepEqual(seen, [
      ['points.transferred', 4, 'reserved'],
      ['points.reserved', 4, 'reserved'],
    ]);
  });

  it('run a write made by a listener after the current command, never inside it', () => {
    const ledger = createPointsLedger({ now: manualClock(START).now });
    ledger.transfer({ id: 'e1', from: 'issuer', to: 'volunteer:v1', amount: 50, code: 'earn' });
    ledger.addItem({ id: 'soap', name: 'Soap', cost: 10, stock: 5, stationId: 's1' });
    const order: string[] = [];
    ledger.subscribe((event: PointsEvent) => {
      order.push(`${event.type}:${event.seq}`);
      // A bonus on every redemption, made from inside the listener.
      if (event.type === 'points.reserved') {
        ledger.transfer({
          id: `bonus:${event.data.id}`,
          from: 'issuer',
          to: 'volunteer:v1',
          amount: 1,
          code: 'bonus',
        });
      }
    });
    ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 });
    assert.deepEqual(order, ['points.transferred:3', 'points.reserved:4', 'points.transferred:5']);
    const replayed = createPointsLedger({ now: manualClock(START).now, events: ledger.events() });
    assert.deepEqual(replayed.snapshot(), ledger.snapshot());
  });

  it('return what the command made, before a listener acts on it', () => {
    const ledger = createPointsLedger({ now: manualClock(START).now });
    ledger.transfer({ id: 'e1', from: 'issuer', to: 'volunteer:v1', amount: 50, code: 'earn' });
    ledger.addItem({ id: 'soap', name: 'Soap', cost: 10, stock: 5, stationId: 's1' });
    const snapshots: number[] = [];
    ledger.subscribe((event) => {
      snapshots.push(ledger.snapshot().version);
      if (event.type === 'points.transferred' && event.data.code === 'hold')
        ledger.post(event.data.id);
      if (event.type === 'points.reserved') ledger.cancel(event.data.id, { reason: 'listener' });
    });
    const hold = ledger.transfer({
      id: 'h1',
      from: 'volunteer:v1',
      to: 'station:s1',
      amount: 5,
      code: 'hold',
      pending: {},
    });
    assert.equal(hold.status, 'pending');
    assert.equal(ledger.getTransfer('h1')?.status, 'posted');
    const redemption = ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 });
    assert.equal(redemption.status, 'reserved');
    assert.equal(ledger.getRedemption('r1')?.status, 'cancelled');
    // Each listener call saw a snapshot that includes the event it was told of.
    assert.deepEqual(snapshots, [3, 4, 6, 6, 7]);
  });

  it('share a dispatcher: listeners of two ledgers hear after the outer command', () => {
    const dispatcher = createDispatcher();
    const clock = manualClock(START);
    const first = createPointsLedger({ now: clock.now, dispatcher });
    const second = createPointsLedger({ now: clock.now, dispatcher });
    const heard: string[] = [];
    first.subscribe((event) => heard.push(`first ${event.type} ${second.events().length}`));
    second.subscribe((event) => heard.push(`second ${event.type} ${first.events().length}`));
    dispatcher.run(() => {
      first.transfer({ id: 'a', from: 'issuer', to: 'volunteer:v1', amount: 5, code: 'earn' });
      second.transfer({ id: 'b', from: 'issuer', to: 'volunteer:v1', amount: 5, code: 'earn' });
      assert.deepEqual(heard, []);
    });
    assert.deepEqual(heard, ['first points.transferred 1', 'second points.transferred 1']);
  });

  it('must be functions', () => {
    const ledger = createPointsLedger({ now: manualClock(START).now });
    for (const listener of [null, undefined, 'log', {}]) {
      expectLanewiseError(() => ledger.subscribe(listener as never), 'INVALID_INPUT', ['listener']);
    }
  });

  it('stop telling a listener once it unsubscribes', () => {
    const ledger = createPointsLedger({ now: manualClock(START).now });
    const told: number[] = [];
    const stop = ledger.subscribe((event) => told.push(event.seq));
    ledger.transfer({ id: 'a', from: 'issuer', to: 'volunteer:v1', amount: 5, code: 'earn' });
    stop();
    ledger.transfer({ id: 'b', from: 'issuer', to: 'volunteer:v1', amount: 5, code: 'earn' });
    assert.deepEqual(told, [1]);
  });
});
