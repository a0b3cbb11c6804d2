// The write path of the point ledger's log: events are made, chained when the ledger is,
// logged, applied with the one reducer, and only then heard by listeners.
import { createDispatcher, Subscribable, type Dispatcher } from '../../internal/dispatch.js';
import type { ListenerErrorHandler } from '../../internal/dispatch.js';
import { chainLink, type ChainHash, type Checkpoint } from '../../journal/chain.js';
import { invalidField } from '../../schemas/parse.js';
import { applyPointsEvent } from '../apply.js';
import type { PointsEvent, PointsEventType } from '../types.js';
import { deepFreeze } from '../views.js';
import type { PointsState } from './state.js';

/** One event of a command, before it is numbered, stamped and chained. */
export type MadeEvent = readonly [PointsEventType, object];

/** Writes the events of the ledger's commands; see {@link createPointsWriter}. */
export interface PointsWriter {
  /** The hash function, when the log is chained. */
  readonly hash: ChainHash | undefined;
  /** The hash of the last event ('' when none or unchained). */
  lastHash: string;
  /** Counts the writes, so that a cached read knows when it is stale. */
  version: number;
  readonly changes: Subscribable<PointsEvent>;
  /**
   * The event as stored: chained, when the ledger is, after `previous` (the hash before it).
   * A hash function that returns no text is refused here, before anything is applied.
   */
  sealed(event: PointsEvent, previous: string): PointsEvent;
  /**
   * Writes the events of one command, made at stamp `stamp`, and returns `result()`: every
   * event is made and hashed first (so a failing hash function writes none), then each is
   * logged and applied, the result is read, and only then do the listeners hear of them (what
   * a listener writes in turn comes after, and does not show in the result).
   */
  commit<R>(made: readonly MadeEvent[], stamp: number, result: () => R): R;
  /** The log, frozen (one array per length of the log). */
  events(): readonly PointsEvent[];
  checkpoint(): Checkpoint;
}

export interface PointsWriterOptions {
  hash: ChainHash | undefined;
  /** The hash of the last event of a replayed log. */
  lastHash: string;
  dispatcher: Dispatcher | undefined;
  onListenerError: ListenerErrorHandler | undefined;
}

/** The writer of `state`'s log. */
export function createPointsWriter(state: PointsState, options: PointsWriterOptions): PointsWriter {
  const { log, stamps } = state;
  const { hash } = options;
  const dispatcher =
    options.dispatcher ?? createDispatcher({ onListenerError: options.onListenerError });
  let frozenEvents: readonly PointsEvent[] | undefined;

  const writer: PointsWriter = {
    hash,
    lastHash: options.lastHash,
    version: 0,
    changes: new Subscribable<PointsEvent>(dispatcher),
    sealed(event, previous) {
      if (hash === undefined) return event;
      const link: unknown = chainLink(hash, previous, event);
      if (typeof link !== 'string' || link === '') {
        throw invalidField(['hash'], 'must return the hash as text', 'type', {
          expected: 'string',
        });
      }
      return Object.freeze({ ...event, hash: link });
    },
    commit(made, stamp, result) {
      const at = stamps.text(stamp);
      let previous = writer.lastHash;
      const events = made.map(([type, data], offset) => {
        const unsealed = { seq: log.size + 1 + offset, type, at, data: deepFreeze(data) };
        const event = writer.sealed(Object.freeze(unsealed) as PointsEvent, previous);
        previous = event.hash ?? '';
        return event;
      });
      return dispatcher.run(() => {
        writer.lastHash = previous;
        for (const event of events) {
          log.push(event);
          applyPointsEvent(state, event, stamp);
        }
        writer.version++;
        if (writer.changes.listening) for (const event of events) writer.changes.emit(event);
        return result();
      });
    },
    events() {
      if (frozenEvents?.length !== log.held) frozenEvents = Object.freeze(log.events().slice());
      return frozenEvents;
    },
    checkpoint() {
      const seq = log.size;
      return Object.freeze(
        hash === undefined || seq === 0 ? { seq } : { seq, hash: writer.lastHash },
      );
    },
  };
  return writer;
}
