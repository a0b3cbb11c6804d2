import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareRates, rateEstimate } from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { close, wilsonByRoots, Z95 } from './statistics.js';

describe('compareRates (Newcombe)', () => {
  it("reproduces Newcombe's (1998) method 10 examples to 4 places", () => {
    const examples: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [0, 10, 0, 10, -0.2775, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
      [10, 10, 0, 10, 0.6075, 1],
    ];
    for (const [k1, n1, k2, n2, lower, upper] of examples) {
      const { interval } = compareRates({ successes: k1, n: n1 }, { successes: k2, n: n2 });
      close(interval[0], lower, 5e-5);
      close(interval[1], upper, 5e-5);
    }
  });

  it('builds the interval from the two Wilson intervals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, s1, s2) => {
          const k1 = Math.round(s1 * n1);
          const k2 = Math.round(s2 * n2);
          const [l1, u1] = wilsonByRoots(k1, n1, Z95);
          const [l2, u2] = wilsonByRoots(k2, n2, Z95);
          const d = k1 / n1 - k2 / n2;
          const result = compareRates({ successes: k1, n: n1 }, { successes: k2, n: n2 });
          close(result.difference ?? NaN, d, 1e-12);
          close(
            result.interval[0],
            Math.max(-1, d - Math.sqrt((k1 / n1 - l1) ** 2 + (u2 - k2 / n2) ** 2)),
            1e-8,
          );
          close(
            result.interval[1],
            Math.min(1, d + Math.sqrt((u1 - k1 / n1) ** 2 + (k2 / n2 - l2) ** 2)),
            1e-8,
          );
        },
      ),
    );
  });

  it('says higher, lower or inconclusive from the interval', () => {
    const thisMonth = rateEstimate(990, 1000);
    const lastMonth = rateEstimate(950, 1000);
    assert.equal(compareRates(thisMonth, lastMonth).verdict, 'higher');
    assert.equal(compareRates(lastMonth, thisMonth).verdict, 'lower');
    assert.equal(
      compareRates(rateEstimate(99, 100), rateEstimate(98, 100)).verdict,
      'inconclusive',
    );
  });

  it('is inconclusive over [-1, 1] when a rate has no data', () => {
    assert.deepEqual(compareRates({ successes: 0, n: 0 }, { successes: 3, n: 4 }), {
      difference: null,
      interval: [-1, 1],
      confidence: 0.95,
      verdict: 'inconclusive',
    });
  });

  it('rejects counts that are not a rate, naming the side', () => {
    assert.throws(
      () => compareRates({ successes: 5, n: 4 }, { successes: 1, n: 4 }),
      (error) => isLanewiseError(error, 'INVALID_INPUT') && error.path[0] === 'a',
    );
  });
});
