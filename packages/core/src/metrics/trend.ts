import { LanewiseError } from '../errors/index.js';
import { invalidField, parseInput } from '../schemas/parse.js';
import { MS_PER_HOUR } from '../time/constants.js';
import { instantMs } from '../time/parse.js';
import { createPeriodCutter } from '../time/periods.js';
import { zoneOffsets } from '../time/zone.js';
import type { TrendOptions } from './api.js';
import { trendOptionsSchema } from './schemas.js';
import type { TrendPoint, TrendWindow } from './types.js';

/** The most periods one trend may have (a century of days fits). */
export const MAX_TREND_PERIODS = 100_000;

/** The longest day, week and month in any zone (a day with a one-hour clock change, more or less). */
const LONGEST_MS = {
  day: 26 * MS_PER_HOUR,
  week: (7 * 24 + 2) * MS_PER_HOUR,
  month: (31 * 24 + 2) * MS_PER_HOUR,
};

/**
 * A series of any figure per day, week or month: calls `fn` with each period's window
 * `{ key, from, to }` and returns the values in order, empty periods included (the figure
 * decides what an empty window is worth). Windows are clipped to `[from, to)`, so the
 * first and last may be `partial`. Every window's `from` and `to` are written with the
 * zone's offset (a `from` given as `...Z` comes back as the same instant in `+08:00`).
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
  if (typeof fn !== 'function') throw invalidField(['fn'], 'must be a function');
  const { period, from, to, timeZone } = parseInput(trendOptionsSchema, options);
  const cut = createPeriodCutter(period, timeZone);
  const zone = zoneOffsets(timeZone);
  const fromMs = instantMs(from);
  const toMs = instantMs(to);
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
      from: zone.format(startClipped ? fromMs : slot.startMs),
      to: zone.format(endClipped ? toMs : slot.endMs),
      partial: startClipped || endClipped,
    });
    ms = slot.endMs;
  }
  return windows.map((window) => ({ ...window, value: fn(window) }));
}
