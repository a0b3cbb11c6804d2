// The point ledger's own structures against plain references: the id index against a Map,
// the history chain against a scan of the log (also for a log with a transfer to itself).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { createPointsLedger, type PointsEvent } from '../../src/points/index.js';
import { IdIndex } from '../../src/points/id-index.js';

type Step = { op: 'add' | 'get'; key: string };

describe('IdIndex', () => {
  it('agrees with a Map over random adds and lookups, through its growth', () => {
    // Few distinct keys make repeats and lookups of known keys common; many make it grow.
    const key = fc.oneof(
      fc.integer({ min: 0, max: 30 }).map((n) => `t${n}`),
      fc.string({ maxLength: 6, unit: 'binary' }),
      fc.integer({ min: 0, max: 5000 }).map(String),
    );
    const step: fc.Arbitrary<Step> = fc.record({ op: fc.constantFrom('add', 'get'), key });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 600 }), (steps) => {
        const index = new IdIndex<{ id: string; n: number }>((value) => value.id);
        const reference = new Map<string, { id: string; n: number }>();
        for (const [n, { op, key: id }] of steps.entries()) {
          if (op === 'get') {
            assert.equal(index.get(id), reference.get(id));
            assert.equal(index.has(id), reference.has(id));
            continue;
          }
          const value = { id, n };
          const added = !reference.has(id);
          if (added) reference.set(id, value);
          assert.equal(index.add(id, value), added);
          assert.equal(index.size, reference.size);
        }
        assert.deepEqual([...index.values()], [...reference.values()]);
        for (const [n, value] of [...reference.values()].entries()) {
          assert.equal(index.at(n), value);
          assert.equal(index.get(value.id), value);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps 100,000 keys and finds each', () => {
    const index = new IdIndex<string>((value) => value);
    for (let n = 0; n < 100_000; n++) assert.ok(index.add(`id:${n}`, `id:${n}`));
    assert.equal(index.size, 100_000);
    for (let n = 0; n < 100_000; n++) assert.equal(index.get(`id:${n}`), `id:${n}`);
    assert.equal(index.get('id:100000'), undefined);
    assert.equal(index.add('id:5', 'again'), false);
    assert.equal(index.get('id:5'), 'id:5');
  });
});

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
