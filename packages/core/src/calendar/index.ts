/**
 * Working-day calendars, with shipped holiday data for mainland China.
 *
 * @module calendar
 */
export { createWorkCalendar } from './calendar.js';
export { cnCalendar } from './cn.js';
export { CN_HOLIDAY_NOTICES } from './cn-data.js';
export {
  deadlineSpecSchema,
  isoWeekdaySchema,
  workCalendarOptionsSchema,
  MAX_DEADLINE_HOURS,
  MAX_DEADLINE_WORKING_DAYS,
} from './schemas.js';
export { MAX_WORKING_DAY_STEP } from './checks.js';
export type { DayOrInstant, DeadlineSpec, WorkCalendar, WorkCalendarOptions } from './api.js';
export type { CnHolidayNotice } from './types.js';
