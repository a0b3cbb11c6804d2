import { z } from 'zod';
import { parseInput } from '../schemas/parse.js';
import { twoSidedZ } from './normal.js';
import { confidenceSchema, wilsonWithZ } from './wilson.js';
import type { RateInterval } from './types.js';

/** The counts of one rate: any {@link RateEstimate} fits. */
export interface RateCounts {
  readonly successes: number;
  readonly n: number;
}

/** The result of {@link compareRates}. */
export interface RateDifference {
  /** `rate(a) - rate(b)`, from -1 to 1; `null` when either rate has no data. */
  readonly difference: number | null;
  /** Newcombe's hybrid score interval of the difference, inside [-1, 1]. */
  readonly interval: RateInterval;
  readonly confidence: number;
  /**
   * `higher` when the whole interval is above 0 (a is really higher than b), `lower` when it
   * is below 0, `inconclusive` when it contains 0: the data do not show a difference.
   */
  readonly verdict: 'higher' | 'lower' | 'inconclusive';
}

const countsSchema = z
  .object({ successes: z.number().int().nonnegative(), n: z.number().int().nonnegative() })
  .refine((value) => value.successes <= value.n, {
    message: 'successes must not exceed n',
    path: ['successes'],
  });
const argsSchema = z.object({
  a: countsSchema,
  b: countsSchema,
  options: z.object({ confidence: confidenceSchema.default(0.95) }).default({ confidence: 0.95 }),
});

/**
 * The difference of two independent rates, `a - b`, with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10: built from the two Wilson intervals, no continuity correction),
 * so that a dashboard can say whether this month is really better than last.
 *
 * @param a - the first rate's counts (a {@link RateEstimate} or `{ successes, n }`).
 * @param b - the second rate's counts.
 * @param options - `confidence`, 0.95 by default.
 * @throws LanewiseError `INVALID_INPUT` for counts that are not integers, or `successes > n`.
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
  options: { confidence?: number } = {},
): RateDifference {
  const args = parseInput(argsSchema, { a, b, options });
  const confidence = args.options.confidence;
  if (args.a.n === 0 || args.b.n === 0) {
    return { difference: null, interval: [-1, 1], confidence, verdict: 'inconclusive' };
  }
  const z = twoSidedZ(confidence);
  const p1 = args.a.successes / args.a.n;
  const p2 = args.b.successes / args.b.n;
  const [l1, u1] = wilsonWithZ(args.a.successes, args.a.n, z);
  const [l2, u2] = wilsonWithZ(args.b.successes, args.b.n, z);
  const difference = p1 - p2;
  const lower = Math.max(-1, difference - Math.hypot(p1 - l1, u2 - p2));
  const upper = Math.min(1, difference + Math.hypot(u1 - p1, p2 - l2));
  const verdict = lower > 0 ? 'higher' : upper < 0 ? 'lower' : 'inconclusive';
  return { difference, interval: [lower, upper], confidence, verdict };
}
