// The records the metrics read, the results they return, and the tracker's event. Case records
// are read through a structural subset of the case book's CaseRecord, so plain arrays with only
// these fields work as well as a real book.
import type { CaseRecord } from '../cases/types.js';
import type { JournalEvent } from '../journal/index.js';
import type { CalendarPeriod } from '../time/types.js';

/** What an action counts as in the 721 ratio: 服务 service, 管理 management, 执法 enforcement. */
export type RatioKind = 'service' | 'manage' | 'enforce';

/** A figure per kind of the 721 ratio. */
export interface RatioByKind {
  readonly service: number;
  readonly manage: number;
  readonly enforce: number;
}

/** A period of the calendar, cut in the community's time zone (weeks are ISO weeks, Monday first). */
export type MetricsPeriod = Extract<CalendarPeriod, 'day' | 'week' | 'month'>;

// ---------------------------------------------------------------------------------------------
// Records

/** One action counted by the 721 ratio. */
export interface RatioAction {
  /** An idempotency key for `RatioTracker.add`; ignored by `ratio721`. */
  readonly id?: string;
  /** When it happened (ISO instant with an offset). */
  readonly at: string;
  readonly kind: RatioKind;
  /**
   * What it counts for: 1 by default (a count); hours or minutes work too. A finite number
   * from 0 to {@link MAX_RATIO_WEIGHT} (10^12).
   */
  readonly weight?: number;
  /** The station, squad or person who acted, for `groupBy: 'unit'`. */
  readonly unit?: string;
  /** The action's own type (`publicity`, `penalty`, ...), for `groupBy: 'type'`. */
  readonly type?: string;
}

/** A record of any type that `classifyActions` can turn into an action. */
export interface ClassifiableRecord {
  readonly id?: string;
  /** When it happened (ISO instant with an offset). */
  readonly at: string;
  /** The record's type, looked up in the mapping (`publicity`, `joint-meeting`, `penalty`). */
  readonly type: string;
  readonly weight?: number;
  readonly unit?: string;
}

/** An answer on the three-level scale: 满意 satisfied, 基本满意 basically satisfied, 不满意 unsatisfied. */
export type SatisfactionLevel = 'satisfied' | 'basic' | 'unsatisfied';

/** The survey scales: three levels (满意/基本满意/不满意), five points (CSAT), or 0-10 (NPS). */
export type SatisfactionScale = 'three-level' | 'five-point' | 'nps';

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

// ---------------------------------------------------------------------------------------------
// Results

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

/** The counts of one rate: any {@link RateEstimate} fits. */
export interface RateCounts {
  readonly successes: number;
  readonly n: number;
}

/** The result of `compareRates`. */
export interface RateDifference {
  /** `rate(a) - rate(b)`, from -1 to 1; `null` when either rate has no data. */
  readonly difference: number | null;
  /** Newcombe's hybrid score interval of the difference, inside [-1, 1]. */
  readonly interval: RateInterval;
  readonly confidence: number;
  /**
   * `higher` when the whole interval is above 0 (a is really higher than b), `lower` when it
   * is below 0, `inconclusive` when it contains 0: the data do not show a difference.
   */
  readonly verdict: 'higher' | 'lower' | 'inconclusive';
}

/**
 * Where a station stands against the 721 target:
 * - `on-target`: every kind's share is within the tolerance of its target (the edge counts as within);
 * - `drifting`: some kind is outside the tolerance, none more than twice the tolerance away;
 * - `off-target`: some kind is more than twice the tolerance away.
 */
export type Ratio721Status = 'on-target' | 'drifting' | 'off-target';

/** The 721 figures of a set of actions. */
export interface Ratio721Result {
  /** The sum of the weights (the number of actions when every weight is 1). */
  readonly total: number;
  /** The sum of the weights per kind. */
  readonly counts: RatioByKind;
  /** Each kind's share of the total, from 0 to 1 (all 0 when the total is 0). */
  readonly shares: RatioByKind;
  /** Each kind's share minus its target, in percentage points (-55.5 means 55.5 points short). */
  readonly deviation: RatioByKind;
  readonly status: Ratio721Status;
  /**
   * The least number of further service actions (weight 1 each, or units of the weight) that
   * would bring the service share up to its target; 0 when it is there already.
   */
  readonly serviceNeeded: number;
  /** The target the figures were judged against. */
  readonly target: RatioByKind;
  /** The tolerance, as a share (0.05 is 5 points). */
  readonly tolerance: number;
}

/** One group's 721 figures. */
export interface Ratio721Group extends Ratio721Result {
  /**
   * The unit or type (`null` for actions without one), or the period's key: `2025-03-01`,
   * `2025-W09` (ISO week), `2025-03`.
   */
  readonly key: string | null;
  /** For periods: the period's start, an ISO instant with the community's offset. */
  readonly start?: string;
  /** For periods: the period's end (the next one's start). */
  readonly end?: string;
}

/** The result of `classifyActions`. */
export interface ClassifiedActions {
  /** The actions of the records whose type is in the mapping, in the records' order. */
  readonly actions: RatioAction[];
  /**
   * The types that are not in the mapping, most records first: `records` is how many records
   * had the type, `weight` the sum of their weights (what they would have counted for).
   */
  readonly unmapped: { readonly type: string; readonly count: number; readonly weight: number }[];
}

/** The figures common to every scale: `successes` of `n` answers count as satisfied. */
export interface SatisfactionBase extends RateEstimate {
  readonly scale: SatisfactionScale;
}

/** The result on the three-level scale. */
export interface ThreeLevelSatisfaction extends SatisfactionBase {
  readonly scale: 'three-level';
  readonly counts: {
    readonly satisfied: number;
    readonly basic: number;
    readonly unsatisfied: number;
  };
}

/** The figures of a scored scale: mean and Bayesian mean. */
export interface ScoredSatisfaction extends SatisfactionBase {
  /** Answers per score, `'1'` to `'5'` or `'0'` to `'10'`. */
  readonly counts: Readonly<Record<string, number>>;
  /** The mean score; `null` with no answers. */
  readonly mean: number | null;
  /** `(prior × priorWeight + sum of scores) / (priorWeight + n)`: a mean that few answers cannot swing. */
  readonly bayesianMean: number;
  readonly prior: number;
  readonly priorWeight: number;
}

/** The result on the five-point scale. */
export interface FivePointSatisfaction extends ScoredSatisfaction {
  readonly scale: 'five-point';
}

/** The result on the 0-10 scale, with the Net Promoter Score. */
export interface NpsSatisfaction extends ScoredSatisfaction {
  readonly scale: 'nps';
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 0 to 6. */
  readonly detractors: number;
  /** % promoters minus % detractors, from -100 to 100 points; `null` with no answers. */
  readonly nps: number | null;
}

/** Any result of `satisfaction`. */
export type SatisfactionResult = ThreeLevelSatisfaction | FivePointSatisfaction | NpsSatisfaction;

/** Median and 90th percentile of the minutes from receipt to resolution. */
export interface HandlingTime {
  /** How many resolved cases were timed. */
  readonly n: number;
  /** In minutes; `null` without resolved cases. */
  readonly median: number | null;
  /** In minutes; `null` without resolved cases. */
  readonly p90: number | null;
}

/** The figures of a set of cases; see `docs/metrics.md` for each definition. */
export interface CaseRateFigures {
  /** Cases received in the window, duplicates not counted. */
  readonly received: number;
  /** Cases marked duplicate, counted in no rate. */
  readonly duplicates: number;
  /** Cases by their status now, duplicates included. */
  readonly byStatus: Readonly<Record<MetricsCase['status'], number>>;
  /** Responded (accepted, or first acted on) within the response limit, of those decided. */
  readonly response: RateEstimate;
  /** Not yet responded, with the response limit not yet passed: in no rate yet. */
  readonly responsePending: number;
  /** Resolved by the due time, of those resolved (按期办结率). */
  readonly onTime: RateEstimate;
  /** Closed as resolved or mediated, of those closed (化解率). */
  readonly resolution: RateEstimate;
  /** Satisfied at the follow-up, of those followed up (满意率). */
  readonly satisfaction: RateEstimate;
  /** Open (dispatched or in progress) and past the due time now. */
  readonly overdueOpen: number;
  readonly handlingMinutes: HandlingTime;
}

/** The figures of one tier, category or handling unit. */
export interface CaseRatesGroup extends CaseRateFigures {
  readonly key: string;
}

/** The result of `caseRates`. Its instants carry the community's offset. */
export interface CaseRatesResult extends CaseRateFigures {
  readonly from?: string;
  readonly to?: string;
  /** The clock's now when the figures were taken. */
  readonly at: string;
  /** By the tier each case is in now, ordered by key. */
  readonly byTier: CaseRatesGroup[];
  readonly byCategory: CaseRatesGroup[];
  /** By handling unit: a case with several handlers counts for each of them. */
  readonly byUnit: CaseRatesGroup[];
}

/** The window of one point of a trend, as passed to the function that computes it. */
export interface TrendWindow {
  /** The period's key: `2025-03-01`, `2025-W09` or `2025-03`. */
  readonly key: string;
  /** The window's start: the period's start, or the trend's `from` when that is later. */
  readonly from: string;
  /** The window's end: the period's end, or the trend's `to` when that is earlier. */
  readonly to: string;
  /** True when the window is clipped to a part of its period by `from` or `to`. */
  readonly partial: boolean;
}

/** One point of a trend: a window and the value computed over it. */
export interface TrendPoint<T> extends TrendWindow {
  readonly value: T;
}

// ---------------------------------------------------------------------------------------------
// The tracker's log

/** The event type of the tracker's one event. */
export const RATIO_ACTION_ADDED = 'metrics.action_added';

/** The one event of a tracker's log: an action was added (`data` is the action as stored). */
export type RatioTrackerEvent = JournalEvent<typeof RATIO_ACTION_ADDED, RatioAction>;

// ---------------------------------------------------------------------------------------------
// Reports

/** The 721 figures in all and by month: `ratio721(actions)` and `ratio721(actions, { groupBy: 'month' })`. */
export interface Ratio721Report {
  readonly overall: Ratio721Result;
  readonly byMonth: readonly Ratio721Group[];
}

/** The case rates in all and by month: `caseRates` over the whole window and over each month of a `trend`. */
export interface CaseRatesReport {
  readonly overall: CaseRatesResult;
  readonly byMonth: readonly TrendPoint<CaseRatesResult>[];
}
