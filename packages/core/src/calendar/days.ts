// Calendar days as integers (days since 1970-01-01), so working-day arithmetic is integer
// arithmetic with no Date objects and no time zones in the loop.

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` to its day number, or `NaN` when it is not a real calendar day. */
export function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) return NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  // Date.UTC rolls 02-30 over to 03-02; a real day survives the round trip.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return NaN;
  return ms / MS_PER_DAY;
}

/** A day number back to `YYYY-MM-DD`. */
export function dayString(dayNum: number): string {
  return new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 Monday ... 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNum: number): number {
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}

/** The Gregorian year of a day number. */
export function yearOf(dayNum: number): number {
  return new Date(dayNum * MS_PER_DAY).getUTCFullYear();
}

/** True when the string has the `YYYY-MM-DD` shape (a day rather than an instant). */
export function looksLikeDay(value: string): boolean {
  return DAY_PATTERN.test(value);
}

export { MS_PER_DAY };
