// The history chain against a hand-made log, including a transfer from an account to itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { createPointsLedger, type PointsEvent } from '../../src/points/index.js';

describe('the history chain', () => {
  it('lists a transfer from an account to itself (from a hand-made log) twice, as before', () => {
    const clock = manualClock('2025-03-01T09:00:00+08:00');
    const at = '2025-03-01T01:00:00.000Z';
    const transfer = (seq: number, id: string, from: string, to: string): PointsEvent =>
      ({
        seq,
        type: 'points.transferred',
        at,
        data: { id, from, to, amount: 5, code: 'earn' },
      }) as PointsEvent;
    const ledger = createPointsLedger({
      now: clock.now,
      events: [
        transfer(1, 'a', 'issuer', 'volunteer:v1'),
        transfer(2, 'self', 'volunteer:v1', 'volunteer:v1'),
        transfer(3, 'b', 'volunteer:v1', 'station:s1'),
        transfer(4, 'c', 'issuer', 'volunteer:v2'),
      ],
    });
    assert.deepEqual(
      ledger.history('volunteer:v1').map((line) => [line.id, line.change]),
      [
        ['a', 5],
        ['self', 5],
        ['self', 5],
        ['b', -5],
      ],
    );
    assert.deepEqual(
      ledger.history('issuer').map((line) => line.id),
      ['a', 'c'],
    );
    assert.deepEqual(
      ledger.history('volunteer:v2').map((line) => line.id),
      ['c'],
    );
  });
});
