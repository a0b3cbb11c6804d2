/**
 * Wall-clock time in a ledger's time zone, through `Intl` alone: the day an instant falls on,
 * the value of a `datetime-local` field, and the instant with its offset that such a value
 * means. Entries are shown and entered in the ledger's zone, not the browser's.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall clock at `ms` in `timeZone`, read as if it were UTC (milliseconds). */
function wallMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallFormat(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYY-MM-DDTHH:mm` of a UTC-read wall clock. */
function localText(wall: number): string {
  const date = new Date(wall);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(
    date.getUTCDate(),
  )}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** Minutes the zone is ahead of UTC at the instant `ms`. */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallMs(whole, timeZone) - whole) / 60_000);
}

/** The calendar day (`YYYY-MM-DD`) of `ms` in `timeZone`. */
export function dayIn(ms: number, timeZone: string): string {
  return localText(wallMs(ms, timeZone)).slice(0, 10);
}

/** The `datetime-local` value (`YYYY-MM-DDTHH:mm`) of `ms` in `timeZone`. */
export function localInputValue(ms: number, timeZone: string): string {
  return localText(wallMs(ms, timeZone));
}

/**
 * The instant, with the zone's offset written out (`2025-03-01T09:00:00+08:00`), that a
 * `datetime-local` value means in `timeZone`; `undefined` for a value that is not one.
 */
export function instantFromLocal(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '00'] = match;
  const wall = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second);
  if (Number.isNaN(wall)) return undefined;
  // The offset in force at the instant the wall time names (looked up twice across a change).
  let offset = offsetMinutesAt(wall, timeZone);
  offset = offsetMinutesAt(wall - offset * 60_000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const size = Math.abs(offset);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${sign}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}
