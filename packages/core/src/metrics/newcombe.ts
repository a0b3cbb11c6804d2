// Newcombe's hybrid score interval of the difference of two independent proportions
// (Newcombe 1998, method 10), and compareRates, which gives it with a verdict.
import { parseInput } from '../schemas/parse.js';
import type { CompareRatesOptions } from './api.js';
import { twoSidedZ } from './normal-quantile.js';
import { compareRatesOptionsSchema, rateCountsSchema } from './schemas.js';
import type { RateCounts, RateDifference, RateInterval } from './types.js';
import { wilsonWithZ } from './wilson.js';

/** Newcombe's interval of `k1/n1 - k2/n2` with `z` known (both `n` above 0; no validation). */
export function newcombeWithZ(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  z: number,
): RateInterval {
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const [l1, u1] = wilsonWithZ(k1, n1, z);
  const [l2, u2] = wilsonWithZ(k2, n2, z);
  const difference = p1 - p2;
  return [
    Math.max(-1, difference - Math.hypot(p1 - l1, u2 - p2)),
    Math.min(1, difference + Math.hypot(u1 - p1, p2 - l2)),
  ];
}

/**
 * The difference of two independent rates, `a - b`, with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10: built from the two Wilson intervals, no continuity correction),
 * so that a dashboard can say whether this month is really better than last.
 *
 * @param a - the first rate's counts (a {@link RateEstimate} or `{ successes, n }`).
 * @param b - the second rate's counts.
 * @param options - `confidence`, 0.95 by default.
 * @throws LanewiseError `INVALID_INPUT` for counts that are not whole numbers, or `successes > n`
 *   (path `['a', ...]` or `['b', ...]`), or a bad option (path `['options', ...]`).
 *
 * @example
 * ```ts
 * const thisMonth = caseRates(book, { from: '2025-06-01T00:00:00+08:00', now }).satisfaction;
 * const lastMonth = caseRates(book, { from: '2025-05-01T00:00:00+08:00', to: '2025-06-01T00:00:00+08:00', now }).satisfaction;
 * const change = compareRates(thisMonth, lastMonth);
 * if (change.verdict === 'higher') console.log('really better than last month');
 * ```
 */
export function compareRates(
  a: RateCounts,
  b: RateCounts,
  options: CompareRatesOptions = {},
): RateDifference {
  const first = parseInput(rateCountsSchema, a, ['a']);
  const second = parseInput(rateCountsSchema, b, ['b']);
  const { confidence } = parseInput(compareRatesOptionsSchema, options, ['options']);
  if (first.n === 0 || second.n === 0) {
    return { difference: null, interval: [-1, 1], confidence, verdict: 'inconclusive' };
  }
  const difference = first.successes / first.n - second.successes / second.n;
  const [lower, upper] = newcombeWithZ(
    first.successes,
    first.n,
    second.successes,
    second.n,
    twoSidedZ(confidence),
  );
  const verdict = lower > 0 ? 'higher' : upper < 0 ? 'lower' : 'inconclusive';
  return { difference, interval: [lower, upper], confidence, verdict };
}
