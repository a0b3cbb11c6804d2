import { civilFromDays, daysFromCivil, isoWeekOf } from './civil.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './constants.js';
import type { CalendarPeriod } from './types.js';
import { firstInstantOf, zoneOffsets } from './zone.js';

/** Calendar days and periods in one time zone, cached: a zone lookup costs microseconds. */
export interface ZoneDays {
  readonly timeZone: string;
  /** The local day (`YYYY-MM-DD`) of an instant in epoch milliseconds. */
  dayOf(ms: number): string;
  /** A number for the local day of an instant: equal exactly when the days are. */
  dayKeyOf(ms: number): number;
  /** The first instant of a local day, in epoch milliseconds. */
  startOfDay(day: string): number;
  /** The first instant of the local day after `day`. */
  endOfDay(day: string): number;
  /** The period label of a local day: the day, `YYYY-Www` (ISO week), `YYYY-MM` or `YYYY`. */
  periodOf(day: string, period: Exclude<CalendarPeriod, 'quarter'>): string;
}

interface DayRange {
  readonly start: number;
  readonly end: number;
  readonly day: string;
  readonly key: number;
}

// Bounds the caches on long-running ledgers; refilling costs one zone lookup per hour bucket.
const CACHE_LIMIT = 200_000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Creates the day arithmetic of a time zone (the zone must already be validated). */
export function createZoneDays(timeZone: string): ZoneDays {
  // Keyed by the UTC hour: a day boundary may fall inside an hour (offsets of :30 or :45),
  // so a hit is checked against its range and a miss computed exactly.
  const byHour = new Map<number, DayRange>();
  const weeks = new Map<string, string>();

  const zone = zoneOffsets(timeZone);
  const startOfDayNumber = (days: number) => firstInstantOf(zone, days * MS_PER_DAY);

  const rangeOf = (ms: number): DayRange => {
    const days = Math.floor((ms + zone.at(ms) * MS_PER_MINUTE) / MS_PER_DAY);
    const [year, month, date] = civilFromDays(days);
    const start = startOfDayNumber(days);
    const end = startOfDayNumber(days + 1);
    const key = (year * 100 + month) * 100 + date;
    return { start, end, day: `${pad(year, 4)}-${pad(month)}-${pad(date)}`, key };
  };

  // The hour bucket asked for last and its cached range: entries come in bursts.
  let lastBucket = NaN;
  let lastCached: DayRange | undefined;
  const lookup = (ms: number): DayRange => {
    const bucket = Math.floor(ms / MS_PER_HOUR);
    let cached = lastCached;
    if (bucket !== lastBucket) {
      cached = byHour.get(bucket);
      if (!cached) {
        if (byHour.size >= CACHE_LIMIT) byHour.clear();
        cached = rangeOf(ms);
        byHour.set(bucket, cached);
      }
      lastBucket = bucket;
      lastCached = cached;
    }
    return cached && ms >= cached.start && ms < cached.end ? cached : rangeOf(ms);
  };

  /** The day number of `YYYY-MM-DD`. */
  const dayNumber = (day: string): number =>
    daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));

  return {
    timeZone,
    dayOf: (ms) => lookup(ms).day,
    dayKeyOf: (ms) => lookup(ms).key,
    startOfDay: (day) => startOfDayNumber(dayNumber(day)),
    endOfDay: (day) => startOfDayNumber(dayNumber(day) + 1),
    periodOf(day, period) {
      switch (period) {
        case 'day':
          return day;
        case 'month':
          return day.slice(0, 7);
        case 'year':
          return day.slice(0, 4);
        case 'week': {
          let label = weeks.get(day);
          if (label === undefined) {
            const { weekYear, week } = isoWeekOf(dayNumber(day));
            label = `${pad(weekYear, 4)}-W${pad(week)}`;
            if (weeks.size >= CACHE_LIMIT) weeks.clear();
            weeks.set(day, label);
          }
          return label;
        }
      }
    },
  };
}
