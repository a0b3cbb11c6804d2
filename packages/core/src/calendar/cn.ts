import { dayNumber, dayString } from './days.js';
import { CN_HOLIDAY_NOTICES } from './cn-data.js';
import type { CnHolidayNotice } from './types.js';
import { buildCalendar } from './frozen-calendar.js';
import type { WorkCalendar } from './api.js';

/** Expands the notices' ranges into the holiday and workday lists of a calendar. */
function cnCalendarData(notices: readonly CnHolidayNotice[]): {
  holidays: string[];
  workdays: string[];
} {
  const holidays: string[] = [];
  for (const notice of notices) {
    for (const [first, last] of notice.holidays) {
      for (let day = dayNumber(first); day <= dayNumber(last); day++) holidays.push(dayString(day));
    }
  }
  return { holidays, workdays: notices.flatMap((notice) => notice.workdays) };
}

/**
 * Mainland China's working-day calendar in `Asia/Shanghai`, from the State Council's annual
 * holiday notices (see {@link CN_HOLIDAY_NOTICES}; 2024 to 2026 shipped). For other years it
 * counts plain Saturday-Sunday weekends, and `covers(year)` says false.
 *
 * @example
 * ```ts
 * cnCalendar.covers(2025); // true
 * cnCalendar.isWorkingDay('2025-01-26'); // true: a Sunday worked before the Spring Festival
 * cnCalendar.deadline('2025-01-24T10:00:00+08:00', { workingDays: 3 });
 * // '2025-02-05T23:59:59.999+08:00': 01-26 and 01-27 count, the festival 01-28..02-04 does not
 * ```
 */
/** The options of {@link cnCalendar}, from the shipped notices. */
export const CN_CALENDAR_OPTIONS = {
  timeZone: 'Asia/Shanghai',
  ...cnCalendarData(CN_HOLIDAY_NOTICES),
  years: CN_HOLIDAY_NOTICES.map((notice) => notice.year),
};

// The shipped data is checked against the schema by test/calendar/cn-calendar.test.ts, not
// at every start: that keeps the options schema out of bundles that only route.
export const cnCalendar: WorkCalendar = buildCalendar(CN_CALENDAR_OPTIONS);
