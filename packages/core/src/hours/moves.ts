import type { Clock } from '../clock.js';
import type { CompactLog } from '../internal/compact-log.js';
import { buildEntry } from './entry.js';
import { REJECTED, REVOKED, SUPERSEDED } from './entry-table.js';
import type { EntryViews } from './entry-views.js';
import type { HoursMoves } from './plan.js';
import { approvedKey, buildRowEvent, closedKey, correctedKey, recordedKey } from './row-events.js';
import { addEntry, approveEntry, closeEntry, type HoursState } from './state.js';
import type { HourEntry, HoursEvent, HoursListener } from './types.js';

/**
 * Lets the program act on a checked move before it is written: the hook may throw, and then
 * nothing is written. Internal to the core.
 */
export interface HoursCommitHook {
  (type: HoursEvent['type'], data: HoursEvent['data'], before: HourEntry | undefined): void;
}

/** What the writing side of a ledger works on. */
export interface MovesContext {
  readonly state: HoursState;
  readonly log: CompactLog<HoursEvent>;
  readonly views: EntryViews;
  readonly listeners: ReadonlySet<HoursListener>;
  readonly now: Clock;
  readonly beforeCommit: HoursCommitHook | undefined;
}

/**
 * The moves of a ledger, checked already: each runs the hook, applies itself to the state,
 * logs its event (as a key, built at once only for listeners, who hear of it then) and
 * returns the entry it touched as the move left it.
 */
export function createMoves(context: MovesContext): HoursMoves {
  const { state, log, views, listeners, now, beforeCommit } = context;
  const { stamps } = state;
  /** The index of now among the stamps; one clock read per move, as the journal made. */
  const stampNow = () => stamps.indexOfTime(now().getTime());
  /**
   * Logs a move, applied already, as its key. With listeners, its event is built at once,
   * around `data` when the hook had it built, and logged built: a log keeps building events
   * from the first built one it is given (see `CompactLog.push`).
   */
  const commit = (key: number, type: HoursEvent['type'], at: number, data: unknown) => {
    if (listeners.size === 0) {
      log.pushKey(key);
      return;
    }
    const seq = log.size + 1;
    const event =
      data === undefined
        ? buildRowEvent(state, key, seq)
        : (Object.freeze({ seq, type, at: stamps.text(at), data }) as HoursEvent);
    log.push(event);
    for (const listener of listeners) listener(event);
  };
  /** Whether a move must build its event's data now: for the hook, or for listeners. */
  const dataNeeded = () => beforeCommit !== undefined || listeners.size > 0;
  /** The entry a move starts from, for the hook. */
  const before = (row: number) => views.peek(row) ?? buildEntry(state, row);
  const moves: HoursMoves = {
    record(draft) {
      // The draft is the caller's to freeze: one made for this move, frozen or not yet.
      const data = dataNeeded() ? Object.freeze(draft) : undefined;
      if (beforeCommit) beforeCommit('hours.recorded', data!, undefined);
      const at = stampNow();
      const row = addEntry(state, draft, at, undefined);
      const entry = views.moved(row);
      commit(recordedKey(row), 'hours.recorded', at, data);
      return entry;
    },
    approve(row, by, creditedMinutes) {
      const data = dataNeeded()
        ? Object.freeze({ id: state.table.id(row), by, creditedMinutes })
        : undefined;
      if (beforeCommit) beforeCommit('hours.approved', data!, before(row));
      const at = stampNow();
      approveEntry(state, row, creditedMinutes, by, at);
      const entry = views.moved(row);
      commit(approvedKey(row), 'hours.approved', at, data);
      return entry;
    },
    close(type, row, by, reason) {
      const data = Object.freeze({ id: state.table.id(row), by, reason });
      beforeCommit?.(type, data, before(row));
      const at = stampNow();
      const closure = { by, at: stamps.text(at), reason, supersededBy: undefined };
      closeEntry(state, row, type === 'hours.rejected' ? REJECTED : REVOKED, closure);
      const entry = views.moved(row);
      commit(closedKey(row), type, at, data);
      return entry;
    },
    correct(row, by, reason, draft) {
      const id = state.table.id(row);
      const data = Object.freeze({ id, by, reason, entry: draft });
      beforeCommit?.('hours.corrected', data, before(row));
      const at = stampNow();
      const closure = { by, at: stamps.text(at), reason, supersededBy: draft.id };
      closeEntry(state, row, SUPERSEDED, closure);
      const added = addEntry(state, draft, at, id);
      views.forget(row);
      const entry = views.moved(added);
      commit(correctedKey(row), 'hours.corrected', at, data);
      return entry;
    },
    current: (row) => views.current(row),
    peek: before,
  };
  return moves;
}
