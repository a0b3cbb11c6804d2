// Day, ISO-week and month periods cut in a community's time zone, by calendar arithmetic on
// local milliseconds and the zone's offsets (no Date objects): each period is computed once
// and found again by binary search.
import { MS_PER_DAY, MS_PER_MINUTE } from './constants.js';
import type { CalendarPeriod } from './types.js';
import { zoneOffsets, type ZoneOffsets } from './zone.js';

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

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The date of a day count from 1970-01-01 (Hinnant's civil_from_days). */
function civilFromDays(days: number): [year: number, month: number, day: number] {
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

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * The first instant whose local time is `local` or later (local ms "as if UTC"): `local`
 * itself, or, where the clocks jump over it (a day that starts at 01:00), the end of the gap.
 * Where `local` happens twice, the earlier.
 */
function firstInstantOf(zone: ZoneOffsets, local: number): number {
  let utc = zone.toUtc(local);
  if (utc + zone.at(utc) * MS_PER_MINUTE < local) utc = local - zone.at(utc) * MS_PER_MINUTE;
  // An earlier instant with the same local time (clocks set back over it) comes first.
  const earlier = local - zone.at(utc - 3 * 3_600_000) * MS_PER_MINUTE;
  if (earlier < utc && earlier + zone.at(earlier) * MS_PER_MINUTE === local) utc = earlier;
  return utc;
}

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
    const [weekYear] = civilFromDays(startDays + 3); // the ISO week-year is its Thursday's year
    const week = Math.floor((startDays + 3 - daysFromCivil(weekYear, 1, 1)) / 7) + 1;
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
