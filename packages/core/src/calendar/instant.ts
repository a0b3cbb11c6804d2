// Reading and writing ISO 8601 instants without Date.parse and toISOString, which cost a few
// hundred nanoseconds each: too much for a million routes a second.

const PAD2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MS_PER_DAY = 86_400_000;
const CACHE_LIMIT = 20_000;

/** The value of `count` ASCII digits at `at`, or -1 if one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The epoch ms of `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)`, or NaN for anything else
 * (including an instant without an offset, whose meaning would depend on the host).
 */
export function parseInstantMs(text: string): number {
  const length = text.length;
  if (length < 17 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const separator = text.charCodeAt(10);
  if ((separator !== 84 && separator !== 116) || text.charCodeAt(13) !== 58) return NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  )
    return NaN;
  const monthDays = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > monthDays) return NaN;
  let at = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(at) === 58) {
    second = digits(text, at + 1, 2);
    if (second < 0 || second > 59) return NaN;
    at += 3;
    if (text.charCodeAt(at) === 46) {
      let end = at + 1;
      while (end < length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end += 1;
      const count = end - at - 1;
      if (count < 1 || count > 9) return NaN;
      // Milliseconds: the first three digits; finer digits are dropped, as Date.parse does.
      ms = digits(text, at + 1, Math.min(count, 3)) * 10 ** (3 - Math.min(count, 3));
      at = end;
    }
  }
  let offset = 0;
  const zone = text.charCodeAt(at);
  if ((zone === 90 || zone === 122) && at + 1 === length) offset = 0;
  else if ((zone === 43 || zone === 45) && at + 6 === length && text.charCodeAt(at + 3) === 58) {
    const hours = digits(text, at + 1, 2);
    const minutes = digits(text, at + 4, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN;
    offset = (zone === 45 ? -1 : 1) * (hours * 60 + minutes);
  } else return NaN;
  const dayNum = daysFromCivil(year, month, day);
  return dayNum * MS_PER_DAY + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Formats instants as ISO strings with an offset, caching the date part of each day. */
export function instantFormatter(): (utcMs: number, offsetMinutes: number) => string {
  const datePart = new Map<number, string>();
  const suffixes = new Map<number, string>();
  const suffixOf = (offset: number): string => {
    let suffix = suffixes.get(offset);
    if (suffix === undefined) {
      const abs = Math.abs(offset);
      suffix =
        offset === 0
          ? 'Z'
          : `${offset > 0 ? '+' : '-'}${PAD2[Math.floor(abs / 60)]}:${PAD2[abs % 60]}`;
      suffixes.set(offset, suffix);
    }
    return suffix;
  };
  return (utcMs, offset) => {
    const local = utcMs + offset * 60_000;
    const dayNum = Math.floor(local / MS_PER_DAY);
    let date = datePart.get(dayNum);
    if (date === undefined) {
      date = new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 11);
      if (datePart.size >= CACHE_LIMIT) datePart.clear();
      datePart.set(dayNum, date);
    }
    let rest = local - dayNum * MS_PER_DAY;
    const ms = rest % 1000;
    rest = (rest - ms) / 1000;
    const second = rest % 60;
    rest = (rest - second) / 60;
    const minute = rest % 60;
    const hour = (rest - minute) / 60;
    return `${date}${PAD2[hour]}:${PAD2[minute]}:${PAD2[second]}.${PAD3[ms]}${suffixOf(offset)}`;
  };
}
