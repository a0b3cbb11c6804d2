import type { HourEntry, HourEntryStatus, HoursSnapshot } from '@lanewise/core/hours';
import { inRange, periodRange, type DayRange, type LedgerPeriod } from './ledger-period.js';

/** The statuses the filter offers; `all` shows every entry. */
export type StatusFilter = 'all' | HourEntryStatus;

/** The order of the rows, by the entry's start. */
export type LedgerOrder = 'ascending' | 'descending';

/** What the widget is asked to show. */
export interface LedgerQuery {
  /** One volunteer's entries, or every volunteer's when empty. */
  readonly volunteer: string;
  readonly period: LedgerPeriod;
  /** A day in the period shown. */
  readonly anchor: string;
  readonly status: StatusFilter;
  readonly order: LedgerOrder;
}

/** A volunteer's star level and how far the next star is. */
export interface StarStanding {
  /** 0 to the number of thresholds. */
  readonly level: number;
  /** The highest level the policy has. */
  readonly maxLevel: number;
  /** Credited minutes of every approved entry, all time. */
  readonly approvedMinutes: number;
  /** Hours still needed for the next star; `null` at the top level. */
  readonly minutesToNext: number | null;
}

/** The rows and figures the widget renders. */
export interface LedgerView {
  readonly rows: readonly HourEntry[];
  readonly range: DayRange | null;
  /** Credited minutes of the approved entries in the period. */
  readonly creditedMinutes: number;
  /** The volunteer's standing; `null` in the team view. */
  readonly star: StarStanding | null;
}

const byStart = (a: HourEntry, b: HourEntry) =>
  a.day < b.day ? -1 : a.day > b.day ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : 0;

function isSorted(rows: readonly HourEntry[]): boolean {
  for (let i = 1; i < rows.length; i++) if (byStart(rows[i - 1]!, rows[i]!) > 0) return false;
  return true;
}

/** A volunteer's star level under the snapshot's thresholds. */
export function starStanding(snapshot: HoursSnapshot, volunteer: string): StarStanding {
  let approvedMinutes = 0;
  for (const entry of snapshot.entries) {
    if (entry.volunteerId === volunteer && entry.status === 'approved') {
      approvedMinutes += entry.creditedMinutes ?? 0;
    }
  }
  const thresholds = snapshot.policy.starThresholdsHours;
  const level = thresholds.filter((hours) => approvedMinutes >= hours * 60).length;
  const next = thresholds[level];
  return {
    level,
    maxLevel: thresholds.length,
    approvedMinutes,
    minutesToNext: next === undefined ? null : Math.ceil(next * 60 - approvedMinutes),
  };
}

/** The entries of one volunteer (or all), in the period, with the status asked, in order. */
export function ledgerView(snapshot: HoursSnapshot, query: LedgerQuery): LedgerView {
  const range = periodRange(query.period, query.anchor);
  const rows: HourEntry[] = [];
  let creditedMinutes = 0;
  for (const entry of snapshot.entries) {
    if (query.volunteer && entry.volunteerId !== query.volunteer) continue;
    if (!inRange(entry.day, range)) continue;
    if (entry.status === 'approved') creditedMinutes += entry.creditedMinutes ?? 0;
    if (query.status === 'all' || entry.status === query.status) rows.push(entry);
  }
  // Logs are written in time order, mostly: one pass that finds them sorted costs less than
  // a sort calling back for every pair.
  if (!isSorted(rows)) rows.sort(byStart);
  if (query.order === 'descending') rows.reverse();
  return {
    rows,
    range,
    creditedMinutes,
    star: query.volunteer ? starStanding(snapshot, query.volunteer) : null,
  };
}

/** The distinct values of one field of the entries, sorted: suggestions for the form. */
export function distinctValues(
  snapshot: HoursSnapshot,
  field: 'activityId' | 'volunteerId',
): string[] {
  return [...new Set(snapshot.entries.map((entry) => entry[field]))].sort();
}
