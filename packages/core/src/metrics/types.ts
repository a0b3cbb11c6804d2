// Types shared by the metrics files. Case records are read through a structural subset of the
// case book's CaseRecord, so plain arrays with only these fields work as well as a real book.
import type { CalendarPeriod } from '../time/types.js';
import type { CaseRecord } from '../cases/types.js';

/** What an action counts as in the 721 ratio: 服务 service, 管理 management, 执法 enforcement. */
export type RatioKind = 'service' | 'manage' | 'enforce';

/** A figure per kind of the 721 ratio. */
export interface RatioByKind {
  readonly service: number;
  readonly manage: number;
  readonly enforce: number;
}

/** A two-sided interval `[lower, upper]`. */
export type RateInterval = readonly [lower: number, upper: number];

/**
 * A proportion with its interval: `successes` of `n`, `rate = successes / n` (`null` when
 * `n` is 0), and the Wilson score interval at `confidence`.
 */
export interface RateEstimate {
  readonly successes: number;
  readonly n: number;
  readonly rate: number | null;
  readonly interval: RateInterval;
  readonly confidence: number;
}

/** A period of the calendar, cut in the community's time zone (weeks are ISO weeks, Monday first). */
export type MetricsPeriod = Extract<CalendarPeriod, 'day' | 'week' | 'month'>;

/**
 * The fields of a case record that the metrics read: a subset of the case book's
 * `CaseRecord`, so records from `caseBook.list()` and hand-built records both fit.
 */
export type MetricsCase = Pick<
  CaseRecord,
  | 'id'
  | 'category'
  | 'receivedAt'
  | 'status'
  | 'tier'
  | 'handlers'
  | 'dueAt'
  | 'kind'
  | 'acceptedAt'
  | 'resolvedAt'
  | 'outcome'
  | 'followUps'
  | 'actions'
>;

/** Anything the case metrics read cases from: a case book (`list()`) or a plain array. */
export type MetricsCaseSource = readonly MetricsCase[] | { list(): readonly MetricsCase[] };
