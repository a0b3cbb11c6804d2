import type * as z from 'zod/mini';
import { invalidField, parseInput } from '../schemas/parse.js';
import type { ScoreScaleOptions, ThreeLevelOptions } from './api.js';
import { twoSidedZ } from './normal-quantile.js';
import { fivePointOptionsSchema, npsOptionsSchema, threeLevelOptionsSchema } from './schemas.js';
import type {
  FivePointSatisfaction,
  NpsSatisfaction,
  SatisfactionLevel,
  SatisfactionResult,
  ThreeLevelSatisfaction,
} from './types.js';
import { estimateWithZ } from './wilson.js';

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
 * Options are checked by the scale's schema: an unknown key, a confidence outside (0, 1) or a
 * `priorWeight` above 10^9 throws `INVALID_INPUT` naming the option.
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
  if (!Array.isArray(responses))
    throw invalidField([], 'responses must be a list', 'type', { expected: 'array' });
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidField([], 'options must be an object', 'type', { expected: 'object' });
  }
  const scale = Object.hasOwn(options, 'scale')
    ? (options as { scale?: unknown }).scale
    : undefined;
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
      throw invalidField([index], 'must be an object', 'type', { expected: 'object' });
    const rating = response.rating;
    if (rating === 'satisfied') satisfied += 1;
    else if (rating === 'basic') basic += 1;
    else if (rating === 'unsatisfied') unsatisfied += 1;
    else
      throw invalidField(
        [index, 'rating'],
        'must be one of "satisfied", "basic", "unsatisfied"',
        'enum',
        {
          values: ['satisfied', 'basic', 'unsatisfied'],
        },
      );
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
      throw invalidField([index], 'must be an object', 'type', { expected: 'object' });
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
