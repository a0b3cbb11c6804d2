import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compareRates,
  normalQuantile,
  rateEstimate,
  wilsonInterval,
} from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors.js';

const close = (actual: number, expected: number, within = 1e-10) =>
  assert.ok(
    Math.abs(actual - expected) <= within,
    `${actual} is not within ${within} of ${expected}`,
  );

// R's qnorm values, to the digits R prints with options(digits = 16).
const Z95 = 1.959963984540054;
const Z99 = 2.575829303548901;
const Z90 = 1.644853626951472;

/** The Wilson bounds as the roots of (p̂ - p)² = z² p (1 - p) / n: a second, independent derivation. */
function wilsonByRoots(k: number, n: number, z: number): [number, number] {
  const phat = k / n;
  const a = 1 + (z * z) / n;
  const b = -(2 * phat + (z * z) / n);
  const c = phat * phat;
  const root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
  return [(-b - root) / (2 * a), (-b + root) / (2 * a)];
}

describe('normalQuantile', () => {
  it("matches R's qnorm", () => {
    close(normalQuantile(0.975), Z95, 1e-15);
    close(normalQuantile(0.995), Z99, 1e-15);
    close(normalQuantile(0.95), Z90, 1e-15);
    close(normalQuantile(0.025), -Z95, 1e-15);
    close(normalQuantile(1e-10), -6.361340902404056, 1e-13);
    assert.equal(normalQuantile(0.5), 0);
  });
});

describe('wilsonInterval', () => {
  it('gives the reference interval for 18 of 20', () => {
    const [lower, upper] = wilsonInterval(18, 20);
    close(lower, 0.6989663548);
    close(upper, 0.9721335188);
  });

  it("matches R's prop.test(correct = FALSE) and statsmodels' wilson at 0 and n", () => {
    // proportion_confint(0, 10, method='wilson') = (0, 0.2775327998628892); z²/(n + z²) in closed form.
    const [zeroLower, zeroUpper] = wilsonInterval(0, 10);
    assert.equal(zeroLower, 0);
    close(zeroUpper, (Z95 * Z95) / (10 + Z95 * Z95), 1e-15);
    close(zeroUpper, 0.2775327998628892, 1e-12);
    const [lower, upper] = wilsonInterval(10, 10);
    close(lower, 10 / (10 + Z95 * Z95), 1e-12);
    assert.equal(upper, 1);
  });

  it("matches R's prop.test(x, n, correct = FALSE)$conf.int as printed", () => {
    const printed: [number, number, number, number][] = [
      [1, 10, 0.01787621, 0.40415],
      [5, 10, 0.2365931, 0.7634069],
      [50, 100, 0.4038315, 0.5961685],
    ];
    for (const [k, n, lower, upper] of printed) {
      const interval = wilsonInterval(k, n);
      close(interval[0], lower, 5e-8);
      close(interval[1], upper, 5e-7);
    }
  });

  it('agrees with the quadratic roots for many k of n and confidence levels', () => {
    for (const [confidence, z] of [
      [0.95, Z95],
      [0.99, Z99],
      [0.9, Z90],
    ] as const) {
      for (const n of [1, 2, 5, 20, 100, 1640]) {
        for (const k of new Set(
          [0, 1, Math.floor(n / 3), n - 1, n].filter((x) => x >= 0 && x <= n),
        )) {
          const [lower, upper] = wilsonInterval(k, n, confidence);
          const [rootLower, rootUpper] = wilsonByRoots(k, n, z);
          close(lower, rootLower, 1e-9);
          close(upper, rootUpper, 1e-9);
        }
      }
    }
  });

  it('stays inside [0, 1], holds the point estimate, and is exact at 0 and n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const k = Math.round(share * n);
          const [lower, upper] = wilsonInterval(k, n);
          assert.ok(lower >= 0 && upper <= 1 && lower <= k / n && k / n <= upper);
          if (k === 0) assert.equal(lower, 0);
          if (k === n) assert.equal(upper, 1);
        },
      ),
    );
  });

  it('is [0, 1] with no data, and narrower at lower confidence', () => {
    assert.deepEqual(wilsonInterval(0, 0), [0, 1]);
    const wide = wilsonInterval(18, 20, 0.99);
    const narrow = wilsonInterval(18, 20, 0.9);
    assert.ok(wide[0] < narrow[0] && wide[1] > narrow[1]);
  });

  it('rejects counts that do not make a proportion', () => {
    for (const [k, n, confidence] of [
      [3, 2, 0.95],
      [1.5, 4, 0.95],
      [-1, 4, 0.95],
      [1, 4, 1],
      [1, 4, 0],
    ] as const) {
      assert.throws(
        () => wilsonInterval(k, n, confidence),
        (error) => isLanewiseError(error, 'INVALID_INPUT'),
      );
    }
  });

  it('rateEstimate gives Shangrao 99.6% on time of 1,640 with its interval', () => {
    const estimate = rateEstimate(1633, 1640);
    close(estimate.rate ?? NaN, 1633 / 1640);
    assert.deepEqual(estimate.interval, wilsonInterval(1633, 1640));
    assert.equal(rateEstimate(0, 0).rate, null);
  });
});

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
