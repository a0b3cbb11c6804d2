import type { Clock } from '../clock.js';
import { LanewiseError } from '../errors.js';
import { chainLink, type ChainHash } from './chain.js';

/**
 * One entry of an append-only log. `seq` counts from 1 without gaps; `at` is an ISO 8601
 * instant; `data` is the event's payload, a plain JSON-safe value.
 */
export interface JournalEvent<Type extends string = string, Data = unknown> {
  readonly seq: number;
  readonly type: Type;
  readonly at: string;
  readonly data: Data;
  /** With a chained journal: the hash of this event and the previous event's hash. */
  readonly hash?: string;
}

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
  /** The events so far, oldest first. The array is a read-only view: do not keep it across appends. */
  events(): readonly E[];
  /** The number of events. */
  readonly size: number;
  /** Listens to every later append; returns the function that stops listening. */
  subscribe(listener: JournalListener<E>): () => void;
}

/** Options of {@link createJournal}. */
export interface JournalOptions<E extends JournalEvent> {
  /** Stamps `at` on events appended without one. */
  now: Clock;
  /** Events to start from, as returned by an earlier journal's `events()`; checked for order. */
  events?: readonly E[];
  /**
   * Chains the events: each carries `hash`, computed over the previous event's hash and its own
   * content, so that an edited or removed event shows (see {@link verifyChain}). Pass a
   * cryptographic hash, such as SHA-256 from `node:crypto` or `@noble/hashes`, where the log
   * leaves your hands; the journal itself does no I/O and ships none.
   */
  hash?: ChainHash;
}

/**
 * Creates an append-only event log.
 *
 * @example
 * ```ts
 * type Counted = JournalEvent<'counted', { by: number }>;
 * const journal = createJournal<Counted>({ now: manualClock('2025-01-24T09:00:00+08:00').now });
 * const stop = journal.subscribe((event) => console.log(event.seq, event.data.by));
 * journal.append('counted', { by: 2 });
 * stop();
 * ```
 */
export function createJournal<E extends JournalEvent = JournalEvent>(
  options: JournalOptions<E>,
): Journal<E> {
  const log: E[] = [];
  const listeners = new Set<JournalListener<E>>();
  // Formatting an instant costs more than the rest of an append; most appends share one.
  let lastTime = NaN;
  let lastStamp = '';
  const stamp = (): string => {
    const time = options.now().getTime();
    if (time !== lastTime) {
      lastTime = time;
      lastStamp = new Date(time).toISOString();
    }
    return lastStamp;
  };
  for (const [index, event] of (options.events ?? []).entries()) {
    if (event.seq !== index + 1) {
      throw new LanewiseError(
        'INVALID_INPUT',
        `event ${index} has seq ${event.seq}, expected ${index + 1}`,
        {
          path: ['events', index, 'seq'],
        },
      );
    }
    if (options.hash && event.hash !== chainLink(options.hash, log[index - 1]?.hash ?? '', event)) {
      throw new LanewiseError('INVALID_INPUT', `event ${index} does not match its hash`, {
        path: ['events', index, 'hash'],
      });
    }
    log.push(event);
  }

  return {
    append(type, data, at) {
      const fields = { seq: log.length + 1, type, at: at ?? stamp(), data };
      const event = Object.freeze(
        options.hash
          ? { ...fields, hash: chainLink(options.hash, log[log.length - 1]?.hash ?? '', fields) }
          : fields,
      ) as unknown as E;
      log.push(event);
      for (const listener of listeners) listener(event);
      return event as never;
    },
    events: () => log,
    get size() {
      return log.length;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
