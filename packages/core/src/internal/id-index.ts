/**
 * Row numbers by string id: an open-addressing hash table over an `Int32Array`, which the hour
 * and point ledgers share. Internal to the core.
 *
 * Why not a `Map`: every record looks its id up (idempotency) before it is added, and in a
 * `Map` of a million string keys a lookup that misses walks a bucket chain, loading each
 * key's string to compare: several cache misses, the largest single cost of a record. Here
 * each slot holds the key's hash beside the row, so a miss mostly reads one cache line.
 *
 * The hash is not seeded, so ids chosen to collide could make long probe runs: a key that
 * finds no free slot within {@link PROBE_LIMIT} goes to an ordinary `Map` instead, which
 * bounds every lookup. Slots only fill up (until the table grows and places every key
 * afresh), so a free slot within reach proves a key absent from the map as well.
 */
export class IdIndex {
  /** Pairs `[hash, row + 1]`; a row of 0 marks an empty slot. */
  private slots = new Int32Array(2 * 64);
  private mask = 63;
  private count = 0;
  /** Keys that found no slot near their hash. */
  private readonly overflow = new Map<string, number>();
  /** Where the last missed key would go, so that the add that usually follows need not probe. */
  private missKey: string | undefined = undefined;
  private missCount = -1;
  private missSlot = -1;
  private missHash = 0;

  /**
   * `keyOf(row)` is the id the row was added under. The other two are for tests, to force
   * collisions and the overflow map.
   */
  constructor(
    private readonly keyOf: (row: number) => string,
    private readonly hash: (key: string) => number = hashId,
    private readonly probeLimit = PROBE_LIMIT,
  ) {}

  /** The row added under `key`, or -1. */
  get(key: string): number {
    // Only a tampered log brings other keys; the map holds them as it holds any value.
    if (typeof key !== 'string') return this.overflow.get(key) ?? -1;
    // The reducer asks again for the id the checks just missed.
    if (key === this.missKey && this.missCount === this.count) {
      return this.missSlot < 0 ? (this.overflow.get(key) ?? -1) : -1;
    }
    const hash = this.hash(key);
    const { slots, mask } = this;
    let slot = hash & mask;
    for (let probe = 0; probe < this.probeLimit; probe += 1) {
      const stored = slots[2 * slot + 1]!;
      if (stored === 0) {
        this.remember(key, hash, slot);
        return -1;
      }
      if (slots[2 * slot] === hash && this.keyOf(stored - 1) === key) return stored - 1;
      slot = (slot + 1) & mask;
    }
    this.remember(key, hash, -1);
    return this.overflow.get(key) ?? -1;
  }

  /** Adds `row` under `key`, which the caller has checked is not there. */
  add(key: string, row: number): void {
    if (typeof key !== 'string') {
      this.overflow.set(key, row);
      this.count += 1;
      if (this.count * 2 > this.mask + 1) this.grow();
      return;
    }
    if (key !== this.missKey || this.missCount !== this.count) this.get(key);
    const slot = this.missSlot;
    this.missKey = undefined;
    this.count += 1;
    if (slot < 0) this.overflow.set(key, row);
    else {
      this.slots[2 * slot] = this.missHash;
      this.slots[2 * slot + 1] = row + 1;
    }
    // At most half full: probe runs stay short.
    if (this.count * 2 > this.mask + 1) this.grow();
  }

  private remember(key: string, hash: number, slot: number): void {
    this.missKey = key;
    this.missCount = this.count;
    this.missHash = hash;
    this.missSlot = slot;
  }

  private grow(): void {
    const old = this.slots;
    const mask = this.mask * 2 + 1;
    const slots = new Int32Array(2 * (mask + 1));
    const spilled = [...this.overflow].filter(([key]) => typeof key === 'string');
    for (const [key] of spilled) this.overflow.delete(key);
    for (let at = 0; at < old.length; at += 2) {
      const stored = old[at + 1]!;
      if (stored !== 0) this.place(slots, mask, old[at]!, stored - 1);
    }
    for (const [key, row] of spilled) this.place(slots, mask, this.hash(key), row);
    this.slots = slots;
    this.mask = mask;
    this.missKey = undefined;
  }

  /** Puts a row in the first free slot near its hash, or in the map when there is none. */
  private place(slots: Int32Array, mask: number, hash: number, row: number): void {
    let slot = hash & mask;
    for (let probe = 0; probe < this.probeLimit; probe += 1) {
      if (slots[2 * slot + 1] === 0) {
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = row + 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.overflow.set(this.keyOf(row), row);
  }
}

/** The longest probe run; past it a key goes to the overflow map. */
export const PROBE_LIMIT = 32;

/** FNV-1a over the UTF-16 code units, then a final mix so that the low bits vary. */
export function hashId(key: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let at = 0; at < key.length; at += 1) {
    hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
