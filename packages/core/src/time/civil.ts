// Calendar arithmetic on day numbers (days since 1970-01-01), proleptic Gregorian: no Date
// objects and no time-zone look-ups, so the hot paths can cut days, weeks and months cheaply.

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The date of a day count from 1970-01-01 (Hinnant's civil_from_days). */
export function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (month <= 2 ? 1 : 0), month, day];
}

/** The ISO week of a day number: its week-year (the year of its Thursday) and week. */
export function isoWeekOf(days: number): { weekYear: number; week: number } {
  const monday = days - ((((days + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday
  const [weekYear] = civilFromDays(monday + 3);
  return { weekYear, week: Math.floor((monday + 3 - daysFromCivil(weekYear, 1, 1)) / 7) + 1 };
}
