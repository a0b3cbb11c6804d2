import type { z } from 'zod';
import { parseInput } from '../schemas/parse.js';
import { invalidField } from '../schemas/parse.js';
import { twoSidedZ } from './normal.js';
import {
  fivePointOptionsSchema,
  npsOptionsSchema,
  threeLevelOptionsSchema,
} from './satisfaction-schemas.js';
import type { RateEstimate } from './types.js';
import { estimateWithZ } from './wilson.js';

/** The survey scales: three levels (满意/基本满意/不满意), five points (CSAT), or 0-10 (NPS). */
export type SatisfactionScale = 'three-level' | 'five-point' | 'nps';

/** An answer on the three-level scale: 满意 satisfied, 基本满意 basically satisfied, 不满意 unsatisfied. */
export type SatisfactionLevel = 'satisfied' | 'basic' | 'unsatisfied';

/** Options of {@link satisfaction} on the three-level scale. */
export interface ThreeLevelOptions {
  scale?: 'three-level';
  /** The levels that count as satisfied; `['satisfied', 'basic']` by default. */
  satisfied?: readonly SatisfactionLevel[];
  /** The interval's confidence level, 0.95 by default. */
  confidence?: number;
}

/** Options of {@link satisfaction} on a scored scale. */
export interface ScoreScaleOptions {
  scale: 'five-point' | 'nps';
  /** The scores that count as satisfied: `[4, 5]` on five points (top-two-box), `[9, 10]` for NPS. */
  satisfied?: readonly number[];
  /** The interval's confidence level, 0.95 by default. */
  confidence?: number;
  /** The prior mean of the Bayesian mean: the scale's midpoint (3, or 5 for NPS) by default. */
  prior?: number;
  /** How many answers the prior weighs as: 10 by default. */
  priorWeight?: number;
}

/** The figures common to every scale: `successes` of `n` answers count as satisfied. */
export interface SatisfactionBase extends RateEstimate {
  readonly scale: SatisfactionScale;
}

/** The result on the three-level scale. */
export interface ThreeLevelSatisfaction extends SatisfactionBase {
  readonly scale: 'three-level';
  readonly counts: {
    readonly satisfied: number;
    readonly basic: number;
    readonly unsatisfied: number;
  };
}

/** The figures of a scored scale: mean and Bayesian mean. */
export interface ScoredSatisfaction extends SatisfactionBase {
  /** Answers per score, `'1'` to `'5'` or `'0'` to `'10'`. */
  readonly counts: Readonly<Record<string, number>>;
  /** The mean score; `null` with no answers. */
  readonly mean: number | null;
  /** `(prior × priorWeight + sum of scores) / (priorWeight + n)`: a mean that few answers cannot swing. */
  readonly bayesianMean: number;
  readonly prior: number;
  readonly priorWeight: number;
}

/** The result on the five-point scale. */
export interface FivePointSatisfaction extends ScoredSatisfaction {
  readonly scale: 'five-point';
}

/** The result on the 0-10 scale, with the Net Promoter Score. */
export interface NpsSatisfaction extends ScoredSatisfaction {
  readonly scale: 'nps';
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 0 to 6. */
  readonly detractors: number;
  /** % promoters minus % detractors, from -100 to 100 points; `null` with no answers. */
  readonly nps: number | null;
}

/** Any result of {@link satisfaction}. */
export type SatisfactionResult = ThreeLevelSatisfaction | FivePointSatisfaction | NpsSatisfaction;

/**
 * The satisfaction of survey answers: how many count as satisfied, the rate, and its Wilson
 * interval, plus the mean, a Bayesian mean and (for NPS) the Net Promoter Score on the scored
 * scales.
 *
 * - `three-level` (the default): answers `{ rating }`; by default 满意 and 基本满意 count.
 * - `five-point`: answers `{ score }` from 1 to 5; by default 4 and 5 count (CSAT top-two-box).
 * - `nps`: answers `{ score }` from 0 to 10; promoters 9-10, passives 7-8, detractors 0-6;
 *   by default the rate is the promoters' share.
 *
 * Each answer is checked as it is counted; a bad one throws `INVALID_INPUT` naming its index.
 *
 * @example
 * ```ts
 * const answers = [{ rating: 'satisfied' }, { rating: 'basic' }, { rating: 'unsatisfied' }] as const;
 * satisfaction(answers).rate; // 0.667 (满意 and 基本满意 count)
 * satisfaction(answers, { satisfied: ['satisfied'] }).rate; // 0.333
 * satisfaction([{ score: 10 }, { score: 9 }, { score: 3 }], { scale: 'nps' }).nps; // 33.3
 * ```
 */
export function satisfaction(
  responses: readonly { readonly rating: SatisfactionLevel }[],
  options?: ThreeLevelOptions,
): ThreeLevelSatisfaction;
export function satisfaction(
  responses: readonly { readonly score: number }[],
  options: ScoreScaleOptions & { scale: 'five-point' },
): FivePointSatisfaction;
export function satisfaction(
  responses: readonly { readonly score: number }[],
  options: ScoreScaleOptions & { scale: 'nps' },
): NpsSatisfaction;
export function satisfaction(
  responses: readonly ({ readonly rating: SatisfactionLevel } | { readonly score: number })[],
  options?: ThreeLevelOptions | ScoreScaleOptions,
): SatisfactionResult;
export function satisfaction(
  responses: readonly unknown[],
  options: ThreeLevelOptions | ScoreScaleOptions = {},
): SatisfactionResult {
  if (!Array.isArray(responses)) throw invalidField([], 'responses must be an array');
  const scale = (options as { scale?: unknown }).scale;
  if (scale === 'five-point' || scale === 'nps') {
    return scored(
      responses,
      parseInput(scale === 'nps' ? npsOptionsSchema : fivePointOptionsSchema, options),
    );
  }
  return threeLevel(responses, parseInput(threeLevelOptionsSchema, options));
}

function threeLevel(
  responses: readonly unknown[],
  options: z.output<typeof threeLevelOptionsSchema>,
): ThreeLevelSatisfaction {
  let satisfied = 0;
  let basic = 0;
  let unsatisfied = 0;
  for (let index = 0; index < responses.length; index++) {
    const response = responses[index] as { rating?: unknown } | null;
    if (typeof response !== 'object' || response === null)
      throw invalidField([index], 'must be an object');
    const rating = response.rating;
    if (rating === 'satisfied') satisfied += 1;
    else if (rating === 'basic') basic += 1;
    else if (rating === 'unsatisfied') unsatisfied += 1;
    else throw invalidField([index, 'rating'], "must be 'satisfied', 'basic' or 'unsatisfied'");
  }
  const counts = { satisfied, basic, unsatisfied };
  const successes = [...new Set(options.satisfied)].reduce((sum, level) => sum + counts[level], 0);
  const { confidence } = options;
  return {
    scale: 'three-level',
    counts,
    ...estimateWithZ(successes, responses.length, twoSidedZ(confidence), confidence),
  };
}

function scored(
  responses: readonly unknown[],
  options: z.output<typeof fivePointOptionsSchema> | z.output<typeof npsOptionsSchema>,
): FivePointSatisfaction | NpsSatisfaction {
  const nps = options.scale === 'nps';
  const min = nps ? 0 : 1;
  const max = nps ? 10 : 5;
  const tally = new Array<number>(max + 1).fill(0);
  let sum = 0;
  for (let index = 0; index < responses.length; index++) {
    const response = responses[index] as { score?: unknown } | null;
    if (typeof response !== 'object' || response === null)
      throw invalidField([index], 'must be an object');
    const score = response.score;
    if (typeof score !== 'number' || (score | 0) !== score || score < min || score > max) {
      throw invalidField([index, 'score'], `must be a whole number from ${min} to ${max}`);
    }
    tally[score] = (tally[score] as number) + 1;
    sum += score;
  }
  const n = responses.length;
  const counts: Record<string, number> = {};
  for (let score = min; score <= max; score++) counts[score] = tally[score] ?? 0;
  const successes = [...new Set(options.satisfied)].reduce(
    (total, score) => total + (tally[score] ?? 0),
    0,
  );
  const { confidence, prior, priorWeight } = options;
  const figures = {
    counts,
    ...estimateWithZ(successes, n, twoSidedZ(confidence), confidence),
    mean: n === 0 ? null : sum / n,
    bayesianMean: priorWeight + n === 0 ? prior : (prior * priorWeight + sum) / (priorWeight + n),
    prior,
    priorWeight,
  };
  if (!nps) return { scale: 'five-point', ...figures };
  const sumOf = (from: number, to: number) => tally.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const promoters = sumOf(9, 10);
  const detractors = sumOf(0, 6);
  return {
    scale: 'nps',
    ...figures,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    nps: n === 0 ? null : ((promoters - detractors) / n) * 100,
  };
}
