import type { JournalEvent } from '../journal/types.js';

/**
 * An append-only log in which the owner may keep an event as a number (a row of its own
 * columns) and have it built into an event object only when someone reads it. Built events
 * are kept, so each is built once and reads stay the same objects.
 *
 * Why: a ledger that writes a million records would otherwise keep a million frozen event
 * objects, and the garbage collector copies and traces each one. Numbers in a typed array cost
 * it nothing. Internal to the core.
 */
export class CompactLog<E extends JournalEvent> {
  /** The events up to the first one not built yet, in order. */
  private readonly built: E[] = [];
  /**
   * The events after those, in a typed array: a key (>= 0) to build from, or `-1 - n` for
   * the `n`th of `pushed`, an event appended built.
   */
  private keys = new Int32Array(1024);
  private tail = 0;
  private readonly pushed: E[] = [];
  /** Events of the tail built one by one (see {@link at}), by seq. */
  private readonly read = new Map<number, E>();

  /**
   * `build(key, seq)` makes the event appended as `key`, which has number `seq`. A log that
   * carries on from a snapshot taken at event `start` numbers its first event `start + 1` and
   * holds only the events after it.
   */
  constructor(
    private readonly build: (key: number, seq: number) => E,
    readonly start = 0,
  ) {}

  /** The number of the last event (the number of events, when the log starts at the first). */
  get size(): number {
    return this.start + this.built.length + this.tail;
  }

  /** The number of events held: those after `start`. */
  get held(): number {
    return this.built.length + this.tail;
  }

  /** Appends a built event. */
  push(event: E): void {
    if (this.tail === 0) this.built.push(event);
    else this.append(-1 - (this.pushed.push(event) - 1));
  }

  /** Appends an event to be built from `key` (a non-negative 32-bit integer); returns its seq. */
  pushKey(key: number): number {
    this.append(key);
    return this.size;
  }

  /** The event with number `seq` (from `start + 1`), built if need be. */
  at(seq: number): E {
    const { built } = this;
    const index = seq - this.start;
    if (index >= 1 && index <= built.length) return built[index - 1] as E;
    if (!(index > built.length && seq <= this.size)) throw new RangeError(`no event ${seq}`);
    const key = this.keys[index - built.length - 1] as number;
    if (key < 0) return this.pushed[-1 - key] as E;
    let event = this.read.get(seq);
    if (event === undefined) {
      event = this.build(key, seq);
      this.read.set(seq, event);
    }
    return event;
  }

  /** Every event held, oldest first, built. A read-only view: do not keep it across appends. */
  events(): readonly E[] {
    const { built, keys, pushed, read } = this;
    for (let index = 0; index < this.tail; index++) {
      const key = keys[index] as number;
      const seq = this.start + built.length + 1;
      built.push(key < 0 ? (pushed[-1 - key] as E) : (read.get(seq) ?? this.build(key, seq)));
    }
    this.tail = 0;
    pushed.length = 0;
    read.clear();
    return built;
  }

  private append(key: number): void {
    if (this.tail === this.keys.length) {
      const keys = new Int32Array(this.tail * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[this.tail++] = key;
  }
}
