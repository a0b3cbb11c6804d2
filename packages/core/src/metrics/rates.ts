import { LanewiseError } from '../errors.js';
import { parseInput } from '../schemas/parse.js';
import type { Clock } from '../clock.js';
import { caseFacts, caseUnits, type CaseFacts, type CaseFactSettings } from './case-facts.js';
import { listCases, requireCaseObject } from './case-source.js';
import { requireInstantMs } from '../time/parse.js';
import { twoSidedZ } from './normal.js';
import { quantileSorted } from './quantile.js';
import { caseRatesOptionsSchema } from './rates-schemas.js';
import type { SatisfactionLevel } from './satisfaction.js';
import type { MetricsCase, MetricsCaseSource, RateEstimate } from './types.js';
import { estimateWithZ } from './wilson.js';

/** Options of {@link caseRates}. */
export interface CaseRatesOptions {
  /** The clock: decides which responses are still pending and which open cases are overdue. */
  now: Clock;
  /** Counts the cases received at or after this instant. */
  from?: string;
  /** Counts the cases received before this instant. */
  to?: string;
  /** The response limit from receipt, in minutes: 1440 (24 hours) by default. */
  responseMinutes?: number;
  /** Response limits per tier, in minutes, over `responseMinutes`. */
  responseMinutesByTier?: Readonly<Record<string, number>>;
  /** The follow-up answers that count as satisfied: `['satisfied', 'basic']` by default. */
  satisfied?: readonly SatisfactionLevel[];
  /** Which follow-ups count: each case's `latest` (the default) or `all` of them. */
  followUps?: 'latest' | 'all';
  /** The intervals' confidence level, 0.95 by default. */
  confidence?: number;
}

/** Median and 90th percentile of the minutes from receipt to resolution. */
export interface HandlingTime {
  /** How many resolved cases were timed. */
  readonly n: number;
  readonly median: number | null;
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

/** The result of {@link caseRates}. */
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

/** Counts that add up the facts of many cases. */
class Tally {
  received = 0;
  duplicates = 0;
  byStatus = { dispatched: 0, in_progress: 0, resolved: 0, closed: 0, duplicate: 0 };
  responded = 0;
  responseDecided = 0;
  responsePending = 0;
  onTime = 0;
  resolved = 0;
  resolvedOrMediated = 0;
  closed = 0;
  satisfied = 0;
  answers = 0;
  overdueOpen = 0;
  handling: number[] = [];

  add(facts: CaseFacts): void {
    this.byStatus[facts.status] += 1;
    if (facts.status === 'duplicate') {
      this.duplicates += 1;
      return;
    }
    this.received += 1;
    if (facts.response === 'pending') this.responsePending += 1;
    else {
      this.responseDecided += 1;
      if (facts.response === 'in-time') this.responded += 1;
    }
    if (facts.resolved) {
      this.resolved += 1;
      if (facts.onTime) this.onTime += 1;
      this.handling.push(facts.handlingMinutes);
    }
    if (facts.closed) {
      this.closed += 1;
      if (facts.resolvedOrMediated) this.resolvedOrMediated += 1;
    }
    this.answers += facts.answers;
    this.satisfied += facts.satisfiedAnswers;
    if (facts.overdueOpen) this.overdueOpen += 1;
  }

  figures(z: number, confidence: number): CaseRateFigures {
    const sorted = Float64Array.from(this.handling).sort();
    const handling = Array.from(sorted);
    return {
      received: this.received,
      duplicates: this.duplicates,
      byStatus: { ...this.byStatus },
      response: estimateWithZ(this.responded, this.responseDecided, z, confidence),
      responsePending: this.responsePending,
      onTime: estimateWithZ(this.onTime, this.resolved, z, confidence),
      resolution: estimateWithZ(this.resolvedOrMediated, this.closed, z, confidence),
      satisfaction: estimateWithZ(this.satisfied, this.answers, z, confidence),
      overdueOpen: this.overdueOpen,
      handlingMinutes: {
        n: handling.length,
        median: quantileSorted(handling, 0.5),
        p90: quantileSorted(handling, 0.9),
      },
    };
  }
}

function tallyOf(groups: Map<string, Tally>, key: string): Tally {
  let tally = groups.get(key);
  if (tally === undefined) groups.set(key, (tally = new Tally()));
  return tally;
}

function groupFigures(groups: Map<string, Tally>, z: number, confidence: number): CaseRatesGroup[] {
  return [...groups.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => ({ key, ...(groups.get(key) as Tally).figures(z, confidence) }));
}

/**
 * The three rates (三率) and on-time rate of the cases received in a window, each with its
 * Wilson interval, the median and 90th percentile handling time, and the same broken down by
 * tier, category and handling unit. `docs/metrics.md` gives each definition in full.
 *
 * - response: responded (accepted, or first acted on) within the response limit, of the cases
 *   whose response is decided (responded, or the limit passed);
 * - on time: resolved by the due time, of those resolved;
 * - resolution: closed as resolved or mediated, of those closed;
 * - satisfaction: satisfied at the latest follow-up, of those followed up.
 *
 * @param cases - a case book (anything with `list()`) or a plain array of case records.
 * @throws LanewiseError `INVALID_INPUT` for bad options, or a case field that does not fit
 *   (its index and field in `path`); fields are checked where they are read.
 *
 * @example
 * ```ts
 * const june = caseRates(caseBook, {
 *   from: '2025-06-01T00:00:00+08:00',
 *   to: '2025-07-01T00:00:00+08:00',
 *   now: manualClock('2025-07-01T00:00:00+08:00').now,
 * });
 * june.onTime.rate; // 0.996
 * june.satisfaction.interval; // [0.986, 0.998]
 * june.byUnit.map((unit) => [unit.key, unit.response.rate]);
 * ```
 */
export function caseRates(cases: MetricsCaseSource, options: CaseRatesOptions): CaseRatesResult {
  const parsed = parseInput(caseRatesOptionsSchema, options);
  const records = listCases(cases);
  const now = parsed.now();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new LanewiseError('INVALID_INPUT', 'now: must return a valid Date', { path: ['now'] });
  }
  const byTier = parsed.responseMinutesByTier;
  const settings: CaseFactSettings = {
    nowMs: now.getTime(),
    responseMs: (tier) =>
      (Object.hasOwn(byTier, tier) ? (byTier[tier] as number) : parsed.responseMinutes) * 60_000,
    satisfied: new Set(parsed.satisfied),
    followUps: parsed.followUps,
  };
  const fromMs = parsed.from === undefined ? -Infinity : Date.parse(parsed.from);
  const toMs = parsed.to === undefined ? Infinity : Date.parse(parsed.to);

  const total = new Tally();
  const tiers = new Map<string, Tally>();
  const categories = new Map<string, Tally>();
  const units = new Map<string, Tally>();
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    requireCaseObject(record, index);
    const receivedMs = requireInstantMs(record.receivedAt, [index, 'receivedAt']);
    if (receivedMs < fromMs || receivedMs >= toMs) continue;
    const facts = caseFacts(record, index, receivedMs, settings);
    total.add(facts);
    tallyOf(tiers, record.tier).add(facts);
    tallyOf(categories, record.category).add(facts);
    for (const unit of caseUnits(record, index)) tallyOf(units, unit).add(facts);
  }

  const { confidence } = parsed;
  const z = twoSidedZ(confidence);
  return {
    ...(parsed.from === undefined ? {} : { from: parsed.from }),
    ...(parsed.to === undefined ? {} : { to: parsed.to }),
    at: now.toISOString(),
    ...total.figures(z, confidence),
    byTier: groupFigures(tiers, z, confidence),
    byCategory: groupFigures(categories, z, confidence),
    byUnit: groupFigures(units, z, confidence),
  };
}
