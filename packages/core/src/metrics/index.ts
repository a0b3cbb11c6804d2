/**
 * The 721 ratio tracker, satisfaction and the three rates, with intervals.
 *
 * @module metrics
 */
export type {
  MetricsCase,
  MetricsCaseSource,
  MetricsPeriod,
  RateEstimate,
  RateInterval,
  RatioByKind,
  RatioKind,
} from './types.js';
export { normalQuantile } from './normal.js';
export { rateEstimate, wilsonInterval } from './wilson.js';
export { compareRates, type RateCounts, type RateDifference } from './compare.js';
export type { RatioAction } from './action-check.js';
export type { Ratio721Result, Ratio721Status } from './ratio-summary.js';
export {
  DEFAULT_721_TARGET,
  DEFAULT_721_TOLERANCE,
  DEFAULT_METRICS_TIME_ZONE,
  RATIO_KINDS,
  ratio721TargetSchema,
  ratioActionSchema,
} from './ratio-schemas.js';
export {
  ratio721,
  type Ratio721Group,
  type Ratio721GroupBy,
  type Ratio721Options,
} from './ratio721.js';
export { classifyActions, type ClassifiableRecord, type ClassifiedActions } from './classify.js';
export {
  createRatioTracker,
  type RatioActionInput,
  type RatioTracker,
  type RatioTrackerEvent,
  type RatioTrackerOptions,
} from './tracker.js';
export { ratio721FromCases, type Ratio721FromCasesOptions } from './from-cases.js';
export { SATISFACTION_LEVELS } from './satisfaction-schemas.js';
export {
  satisfaction,
  type FivePointSatisfaction,
  type NpsSatisfaction,
  type SatisfactionBase,
  type SatisfactionLevel,
  type SatisfactionResult,
  type SatisfactionScale,
  type ScoredSatisfaction,
  type ScoreScaleOptions,
  type ThreeLevelOptions,
  type ThreeLevelSatisfaction,
} from './satisfaction.js';
export { DEFAULT_RESPONSE_MINUTES } from './rates-schemas.js';
export {
  caseRates,
  type CaseRateFigures,
  type CaseRatesGroup,
  type CaseRatesOptions,
  type CaseRatesResult,
  type HandlingTime,
} from './rates.js';
export {
  MAX_TREND_PERIODS,
  trend,
  type TrendOptions,
  type TrendPoint,
  type TrendWindow,
} from './trend.js';
