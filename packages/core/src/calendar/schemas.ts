// The zod/mini schemas of the calendar's inputs: exported for JSON Schemas and for the folders
// that embed a deadline in their own records. The methods check their arguments by hand
// (checks.ts), with the same rules. The deadline's schema has its own module (deadline.ts) so
// that a bundle which only routes does not carry the others.
// A schema made by a method call (`.check`) is marked pure: a bundler cannot tell that such a
// call has no side effects, and would keep the schema in bundles that do not use it.
import * as z from 'zod/mini';
import { daySchema, timeZoneSchema } from '../schemas/common.js';
import { FIRST_YEAR, LAST_YEAR } from './days.js';

export { MAX_DEADLINE_HOURS, MAX_DEADLINE_WORKING_DAYS, deadlineSpecSchema } from './deadline.js';

/** An ISO weekday: 1 is Monday, 7 is Sunday. */
export const isoWeekdaySchema = /* @__PURE__ */ z.int().check(z.minimum(1), z.maximum(7));

/** A supported day: `YYYY-MM-DD` from 1970-01-01 to 2999-12-31. */
const supportedDay = daySchema.check(
  z.refine((day) => {
    const year = Number(day.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }, `must be a day from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31`),
);

/** The options of `createWorkCalendar`. */
export const workCalendarOptionsSchema = /* @__PURE__ */ z
  .strictObject({
    timeZone: timeZoneSchema,
    weekend: z.optional(
      z.array(isoWeekdaySchema).check(
        z.maxLength(6, 'at least one weekday must be a working day'),
        z.refine((days) => new Set(days).size === days.length, 'weekend days must not repeat'),
      ),
    ),
    holidays: z.optional(z.array(supportedDay)),
    workdays: z.optional(z.array(supportedDay)),
    years: z.optional(z.array(z.int().check(z.minimum(FIRST_YEAR), z.maximum(LAST_YEAR)))),
  })
  .check(
    z.superRefine((options, ctx) => {
      const off = new Set(options.holidays);
      (options.workdays ?? []).forEach((day, index) => {
        if (off.has(day)) {
          ctx.issues.push({
            code: 'custom',
            input: day,
            path: ['workdays', index],
            message: `${day} is listed both as a holiday and as a workday`,
          });
        }
      });
    }),
  );
