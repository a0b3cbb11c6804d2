import { z } from 'zod';
import { daySchema, instantSchema, timeZoneSchema } from '../schemas/index.js';

/** The most working days a deadline may count: ten years is plenty and keeps loops bounded. */
export const MAX_DEADLINE_WORKING_DAYS = 2_600;
/** The most plain hours a deadline may count: a leap year. */
export const MAX_DEADLINE_HOURS = 8_784;

/**
 * A deadline with its unit spelled out: `{ workingDays: 3 }` or `{ hours: 2 }`.
 *
 * @example
 * ```ts
 * deadlineSpecSchema.parse({ workingDays: 3 }); // ok
 * deadlineSpecSchema.parse({ days: 3 }); // throws: the unit must be explicit
 * ```
 */
export const deadlineSpecSchema = z.union(
  [
    z.strictObject({ workingDays: z.int().min(0).max(MAX_DEADLINE_WORKING_DAYS) }),
    z.strictObject({ hours: z.number().positive().max(MAX_DEADLINE_HOURS) }),
  ],
  {
    error: `a deadline is { workingDays: n } with n a whole number from 0 to ${MAX_DEADLINE_WORKING_DAYS}, or { hours: n } with 0 < n <= ${MAX_DEADLINE_HOURS}`,
  },
);

/** An ISO weekday: 1 is Monday, 7 is Sunday. */
export const isoWeekdaySchema = z.int().min(1).max(7);

/** The options of `createWorkCalendar`. */
export const workCalendarOptionsSchema = z
  .strictObject({
    timeZone: timeZoneSchema,
    weekend: z
      .array(isoWeekdaySchema)
      .max(6, 'at least one weekday must be a working day')
      .refine((days) => new Set(days).size === days.length, 'weekend days must not repeat')
      .optional(),
    holidays: z.array(daySchema).default([]),
    workdays: z.array(daySchema).default([]),
    years: z.array(z.int().min(1).max(9999)).optional(),
  })
  .superRefine((options, ctx) => {
    const off = new Set(options.holidays);
    options.workdays.forEach((day, index) => {
      if (off.has(day)) {
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', index],
          message: `${day} is listed both as a holiday and as a workday`,
        });
      }
    });
  });

/** A day (`YYYY-MM-DD`, read in the calendar's zone) or an instant (ISO string with offset, or a Date). */
export const dayOrInstantSchema = z.union([daySchema, instantSchema, z.date()], {
  error: 'expected a day (YYYY-MM-DD), an ISO instant with an offset, or a Date',
});

/** An instant: an ISO string with an offset, or a valid Date. */
export const instantOrDateSchema = z.union([instantSchema, z.date()], {
  error: 'expected an ISO instant with an offset, or a Date',
});
