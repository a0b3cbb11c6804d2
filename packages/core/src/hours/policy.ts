import * as z from 'zod/mini';
import { parseInput } from '../schemas/parse.js';
import { hoursPolicySchema } from './schemas.js';
import type { HoursPolicy, ResolvedHoursPolicy } from './types.js';

const optionalPolicySchema = z.optional(hoursPolicySchema);

/** The default star thresholds, in cumulative hours (1★ to 5★). */
export const DEFAULT_STAR_THRESHOLDS_HOURS: readonly number[] = Object.freeze([
  100, 300, 600, 1000, 1500,
]);

/** The time zone used when none is given. */
export const DEFAULT_HOURS_TIME_ZONE = 'Asia/Shanghai';

/**
 * Checks a policy and fills in its defaults; a bad one is `INVALID_INPUT` at `['policy', ...]`.
 *
 * @example
 * ```ts
 * resolveHoursPolicy({ unitMinutes: 30 }).maxMinutesPerDay; // null: no daily cap
 * resolveHoursPolicy().approval; // 'recorder': whoever records certifies
 * ```
 */
export function resolveHoursPolicy(input?: HoursPolicy): ResolvedHoursPolicy {
  const policy: HoursPolicy = parseInput(optionalPolicySchema, input, ['policy']) ?? {};
  return Object.freeze({
    unitMinutes: policy.unitMinutes ?? 1,
    maxMinutesPerEntry: policy.maxMinutesPerEntry ?? 1440,
    maxMinutesPerActivity: policy.maxMinutesPerActivity ?? null,
    maxMinutesPerDay: policy.maxMinutesPerDay ?? null,
    starThresholdsHours: Object.freeze([
      ...(policy.starThresholdsHours ?? DEFAULT_STAR_THRESHOLDS_HOURS),
    ]),
    approval: policy.approval ?? 'recorder',
  });
}

/**
 * The minutes credited at approval: the duration rounded down to the unit, capped per entry,
 * then capped by what is left of the volunteer's day.
 */
export function creditFor(
  policy: ResolvedHoursPolicy,
  durationMinutes: number,
  creditedThatDay: number,
): number {
  let minutes = durationMinutes - (durationMinutes % policy.unitMinutes);
  if (policy.maxMinutesPerActivity !== null) {
    minutes = Math.min(minutes, policy.maxMinutesPerActivity);
  }
  if (policy.maxMinutesPerDay !== null) {
    minutes = Math.min(minutes, Math.max(0, policy.maxMinutesPerDay - creditedThatDay));
  }
  return minutes;
}

/** The star level (0 to the number of thresholds) of a cumulative number of credited minutes. */
export function starLevelOf(policy: ResolvedHoursPolicy, creditedMinutes: number): number {
  let level = 0;
  for (const hours of policy.starThresholdsHours) {
    if (creditedMinutes >= hours * 60) level += 1;
    else break;
  }
  return level;
}
