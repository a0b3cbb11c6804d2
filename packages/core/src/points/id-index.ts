/**
 * Values by string id, in insertion order: an open-addressing hash table over an `Int32Array`.
 *
 * Why not a `Map`: every new transfer looks its id up (idempotency) before it is added, and in
 * a `Map` of a million string keys a lookup that misses walks a bucket chain, loading each
 * key's string to compare hashes: several cache misses, most of a transfer's time. Here each
 * slot holds the key's hash next to the entry number, so a miss reads one cache line.
 */
export class IdIndex<V> {
  /** Pairs `[hash, entry + 1]`; an entry of 0 marks an empty slot. */
  private slots = new Int32Array(2 * 64);
  private mask = 63;
  private readonly entries: V[] = [];
  /** The last lookup that missed, so that the add that usually follows does not probe again. */
  private missKey: string | undefined = undefined;
  private missSize = -1;
  private missSlot = 0;
  private missHash = 0;

  /** `keyOf(value)` is the id `value` was added under. */
  constructor(private readonly keyOf: (value: V) => string) {}

  /** The number of values. */
  get size(): number {
    return this.entries.length;
  }

  /** The value added under `key`, or `undefined`. */
  get(key: string): V | undefined {
    const hash = hashId(key);
    const { slots, mask, entries } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1] as number;
      if (entry === 0) {
        this.missKey = key;
        this.missSize = entries.length;
        this.missSlot = slot;
        this.missHash = hash;
        return undefined;
      }
      if (slots[2 * slot] === hash) {
        const value = entries[entry - 1] as V;
        if (this.keyOf(value) === key) return value;
      }
    }
  }

  /** True when a value was added under `key`. */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Adds `value` under `key`; returns false, changing nothing, when the key is taken. */
  add(key: string, value: V): boolean {
    let slot: number;
    let hash: number;
    if (key === this.missKey && this.missSize === this.entries.length) {
      slot = this.missSlot;
      hash = this.missHash;
    } else {
      if (this.get(key) !== undefined) return false;
      slot = this.missSlot;
      hash = this.missHash;
    }
    this.missKey = undefined;
    const entries = this.entries;
    entries.push(value);
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = entries.length;
    // Half full at most: probe runs stay short.
    if (entries.length * 2 > this.mask + 1) this.grow();
    return true;
  }

  /** The `n`th value added (from 0). */
  at(n: number): V | undefined {
    return this.entries[n];
  }

  /** The values, oldest first. */
  values(): IterableIterator<V> {
    return this.entries.values();
  }

  private grow(): void {
    const old = this.slots;
    const mask = this.mask * 2 + 1;
    const slots = new Int32Array(2 * (mask + 1));
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at + 1] as number;
      if (entry === 0) continue;
      const hash = old[at] as number;
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = entry;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** FNV-1a over the UTF-16 code units, then a final mix so that the low bits vary. */
export function hashId(key: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let at = 0; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
