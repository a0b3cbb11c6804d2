import { z } from 'zod';
import { idSchema } from '../schemas/index.js';
import type { ProgramEarningRules } from './types.js';

/** Rates and multipliers are kept as integers of this scale, so that points are exact. */
const SCALE = 10_000;

const hasFourDecimals = (value: number) =>
  Math.abs(value * SCALE - Math.round(value * SCALE)) < 1e-6;

/** A positive rate with at most 4 decimal places. */
const rateSchema = z
  .number()
  .positive()
  .max(1_000_000)
  .refine(hasFourDecimals, 'at most 4 decimal places');

/** The earning part of a program policy. */
export const earningSchema = z.object({
  pointsPerHour: rateSchema.optional(),
  multipliers: z
    .record(
      idSchema,
      z.number().nonnegative().max(1000).refine(hasFourDecimals, 'at most 4 decimal places'),
    )
    .optional(),
});

/** Fills in the defaults: 10 points per hour, no multipliers. */
export function resolveEarning(policy: z.output<typeof earningSchema>): ProgramEarningRules {
  return Object.freeze({
    pointsPerHour: policy.pointsPerHour ?? 10,
    multipliers: Object.freeze({ ...(policy.multipliers ?? {}) }),
  });
}

/** The largest multiplier among the tags, or 1 when no tag has one. */
export function multiplierFor(rules: ProgramEarningRules, tags: readonly string[]): number {
  let best: number | undefined;
  for (const tag of tags) {
    const multiplier = Object.hasOwn(rules.multipliers, tag) ? rules.multipliers[tag] : undefined;
    if (multiplier !== undefined && (best === undefined || multiplier > best)) best = multiplier;
  }
  return best ?? 1;
}

/**
 * `floor(minutes * pointsPerHour * multiplier / 60)`, computed on scaled integers, so that
 * floating point never costs a volunteer a point (9 h at 10 points and x0.7 are 63, not 62).
 *
 * @example
 * ```ts
 * pointsForMinutes({ pointsPerHour: 0.5, multipliers: {} }, 240); // 2: Huangyan, 2 h = 1 point
 * pointsForMinutes({ pointsPerHour: 10, multipliers: { elderly: 1.5 } }, 90, ['elderly']); // 22
 * ```
 */
export function pointsForMinutes(
  rules: ProgramEarningRules,
  creditedMinutes: number,
  tags: readonly string[] = [],
): number {
  const rate = Math.round(rules.pointsPerHour * SCALE);
  const multiplier = Math.round(multiplierFor(rules, tags) * SCALE);
  const numerator = creditedMinutes * rate * multiplier;
  const denominator = 60 * SCALE * SCALE;
  // Remainder first: a float division could round k - 1e-10 up to k.
  if (Number.isSafeInteger(numerator)) return (numerator - (numerator % denominator)) / denominator;
  const exact = (BigInt(creditedMinutes) * BigInt(rate) * BigInt(multiplier)) / BigInt(denominator);
  return Number(exact);
}
