// The public interface of a working-day calendar and the types of its inputs.

/**
 * A deadline with an explicit unit: `{ workingDays: n }` (the end of the n-th working day
 * after the day of receipt; 0 is the end of the day of receipt) or `{ hours: n }` (plain
 * clock hours after receipt, for emergencies).
 */
export type DeadlineSpec = { readonly workingDays: number } | { readonly hours: number };

/**
 * A day or an instant. A string of the form `YYYY-MM-DD` is a calendar day; any other string
 * must be an ISO 8601 instant with an offset, and it (or a `Date`) stands for the day it falls
 * on in the calendar's time zone. Both must lie in the supported range (1970 to 2999).
 */
export type DayOrInstant = string | Date;

/** The options of {@link createWorkCalendar}. */
export interface WorkCalendarOptions {
  /** The IANA time zone whose days the calendar counts, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
  /** The weekend as ISO weekdays (1 Monday ... 7 Sunday); `[6, 7]` when left out. */
  readonly weekend?: readonly number[];
  /** Days off (`YYYY-MM-DD`) that would otherwise be working days. */
  readonly holidays?: readonly string[];
  /** Make-up working days (调休) that fall on a weekend. */
  readonly workdays?: readonly string[];
  /** The years the lists are complete for; by default the years the lists mention. */
  readonly years?: readonly number[];
}

/**
 * A working-day calendar in one time zone: weekends, holidays and make-up workdays. It is
 * frozen. Methods validate their arguments and throw `INVALID_INPUT` (with the argument's name
 * as the path) on bad ones, and on a result that would leave the supported range.
 */
export interface WorkCalendar {
  /** The IANA time zone whose days this calendar counts, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
  /** The weekend as ISO weekdays (1 Monday ... 7 Sunday); `[6, 7]` unless set. */
  readonly weekend: readonly number[];
  /** The years whose holidays and make-up workdays the calendar knows, ascending. */
  readonly years: readonly number[];
  /**
   * True when the calendar has holiday data for `year` (a whole number). Outside those years it
   * still answers, from the weekend alone, so callers can warn that deadlines may be off.
   */
  covers(year: number): boolean;
  /** True when the day (or the day of the instant, in {@link WorkCalendar.timeZone}) is a working day. */
  isWorkingDay(day: DayOrInstant): boolean;
  /**
   * The n-th working day after the day of `from` (a day, or an instant read in the calendar's
   * zone), as `YYYY-MM-DD`. `n = 0` returns the day of `from` itself, working or not; a negative
   * `n` counts backwards.
   */
  addWorkingDays(from: DayOrInstant, n: number): string;
  /**
   * The number of working days after the day of `a` up to and including the day of `b`
   * (negative when `b` is before `a`), so `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
   */
  workingDaysBetween(a: DayOrInstant, b: DayOrInstant): number;
  /**
   * The due instant of a deadline counted from `receivedAt` (an ISO instant with an offset, or
   * a Date), as an ISO string in the calendar's zone: for `{ workingDays: n }` the end
   * (23:59:59.999 local) of `addWorkingDays(receivedAt, n)`, for `{ hours: n }` `receivedAt`
   * plus n hours.
   */
  deadline(receivedAt: string | Date, spec: DeadlineSpec): string;
  /** The local day (`YYYY-MM-DD`) of an instant (ISO string with offset, or Date). */
  dayOf(instant: string | Date): string;
  /** The first instant (00:00 local) of a day, as an ISO string with the zone's offset. */
  startOfDay(day: string): string;
  /** The last instant (23:59:59.999 local) of a day, as an ISO string with the zone's offset. */
  endOfDay(day: string): string;
}
