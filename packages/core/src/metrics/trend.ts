import { z } from 'zod';
import { LanewiseError } from '../errors.js';
import { instantSchema, timeZoneSchema } from '../schemas/common.js';
import { parseInput } from '../schemas/parse.js';
import { createPeriodCutter } from '../time/periods.js';
import { DEFAULT_METRICS_TIME_ZONE, windowIsOrdered } from './ratio-schemas.js';
import type { MetricsPeriod } from './types.js';

/** The most periods one trend may have (a century of days fits). */
export const MAX_TREND_PERIODS = 100_000;

const HOUR_MS = 3_600_000;
/** The longest day, week and month in any zone (a day with a one-hour clock change, more or less). */
const LONGEST_MS = {
  day: 26 * HOUR_MS,
  week: (7 * 24 + 2) * HOUR_MS,
  month: (31 * 24 + 2) * HOUR_MS,
};

/** Options of {@link trend}. */
export interface TrendOptions {
  /** `day`, `week` (ISO weeks, Monday first) or `month`, cut in `timeZone`. */
  period: MetricsPeriod;
  /** The series starts with the period that holds this instant. */
  from: string;
  /** The series ends with the period that holds the instant just before this one. */
  to: string;
  /** The community's time zone; `Asia/Shanghai` by default. */
  timeZone?: string;
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

const optionsSchema = z
  .object({
    period: z.enum(['day', 'week', 'month']),
    from: instantSchema,
    to: instantSchema,
    timeZone: timeZoneSchema.default(DEFAULT_METRICS_TIME_ZONE),
  })
  .refine(windowIsOrdered, { message: 'to must be after from', path: ['to'] });

/**
 * A series of any figure per day, week or month: calls `fn` with each period's window
 * `{ key, from, to }` and returns the values in order, empty periods included (the figure
 * decides what an empty window is worth). Windows are clipped to `[from, to)`, so the
 * first and last may be `partial`.
 *
 * @example
 * ```ts
 * const monthly = trend(
 *   ({ from, to }) => caseRates(caseBook, { from, to, now }).satisfaction,
 *   { period: 'month', from: '2025-01-01T00:00:00+08:00', to: '2026-01-01T00:00:00+08:00' },
 * );
 * monthly.map((point) => [point.key, point.value.rate]); // [['2025-01', 0.98], ...]
 * ```
 */
export function trend<T>(fn: (window: TrendWindow) => T, options: TrendOptions): TrendPoint<T>[] {
  if (typeof fn !== 'function') {
    throw new LanewiseError('INVALID_INPUT', 'fn: must be a function', { path: ['fn'] });
  }
  const { period, from, to, timeZone } = parseInput(optionsSchema, options);
  const cut = createPeriodCutter(period, timeZone);
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  const tooMany = () =>
    new LanewiseError('INVALID_INPUT', `to: more than ${MAX_TREND_PERIODS} periods`, {
      path: ['to'],
      details: { limit: MAX_TREND_PERIODS },
    });
  // Refuse a runaway series before cutting it: no period is longer than this.
  if ((toMs - fromMs) / LONGEST_MS[period] > MAX_TREND_PERIODS) throw tooMany();
  const windows: TrendWindow[] = [];
  for (let ms = fromMs; ms < toMs;) {
    if (windows.length === MAX_TREND_PERIODS) throw tooMany();
    const slot = cut(ms);
    const startClipped = slot.startMs < fromMs;
    const endClipped = slot.endMs > toMs;
    windows.push({
      key: slot.key,
      from: startClipped ? from : slot.start,
      to: endClipped ? to : slot.end,
      partial: startClipped || endClipped,
    });
    ms = slot.endMs;
  }
  return windows.map((window) => ({ ...window, value: fn(window) }));
}
