import type { JournalEvent } from './journal.js';

/** Folds one event into the state; may return a new state or mutate and return the old one. */
export type Reducer<S, E extends JournalEvent> = (state: S, event: E) => S;

/**
 * Rebuilds state from events through a reducer, oldest first.
 *
 * @example
 * ```ts
 * const total = replay(journal.events(), (sum, event) => sum + event.data.by, 0);
 * ```
 */
export function replay<S, E extends JournalEvent>(
  events: Iterable<E>,
  reducer: Reducer<S, E>,
  initial: S,
): S {
  let state = initial;
  for (const event of events) state = reducer(state, event);
  return state;
}
