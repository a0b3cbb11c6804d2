import { readClock, type Clock } from '../clock.js';
import {
  createDispatcher,
  Subscribable,
  type Dispatcher,
  type ListenerOptions,
} from '../internal/dispatch.js';
import { chainLink, checkpointOf, type ChainHash, type Checkpoint } from './chain.js';
import { checkEnvelopes } from './check.js';
import type { JournalEvent } from './types.js';

export type { JournalEvent } from './types.js';

/** Called with each event after it is appended. */
export type JournalListener<E extends JournalEvent> = (event: E) => void;

/** An append-only event log. Nothing in it is ever edited or removed. */
export interface Journal<E extends JournalEvent = JournalEvent> {
  /** Appends an event stamped with the next `seq` and the clock's now (or `at`), and tells the listeners. */
  append<T extends E['type']>(
    type: T,
    data: Extract<E, { type: T }>['data'],
    at?: string,
  ): Extract<E, { type: T }>;
  /** The events so far, oldest first, in a frozen array. */
  events(): readonly E[];
  /** The number of events. */
  readonly size: number;
  /** `{ seq, hash }` of the last event: keep it to detect a log cut off later. */
  checkpoint(): Checkpoint;
  /** Listens to every later append; returns the function that stops listening. */
  subscribe(listener: JournalListener<E>): () => void;
}

/** Options of {@link createJournal}. */
export interface JournalOptions<E extends JournalEvent> extends ListenerOptions {
  /** Stamps `at` on events appended without one. */
  now: Clock;
  /** Writes the instant of `now` (default: ISO in UTC, `…Z`). Pass a zone's formatter for its offset. */
  formatInstant?: ((ms: number) => string) | undefined;
  /** Events to start from, as returned by an earlier journal's `events()`; checked (see {@link checkEnvelopes}). */
  events?: readonly E[] | undefined;
  /** The event types the log may hold; any when left out. */
  types?: ReadonlySet<string> | undefined;
  /**
   * Chains the events: each carries `hash`, computed over the previous event's hash and its own
   * content, so that an edited or removed event shows (see {@link verifyChain}). Pass a
   * cryptographic hash, such as SHA-256 from `node:crypto` or `@noble/hashes`, where the log
   * leaves your hands; the journal itself does no I/O and ships none.
   */
  hash?: ChainHash | undefined;
  /** The checkpoint kept from an earlier journal: `events` must still reach it. */
  checkpoint?: Checkpoint | undefined;
  /** @internal Objects that notify as one share a dispatcher. */
  dispatcher?: Dispatcher | undefined;
}

/**
 * Creates an append-only event log.
 *
 * @example
 * ```ts
 * type Counted = JournalEvent<'demo.counted', { by: number }>;
 * const journal = createJournal<Counted>({ now: manualClock('2025-01-24T09:00:00+08:00').now });
 * const stop = journal.subscribe((event) => console.log(event.seq, event.data.by));
 * journal.append('demo.counted', { by: 2 });
 * stop();
 * ```
 */
export function createJournal<E extends JournalEvent = JournalEvent>(
  options: JournalOptions<E>,
): Journal<E> {
  const given = options.events ?? [];
  checkEnvelopes(given, {
    types: options.types,
    hash: options.hash,
    checkpoint: options.checkpoint,
  });
  const log: E[] = given.map((event) => Object.freeze({ ...event }) as E);
  const dispatcher = options.dispatcher ?? createDispatcher(options);
  const listeners = new Subscribable<E>(dispatcher);
  const format = options.formatInstant ?? ((ms: number) => new Date(ms).toISOString());
  // Formatting an instant costs more than the rest of an append; most appends share one.
  let lastTime = NaN;
  let lastStamp = '';
  const stamp = (): string => {
    const time = readClock(options.now);
    if (time !== lastTime) {
      lastTime = time;
      lastStamp = format(time);
    }
    return lastStamp;
  };
  let frozen: readonly E[] = Object.freeze(log.slice());

  return {
    append(type, data, at) {
      return dispatcher.run(() => {
        const fields = { seq: log.length + 1, type, at: at ?? stamp(), data };
        const event = Object.freeze(
          options.hash
            ? { ...fields, hash: chainLink(options.hash, log[log.length - 1]?.hash ?? '', fields) }
            : fields,
        ) as unknown as E;
        log.push(event);
        listeners.emit(event);
        return event as never;
      });
    },
    events() {
      if (frozen.length !== log.length) frozen = Object.freeze(log.slice());
      return frozen;
    },
    get size() {
      return log.length;
    },
    checkpoint: () => checkpointOf(log),
    subscribe: (listener) => listeners.subscribe(listener),
  };
}
