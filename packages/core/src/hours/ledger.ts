import { LanewiseError } from '../errors.js';
import { createJournal } from '../journal/index.js';
import { idSchema, parseInput } from '../schemas/index.js';
import { DEFAULT_HOURS_TIME_ZONE, resolveHoursPolicy } from './policy.js';
import { planApprove, planClose, planCorrect, planRecord, type HoursPlan } from './plan.js';
import { certify, listEntries, starLevelFor, summarise, sumCredited } from './queries.js';
import { hoursSettingsSchema } from './schemas.js';
import { applyHoursEvent, emptyHoursState } from './state.js';
import type {
  CorrectHoursInput,
  CreditedMinutesFilter,
  HourEntry,
  HoursCertificate,
  HoursCertificateOptions,
  HoursEvent,
  HoursLedgerOptions,
  HoursListFilter,
  HoursListener,
  HoursSnapshot,
  HoursSummaryOptions,
  HoursSummaryRow,
  RecordHoursInput,
  ResolvedHoursPolicy,
} from './types.js';
import { createZoneDays } from './zone-days.js';

/**
 * The volunteer-hour ledger. Every move is checked, then written to the event log, then
 * applied; a move that fails a check changes nothing.
 */
export interface HoursLedger {
  /** The policy in force, with its defaults. */
  readonly policy: ResolvedHoursPolicy;
  /** The time zone of days and periods. */
  readonly timeZone: string;
  /**
   * Records an entry as `pending`. Throws `INVALID_INPUT` (with the field's path, also when
   * `end <= start`), `DURATION_LIMIT`, `FUTURE_ENTRY`, `OVERLAP` (with a live entry of the
   * same volunteer) or `ID_CONFLICT`. The same id with the same content returns the stored entry.
   */
  record(input: RecordHoursInput): HourEntry;
  /**
   * Approves a pending entry and fixes its credited minutes: the duration rounded down to the
   * unit, capped per activity, then by what is left of the volunteer's day (in approval order).
   * Throws `NOT_FOUND`, `INVALID_TRANSITION` or `SELF_APPROVAL`.
   */
  approve(id: string, input: { by: string }): HourEntry;
  /** Rejects a pending entry. Throws `NOT_FOUND` or `INVALID_TRANSITION`. */
  reject(id: string, input: { by: string; reason: string }): HourEntry;
  /** Revokes an approved entry: the record stays, its minutes stop counting. */
  revoke(id: string, input: { by: string; reason: string }): HourEntry;
  /**
   * Supersedes a pending or approved entry with a new pending one carrying the changes, and
   * returns the new entry. The new entry passes the checks of `record` (overlap with the old
   * one aside).
   */
  correct(id: string, input: CorrectHoursInput): HourEntry;
  /** The entry with this id, or `undefined`. */
  get(id: string): HourEntry | undefined;
  /** The entries that match, ordered by start. */
  list(filter?: HoursListFilter): HourEntry[];
  /** The sum of credited minutes over approved entries; constant time without a span. */
  creditedMinutes(filter?: CreditedMinutesFilter): number;
  /** Credited minutes and approved entries per volunteer or activity, per period. */
  summary(options: HoursSummaryOptions): HoursSummaryRow[];
  /** 0 to 5 (the number of thresholds reached by cumulative credited hours). */
  starLevel(volunteerId: string): number;
  /** The data of a service certificate for one volunteer and period. Throws `NOT_FOUND` for an unknown volunteer. */
  certificate(volunteerId: string, options: HoursCertificateOptions): HoursCertificate;
  /** The event log, oldest first: pass it to `createHoursLedger({ events })` to rebuild. */
  events(): readonly HoursEvent[];
  /** Listens to every later event; returns the function that stops listening. */
  subscribe(listener: HoursListener): () => void;
  /** The entries and version now: a new object after each change, the same one until then. */
  snapshot(): HoursSnapshot;
}

/**
 * Lets the program act on a checked move before it is written: the hook may throw, and then
 * nothing is written. Internal to the core.
 */
export interface HoursCommitHook {
  (plan: Extract<HoursPlan, { kind: 'event' }>, before: HourEntry | undefined): void;
}

/**
 * Creates a volunteer-hour ledger.
 *
 * @example
 * ```ts
 * const ledger = createHoursLedger({ now: () => new Date(), policy: { unitMinutes: 30 } });
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

  const plans = { state, policy, now };
  const queries = { state, policy, days, now };
  let cached: HoursSnapshot | undefined;
  // Listeners hear of an event after it is applied, so that a snapshot taken then is current.
  const listeners = new Set<HoursListener>();

  /** Writes a checked move and returns the entry it touched (the new one for a correction). */
  const commit = (plan: HoursPlan): HourEntry => {
    if (plan.kind === 'repeat') return plan.entry;
    const before = state.entries.get(plan.data.id)?.entry;
    beforeCommit?.(plan, before);
    const event = journal.append(plan.type, plan.data as never) as HoursEvent;
    applyHoursEvent(state, days, event);
    for (const listener of listeners) listener(event);
    const touched = event.type === 'hours.corrected' ? event.data.entry.id : event.data.id;
    return state.entries.get(touched)!.entry;
  };

  return {
    policy,
    timeZone: days.timeZone,
    record: (input) => commit(planRecord(plans, input)),
    approve: (id, input) => commit(planApprove(plans, id, input)),
    reject: (id, input) => commit(planClose(plans, 'reject', id, input)),
    revoke: (id, input) => commit(planClose(plans, 'revoke', id, input)),
    correct: (id, input) => commit(planCorrect(plans, id, input)),
    get: (id) => state.entries.get(parseInput(idSchema, id, ['id']))?.entry,
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
        const entries = Object.freeze([...state.entries.values()].map((slot) => slot.entry));
        cached = Object.freeze({ version: journal.size, entries });
      }
      return cached;
    },
  };
}
