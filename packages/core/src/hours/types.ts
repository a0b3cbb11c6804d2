import type { JournalEvent } from '../journal/types.js';

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
 * Records are frozen: each move replaces the record, never edits it. Every instant is written
 * in the ledger's time zone (`2025-03-01T09:00:00.000+08:00`). Every record has every
 * field; those that do not apply yet (or at all) are `undefined`.
 */
export interface HourEntry {
  /** The caller's id, also its idempotency key. */
  readonly id: string;
  readonly volunteerId: string;
  readonly activityId: string;
  /** When the service began, with the ledger's offset. */
  readonly start: string;
  /** When it ended, with the ledger's offset; after `start`. */
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
 * The rules of a scheme. Every field is optional; the defaults are in docs/ledgers.md.
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
  /**
   * Who may approve. `'recorder'` (the default, "whoever records certifies"): anyone but the
   * volunteer, the organiser who recorded the entry included. `'second-person'`: neither the
   * volunteer nor the recorder, for schemes that want a second pair of eyes.
   */
  approval?: HoursApprovalRule;
}

/** Who may approve an entry: see {@link HoursPolicy.approval}. */
export type HoursApprovalRule = 'recorder' | 'second-person';

/** The approval rules, the default first. */
export const HOURS_APPROVAL_RULES = [
  'recorder',
  'second-person',
] as const satisfies readonly HoursApprovalRule[];

/** A {@link HoursPolicy} with every default filled in; `null` means no cap. */
export interface ResolvedHoursPolicy {
  readonly unitMinutes: number;
  readonly maxMinutesPerEntry: number;
  readonly maxMinutesPerActivity: number | null;
  readonly maxMinutesPerDay: number | null;
  readonly starThresholdsHours: readonly number[];
  readonly approval: HoursApprovalRule;
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
  /**
   * The volunteer's star level on the day of issue, from all the hours credited so far (not
   * only the period's), as {@link HoursLedger.starLevel} gives it.
   */
  readonly starLevel: number;
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

/** The state at one moment, for views: a new object after every change. */
export interface HoursSnapshot {
  /** The number of events so far. */
  readonly version: number;
  /** The zone of days and periods; every instant is written with its offset. */
  readonly timeZone: string;
  /** The policy in force, with its defaults (star thresholds among them). */
  readonly policy: ResolvedHoursPolicy;
  /** Every entry, in the order recorded. */
  readonly entries: readonly HourEntry[];
}
