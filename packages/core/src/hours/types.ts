import type { CalendarPeriod } from '../time/types.js';
import type { Clock } from '../clock.js';
import type { JournalEvent } from '../journal/index.js';

/**
 * Where an hour entry stands. `pending` and `approved` entries are live (they block
 * overlapping entries); the other three are closed for good.
 */
export type HourEntryStatus = 'pending' | 'approved' | 'rejected' | 'revoked' | 'superseded';

/** The statuses, in the order of the life cycle. */
export const HOUR_ENTRY_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'revoked',
  'superseded',
] as const satisfies readonly HourEntryStatus[];

/**
 * One record of volunteer service, as the organiser entered it and as it moved since.
 * Records are frozen: each move replaces the record, never edits it. Every record has every
 * field; those that do not apply yet (or at all) are `undefined`.
 */
export interface HourEntry {
  /** The caller's id, also its idempotency key. */
  readonly id: string;
  readonly volunteerId: string;
  readonly activityId: string;
  /** ISO 8601 instant with offset, as recorded. */
  readonly start: string;
  /** ISO 8601 instant with offset, as recorded; after `start`. */
  readonly end: string;
  /** Whole minutes from `start` to `end`, rounded down. */
  readonly durationMinutes: number;
  /** The calendar day of `start` in the ledger's time zone, `YYYY-MM-DD`: the day of the daily cap. */
  readonly day: string;
  /** The organiser who recorded it ("whoever organises records"). */
  readonly recordedBy: string;
  /** When it was recorded (the clock's now). */
  readonly recordedAt: string;
  readonly note?: string;
  /** Free labels; the program's point multipliers are chosen by tag. */
  readonly tags: readonly string[];
  readonly status: HourEntryStatus;
  /** The minutes that count, fixed at approval and never changed after (kept when revoked). */
  readonly creditedMinutes?: number;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
  /** Who rejected, revoked or superseded it. */
  readonly closedBy?: string;
  readonly closedAt?: string;
  /** Why it was rejected, revoked or corrected. */
  readonly reason?: string;
  /** The id of the entry that corrects this one (status `superseded`). */
  readonly supersededBy?: string;
  /** The id of the entry this one corrects. */
  readonly corrects?: string;
}

/**
 * The rules of a scheme. Every field is optional; the defaults are those of DOMAIN.md.
 *
 * @example
 * ```ts
 * // Hailin: at most 2 h counted per activity. A university: half-hour units, 8 h a day.
 * const hailin: HoursPolicy = { maxMinutesPerActivity: 120 };
 * const university: HoursPolicy = { unitMinutes: 30, maxMinutesPerDay: 480 };
 * ```
 */
export interface HoursPolicy {
  /** Credited minutes are rounded down to a multiple of this (1, 15, 30...). Default 1. */
  unitMinutes?: number;
  /** The longest single entry that may be recorded, in minutes. Default 1440 (a day). */
  maxMinutesPerEntry?: number;
  /** At most this many minutes credited per entry. Default: no cap. */
  maxMinutesPerActivity?: number;
  /** At most this many minutes credited per volunteer and calendar day. Default: no cap. */
  maxMinutesPerDay?: number;
  /** Cumulative credited hours for 1★, 2★...; increasing. Default `[100, 300, 600, 1000, 1500]`. */
  starThresholdsHours?: readonly number[];
}

/** A {@link HoursPolicy} with every default filled in; `null` means no cap. */
export interface ResolvedHoursPolicy {
  readonly unitMinutes: number;
  readonly maxMinutesPerEntry: number;
  readonly maxMinutesPerActivity: number | null;
  readonly maxMinutesPerDay: number | null;
  readonly starThresholdsHours: readonly number[];
}

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

/**
 * One row of a summary: the credited minutes and the number of approved entries of one
 * volunteer or activity in one period. `period` is `2025-01-24`, `2025-W04`, `2025-01` or
 * `2025`, or `null` when the summary is not cut by period.
 */
export interface HoursSummaryRow {
  readonly key: string;
  readonly period: string | null;
  readonly minutes: number;
  readonly entries: number;
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

/** One service line of a certificate. */
export interface HoursCertificateEntry {
  readonly id: string;
  readonly activityId: string;
  readonly start: string;
  readonly end: string;
  readonly minutes: number;
}

/** The minutes of one activity on a certificate. */
export interface HoursCertificateActivity {
  readonly activityId: string;
  readonly minutes: number;
  readonly entries: number;
}

/**
 * The data of a service certificate (志愿服务证明): the volunteer, the period, the credited
 * service, the issuer, the serial number and the date of issue.
 */
export interface HoursCertificate {
  readonly volunteerId: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly totalMinutes: number;
  readonly entries: readonly HoursCertificateEntry[];
  readonly activities: readonly HoursCertificateActivity[];
  readonly issuer: string;
  readonly serial: string;
  /** The day of issue in the ledger's time zone, `YYYY-MM-DD`. */
  readonly issuedOn: string;
}

/** The fields of a new entry as the log stores them. */
export interface HourEntryDraft {
  readonly id: string;
  readonly volunteerId: string;
  readonly activityId: string;
  readonly start: string;
  readonly end: string;
  readonly recordedBy: string;
  readonly note?: string;
  readonly tags: readonly string[];
}

/** An entry was recorded (status `pending`). */
export type HoursRecordedEvent = JournalEvent<'hours.recorded', HourEntryDraft>;
/** An entry was approved with its credited minutes. */
export type HoursApprovedEvent = JournalEvent<
  'hours.approved',
  { readonly id: string; readonly by: string; readonly creditedMinutes: number }
>;
/** An entry was rejected. */
export type HoursRejectedEvent = JournalEvent<
  'hours.rejected',
  { readonly id: string; readonly by: string; readonly reason: string }
>;
/** An approved entry was revoked. */
export type HoursRevokedEvent = JournalEvent<
  'hours.revoked',
  { readonly id: string; readonly by: string; readonly reason: string }
>;
/** An entry was superseded by a new pending entry. */
export type HoursCorrectedEvent = JournalEvent<
  'hours.corrected',
  {
    readonly id: string;
    readonly by: string;
    readonly reason: string;
    readonly entry: HourEntryDraft;
  }
>;

/** Every event of the hour ledger's log. */
export type HoursEvent =
  | HoursRecordedEvent
  | HoursApprovedEvent
  | HoursRejectedEvent
  | HoursRevokedEvent
  | HoursCorrectedEvent;

/** Called after each event is appended. */
export type HoursListener = (event: HoursEvent) => void;

/** The state at one moment, for views: a new object after every change. */
export interface HoursSnapshot {
  /** The number of events so far. */
  readonly version: number;
  /** Every entry, in the order recorded. */
  readonly entries: readonly HourEntry[];
}

/** The options of {@link createHoursLedger}. */
export interface HoursLedgerOptions {
  policy?: HoursPolicy | undefined;
  /** The clock: stamps events and bounds entries (`FUTURE_ENTRY`). */
  now: Clock;
  /** The community's time zone, for days and periods. Default `Asia/Shanghai`. */
  timeZone?: string | undefined;
  /** Events from an earlier ledger's `events()`, to rebuild it. */
  events?: readonly HoursEvent[] | undefined;
}
