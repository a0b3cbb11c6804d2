// A deadline's schema and limits, alone in this module: routing embeds it in tiers.
import * as z from 'zod/mini';

/** The most working days a deadline may count: ten years is plenty and keeps loops bounded. */
export const MAX_DEADLINE_WORKING_DAYS = 2_600;
/** The most plain hours a deadline may count: a leap year. */
export const MAX_DEADLINE_HOURS = 8_784;

/**
 * A deadline with its unit spelled out: `{ workingDays: 3 }` or `{ hours: 2 }`.
 *
 * @example
 * ```ts
 * parseInput(deadlineSpecSchema, { workingDays: 3 }); // ok
 * parseInput(deadlineSpecSchema, { days: 3 }); // throws: the unit must be explicit
 * ```
 */
export const deadlineSpecSchema = z.union(
  [
    z.strictObject({
      workingDays: z.int().check(z.minimum(0), z.maximum(MAX_DEADLINE_WORKING_DAYS)),
    }),
    z.strictObject({ hours: z.number().check(z.positive(), z.maximum(MAX_DEADLINE_HOURS)) }),
  ],
  {
    error: `a deadline is { workingDays: n } with n a whole number from 0 to ${MAX_DEADLINE_WORKING_DAYS}, or { hours: n } with 0 < n <= ${MAX_DEADLINE_HOURS}`,
  },
);
