// The factory of working-day calendars: parses the options, then builds the calendar object.
import { parseInput } from '../schemas/parse.js';
import { buildCalendar } from './frozen-calendar.js';
import { workCalendarOptionsSchema } from './schemas.js';
import type { WorkCalendar, WorkCalendarOptions } from './api.js';

/**
 * Makes a working-day calendar. `holidays` are days off that would otherwise be working days;
 * `workdays` are make-up working days (调休) that fall on a weekend. `years` are the years the
 * lists are complete for (what {@link WorkCalendar.covers} answers); by default the years that
 * the lists mention. Days and instants are supported from 1970 to 2999; outside the covered
 * years the calendar counts the weekend alone.
 *
 * @throws `INVALID_INPUT` for an unknown zone, a bad day, or a day that is both a holiday and a workday.
 * @example
 * ```ts
 * const calendar = createWorkCalendar({
 *   timeZone: 'Asia/Shanghai',
 *   holidays: ['2025-10-01', '2025-10-02'],
 *   workdays: ['2025-09-28'],
 * });
 * calendar.isWorkingDay('2025-09-28'); // true: a Sunday worked in lieu
 * calendar.addWorkingDays('2025-09-30', 1); // '2025-10-03'
 * calendar.deadline('2025-09-30T10:00:00+08:00', { workingDays: 0 }); // '2025-09-30T23:59:59.999+08:00'
 * ```
 */
export function createWorkCalendar(options: WorkCalendarOptions): WorkCalendar {
  return buildCalendar(parseInput(workCalendarOptionsSchema, options));
}
