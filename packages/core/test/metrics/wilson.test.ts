import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { rateEstimate, wilsonInterval } from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { close, wilsonByRoots, Z90, Z95, Z99 } from './statistics.js';

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
