/**
 * The periods a ledger is read by, as inclusive ranges of calendar days (`YYYY-MM-DD`), so
 * that an entry's `day` (taken in the ledger's zone when it was recorded) decides where it
 * falls, with no time-zone arithmetic on the page.
 */

/** The periods `<volunteer-ledger>` shows. */
export type LedgerPeriod = 'week' | 'month' | 'year' | 'all';

/** The periods, in the order the picker lists them. */
export const LEDGER_PERIODS: readonly LedgerPeriod[] = ['week', 'month', 'year', 'all'];

/** An inclusive range of days. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const MS_PER_DAY = 86_400_000;

const toUtc = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
const fromUtc = (ms: number) => {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

/** True for a period name the widget knows. */
export function isLedgerPeriod(value: unknown): value is LedgerPeriod {
  return LEDGER_PERIODS.includes(value as LedgerPeriod);
}

/** The range of `period` that holds `anchor`; `null` for `all`. Weeks run Monday to Sunday. */
export function periodRange(period: LedgerPeriod, anchor: string): DayRange | null {
  const year = +anchor.slice(0, 4);
  const month = +anchor.slice(5, 7);
  switch (period) {
    case 'week': {
      const ms = toUtc(anchor);
      const monday = ms - ((new Date(ms).getUTCDay() + 6) % 7) * MS_PER_DAY;
      return { from: fromUtc(monday), to: fromUtc(monday + 6 * MS_PER_DAY) };
    }
    case 'month':
      return {
        from: `${pad(year, 4)}-${pad(month)}-01`,
        to: fromUtc(Date.UTC(year, month, 0)),
      };
    case 'year':
      return { from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` };
    case 'all':
      return null;
  }
}

/** The anchor moved `steps` periods on (or back, when negative). */
export function shiftAnchor(period: LedgerPeriod, anchor: string, steps: number): string {
  const ms = toUtc(anchor);
  const date = new Date(ms);
  switch (period) {
    case 'week':
      return fromUtc(ms + steps * 7 * MS_PER_DAY);
    case 'month':
      return fromUtc(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + steps, 1));
    case 'year':
      return `${pad(date.getUTCFullYear() + steps, 4)}-01-01`;
    case 'all':
      return anchor;
  }
}

/** True when `day` lies in `range` (every day lies in `null`, the whole ledger). */
export function inRange(day: string, range: DayRange | null): boolean {
  return range === null || (day >= range.from && day <= range.to);
}
