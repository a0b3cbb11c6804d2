import { civilFromDays, daysFromCivil } from './civil.js';
import { MS_PER_DAY, MS_PER_MINUTE } from './constants.js';
import { firstInstantOf, zoneOffsets } from './zone.js';

/**
 * Calendar months in one time zone, as month indexes (`year * 12 + month0`), so lots and
 * limits compare months with integers. Converting an instant costs a time-zone lookup, so
 * the month of the last instant is cached: most instants in a row fall in the same month.
 */
export interface MonthCalendar {
  /** The month index of an epoch-millisecond instant. */
  indexOf(time: number): number;
  /** The first instant of a month index, in epoch milliseconds. */
  startOf(index: number): number;
  /** `YYYY-MM` of a month index. */
  label(index: number): string;
}

/** Makes a {@link MonthCalendar} for an IANA time zone. */
export function createMonthCalendar(timeZone: string): MonthCalendar {
  let cachedStart = Infinity;
  let cachedEnd = -Infinity;
  let cachedIndex = 0;
  const zone = zoneOffsets(timeZone);
  const startOf = (index: number): number => {
    const month = ((index % 12) + 12) % 12;
    const firstDay = daysFromCivil((index - month) / 12, month + 1, 1);
    return firstInstantOf(zone, firstDay * MS_PER_DAY);
  };
  return {
    indexOf(time) {
      if (time >= cachedStart && time < cachedEnd) return cachedIndex;
      const [year, month] = civilFromDays(
        Math.floor((time + zone.at(time) * MS_PER_MINUTE) / MS_PER_DAY),
      );
      const index = year * 12 + month - 1;
      cachedIndex = index;
      cachedStart = startOf(index);
      cachedEnd = startOf(index + 1);
      return index;
    },
    startOf,
    label(index) {
      const month = (index % 12) + 1;
      return `${Math.floor(index / 12)}-${month < 10 ? '0' : ''}${month}`;
    },
  };
}

/** The key of the limit period (`month`, `quarter` or `year`) that a month index falls in. */
export function periodKey(monthIndex: number, per: 'month' | 'quarter' | 'year'): string {
  const year = Math.floor(monthIndex / 12);
  if (per === 'year') return `${year}`;
  if (per === 'quarter') return `${year}-Q${Math.floor((monthIndex % 12) / 3) + 1}`;
  return `${year}-${(monthIndex % 12) + 1}`;
}
