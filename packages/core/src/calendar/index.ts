/**
 * Working-day calendars, with shipped holiday data for mainland China.
 *
 * @module calendar
 */
export { createWorkCalendar } from './work-calendar.js';
export { cnCalendar } from './cn.js';
export { CN_HOLIDAY_NOTICES, type CnHolidayNotice } from './cn-data.js';
export {
  deadlineSpecSchema,
  workCalendarOptionsSchema,
  isoWeekdaySchema,
  MAX_DEADLINE_HOURS,
  MAX_DEADLINE_WORKING_DAYS,
} from './schemas.js';
export type { DayOrInstant, DeadlineSpec, WorkCalendar, WorkCalendarOptions } from './types.js';
