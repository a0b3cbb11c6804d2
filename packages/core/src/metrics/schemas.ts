// The zod/mini schemas of the metrics: the options of every function and of the tracker, the
// records they read, and the results they return (widgets receive results as JSON and check
// them with these). The defaults live here, beside the schemas that apply them.
import * as z from 'zod/mini';
import {
  checkpointSchema,
  dispatcherSchema,
  eventSchema,
  functionSchema,
} from '../journal/schemas.js';
import { idSchema, instantSchema, timeZoneSchema } from '../schemas/common.js';
import { instantMs } from '../time/parse.js';

/** The kinds of the 721 ratio. */
export const RATIO_KINDS = ['service', 'manage', 'enforce'] as const;

/** The 721 target: 70% service, 20% management, 10% enforcement (住建部 2021). */
export const DEFAULT_721_TARGET = Object.freeze({ service: 0.7, manage: 0.2, enforce: 0.1 });

/** The default tolerance: 5 percentage points either side of each target share. */
export const DEFAULT_721_TOLERANCE = 0.05;

/** The community time zone used when none is given. */
export const DEFAULT_METRICS_TIME_ZONE = 'Asia/Shanghai';

/**
 * The largest weight of one action: 10^12. Bounded so that no sum of weights can overflow
 * (it would take 10^296 actions), so every share is a finite number from 0 to 1.
 */
export const MAX_RATIO_WEIGHT = 1e12;

/** The three levels of a Chinese follow-up survey: 满意, 基本满意, 不满意. */
export const SATISFACTION_LEVELS = ['satisfied', 'basic', 'unsatisfied'] as const;

/** The response limit used when none is given: 24 hours. */
export const DEFAULT_RESPONSE_MINUTES = 24 * 60;

/** The longest response limit: 100 years, in minutes. */
export const MAX_RESPONSE_MINUTES = 100 * 365 * 24 * 60;

/** The largest prior weight of a Bayesian mean (so that `prior × priorWeight` stays finite). */
export const MAX_PRIOR_WEIGHT = 1e9;

/** The confidence level used when none is given. */
export const DEFAULT_CONFIDENCE = 0.95;

// ---------------------------------------------------------------------------------------------
// Pieces

const share = z.number().check(z.gte(0), z.lte(1));
const clock = functionSchema<() => Date>('must be a function returning a Date');
const fn = functionSchema;
/** A kind of the 721 ratio. */
export const ratioKindSchema = z.enum(RATIO_KINDS);
const kindSchema = ratioKindSchema;
const weightSchema = z.number().check(z.gte(0), z.lte(MAX_RATIO_WEIGHT));
const count = z.int().check(z.gte(0));

/**
 * A confidence level strictly between 0 and 1, such as 0.95. The `z` of the interval is taken
 * from the tail `(1 - confidence) / 2`, so a level as close to 1 as 0.9999999999999999 still
 * gives a finite interval.
 */
export const confidenceSchema = z.number().check(z.gt(0), z.lt(1));

/** True when a window's end is after its start (or either is missing). */
function windowIsOrdered(span: unknown): boolean {
  const { from, to } = span as { from?: string | undefined; to?: string | undefined };
  return from === undefined || to === undefined || instantMs(from) < instantMs(to);
}
const windowOrder = z.refine(windowIsOrdered, {
  message: 'to must be after from',
  path: ['to'],
});

/** A 721 target: three shares that add up to 1, the service share below 1. */
export const ratio721TargetSchema = z
  .strictObject({ service: share.check(z.lt(1)), manage: share, enforce: share })
  .check(
    z.refine((target) => Math.abs(target.service + target.manage + target.enforce - 1) <= 1e-9, {
      message: 'the three shares must add up to 1',
    }),
  );

const goalShape = {
  target: z._default(ratio721TargetSchema, { ...DEFAULT_721_TARGET }),
  tolerance: z._default(z.number().check(z.gte(0), z.lte(0.5)), DEFAULT_721_TOLERANCE),
};

const windowShape = {
  from: z.optional(instantSchema),
  to: z.optional(instantSchema),
  timeZone: z._default(timeZoneSchema, DEFAULT_METRICS_TIME_ZONE),
};

const groupBySchema = z.enum(['unit', 'type', 'day', 'week', 'month']);

// ---------------------------------------------------------------------------------------------
// Records

const ratioActionShape = {
  id: z.optional(idSchema),
  at: instantSchema,
  kind: kindSchema,
  weight: z.optional(weightSchema),
  unit: z.optional(z.string()),
  type: z.optional(z.string()),
};

/** One action counted by the 721 ratio (fields other than these are ignored). */
export const ratioActionSchema = z.object(ratioActionShape);

/** An action as a tracker stores it and logs it: nothing but these fields. */
export const storedRatioActionSchema = z.strictObject(ratioActionShape);

/** What `RatioTracker.add` takes: an action whose `at` defaults to the clock's now. */
export const ratioActionInputSchema = z.strictObject({
  id: z.optional(idSchema),
  at: z.optional(instantSchema),
  kind: kindSchema,
  weight: z.optional(weightSchema),
  unit: z.optional(z.string()),
  type: z.optional(z.string()),
});

/** A record of any type that `classifyActions` turns into an action (other fields are ignored). */
export const classifiableRecordSchema = z.object({
  id: z.optional(idSchema),
  at: instantSchema,
  type: z.string(),
  weight: z.optional(weightSchema),
  unit: z.optional(z.string()),
});

/** The mapping of record types to kinds that `classifyActions` takes. */
export const actionMappingSchema = z.record(z.string(), kindSchema);

/** One answer on the three-level scale. */
export const threeLevelAnswerSchema = z.object({ rating: z.enum(SATISFACTION_LEVELS) });

/** One answer on a scored scale. */
export const scoredAnswerSchema = z.object({ score: z.int().check(z.gte(0), z.lte(10)) });

// ---------------------------------------------------------------------------------------------
// Options

/** Options of `ratio721`. */
export const ratio721OptionsSchema = z
  .strictObject({ ...goalShape, ...windowShape, groupBy: z.optional(groupBySchema) })
  .check(windowOrder);

/** Options of `ratio721FromCases`. */
export const ratio721FromCasesOptionsSchema = z
  .strictObject({
    ...goalShape,
    ...windowShape,
    groupBy: z.optional(groupBySchema),
    count: z._default(z.enum(['actions', 'cases']), 'actions'),
  })
  .check(windowOrder);

/** Options of `satisfaction` on the three-level scale. */
export const threeLevelOptionsSchema = z.strictObject({
  scale: z._default(z.literal('three-level'), 'three-level'),
  satisfied: z._default(z.array(z.enum(SATISFACTION_LEVELS)), ['satisfied', 'basic']),
  confidence: z._default(confidenceSchema, DEFAULT_CONFIDENCE),
});

function scoreOptions<S extends 'five-point' | 'nps'>(
  scale: S,
  min: number,
  max: number,
  satisfied: number[],
  prior: number,
) {
  return z.strictObject({
    scale: z.literal(scale),
    satisfied: z._default(z.array(z.int().check(z.gte(min), z.lte(max))), satisfied),
    confidence: z._default(confidenceSchema, DEFAULT_CONFIDENCE),
    prior: z._default(z.number().check(z.gte(min), z.lte(max)), prior),
    priorWeight: z._default(z.number().check(z.gte(0), z.lte(MAX_PRIOR_WEIGHT)), 10),
  });
}

/** Options of `satisfaction` on the five-point scale: top-two-box by default. */
export const fivePointOptionsSchema = scoreOptions('five-point', 1, 5, [4, 5], 3);

/** Options of `satisfaction` on the 0-10 scale of the Net Promoter Score: promoters by default. */
export const npsOptionsSchema = scoreOptions('nps', 0, 10, [9, 10], 5);

/** The response limit of `caseRates`, in minutes. */
export const responseMinutesSchema = z.number().check(z.gt(0), z.lte(MAX_RESPONSE_MINUTES));

/** Options of `caseRates`. */
export const caseRatesOptionsSchema = z
  .strictObject({
    now: clock,
    from: z.optional(instantSchema),
    to: z.optional(instantSchema),
    timeZone: z._default(timeZoneSchema, DEFAULT_METRICS_TIME_ZONE),
    responseMinutes: z._default(responseMinutesSchema, DEFAULT_RESPONSE_MINUTES),
    responseMinutesByTier: z.optional(z.record(z.string(), responseMinutesSchema)),
    satisfied: z._default(z.array(z.enum(SATISFACTION_LEVELS)), ['satisfied', 'basic']),
    followUps: z._default(z.enum(['latest', 'all']), 'latest'),
    confidence: z._default(confidenceSchema, DEFAULT_CONFIDENCE),
  })
  .check(windowOrder);

/** Options of `trend`. */
export const trendOptionsSchema = z
  .strictObject({
    period: z.enum(['day', 'week', 'month']),
    from: instantSchema,
    to: instantSchema,
    timeZone: z._default(timeZoneSchema, DEFAULT_METRICS_TIME_ZONE),
  })
  .check(windowOrder);

/** The counts of one rate, as `compareRates` takes them (extra fields, such as a rate's, are ignored). */
export const rateCountsSchema = z.object({ successes: count, n: count }).check(
  z.refine((value) => value.successes <= value.n, {
    message: 'successes must not exceed n',
    path: ['successes'],
  }),
);

/** Options of `compareRates`. */
export const compareRatesOptionsSchema = z.strictObject({
  confidence: z._default(confidenceSchema, DEFAULT_CONFIDENCE),
});

/** The arguments of `wilsonInterval` and `rateEstimate`. */
export const proportionSchema = z
  .strictObject({ successes: count, n: count, confidence: confidenceSchema })
  .check(
    z.refine((value) => value.successes <= value.n, {
      message: 'successes must not exceed n',
      path: ['successes'],
    }),
  );

/** A probability for `normalQuantile`, from 0 to 1. */
export const probabilitySchema = share;

/** Where a caller last saw a tracker's log end: `{ seq, hash? }` of its last event. */
export const ratioTrackerCheckpointSchema = checkpointSchema;

/** Options of `createRatioTracker` (the log itself is checked as a log, not here). */
export const ratioTrackerOptionsSchema = z.strictObject({
  ...goalShape,
  now: clock,
  timeZone: z._default(timeZoneSchema, DEFAULT_METRICS_TIME_ZONE),
  events: z.optional(z.unknown()),
  hash: z.optional(fn<(text: string) => string>()),
  checkpoint: z.optional(ratioTrackerCheckpointSchema),
  onListenerError: z.optional(fn<(error: unknown) => void>()),
  dispatcher: z.optional(dispatcherSchema),
});

// ---------------------------------------------------------------------------------------------
// Events

/** The event of a tracker's log: `metrics.action_added`, its data the stored action. */
export const ratioTrackerEventSchema = eventSchema('metrics.action_added', storedRatioActionSchema);

// ---------------------------------------------------------------------------------------------
// Results

/** A figure per kind. */
export const ratioByKindSchema = z.strictObject({
  service: z.number(),
  manage: z.number(),
  enforce: z.number(),
});

/** The result of `ratio721` (and a tracker's snapshot). */
export const ratio721ResultSchema = z.strictObject({
  total: z.number().check(z.gte(0)),
  counts: ratioByKindSchema,
  shares: ratioByKindSchema,
  deviation: ratioByKindSchema,
  status: z.enum(['on-target', 'drifting', 'off-target']),
  serviceNeeded: z.number().check(z.gte(0)),
  target: ratioByKindSchema,
  tolerance: z.number(),
});

/** A tracker's snapshot: the 721 figures of everything added. */
export const ratioTrackerSnapshotSchema = ratio721ResultSchema;

/** One group of `ratio721` with `groupBy`. */
export const ratio721GroupSchema = z.strictObject({
  ...ratio721ResultSchema.shape,
  key: z.nullable(z.string()),
  start: z.optional(instantSchema),
  end: z.optional(instantSchema),
});

/** The result of `ratio721` with `groupBy`. */
export const ratio721GroupsSchema = z.array(ratio721GroupSchema);

/** The result of `classifyActions`. */
export const classifiedActionsSchema = z.strictObject({
  actions: z.array(storedRatioActionSchema),
  unmapped: z.array(
    z.strictObject({ type: z.string(), count: count, weight: z.number().check(z.gte(0)) }),
  ),
});

/** An interval `[lower, upper]`. */
export const rateIntervalSchema = z.tuple([z.number(), z.number()]);

/** A proportion with its Wilson interval. */
export const rateEstimateSchema = z.strictObject({
  successes: count,
  n: count,
  rate: z.nullable(share),
  interval: rateIntervalSchema,
  confidence: confidenceSchema,
});

/** The result of `compareRates`. */
export const rateDifferenceSchema = z.strictObject({
  difference: z.nullable(z.number().check(z.gte(-1), z.lte(1))),
  interval: rateIntervalSchema,
  confidence: confidenceSchema,
  verdict: z.enum(['higher', 'lower', 'inconclusive']),
});

const estimateShape = rateEstimateSchema.shape;

/** The result of `satisfaction` on the three-level scale. */
export const threeLevelSatisfactionSchema = z.strictObject({
  ...estimateShape,
  scale: z.literal('three-level'),
  counts: z.strictObject({ satisfied: count, basic: count, unsatisfied: count }),
});

const scoredShape = {
  ...estimateShape,
  counts: z.record(z.string(), count),
  mean: z.nullable(z.number()),
  bayesianMean: z.number(),
  prior: z.number(),
  priorWeight: z.number(),
};

/** The result of `satisfaction` on the five-point scale. */
export const fivePointSatisfactionSchema = z.strictObject({
  ...scoredShape,
  scale: z.literal('five-point'),
});

/** The result of `satisfaction` on the 0-10 scale. */
export const npsSatisfactionSchema = z.strictObject({
  ...scoredShape,
  scale: z.literal('nps'),
  promoters: count,
  passives: count,
  detractors: count,
  nps: z.nullable(z.number().check(z.gte(-100), z.lte(100))),
});

/** Any result of `satisfaction`. */
export const satisfactionResultSchema = z.discriminatedUnion('scale', [
  threeLevelSatisfactionSchema,
  fivePointSatisfactionSchema,
  npsSatisfactionSchema,
]);

/** Median and 90th percentile handling time, in minutes. */
export const handlingTimeSchema = z.strictObject({
  n: count,
  median: z.nullable(z.number()),
  p90: z.nullable(z.number()),
});

const figuresShape = {
  received: count,
  duplicates: count,
  byStatus: z.strictObject({
    dispatched: count,
    in_progress: count,
    resolved: count,
    closed: count,
    duplicate: count,
  }),
  response: rateEstimateSchema,
  responsePending: count,
  onTime: rateEstimateSchema,
  resolution: rateEstimateSchema,
  satisfaction: rateEstimateSchema,
  overdueOpen: count,
  handlingMinutes: handlingTimeSchema,
};

/** The figures of one tier, category or unit in `caseRates`. */
export const caseRatesGroupSchema = z.strictObject({ key: z.string(), ...figuresShape });

/** The result of `caseRates`. */
export const caseRatesResultSchema = z.strictObject({
  from: z.optional(instantSchema),
  to: z.optional(instantSchema),
  at: instantSchema,
  ...figuresShape,
  byTier: z.array(caseRatesGroupSchema),
  byCategory: z.array(caseRatesGroupSchema),
  byUnit: z.array(caseRatesGroupSchema),
});

/** One window of `trend` (the points add `value`, whose shape is the caller's). */
export const trendWindowSchema = z.strictObject({
  key: z.string(),
  from: instantSchema,
  to: instantSchema,
  partial: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Reports: the documents the metrics widgets read

/** The 721 figures in all and by month, each the result of `ratio721` (or `ratio721FromCases`). */
export const ratio721ReportSchema = z.strictObject({
  overall: ratio721ResultSchema,
  byMonth: ratio721GroupsSchema,
});

/** One month of a rates report: the window of `trend` and the `caseRates` of its cases. */
export const caseRatesPointSchema = z.strictObject({
  ...trendWindowSchema.shape,
  value: caseRatesResultSchema,
});

/** The case rates in all and by month, each the result of `caseRates`. */
export const caseRatesReportSchema = z.strictObject({
  overall: caseRatesResultSchema,
  byMonth: z.array(caseRatesPointSchema),
});
