/**
 * The 721 ratio tracker, satisfaction and the three rates, with intervals.
 *
 * @module metrics
 */
export type {
  CaseRatesOptions,
  CompareRatesOptions,
  Ratio721FromCasesOptions,
  Ratio721GroupBy,
  Ratio721Options,
  RatioActionInput,
  RatioTracker,
  RatioTrackerOptions,
  ScoreScaleOptions,
  ThreeLevelOptions,
  TrendOptions,
} from './api.js';
export type {
  CaseRateFigures,
  CaseRatesGroup,
  CaseRatesResult,
  ClassifiableRecord,
  ClassifiedActions,
  FivePointSatisfaction,
  HandlingTime,
  MetricsCase,
  MetricsCaseSource,
  MetricsPeriod,
  NpsSatisfaction,
  Ratio721Group,
  Ratio721Result,
  Ratio721Status,
  RateCounts,
  RateDifference,
  RateEstimate,
  RateInterval,
  RatioAction,
  RatioByKind,
  RatioKind,
  RatioTrackerEvent,
  SatisfactionBase,
  SatisfactionLevel,
  SatisfactionResult,
  SatisfactionScale,
  ScoredSatisfaction,
  ThreeLevelSatisfaction,
  TrendPoint,
  TrendWindow,
} from './types.js';
export { RATIO_ACTION_ADDED } from './types.js';
export {
  DEFAULT_721_TARGET,
  DEFAULT_721_TOLERANCE,
  DEFAULT_CONFIDENCE,
  DEFAULT_METRICS_TIME_ZONE,
  DEFAULT_RESPONSE_MINUTES,
  MAX_PRIOR_WEIGHT,
  MAX_RATIO_WEIGHT,
  MAX_RESPONSE_MINUTES,
  RATIO_KINDS,
  SATISFACTION_LEVELS,
  actionMappingSchema,
  caseRatesGroupSchema,
  caseRatesOptionsSchema,
  caseRatesResultSchema,
  ratioTrackerCheckpointSchema,
  classifiableRecordSchema,
  classifiedActionsSchema,
  compareRatesOptionsSchema,
  confidenceSchema,
  fivePointOptionsSchema,
  fivePointSatisfactionSchema,
  handlingTimeSchema,
  npsOptionsSchema,
  npsSatisfactionSchema,
  rateCountsSchema,
  rateDifferenceSchema,
  rateEstimateSchema,
  rateIntervalSchema,
  ratio721FromCasesOptionsSchema,
  ratio721GroupSchema,
  ratio721GroupsSchema,
  ratio721OptionsSchema,
  ratio721ResultSchema,
  ratio721TargetSchema,
  ratioActionInputSchema,
  ratioActionSchema,
  ratioByKindSchema,
  ratioKindSchema,
  ratioTrackerEventSchema,
  ratioTrackerOptionsSchema,
  ratioTrackerSnapshotSchema,
  satisfactionResultSchema,
  scoredAnswerSchema,
  storedRatioActionSchema,
  threeLevelAnswerSchema,
  threeLevelOptionsSchema,
  threeLevelSatisfactionSchema,
  trendOptionsSchema,
  trendWindowSchema,
} from './schemas.js';
export { normalQuantile } from './normal-quantile.js';
export { rateEstimate, wilsonInterval } from './wilson.js';
export { compareRates } from './newcombe.js';
export { ratio721 } from './ratio721.js';
export { classifyActions } from './classify-actions.js';
export { ratio721FromCases } from './ratio721-from-cases.js';
export { createRatioTracker } from './tracker.js';
export { satisfaction } from './satisfaction.js';
export { caseRates } from './case-rates.js';
export { MAX_TREND_PERIODS, trend } from './trend.js';
