// Fast UTC-offset look-ups for one time zone. `tzOffset` (Intl underneath) costs about a
// microsecond; routing a million cases a second needs the answer from a cache.
import { tzOffset } from '@date-fns/tz/tzOffset';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './constants.js';
import { instantFormatter } from './format.js';

const CACHE_LIMIT = 50_000;

/** Offsets of one zone, in minutes east of UTC, cached per UTC hour. */
export interface ZoneOffsets {
  readonly timeZone: string;
  /** The zone's offset at a UTC instant (ms). */
  at(utcMs: number): number;
  /** The UTC instant (ms) of a local wall-clock time given as ms since the epoch "as if UTC". */
  toUtc(localMs: number): number;
  /** An ISO 8601 string with the zone's offset, e.g. `2025-02-05T23:59:59.999+08:00`. */
  format(utcMs: number): string;
}

/** Builds the offset cache of a zone (an IANA name such as `Asia/Shanghai`). */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  const byDay = new Map<number, number>();
  const byHour = new Map<number, number>();
  const exact = (utcMs: number) => tzOffset(timeZone, new Date(utcMs));

  // A UTC day with one offset at both ends is cached whole (no zone changes its offset and
  // back within a day); a day with a transition is cached hour by hour.
  const at = (utcMs: number): number => {
    const day = Math.floor(utcMs / MS_PER_DAY);
    const daily = byDay.get(day);
    if (daily !== undefined) return daily;
    const first = exact(day * MS_PER_DAY);
    if (first === exact(day * MS_PER_DAY + MS_PER_DAY - 1)) {
      if (byDay.size >= CACHE_LIMIT) byDay.clear();
      byDay.set(day, first);
      return first;
    }
    const hour = Math.floor(utcMs / MS_PER_HOUR);
    const cached = byHour.get(hour);
    if (cached !== undefined) return cached;
    const start = exact(hour * MS_PER_HOUR);
    // Only hours with one offset throughout may be cached; a transition hour is asked exactly.
    if (start !== exact(hour * MS_PER_HOUR + MS_PER_HOUR - 1)) return exact(utcMs);
    if (byHour.size >= CACHE_LIMIT) byHour.clear();
    byHour.set(hour, start);
    return start;
  };

  const toUtc = (localMs: number): number => {
    // Two rounds settle every real zone: guess with the offset at the local time read as UTC,
    // then correct with the offset at the guessed instant.
    const first = localMs - at(localMs) * MS_PER_MINUTE;
    return localMs - at(first) * MS_PER_MINUTE;
  };

  const write = instantFormatter();
  const format = (utcMs: number): string => write(utcMs, at(utcMs));

  return { timeZone, at, toUtc, format };
}

/**
 * The first instant whose local time is `local` or later (local ms "as if UTC"): `local`
 * itself, or, where the clocks jump over it (a day that starts at 01:00), the end of the gap.
 * Where `local` happens twice, the earlier.
 */
export function firstInstantOf(zone: ZoneOffsets, local: number): number {
  let utc = zone.toUtc(local);
  if (utc + zone.at(utc) * MS_PER_MINUTE < local) utc = local - zone.at(utc) * MS_PER_MINUTE;
  // An earlier instant with the same local time (clocks set back over it) comes first.
  const earlier = local - zone.at(utc - 3 * MS_PER_HOUR) * MS_PER_MINUTE;
  if (earlier < utc && earlier + zone.at(earlier) * MS_PER_MINUTE === local) utc = earlier;
  return utc;
}
