// Writing ISO 8601 instants without toISOString, which costs a few hundred nanoseconds:
// too much for a million routes a second. Reading them is `instantMs` in schemas/.

const PAD2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const MS_PER_DAY = 86_400_000;
const CACHE_LIMIT = 20_000;

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
