// The live 721 tracker: an event-sourced count. Live adds and replay go through the same
// check (commands.ts) and the same reducer (apply.ts); listeners hear an add once it is complete.
import { readClock } from '../clock.js';
import { invalidLog, LanewiseError } from '../errors/index.js';
import { createDispatcher, Subscribable } from '../internal/dispatch.js';
import { chainLink, checkEnvelopes, checkpointOf, type Checkpoint } from '../journal/index.js';
import { parseInput } from '../schemas/parse.js';
import { instantMs } from '../time/parse.js';
import { zoneOffsets, type ZoneOffsets } from '../time/zone.js';
import type { RatioActionInput, RatioTracker, RatioTrackerOptions } from './api.js';
import { applyActionAdded, emptyTrackerState, type TrackerState } from './apply.js';
import { checkAdd } from './commands.js';
import { fastActionInput } from './store/inputs.js';
import {
  ratioActionInputSchema,
  ratioTrackerOptionsSchema,
  storedRatioActionSchema,
} from './schemas.js';
import {
  RATIO_ACTION_ADDED,
  type Ratio721Result,
  type RatioAction,
  type RatioTrackerEvent,
} from './types.js';
import { trackerSnapshot } from './views.js';

const TYPES: ReadonlySet<string> = new Set([RATIO_ACTION_ADDED]);

/** The action as stored: its fields in one order, none `undefined`, frozen. */
function storedAction(action: Omit<RatioAction, 'at'>, at: string): RatioAction {
  const { id, kind, weight, unit, type } = action;
  const stored: { -readonly [K in keyof RatioAction]: RatioAction[K] } = { at, kind };
  if (id !== undefined) stored.id = id;
  if (weight !== undefined) stored.weight = weight;
  if (unit !== undefined) stored.unit = unit;
  if (type !== undefined) stored.type = type;
  return Object.freeze(stored);
}

function frozenEvent(
  seq: number,
  at: string,
  data: RatioAction,
  hash: string | undefined,
): RatioTrackerEvent {
  return Object.freeze(
    hash === undefined
      ? { seq, type: RATIO_ACTION_ADDED, at, data }
      : { seq, type: RATIO_ACTION_ADDED, at, data, hash },
  );
}

/**
 * Rebuilds the state from a log, checked as strictly as the adds that wrote it: the envelope
 * (`seq` from 1, the one type, `at`, the chain and the checkpoint when given), every event's
 * data against the stored action's schema, and ids unique. Throws `INVALID_LOG` at
 * `['events', index, ...]`; nothing is built from a bad log.
 */
function replayLog(
  events: unknown,
  hash: RatioTrackerOptions['hash'],
  checkpoint: Checkpoint | undefined,
  zone: ZoneOffsets,
): TrackerState {
  checkEnvelopes(events, { types: TYPES, hash, checkpoint });
  // A tracker writes every instant with its zone's offset, to the millisecond.
  const written = (index: number, path: readonly (string | number)[], at: string) => {
    const canonical = zone.format(instantMs(at));
    if (at !== canonical) {
      throw invalidLog(index, path, `${path.join('.')} must be written as ${canonical}`, {
        timeZone: zone.timeZone,
      });
    }
  };
  const state = emptyTrackerState();
  for (let index = 0; index < events.length; index++) {
    const event = events[index] as RatioTrackerEvent;
    let data: RatioAction;
    try {
      data = parseInput(storedRatioActionSchema, event.data, ['data']);
    } catch (error) {
      if (!(error instanceof LanewiseError)) throw error;
      throw invalidLog(index, error.path, error.message, { issues: error.details['issues'] });
    }
    written(index, ['at'], event.at);
    written(index, ['data', 'at'], data.at);
    let stored: RatioAction | undefined;
    try {
      stored = checkAdd(state, data);
    } catch (error) {
      if (!(error instanceof LanewiseError)) throw error;
      throw invalidLog(index, ['data', 'id'], error.message, { id: data.id });
    }
    // A live add of an id added before writes nothing, so a log never holds it twice.
    if (stored !== undefined) {
      throw invalidLog(index, ['data', 'id'], `action ${String(data.id)} is in the log twice`, {
        id: data.id,
      });
    }
    applyActionAdded(
      state,
      frozenEvent(event.seq, event.at, storedAction(data, data.at), event.hash),
    );
  }
  return state;
}

/**
 * Creates a live 721 tracker: `add` is constant time, `snapshot` is the result of `ratio721`
 * over everything added, and every add is a `metrics.action_added` event in an append-only log.
 *
 * - Instants are written with the community's offset (`timeZone`, `Asia/Shanghai` by default):
 *   an action added with `at: '2025-06-01T02:00:00Z'` is stored at `2025-06-01T10:00:00.000+08:00`.
 * - `events` replays a log; a log no tracker could have written (a duplicated or edited event,
 *   an unknown field, an id twice, a broken chain with `hash`, a log cut before `checkpoint`)
 *   throws `INVALID_LOG` with the event's index in the path, and nothing is built.
 * - Listeners run after the add is complete; a listener's error goes to `onListenerError`, and
 *   an add made from a listener runs after the current one.
 * - Everything handed out (actions, events, the log, the snapshot) is frozen.
 *
 * @example
 * ```ts
 * const tracker = createRatioTracker({ now: manualClock('2025-07-01T09:00:00+08:00').now });
 * tracker.subscribe(() => render(tracker.snapshot()));
 * tracker.add({ kind: 'service', type: 'consultation', unit: 'station-1' });
 * tracker.snapshot().shares.service; // 1
 * ```
 */
export function createRatioTracker(options: RatioTrackerOptions): RatioTracker {
  const parsed = parseInput(ratioTrackerOptionsSchema, options);
  const { target, tolerance, now, hash } = parsed;
  const zone = zoneOffsets(parsed.timeZone);
  const state = replayLog(
    parsed.events === undefined ? [] : parsed.events,
    hash,
    parsed.checkpoint,
    zone,
  );
  const dispatcher =
    parsed.dispatcher ?? createDispatcher({ onListenerError: parsed.onListenerError });
  const listeners = new Subscribable<RatioTrackerEvent>(dispatcher);
  let snapshot: Ratio721Result | undefined;
  let log: readonly RatioTrackerEvent[] | undefined;

  const add = (input: RatioActionInput): RatioAction => {
    const action = fastActionInput(input) ?? parseInput(ratioActionInputSchema, input);
    const stored = checkAdd(state, action);
    if (stored !== undefined) return stored;
    const nowMs = readClock(now);
    const stamp = zone.format(nowMs);
    const at = action.at === undefined ? stamp : zone.format(instantMs(action.at));
    const data = storedAction(action, at);
    const seq = state.events.length + 1;
    const previous = state.events[seq - 2]?.hash ?? '';
    const link =
      hash === undefined
        ? undefined
        : chainLink(hash, previous, { seq, type: RATIO_ACTION_ADDED, at: stamp, data });
    const event = frozenEvent(seq, stamp, data, link);
    applyActionAdded(state, event);
    snapshot = undefined;
    log = undefined;
    listeners.emit(event);
    return data;
  };

  return {
    add: (input) => dispatcher.run(() => add(input)),
    snapshot() {
      snapshot ??= trackerSnapshot(state, target, tolerance);
      return snapshot;
    },
    subscribe: (listener) => listeners.subscribe(listener),
    events() {
      log ??= Object.freeze(state.events.slice());
      return log;
    },
    checkpoint: () => checkpointOf(state.events),
    get size() {
      return state.events.length;
    },
  };
}
