import {
  caseRates,
  caseRatesReportSchema,
  caseRatesResultSchema,
  trend,
  type CaseRateFigures,
  type MetricsCase,
  type MetricsCaseSource,
  type TrendPoint,
} from '@lanewise/core/metrics';
import { fromSchema } from '../../controllers/from-schema.js';
import type { LiveSource } from '../../controllers/live-source.js';

/** What `<satisfaction-panel>` shows: the rates in all, and by month when the source has them. */
export interface RatesFigures {
  readonly overall: CaseRateFigures;
  /** The months, oldest first; `undefined` when the document holds only the rates in all. */
  readonly byMonth: readonly TrendPoint<CaseRateFigures>[] | undefined;
}

const checkReport = fromSchema(caseRatesReportSchema);
const checkResult = fromSchema(caseRatesResultSchema);

/**
 * Reads a `<satisfaction-panel>` document: a `caseRates` result, or a report of the rates in
 * all and by month (`{ overall, byMonth }`), each checked with the core's schema.
 */
export function checkRatesDocument(raw: unknown): RatesFigures {
  if (typeof raw === 'object' && raw !== null && 'overall' in raw) {
    const report = checkReport(raw) as unknown as RatesFigures;
    return { overall: report.overall, byMonth: report.byMonth };
  }
  return { overall: checkResult(raw) as unknown as CaseRateFigures, byMonth: undefined };
}

/**
 * The rates of a live case book, computed by the core as of now: in all, and month by month
 * from the month of its first case.
 */
export function ratesOfLive(live: LiveSource, at: Date = new Date()): RatesFigures {
  const book = live as unknown as MetricsCaseSource & { list(): readonly MetricsCase[] };
  const now = () => at;
  const overall = caseRates(book, { now });
  let first = Infinity;
  for (const record of book.list()) first = Math.min(first, Date.parse(record.receivedAt));
  if (!(first < at.getTime())) return { overall, byMonth: [] };
  const byMonth = trend((month) => caseRates(book, { now, from: month.from, to: month.to }), {
    period: 'month',
    from: new Date(first).toISOString(),
    to: at.toISOString(),
  });
  return { overall, byMonth };
}
