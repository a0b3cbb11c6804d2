// The station's figures over the example year of cases, as the metrics widgets read them: the
// 721 ratio of its handling actions and its four rates, each in all and month by month, every
// figure computed by the core from the demo case book.
import type { CaseBook } from '../../packages/core/src/cases/index.js';
import {
  caseRates,
  ratio721FromCases,
  trend,
  type CaseRatesReport,
  type Ratio721Report,
} from '../../packages/core/src/metrics/index.js';
import { buildDemoCases } from './cases.js';
import { DEMO_NOW } from './community.js';

/** The year the cases span: December 2025 to November 2026, cut in Asia/Shanghai. */
export const DEMO_YEAR = {
  from: '2025-12-01T00:00:00+08:00',
  to: '2026-12-01T00:00:00+08:00',
} as const;

/** The 721 ratio of every action on the station's cases, in all and by month. */
export function demoRatio721(book: CaseBook): Ratio721Report {
  return {
    overall: ratio721FromCases(book, DEMO_YEAR),
    byMonth: ratio721FromCases(book, { ...DEMO_YEAR, groupBy: 'month' }),
  };
}

/** Response, on-time, resolution and satisfaction rates, in all and by month, as of DEMO_NOW. */
export function demoRates(book: CaseBook): CaseRatesReport {
  const now = () => new Date(DEMO_NOW);
  return {
    overall: caseRates(book, { now, ...DEMO_YEAR }),
    byMonth: trend((month) => caseRates(book, { now, from: month.from, to: month.to }), {
      period: 'month',
      ...DEMO_YEAR,
    }),
  };
}

/** The metrics files by name, from the demo case book (built anew when none is given). */
export function demoMetricDocuments(book: CaseBook = buildDemoCases()): Record<string, unknown> {
  return {
    'ratio721.json': demoRatio721(book),
    'satisfaction.json': demoRates(book),
  };
}
