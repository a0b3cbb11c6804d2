/**
 * The live (pending or approved) entries of one volunteer, sorted by start. Live entries
 * never overlap, so sorting by start also sorts by end, and an overlap check needs only the
 * neighbours found by binary search: O(log n), not a scan.
 */
export class LiveIntervals {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly ids: string[] = [];

  /** The number of live entries. */
  get size(): number {
    return this.starts.length;
  }

  /** The index of the first interval starting at or after `start`. */
  private lowerBound(start: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! < start) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The id of a live entry that overlaps `[start, end)`, other than `except`; or undefined. */
  findOverlap(start: number, end: number, except?: string): string | undefined {
    const at = this.lowerBound(start);
    // The entry before may reach into the new one (if that is `except`, the one before it
    // ends before it starts, so cannot); the ones from `at` may start inside the new one,
    // and skipping `except` there exposes the next.
    const before = at - 1;
    if (before >= 0 && this.ids[before] !== except && this.ends[before]! > start) {
      return this.ids[before];
    }
    for (let index = at; index < this.starts.length && index <= at + 1; index += 1) {
      if (this.ids[index] === except) continue;
      if (this.starts[index]! < end) return this.ids[index];
      break;
    }
    return undefined;
  }

  /** Adds an interval (the caller has checked that it overlaps nothing). */
  insert(start: number, end: number, id: string): void {
    const at = this.lowerBound(start);
    if (at === this.starts.length) {
      this.starts.push(start);
      this.ends.push(end);
      this.ids.push(id);
      return;
    }
    this.starts.splice(at, 0, start);
    this.ends.splice(at, 0, end);
    this.ids.splice(at, 0, id);
  }

  /** Removes the interval of `id` that starts at `start`; true when it was there. */
  remove(start: number, id: string): boolean {
    const at = this.lowerBound(start);
    if (this.ids[at] !== id) return false;
    this.starts.splice(at, 1);
    this.ends.splice(at, 1);
    this.ids.splice(at, 1);
    return true;
  }

  /** The ids of the live entries whose start is in `[from, to)`, in start order. */
  idsStartingIn(from: number, to: number): string[] {
    const result: string[] = [];
    for (let index = this.lowerBound(from); index < this.starts.length; index += 1) {
      if (this.starts[index]! >= to) break;
      result.push(this.ids[index]!);
    }
    return result;
  }
}
