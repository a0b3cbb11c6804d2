// Writing ISO 8601 instants without toISOString, which costs a few hundred nanoseconds:
// too much for a million routes a second. Reading them is `instantMs` in parse.ts.
import { MS_PER_DAY } from './constants.js';

const PAD2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const CACHE_LIMIT = 20_000;

/** The offset as an ISO suffix: `Z`, `+08:00`, `-05:30`. */
export function offsetSuffix(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return offsetMinutes === 0
    ? 'Z'
    : `${offsetMinutes > 0 ? '+' : '-'}${PAD2[Math.floor(abs / 60)]}:${PAD2[abs % 60]}`;
}

/** Suffixes of the offsets seen so far: a zone has few. */
export function offsetSuffixes(): (offsetMinutes: number) => string {
  const suffixes = new Map<number, string>();
  return (offset) => {
    let suffix = suffixes.get(offset);
    if (suffix === undefined) {
      suffix = offsetSuffix(offset);
      suffixes.set(offset, suffix);
    }
    return suffix;
  };
}

/** Formats instants as ISO strings with an offset, caching the date part of each day. */
export function instantFormatter(): (utcMs: number, offsetMinutes: number) => string {
  const datePart = new Map<number, string>();
  const suffixOf = offsetSuffixes();
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
