// The history chain against a hand-made log; a transfer from an account to itself, which no
// live call can make, is refused in a log too.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { createPointsLedger, type PointsEvent } from '../../src/points/index.js';

describe('the history chain', () => {
  it('follows each account through a hand-made log, and refuses a transfer to itself', () => {
    const clock = manualClock('2025-03-01T09:00:00+08:00');
    const at = '2025-03-01T01:00:00.000Z';
    const transfer = (seq: number, id: string, from: string, to: string): PointsEvent =>
      ({
        seq,
        type: 'points.transferred',
        at,
        data: { id, from, to, amount: 5, code: 'earn' },
      }) as PointsEvent;
    assert.throws(
      () =>
        createPointsLedger({
          now: clock.now,
          events: [
            transfer(1, 'a', 'issuer', 'volunteer:v1'),
            transfer(2, 'self', 'volunteer:v1', 'volunteer:v1'),
          ],
        }),
      { code: 'INVALID_LOG', path: ['events', 1, 'data', 'to'] },
    );
    const ledger = createPointsLedger({
      now: clock.now,
      events: [
        transfer(1, 'a', 'issuer', 'volunteer:v1'),
        transfer(2, 'a2', 'issuer', 'volunteer:v1'),
        transfer(3, 'b', 'volunteer:v1', 'station:s1'),
        transfer(4, 'c', 'issuer', 'volunteer:v2'),
      ],
    });
    assert.deepEqual(
      ledger.history('volunteer:v1').map((line) => [line.id, line.change]),
      [
        ['a', 5],
        ['a2', 5],
        ['b', -5],
      ],
    );
    assert.deepEqual(
      ledger.history('issuer').map((line) => line.id),
      ['a', 'a2', 'c'],
    );
    assert.deepEqual(
      ledger.history('volunteer:v2').map((line) => line.id),
      ['c'],
    );
  });
});
