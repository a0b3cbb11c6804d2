// The Wilson score interval of a proportion (Wilson 1927), and the rate estimates built on it.
import { parseInput } from '../schemas/parse.js';
import { twoSidedZ } from './normal-quantile.js';
import { DEFAULT_CONFIDENCE, proportionSchema } from './schemas.js';
import type { RateEstimate, RateInterval } from './types.js';

/** The Wilson interval with `z` already known; the hot paths call this without validation. */
export function wilsonWithZ(successes: number, n: number, z: number): RateInterval {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2n = (z * z) / n;
  const denominator = 1 + z2n;
  const centre = (p + z2n / 2) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / denominator;
  // The bounds are exactly 0 at 0 of n and exactly 1 at n of n; rounding must not leave [0, 1].
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return [lower, upper];
}

/**
 * The Wilson score interval of a proportion, `successes` of `n` (Wilson 1927, without
 * continuity correction): the same as R's `prop.test(x, n, correct = FALSE)` and statsmodels'
 * `proportion_confint(x, n, method='wilson')`. Unlike the normal approximation it never leaves
 * [0, 1], and it stays honest near 0% and 100%, where satisfaction rates live. With `n` = 0
 * it is `[0, 1]`: nothing is known.
 *
 * @param successes - how many of the `n` count (an integer from 0 to `n`).
 * @param n - how many were counted.
 * @param confidence - the two-sided confidence level, 0.95 by default.
 * @returns `[lower, upper]`.
 * @throws LanewiseError `INVALID_INPUT` for counts that are not whole numbers, `successes > n`,
 *   or a confidence that is not strictly between 0 and 1 (path `['successes']`, `['n']` or
 *   `['confidence']`).
 *
 * @example
 * ```ts
 * wilsonInterval(18, 20); // [0.6989663548, 0.9721335188] (to 10 places)
 * wilsonInterval(0, 10); // [0, 0.2775327999]
 * ```
 */
export function wilsonInterval(
  successes: number,
  n: number,
  confidence = DEFAULT_CONFIDENCE,
): RateInterval {
  parseInput(proportionSchema, { successes, n, confidence });
  return wilsonWithZ(successes, n, twoSidedZ(confidence));
}

/** A {@link RateEstimate} with `z` already known (no validation). */
export function estimateWithZ(
  successes: number,
  n: number,
  z: number,
  confidence: number,
): RateEstimate {
  return {
    successes,
    n,
    rate: n === 0 ? null : successes / n,
    interval: wilsonWithZ(successes, n, z),
    confidence,
  };
}

/**
 * A proportion with its Wilson interval, as a {@link RateEstimate} that {@link compareRates}
 * takes: for rates counted outside Lanewise.
 *
 * @example
 * ```ts
 * // Shangrao: 1,640 items, 99.6% closed on time, so 1,633 of 1,640.
 * rateEstimate(1633, 1640).interval; // about [0.9912, 0.9981]
 * ```
 */
export function rateEstimate(
  successes: number,
  n: number,
  confidence = DEFAULT_CONFIDENCE,
): RateEstimate {
  parseInput(proportionSchema, { successes, n, confidence });
  return estimateWithZ(successes, n, twoSidedZ(confidence), confidence);
}
