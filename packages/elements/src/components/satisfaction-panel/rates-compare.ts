import { compareRates, type RateCounts, type RateDifference } from '@lanewise/core/metrics';
import type { CaseRateFigures, TrendPoint } from '@lanewise/core/metrics';

/** The rates the panel shows, in its order: Beijing's three rates and on-time. */
export const RATE_KEYS = ['satisfaction', 'onTime', 'resolution', 'response'] as const;

/** One of the panel's rates. */
export type RateKey = (typeof RATE_KEYS)[number];

/** What `compare` compares: a month with the one before, or a calendar quarter with the one before. */
export type SatisfactionCompare = 'month' | 'quarter';

/** A month (`2026-03`) or a quarter (`2026-Q1`) and the counts of each rate in it. */
export interface PeriodCounts {
  readonly key: string;
  /** The month keys it holds. */
  readonly months: readonly string[];
  readonly counts: Readonly<Record<RateKey, RateCounts>>;
}

/** The latest period against the one before, each rate's change with Newcombe's interval. */
export interface PeriodComparison {
  readonly current: PeriodCounts;
  readonly previous: PeriodCounts;
  readonly changes: Readonly<Record<RateKey, RateDifference>>;
}

/** True for a month key as the core writes it: `2026-05`. */
export const isMonthKey = (key: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(key);

/** `2026-05` -> `2026-Q2`; a key that is not a month stays as it is. */
export const quarterOf = (month: string): string =>
  isMonthKey(month) ? `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}` : month;

/**
 * The months summed into periods: each rate's successes and n add up, because every case
 * counts in the month it was received.
 */
export function periodCounts(
  months: readonly TrendPoint<CaseRateFigures>[],
  by: SatisfactionCompare,
): PeriodCounts[] {
  const periods: { key: string; months: string[]; counts: Record<RateKey, RateCounts> }[] = [];
  for (const month of months) {
    const key = by === 'month' ? month.key : quarterOf(month.key);
    let period = periods.at(-1);
    if (period?.key !== key) {
      const counts = Object.fromEntries(
        RATE_KEYS.map((rate) => [rate, { successes: 0, n: 0 }]),
      ) as Record<RateKey, RateCounts>;
      periods.push((period = { key, months: [], counts }));
    }
    period.months.push(month.key);
    for (const rate of RATE_KEYS) {
      const { successes, n } = period.counts[rate];
      const figure = month.value[rate];
      period.counts[rate] = { successes: successes + figure.successes, n: n + figure.n };
    }
  }
  return periods;
}

/** True when no case at all counts in the period (a month that has only just begun). */
const isEmptyPeriod = (period: PeriodCounts): boolean =>
  RATE_KEYS.every((rate) => period.counts[rate].n === 0);

/**
 * The latest month or quarter with any case in it against the one before it, with the core's
 * `compareRates` (Newcombe's hybrid score interval); `undefined` with fewer than two periods.
 * A trailing period with no case is left out, so that on the first day of a month the panel
 * compares the month just ended with the one before, not an empty month with it.
 */
export function comparePeriods(
  months: readonly TrendPoint<CaseRateFigures>[],
  by: SatisfactionCompare,
  confidence?: number,
): PeriodComparison | undefined {
  const periods = periodCounts(months, by);
  while (periods.length > 0 && isEmptyPeriod(periods.at(-1)!)) periods.pop();
  const current = periods.at(-1);
  const previous = periods.at(-2);
  if (!current || !previous) return undefined;
  const options = confidence === undefined ? {} : { confidence };
  const changes = Object.fromEntries(
    RATE_KEYS.map((rate) => [
      rate,
      compareRates(current.counts[rate], previous.counts[rate], options),
    ]),
  ) as Record<RateKey, RateDifference>;
  return { current, previous, changes };
}
