/**
 * Running totals keyed by a pair of small integers (a volunteer's number and a day, or an
 * activity's number): an open-addressing hash table over one `Float64Array` of
 * `[first, second, total]` triples.
 *
 * Why not a `Map` per volunteer: the daily cap and the per-activity totals are read and
 * written on every approval, and a volunteer's maps are cold by then on a ledger of
 * thousands of volunteers: a map object, its table and its keys, several cache misses each.
 * Here a lookup mostly reads one cache line, and the table holds no pointers for the
 * collector to trace.
 *
 * The hash is not seeded, so keys chosen to collide could make long probe runs: a key that
 * finds no free slot within {@link PROBE_LIMIT} goes to an ordinary `Map` instead. Slots only
 * fill up (until the table grows and places every key afresh), so a free slot within reach
 * proves a key absent from the map as well.
 */
export class PairCounters {
  private cells = freeCells(64);
  private mask = 63;
  private count = 0;
  private readonly overflow = new Map<string, number>();

  /** Both parameters are for tests, to force collisions and the overflow map. */
  constructor(
    private readonly mix: (first: number, second: number) => number = mixPair,
    private readonly probeLimit = PROBE_LIMIT,
  ) {}

  /** The total under `(first, second)`, 0 when none. */
  get(first: number, second: number): number {
    const at = this.find(first, second);
    if (at >= 0) return this.cells[at + 2]!;
    return at === FULL ? (this.overflow.get(`${first}:${second}`) ?? 0) : 0;
  }

  /** Adds `amount` (negative to take away) to the total under `(first, second)`. */
  add(first: number, second: number, amount: number): void {
    const at = this.find(first, second);
    if (at >= 0) {
      this.cells[at + 2]! += amount;
      return;
    }
    if (at === FULL) {
      const key = `${first}:${second}`;
      const total = this.overflow.get(key);
      if (total !== undefined) {
        this.overflow.set(key, total + amount);
        return;
      }
    }
    this.place(this.cells, this.mask, first, second, amount);
    this.count += 1;
    // At most half full: probe runs stay short.
    if (this.count * 2 > this.mask + 1) this.grow();
  }

  /** The position of the key's triple; else {@link ABSENT}, or {@link FULL} when out of reach. */
  private find(first: number, second: number): number {
    const { cells, mask } = this;
    let slot = this.mix(first, second) & mask;
    for (let probe = 0; probe < this.probeLimit; probe += 1) {
      const at = slot * 3;
      // A free slot holds NaN as its first number: no key equals it.
      const stored = cells[at]!;
      if (stored === first && cells[at + 1] === second) return at;
      if (stored !== stored) return ABSENT;
      slot = (slot + 1) & mask;
    }
    return FULL;
  }

  /** Puts a new key in the first free slot near its hash, or in the map when there is none. */
  private place(
    cells: Float64Array,
    mask: number,
    first: number,
    second: number,
    total: number,
  ): void {
    let slot = this.mix(first, second) & mask;
    for (let probe = 0; probe < this.probeLimit; probe += 1) {
      const at = slot * 3;
      const stored = cells[at]!;
      if (stored !== stored) {
        cells[at] = first;
        cells[at + 1] = second;
        cells[at + 2] = total;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.overflow.set(`${first}:${second}`, total);
  }

  private grow(): void {
    const old = this.cells;
    const mask = this.mask * 2 + 1;
    const cells = freeCells(mask + 1);
    const spilled = [...this.overflow];
    this.overflow.clear();
    for (let at = 0; at < old.length; at += 3) {
      const first = old[at]!;
      if (first === first) this.place(cells, mask, first, old[at + 1]!, old[at + 2]!);
    }
    for (const [key, total] of spilled) {
      const [first, second] = key.split(':').map(Number) as [number, number];
      this.place(cells, mask, first, second, total);
    }
    this.cells = cells;
    this.mask = mask;
  }
}

/** The longest probe run; past it a key goes to the overflow map. */
export const PROBE_LIMIT = 32;
const ABSENT = -1;
const FULL = -2;

function freeCells(slots: number): Float64Array {
  return new Float64Array(3 * slots).fill(NaN);
}

/** A hash of two integers, mixed so that the low bits vary. */
export function mixPair(first: number, second: number): number {
  let hash = Math.imul(first | 0, 0x9e3779b1) ^ (second | 0);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
