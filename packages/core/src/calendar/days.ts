// Calendar days as integers (days since 1970-01-01), so working-day arithmetic is integer
// arithmetic with no Date objects and no time zones in the loop.
import { MS_PER_DAY } from '../time/constants.js';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first and last supported years: those of the supported instant range. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2999;

/** The day numbers of 1970-01-01 and 2999-12-31, the first and last supported days. */
export const FIRST_DAY = 0;
export const LAST_DAY = Date.UTC(LAST_YEAR, 11, 31) / MS_PER_DAY;

/**
 * `YYYY-MM-DD` to its day number, or `NaN` when it is not a real calendar day in the supported
 * years (1970 to 2999: `Date.UTC` would read the years 0000-0099 as 1900-1999).
 */
export function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) return NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return NaN;
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  // Date.UTC rolls 02-30 over to 03-02; a real day survives the round trip.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return NaN;
  return ms / MS_PER_DAY;
}

/** A day number (inside the supported range) back to `YYYY-MM-DD`. */
export function dayString(dayNum: number): string {
  return new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True when a day number lies in the supported range. */
export function inDayRange(dayNum: number): boolean {
  return dayNum >= FIRST_DAY && dayNum <= LAST_DAY;
}

/** ISO weekday of a day number: 1 Monday ... 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNum: number): number {
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}

/** True when the string has the `YYYY-MM-DD` shape (a day rather than an instant). */
export function looksLikeDay(value: string): boolean {
  return DAY_PATTERN.test(value);
}
