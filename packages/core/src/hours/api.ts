import type { Clock } from '../clock.js';
import type { Dispatcher, ListenerErrorHandler } from '../internal/dispatch.js';
import type { ChainHash, Checkpoint } from '../journal/chain.js';
import type { CalendarPeriod } from '../time/types.js';
import type {
  HourEntry,
  HourEntryStatus,
  HoursCertificate,
  HoursEvent,
  HoursPolicy,
  HoursSnapshot,
  HoursSummaryRow,
  ResolvedHoursPolicy,
} from './types.js';

/** What an organiser records: the input of {@link HoursLedger.record}. */
export interface RecordHoursInput {
  id: string;
  volunteerId: string;
  activityId: string;
  start: string;
  end: string;
  recordedBy: string;
  note?: string | undefined;
  tags?: readonly string[] | undefined;
}

/** The input of {@link HoursLedger.correct}: the new entry's id, the fields that change, who and why. */
export interface CorrectHoursInput {
  /** The id of the new entry. */
  id: string;
  start?: string | undefined;
  end?: string | undefined;
  activityId?: string | undefined;
  note?: string | undefined;
  tags?: readonly string[] | undefined;
  by: string;
  reason: string;
}

/**
 * A span of time for queries: `from` inclusive, `to` exclusive when an instant. A day
 * (`YYYY-MM-DD`) is taken in the ledger's time zone and is inclusive at both ends. An entry
 * belongs to the span when its `start` does.
 */
export interface HoursSpan {
  from?: string | undefined;
  to?: string | undefined;
}

/** The filter of {@link HoursLedger.list}; every field narrows. */
export interface HoursListFilter extends HoursSpan {
  volunteerId?: string | undefined;
  activityId?: string | undefined;
  status?: HourEntryStatus | readonly HourEntryStatus[] | undefined;
}

/** The filter of {@link HoursLedger.creditedMinutes}. */
export interface CreditedMinutesFilter extends HoursSpan {
  volunteerId?: string | undefined;
  activityId?: string | undefined;
}

/** A period to cut summaries by, in the ledger's time zone (weeks are ISO weeks, Monday first). */
export type HoursPeriod = Exclude<CalendarPeriod, 'quarter'>;

/** The options of {@link HoursLedger.summary}. */
export interface HoursSummaryOptions extends HoursSpan {
  groupBy: 'volunteer' | 'activity';
  period?: HoursPeriod | undefined;
}

/** The options of {@link HoursLedger.certificate}. */
export interface HoursCertificateOptions {
  /** First day (or instant) of the certified period. */
  from: string;
  /** Last day (inclusive) or instant (exclusive) of the certified period. */
  to: string;
  /** The organisation that certifies ("whoever records certifies"). */
  issuer: string;
  /** The certificate's serial number, unique at the issuer. */
  serial: string;
}

/** The input of {@link HoursLedger.approve}. */
export interface ApproveHoursInput {
  by: string;
}

/** The input of {@link HoursLedger.reject} and {@link HoursLedger.revoke}. */
export interface CloseHoursInput {
  by: string;
  reason: string;
}

/** Called with each event once the command that wrote it is complete. */
export type HoursListener = (event: HoursEvent) => void;

/** The options of {@link createHoursLedger}. */
export interface HoursLedgerOptions {
  policy?: HoursPolicy | undefined;
  /** The clock: stamps events and bounds entries (`FUTURE_ENTRY`). */
  now: Clock;
  /** The community's time zone, for days and periods. Default `Asia/Shanghai`. */
  timeZone?: string | undefined;
  /**
   * Events from an earlier ledger's `events()`, to rebuild it. The log is checked as strictly
   * as the live calls that wrote it (with this policy: credited minutes are recomputed); one
   * that no live ledger could have written is `INVALID_LOG`, and nothing is built.
   */
  events?: readonly unknown[] | undefined;
  /**
   * Chains the log: every event carries `hash`, over the previous event's hash and the
   * canonical JSON of the event; a replayed log is verified. Pass SHA-256 or the like.
   */
  hash?: ChainHash | undefined;
  /** The `checkpoint()` a caller kept: a replayed log that no longer reaches it is `INVALID_LOG`. */
  checkpoint?: Checkpoint | undefined;
  /** Called with each error a listener throws; the write stands. */
  onListenerError?: ListenerErrorHandler | undefined;
  /** Internal to the core: the dispatcher shared with other objects (a program's ledgers). */
  dispatcher?: Dispatcher | undefined;
}

/**
 * The volunteer-hour ledger. Every move is checked, then written to the event log, then
 * applied; a move that fails a check throws a `LanewiseError` and changes nothing.
 */
export interface HoursLedger {
  /** The policy in force, with its defaults. */
  readonly policy: ResolvedHoursPolicy;
  /** The time zone of days and periods. */
  readonly timeZone: string;
  /**
   * Records an entry as `pending`. Throws `INVALID_INPUT` (with the field's path, also when
   * `end <= start`), `DURATION_LIMIT`, `FUTURE_ENTRY`, `OVERLAP` (with a live entry of the
   * same volunteer) or `ID_CONFLICT`. The same id with the same content returns the stored
   * entry, so a retry is safe.
   *
   * @example
   * ```ts
   * ledger.record({
   *   id: 'e1', volunteerId: 'v-li', activityId: 'repair-lane', recordedBy: 'org-wang',
   *   start: '2025-03-01T09:00:00+08:00', end: '2025-03-01T11:10:00+08:00', tags: ['repair'],
   * }).status; // 'pending'
   * ```
   */
  record(input: RecordHoursInput): HourEntry;
  /**
   * Approves a pending entry and fixes its credited minutes: the duration rounded down to the
   * unit, capped per activity, then by what is left of the volunteer's day (in approval order).
   * Throws `NOT_FOUND`, `INVALID_TRANSITION` or `SELF_APPROVAL` (the volunteer, or with
   * `approval: 'second-person'` also the recorder; `details: { by, role }`).
   *
   * @example
   * ```ts
   * ledger.approve('e1', { by: 'org-zhao' }).creditedMinutes; // 130, or 120 in half-hour units
   * ```
   */
  approve(id: string, input: ApproveHoursInput): HourEntry;
  /**
   * Rejects a pending entry. Throws `NOT_FOUND` or `INVALID_TRANSITION`.
   *
   * @example
   * ```ts
   * ledger.reject('e2', { by: 'org-zhao', reason: 'recorded twice' }).status; // 'rejected'
   * ```
   */
  reject(id: string, input: CloseHoursInput): HourEntry;
  /**
   * Revokes an approved entry: the record stays, its minutes stop counting.
   *
   * @example
   * ```ts
   * ledger.revoke('e1', { by: 'org-zhao', reason: 'was not there' }).status; // 'revoked'
   * ```
   */
  revoke(id: string, input: CloseHoursInput): HourEntry;
  /**
   * Supersedes a pending or approved entry with a new pending one carrying the changes, and
   * returns the new entry. The new entry passes the checks of `record` (overlap with the old
   * one aside).
   *
   * @example
   * ```ts
   * const fixed = ledger.correct('e1', {
   *   id: 'e1-fixed', end: '2025-03-01T11:40:00+08:00', by: 'org-wang', reason: '30 min missing',
   * });
   * fixed.corrects; // 'e1'
   * ledger.get('e1')?.status; // 'superseded'
   * ```
   */
  correct(id: string, input: CorrectHoursInput): HourEntry;
  /**
   * The entry with this id, or `undefined`.
   *
   * @example
   * ```ts
   * ledger.get('e1')?.creditedMinutes;
   * ```
   */
  get(id: string): HourEntry | undefined;
  /**
   * The entries that match, ordered by start.
   *
   * @example
   * ```ts
   * ledger.list({ volunteerId: 'v-li', status: 'pending', from: '2025-03-01', to: '2025-03-31' });
   * ```
   */
  list(filter?: HoursListFilter): HourEntry[];
  /**
   * The sum of credited minutes over approved entries; constant time without a span.
   *
   * @example
   * ```ts
   * ledger.creditedMinutes({ volunteerId: 'v-li' }); // all time
   * ledger.creditedMinutes({ activityId: 'repair-lane', from: '2025-01-01', to: '2025-12-31' });
   * ```
   */
  creditedMinutes(filter?: CreditedMinutesFilter): number;
  /**
   * Credited minutes and approved entries per volunteer or activity, per period.
   *
   * @example
   * ```ts
   * ledger.summary({ groupBy: 'volunteer', period: 'month', from: '2025-01-01' });
   * // [{ key: 'v-li', period: '2025-03', minutes: 130, entries: 1 }, ...]
   * ```
   */
  summary(options: HoursSummaryOptions): HoursSummaryRow[];
  /**
   * 0 to 5: the number of star thresholds reached by cumulative credited hours.
   *
   * @example
   * ```ts
   * ledger.starLevel('v-li'); // 1 from 100 h with the default thresholds
   * ```
   */
  starLevel(volunteerId: string): number;
  /**
   * The data of a service certificate for one volunteer and period. Throws `NOT_FOUND` for a
   * volunteer with no entries.
   *
   * @example
   * ```ts
   * const certificate = ledger.certificate('v-li', {
   *   from: '2025-01-01', to: '2025-12-31', issuer: 'Huana volunteer team', serial: 'HN-2025-1',
   * });
   * certificate.totalMinutes;
   * ```
   */
  certificate(volunteerId: string, options: HoursCertificateOptions): HoursCertificate;
  /**
   * The event log, oldest first, frozen: pass it to `createHoursLedger({ events })` to rebuild.
   *
   * @example
   * ```ts
   * const copy = createHoursLedger({ now: clock.now, events: ledger.events() });
   * ```
   */
  events(): readonly HoursEvent[];
  /**
   * Where the log ends now: `{ seq, hash }` of the last event (`{ seq: 0 }` when empty). Keep it
   * apart from the log and pass it back as `checkpoint` to detect a cut-off tail.
   *
   * @example
   * ```ts
   * const mark = ledger.checkpoint(); // { seq: 12, hash: '9f2c...' }
   * ```
   */
  checkpoint(): Checkpoint;
  /**
   * Listens to every later event, heard once the command that wrote it is complete; returns
   * the function that stops listening. A listener's error goes to `onListenerError`.
   *
   * @example
   * ```ts
   * const stop = ledger.subscribe((event) => render(ledger.snapshot()));
   * ```
   */
  subscribe(listener: HoursListener): () => void;
  /**
   * The entries and version now: a new object after each change, the same one until then.
   *
   * @example
   * ```ts
   * const { version, entries } = ledger.snapshot();
   * ```
   */
  snapshot(): HoursSnapshot;
}
