// Day, ISO-week and month periods cut in a community's time zone. Cutting with date-fns costs
// microseconds, so each period is computed once and found again by binary search.
import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addWeeks,
  format,
  startOfDay,
  startOfISOWeek,
  startOfMonth,
} from 'date-fns';
import type { CalendarPeriod } from './types.js';

type MetricsPeriod = Extract<CalendarPeriod, 'day' | 'week' | 'month'>;

/** One period: its key (`2025-03-01`, `2025-W09`, `2025-03`) and its bounds `[start, end)`. */
export interface PeriodSlot {
  readonly key: string;
  readonly startMs: number;
  readonly endMs: number;
  /** The start as an ISO instant with the zone's offset. */
  readonly start: string;
  /** The end (the next period's start) as an ISO instant with the zone's offset. */
  readonly end: string;
}

const KEY_FORMAT: Record<MetricsPeriod, string> = {
  day: 'yyyy-MM-dd',
  week: "RRRR-'W'II",
  month: 'yyyy-MM',
};

function computeSlot(period: MetricsPeriod, timeZone: string, ms: number): PeriodSlot {
  const date = new TZDate(ms, timeZone);
  const start =
    period === 'day'
      ? startOfDay(date)
      : period === 'week'
        ? startOfISOWeek(date)
        : startOfMonth(date);
  const end =
    period === 'day'
      ? addDays(start, 1)
      : period === 'week'
        ? addWeeks(start, 1)
        : addMonths(start, 1);
  return {
    key: format(start, KEY_FORMAT[period]),
    startMs: start.getTime(),
    endMs: end.getTime(),
    start: start.toISOString(),
    end: end.toISOString(),
  };
}

/** Finds the period of an instant (epoch ms); slots are cached, so repeated calls are cheap. */
export type PeriodCutter = (ms: number) => PeriodSlot;

/** A cutter of `period`s in `timeZone`. */
export function createPeriodCutter(period: MetricsPeriod, timeZone: string): PeriodCutter {
  const slots: PeriodSlot[] = []; // sorted by startMs, never overlapping
  let last: PeriodSlot | undefined;
  return (ms) => {
    if (last !== undefined && ms >= last.startMs && ms < last.endMs) return last;
    let low = 0;
    let high = slots.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((slots[middle] as PeriodSlot).startMs <= ms) low = middle + 1;
      else high = middle;
    }
    const before = slots[low - 1];
    if (before !== undefined && ms < before.endMs) return (last = before);
    const slot = computeSlot(period, timeZone, ms);
    slots.splice(low, 0, slot);
    return (last = slot);
  };
}
