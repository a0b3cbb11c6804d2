import { readClock } from '../clock.js';
import { parseInput } from '../schemas/parse.js';
import { MS_PER_MINUTE } from '../time/constants.js';
import { requireInstantMs } from '../time/parse.js';
import { zoneOffsets } from '../time/zone.js';
import type { CaseRatesOptions } from './api.js';
import {
  caseFacts,
  caseUnits,
  listCases,
  requireCaseObject,
  type CaseFacts,
  type CaseFactSettings,
} from './case-facts.js';
import { twoSidedZ } from './normal-quantile.js';
import { quantileSorted } from './sample-quantile.js';
import { caseRatesOptionsSchema, responseMinutesSchema } from './schemas.js';
import type {
  CaseRateFigures,
  CaseRatesGroup,
  CaseRatesResult,
  MetricsCaseSource,
} from './types.js';
import { estimateWithZ } from './wilson.js';

/**
 * The per-tier limits in milliseconds, as a `Map` of the option's own keys: a tier named
 * `__proto__` or `constructor` is a tier like any other (a zod record would drop `__proto__`).
 */
function tierLimits(byTier: unknown): Map<string, number> {
  const limits = new Map<string, number>();
  if (byTier === undefined) return limits;
  for (const [tier, minutes] of Object.entries(byTier as object)) {
    const checked = parseInput(responseMinutesSchema, minutes, ['responseMinutesByTier', tier]);
    limits.set(tier, checked * MS_PER_MINUTE);
  }
  return limits;
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
  const limits = tierLimits((options as { responseMinutesByTier?: unknown }).responseMinutesByTier);
  const records = listCases(cases);
  const nowMs = readClock(parsed.now);
  const defaultMs = parsed.responseMinutes * MS_PER_MINUTE;
  const settings: CaseFactSettings = {
    nowMs,
    responseMs: (tier) => limits.get(tier) ?? defaultMs,
    satisfied: new Set(parsed.satisfied),
    followUps: parsed.followUps,
  };
  const fromMs = parsed.from === undefined ? -Infinity : requireInstantMs(parsed.from, ['from']);
  const toMs = parsed.to === undefined ? Infinity : requireInstantMs(parsed.to, ['to']);
  const zone = zoneOffsets(parsed.timeZone);

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
    ...(parsed.from === undefined ? {} : { from: zone.format(fromMs) }),
    ...(parsed.to === undefined ? {} : { to: zone.format(toMs) }),
    at: zone.format(nowMs),
    ...total.figures(z, confidence),
    byTier: groupFigures(tiers, z, confidence),
    byCategory: groupFigures(categories, z, confidence),
    byUnit: groupFigures(units, z, confidence),
  };
}
