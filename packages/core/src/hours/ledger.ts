import { LanewiseError } from '../errors.js';
import { createJournal } from '../journal/index.js';
import type { HoursLedger } from './api.js';
import { idSchema, parseInput } from '../schemas/index.js';
import { DEFAULT_HOURS_TIME_ZONE, resolveHoursPolicy } from './policy.js';
import {
  planApprove,
  planClose,
  planCorrect,
  planRecord,
  type HoursWrite,
  type PlanContext,
} from './plan.js';
import { certify, listEntries, starLevelFor, summarise, sumCredited } from './queries.js';
import { hoursSettingsSchema } from './schemas.js';
import { applyHoursEvent, emptyHoursState, rowOf } from './state.js';
import type {
  HourEntry,
  HoursEvent,
  HoursLedgerOptions,
  HoursListener,
  HoursSnapshot,
} from './types.js';
import { createZoneDays } from './zone-days.js';

/**
 * Lets the program act on a checked move before it is written: the hook may throw, and then
 * nothing is written. Internal to the core.
 */
export interface HoursCommitHook {
  (type: HoursEvent['type'], data: HoursEvent['data'], before: HourEntry | undefined): void;
}

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
  const state = emptyHoursState();
  const journal = createJournal<HoursEvent>({ now, events: options.events ?? [] });
  for (const event of journal.events()) applyHoursEvent(state, days, event);

  const queries = { state, policy, days, now };
  let cached: HoursSnapshot | undefined;
  // Listeners hear of an event after it is applied, so that a snapshot taken then is current.
  const listeners = new Set<HoursListener>();

  /** Writes a checked move and returns the entry it touched (the new one for a correction). */
  const write: HoursWrite = (type, data, before) => {
    beforeCommit?.(type, data, before);
    const event = journal.append(type, data as never) as HoursEvent;
    const touched = applyHoursEvent(state, days, event);
    if (listeners.size > 0) for (const listener of listeners) listener(event);
    return touched;
  };
  const plans: PlanContext = { state, policy, now, write };

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
      return row < 0 ? undefined : state.entries[row];
    },
    list: (filter) => listEntries(queries, filter),
    creditedMinutes: (filter) => sumCredited(queries, filter),
    summary: (summaryOptions) => summarise(queries, summaryOptions),
    starLevel: (volunteerId) => starLevelFor(queries, volunteerId),
    certificate: (volunteerId, certificateOptions) =>
      certify(queries, volunteerId, certificateOptions),
    events: () => journal.events(),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    snapshot() {
      if (cached?.version !== journal.size) {
        const entries = Object.freeze(state.entries.slice());
        cached = Object.freeze({ version: journal.size, entries });
      }
      return cached;
    },
  };
}
