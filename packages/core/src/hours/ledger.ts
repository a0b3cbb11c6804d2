import { LanewiseError } from '../errors.js';
import { CompactLog } from '../internal/compact-log.js';
import { StampList } from '../internal/stamps.js';
import type { HoursLedger } from './api.js';
import { idSchema, parseInput } from '../schemas/index.js';
import { buildEntry } from './entry.js';
import { EntryViews } from './entry-views.js';
import { DEFAULT_HOURS_TIME_ZONE, resolveHoursPolicy } from './policy.js';
import { createMoves, type HoursCommitHook } from './moves.js';
import { planApprove, planClose, planCorrect, planRecord, type PlanContext } from './plan.js';
import { certify, listEntries, starLevelFor, summarise, sumCredited } from './queries.js';
import { buildRowEvent } from './row-events.js';
import { hoursSettingsSchema } from './schemas.js';
import { replayInto } from './replay.js';
import { emptyHoursState, rowOf } from './state.js';
import type {
  HourEntry,
  HoursEvent,
  HoursLedgerOptions,
  HoursListener,
  HoursSnapshot,
} from './types.js';
import { createZoneDays } from '../time/days.js';

export type { HoursCommitHook } from './moves.js';

/**
 * Creates a volunteer-hour ledger.
 *
 * @example
 * ```ts
 * const ledger = createHoursLedger({ now: manualClock('2025-03-01T18:00:00+08:00').now, policy: { unitMinutes: 30 } });
 * ledger.record({
 *   id: 'e1', volunteerId: 'v-li', activityId: 'repair-lane-2025-03-01',
 *   start: '2025-03-01T09:00:00+08:00', end: '2025-03-01T11:10:00+08:00', recordedBy: 'org-wang',
 * });
 * ledger.approve('e1', { by: 'org-zhao' }).creditedMinutes; // 120
 * ledger.starLevel('v-li'); // 0
 * ```
 */
export function createHoursLedger(options: HoursLedgerOptions): HoursLedger {
  return createHoursLedgerWith(options);
}

/** {@link createHoursLedger} with a hook run before each write. Internal to the core. */
export function createHoursLedgerWith(
  options: HoursLedgerOptions,
  beforeCommit?: HoursCommitHook,
): HoursLedger {
  const settings = parseInput(hoursSettingsSchema, {
    policy: options.policy,
    timeZone: options.timeZone,
  });
  const policy = resolveHoursPolicy(settings.policy);
  const days = createZoneDays(settings.timeZone ?? DEFAULT_HOURS_TIME_ZONE);
  const now = options.now;
  if (typeof now !== 'function') {
    throw new LanewiseError('INVALID_INPUT', 'now: must be a clock function', { path: ['now'] });
  }
  const stamps = new StampList();
  const state = emptyHoursState(stamps, days);
  // The ledger's own moves are logged as keys (a row and a kind) and built from the row when
  // read; given events are logged as they are.
  const log = new CompactLog<HoursEvent>((key, seq) => buildRowEvent(state, key, seq));
  replayInto(state, log, options.events ?? []);

  const views = new EntryViews((row) => buildEntry(state, row));
  const queries = { state, views, policy, days, now };
  let cached: HoursSnapshot | undefined;
  // Listeners hear of an event after it is applied, so that a snapshot taken then is current.
  const listeners = new Set<HoursListener>();

  const moves = createMoves({ state, log, views, listeners, now, beforeCommit });
  const plans: PlanContext = { state, policy, now, moves };

  return {
    policy,
    timeZone: days.timeZone,
    record: (input) => planRecord(plans, input),
    approve: (id, input) => planApprove(plans, id, input),
    reject: (id, input) => planClose(plans, 'reject', id, input),
    revoke: (id, input) => planClose(plans, 'revoke', id, input),
    correct: (id, input) => planCorrect(plans, id, input),
    get(id) {
      const row = rowOf(state, parseInput(idSchema, id, ['id']));
      return row < 0 ? undefined : views.read(row);
    },
    list: (filter) => listEntries(queries, filter),
    creditedMinutes: (filter) => sumCredited(queries, filter),
    summary: (summaryOptions) => summarise(queries, summaryOptions),
    starLevel: (volunteerId) => starLevelFor(queries, volunteerId),
    certificate: (volunteerId, certificateOptions) =>
      certify(queries, volunteerId, certificateOptions),
    events: () => log.events(),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    snapshot() {
      if (cached?.version !== log.size) {
        const entries: HourEntry[] = [];
        for (let row = 0; row < state.table.size; row += 1) entries.push(views.read(row));
        cached = Object.freeze({ version: log.size, entries: Object.freeze(entries) });
      }
      return cached;
    },
  };
}
