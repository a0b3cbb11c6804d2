// The records of the calendar folder: the shipped holiday notices.

// Kept so that `import type { WorkCalendar } from '../calendar/types.js'` elsewhere in the core
// still works; new code imports from the folder's index.
export type { DeadlineSpec, WorkCalendar } from './api.js';

/** One year's State Council notice on the holiday arrangements (部分节假日安排的通知). */
export interface CnHolidayNotice {
  /** The year the notice arranges. */
  readonly year: number;
  /** The notice's title as published. */
  readonly title: string;
  /** Its document number, where recorded. */
  readonly documentNumber?: string;
  /** The day the notice was published. */
  readonly publishedOn: string;
  /** Where it was published. */
  readonly url: string;
  /** Days off, as inclusive ranges `[first, last, festival]`; weekend days inside a range are off anyway. */
  readonly holidays: readonly (readonly [first: string, last: string, festival: string])[];
  /** Make-up working days (调休上班) that fall on a Saturday or Sunday. */
  readonly workdays: readonly string[];
}
