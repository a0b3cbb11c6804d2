// The hour ledger's hash tables against plain Maps: the id index and the pair counters, with
// their own hash, with every key colliding, and with a short probe limit that sends keys to
// the overflow map, through their growth.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PairCounters, mixPair } from '../../../src/hours/store/counters.js';
import { IdIndex, hashId } from '../../../src/internal/id-index.js';

/** The table's own hash, one that puts every key in one run, and one of four runs. */
const hashes = [
  { name: 'own hash', hash: hashId, mix: mixPair, limit: undefined },
  { name: 'every key colliding', hash: () => 7, mix: () => 7, limit: 4 },
  {
    name: 'four runs, probe limit 2',
    hash: (key: string) => key.length % 4,
    mix: (first: number, second: number) => (first + second) % 4,
    limit: 2,
  },
] as const;

describe('hours: id index', () => {
  for (const { name, hash, limit } of hashes) {
    it(`finds every row a Map finds and no other (${name})`, () => {
      const key = fc.oneof(
        fc.integer({ min: 0, max: 30 }).map((n) => `e${n}`),
        fc.string({ maxLength: 6, unit: 'binary' }),
        fc.integer({ min: 0, max: 5000 }).map(String),
      );
      const step = fc.record({ add: fc.boolean(), key });
      fc.assert(
        fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
          const keys: string[] = [];
          const index = new IdIndex((row) => keys[row]!, hash, limit);
          const reference = new Map<string, number>();
          for (const { add, key: id } of steps) {
            assert.equal(index.get(id), reference.get(id) ?? -1);
            if (add && !reference.has(id)) {
              reference.set(id, keys.length);
              index.add(id, keys.length);
              keys.push(id);
            }
          }
          for (const [id, row] of reference) assert.equal(index.get(id), row);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('keeps 200,000 ids and finds each', () => {
    const keys = Array.from({ length: 200_000 }, (_, n) => `id:${n}`);
    const index = new IdIndex((row) => keys[row]!);
    keys.forEach((id, row) => index.add(id, row));
    keys.forEach((id, row) => assert.equal(index.get(id), row));
    assert.equal(index.get('id:200000'), -1);
  });

  it('holds keys that are not strings (from a tampered log) as a Map does', () => {
    const keys: unknown[] = [];
    const index = new IdIndex((row) => keys[row] as string);
    for (const key of [5, null, ['a'], 'a']) {
      assert.equal(index.get(key as string), -1);
      index.add(key as string, keys.push(key) - 1);
    }
    assert.equal(index.get(5 as unknown as string), 0);
    assert.equal(index.get('a'), 3);
    assert.equal(index.get('5'), -1);
  });
});

describe('hours: pair counters', () => {
  for (const { name, mix, limit } of hashes) {
    it(`keeps the totals a Map keeps (${name})`, () => {
      const step = fc.record({
        first: fc.integer({ min: 0, max: 40 }),
        second: fc.oneof(
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: 20250101, max: 20251231 }),
        ),
        amount: fc.integer({ min: -500, max: 500 }),
      });
      fc.assert(
        fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
          const counters = new PairCounters(mix, limit);
          const reference = new Map<string, number>();
          for (const { first, second, amount } of steps) {
            const key = `${first}/${second}`;
            assert.equal(counters.get(first, second), reference.get(key) ?? 0);
            counters.add(first, second, amount);
            reference.set(key, (reference.get(key) ?? 0) + amount);
          }
          for (const [key, total] of reference) {
            const [first, second] = key.split('/').map(Number) as [number, number];
            assert.equal(counters.get(first, second), total);
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});
