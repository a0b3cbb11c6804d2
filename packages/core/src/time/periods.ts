// Day, ISO-week and month periods cut in a community's time zone, by calendar arithmetic on
// local milliseconds and the zone's offsets (no Date objects): each period is computed once
// and found again by binary search.
import { MS_PER_DAY, MS_PER_MINUTE } from './constants.js';
import type { CalendarPeriod } from './types.js';
import { civilFromDays, daysFromCivil, isoWeekOf } from './civil.js';
import { firstInstantOf, zoneOffsets, type ZoneOffsets } from './zone.js';

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

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function computeSlot(period: MetricsPeriod, zone: ZoneOffsets, ms: number): PeriodSlot {
  const days = Math.floor((ms + zone.at(ms) * MS_PER_MINUTE) / MS_PER_DAY);
  const [year, month, day] = civilFromDays(days);
  let startDays: number;
  let endDays: number;
  let key: string;
  if (period === 'day') {
    startDays = days;
    endDays = days + 1;
    key = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  } else if (period === 'week') {
    startDays = days - ((((days + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday
    endDays = startDays + 7;
    const { weekYear, week } = isoWeekOf(startDays);
    key = `${pad(weekYear, 4)}-W${pad(week)}`;
  } else {
    startDays = daysFromCivil(year, month, 1);
    endDays = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
    key = `${pad(year, 4)}-${pad(month)}`;
  }
  const startMs = firstInstantOf(zone, startDays * MS_PER_DAY);
  const endMs = firstInstantOf(zone, endDays * MS_PER_DAY);
  return { key, startMs, endMs, start: zone.format(startMs), end: zone.format(endMs) };
}

/** Finds the period of an instant (epoch ms); slots are cached, so repeated calls are cheap. */
export type PeriodCutter = (ms: number) => PeriodSlot;

/** A cutter of `period`s in `timeZone`. */
export function createPeriodCutter(period: MetricsPeriod, timeZone: string): PeriodCutter {
  const zone = zoneOffsets(timeZone);
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
    const slot = computeSlot(period, zone, ms);
    slots.splice(low, 0, slot);
    return (last = slot);
  };
}
