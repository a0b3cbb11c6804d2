// The unvalidated core of a calendar, on day numbers and epoch milliseconds. The router calls
// it in its hot loop; the public WorkCalendar (calendar.ts) checks arguments before calling it.
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, inInstantRange } from '../time/constants.js';
import { zoneOffsets, type ZoneOffsets } from '../time/zone.js';
import { inDayRange, isoWeekday } from './days.js';
import type { DeadlineSpec } from './api.js';

// Bounds the per-calendar cache of due strings on long-running routers.
const DUE_CACHE_LIMIT = 100_000;

/** The fast, trusted operations of one calendar. */
export interface CalendarEngine {
  readonly zone: ZoneOffsets;
  isWorking(dayNum: number): boolean;
  /** The n-th working day after `dayNum`, or NaN when it falls outside the supported days. */
  addWorking(dayNum: number, n: number): number;
  between(a: number, b: number): number;
  /** The local day number of a UTC instant. */
  dayOfMs(utcMs: number): number;
  /** The UTC ms of 00:00 local on a day. */
  startMs(dayNum: number): number;
  /** The UTC ms of 23:59:59.999 local on a day. */
  endMs(dayNum: number): number;
  /**
   * The due instant as an ISO string with the zone's offset, or undefined when it would fall
   * outside the supported instant range (after 2999).
   */
  dueAt(receivedMs: number, spec: DeadlineSpec): string | undefined;
}

/** Builds the engine from settled data (day numbers). */
export function calendarEngine(
  timeZone: string,
  weekend: readonly number[],
  holidays: ReadonlySet<number>,
  workdays: ReadonlySet<number>,
): CalendarEngine {
  const zone = zoneOffsets(timeZone);
  const offByWeekday = [false, false, false, false, false, false, false, false];
  for (const day of weekend) offByWeekday[day] = true;
  // Due strings depend only on (local day of receipt, n): cache them for the router.
  const dueByDay = new Map<number, string>();

  const isWorking = (dayNum: number): boolean => {
    if (holidays.has(dayNum)) return false;
    if (workdays.has(dayNum)) return true;
    return offByWeekday[isoWeekday(dayNum)] !== true;
  };

  const addWorking = (dayNum: number, n: number): number => {
    let day = dayNum;
    const step = n < 0 ? -1 : 1;
    // Every week has a working day (the weekend has at most six days), so this ends.
    for (let left = Math.abs(n); left > 0 && inDayRange(day);) {
      day += step;
      if (isWorking(day)) left -= 1;
    }
    return inDayRange(day) ? day : NaN;
  };

  const between = (a: number, b: number): number => {
    const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (isWorking(day)) count += 1;
    return count === 0 ? 0 : sign * count;
  };

  const dayOfMs = (utcMs: number): number =>
    Math.floor((utcMs + zone.at(utcMs) * MS_PER_MINUTE) / MS_PER_DAY);

  const startMs = (dayNum: number): number => zone.toUtc(dayNum * MS_PER_DAY);
  const endMs = (dayNum: number): number => zone.toUtc((dayNum + 1) * MS_PER_DAY - 1);

  const dueAt = (receivedMs: number, spec: DeadlineSpec): string | undefined => {
    if ('hours' in spec) {
      const due = receivedMs + Math.round(spec.hours * MS_PER_HOUR);
      return inInstantRange(due) ? zone.format(due) : undefined;
    }
    const received = dayOfMs(receivedMs);
    const key = received * 4096 + spec.workingDays;
    const cached = dueByDay.get(key);
    if (cached !== undefined) return cached;
    const dueDay = addWorking(received, spec.workingDays);
    const due = Number.isNaN(dueDay) ? NaN : endMs(dueDay);
    if (!inInstantRange(due)) return undefined;
    const text = zone.format(due);
    if (dueByDay.size >= DUE_CACHE_LIMIT) dueByDay.clear();
    dueByDay.set(key, text);
    return text;
  };

  return { zone, isWorking, addWorking, between, dayOfMs, startMs, endMs, dueAt };
}
