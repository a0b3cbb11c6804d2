import { MS_PER_HOUR } from '../../time/constants.js';

/**
 * The live (pending or approved) entries of one volunteer, sorted by start, as
 * `[start, end, row, credited, day]` records in one array of numbers: one array to touch
 * per check rather than five. Live entries never overlap, so sorting by start also sorts by
 * end, and an overlap check needs only the neighbours found by binary search: O(log n), not
 * a scan.
 *
 * `credited` is 0 until the entry is approved, and `day` is a number per local day: the
 * daily cap sums them over the few entries near a day, where a record has just looked,
 * rather than keeping a counter per volunteer and day elsewhere.
 */
export class LiveIntervals {
  private readonly records: number[] = [];

  /** The number of live intervals. */
  get size(): number {
    return this.records.length / WIDTH;
  }

  /** The row of a live entry that overlaps `[start, end)`, other than `except`; or -1. */
  findOverlap(start: number, end: number, except = -1): number {
    const records = this.records;
    const count = records.length / WIDTH;
    const at = this.lowerBound(start);
    // The entry before may reach into the new one (if that is `except`, the one before it
    // ends before it starts, so cannot); the ones from `at` may start inside the new one,
    // and skipping `except` there exposes the next.
    const before = (at - 1) * WIDTH;
    if (before >= 0 && records[before + 2] !== except && records[before + 1]! > start) {
      return records[before + 2]!;
    }
    for (let index = at; index < count && index <= at + 1; index += 1) {
      const base = index * WIDTH;
      if (records[base + 2] === except) continue;
      if (records[base]! < end) return records[base + 2]!;
      break;
    }
    return -1;
  }

  /** Adds a pending interval (the caller has checked that it overlaps nothing). */
  insert(start: number, end: number, row: number, day: number): void {
    const records = this.records;
    const at = this.lowerBound(start) * WIDTH;
    if (at < records.length) {
      records.splice(at, 0, start, end, row, 0, day);
      return;
    }
    // Appending (the usual case) by stores: cheaper than a push of five values.
    records[at] = start;
    records[at + 1] = end;
    records[at + 2] = row;
    records[at + 3] = 0;
    records[at + 4] = day;
  }

  /** Removes the interval of `row` that starts at `start`; true when it was there. */
  remove(start: number, row: number): boolean {
    const at = this.lowerBound(start) * WIDTH;
    if (at >= this.records.length || this.records[at + 2] !== row) return false;
    this.records.splice(at, WIDTH);
    return true;
  }

  /** Sets the credited minutes of the interval of `row` that starts at `start`. */
  setCredited(start: number, row: number, minutes: number): void {
    const at = this.lowerBound(start) * WIDTH;
    if (at < this.records.length && this.records[at + 2] === row) this.records[at + 3] = minutes;
  }

  /**
   * The credited minutes of the live entries on the same local day as the entry of `row`,
   * which starts at `start`. Two instants of one local day are less than 72 hours apart (a
   * day is under 24 hours of local time, and offsets are under 24 hours either way), so
   * those entries all start within 72 hours of it: the sum looks at no others.
   */
  creditedOnDayOf(start: number, row: number): number {
    const records = this.records;
    const end = records.length;
    const at = this.lowerBound(start) * WIDTH;
    if (at >= end || records[at + 2] !== row) return 0;
    const day = records[at + 4];
    let sum = records[at + 3]!;
    // Outwards from the entry: the window holds few entries, fewer than a search would touch.
    for (let base = at - WIDTH; base >= 0 && records[base]! > start - WINDOW_MS; base -= WIDTH) {
      if (records[base + 4] === day) sum += records[base + 3]!;
    }
    for (let base = at + WIDTH; base < end && records[base]! < start + WINDOW_MS; base += WIDTH) {
      if (records[base + 4] === day) sum += records[base + 3]!;
    }
    return sum;
  }

  /** The position (in records) of the first interval starting at or after `start`. */
  private lowerBound(start: number): number {
    const records = this.records;
    let high = records.length / WIDTH;
    // Entries mostly come in time order: one look at the last saves the search.
    if (high === 0) return 0;
    const last = records[(high - 1) * WIDTH]!;
    if (last < start) return high;
    if (last === start) return high - 1; // Live starts are distinct.
    let low = 0;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (records[middle * WIDTH]! < start) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

const WIDTH = 5;
const WINDOW_MS = 72 * MS_PER_HOUR;
