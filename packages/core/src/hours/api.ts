import type {
  CorrectHoursInput,
  CreditedMinutesFilter,
  HourEntry,
  HoursCertificate,
  HoursCertificateOptions,
  HoursEvent,
  HoursListFilter,
  HoursListener,
  HoursSnapshot,
  HoursSummaryOptions,
  HoursSummaryRow,
  RecordHoursInput,
  ResolvedHoursPolicy,
} from './types.js';

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
   * Throws `NOT_FOUND`, `INVALID_TRANSITION` or `SELF_APPROVAL`.
   *
   * @example
   * ```ts
   * ledger.approve('e1', { by: 'org-zhao' }).creditedMinutes; // 130, or 120 in half-hour units
   * ```
   */
  approve(id: string, input: { by: string }): HourEntry;
  /**
   * Rejects a pending entry. Throws `NOT_FOUND` or `INVALID_TRANSITION`.
   *
   * @example
   * ```ts
   * ledger.reject('e2', { by: 'org-zhao', reason: 'recorded twice' }).status; // 'rejected'
   * ```
   */
  reject(id: string, input: { by: string; reason: string }): HourEntry;
  /**
   * Revokes an approved entry: the record stays, its minutes stop counting.
   *
   * @example
   * ```ts
   * ledger.revoke('e1', { by: 'org-zhao', reason: 'was not there' }).status; // 'revoked'
   * ```
   */
  revoke(id: string, input: { by: string; reason: string }): HourEntry;
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
   * The event log, oldest first: pass it to `createHoursLedger({ events })` to rebuild.
   *
   * @example
   * ```ts
   * const copy = createHoursLedger({ now: clock.now, events: ledger.events() });
   * ```
   */
  events(): readonly HoursEvent[];
  /**
   * Listens to every later event, heard after it is applied; returns the function that stops
   * listening.
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
