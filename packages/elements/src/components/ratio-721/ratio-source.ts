import {
  ratio721,
  ratio721FromCases,
  ratio721ReportSchema,
  ratio721ResultSchema,
  type MetricsCaseSource,
  type Ratio721Group,
  type Ratio721Result,
  type RatioTracker,
} from '@lanewise/core/metrics';
import { fromSchema } from '../../controllers/from-schema.js';
import type { LiveSource } from '../../controllers/live-source.js';

/** What `<ratio-721>` shows: the figures in all, and by month when the source has them. */
export interface RatioFigures {
  readonly overall: Ratio721Result;
  /** The months, oldest first; `undefined` when the document holds only the figures in all. */
  readonly byMonth: readonly Ratio721Group[] | undefined;
}

const checkReport = fromSchema(ratio721ReportSchema);
const checkResult = fromSchema(ratio721ResultSchema);

/**
 * Reads a `<ratio-721>` document: a `ratio721` result, or a report of the figures in all and
 * by month (`{ overall, byMonth }`), each checked with the core's schema.
 */
export function checkRatioDocument(raw: unknown): RatioFigures {
  if (typeof raw === 'object' && raw !== null && 'overall' in raw) {
    const report = checkReport(raw) as { overall: Ratio721Result; byMonth: Ratio721Group[] };
    return { overall: report.overall, byMonth: report.byMonth };
  }
  return { overall: checkResult(raw) as Ratio721Result, byMonth: undefined };
}

const isTracker = (live: unknown): live is RatioTracker =>
  typeof (live as Partial<RatioTracker>).events === 'function' &&
  typeof (live as Partial<RatioTracker>).add === 'function';

/**
 * The figures of a live 721 tracker (its snapshot, and its logged actions by month) or of a
 * live case book (every action on its cases), computed by the core.
 */
export function ratioOfLive(live: LiveSource): RatioFigures {
  if (isTracker(live)) {
    const overall = live.snapshot();
    const actions = live.events().map((event) => event.data);
    const { target, tolerance } = overall;
    return { overall, byMonth: ratio721(actions, { groupBy: 'month', target, tolerance }) };
  }
  const book = live as unknown as MetricsCaseSource;
  return {
    overall: ratio721FromCases(book),
    byMonth: ratio721FromCases(book, { groupBy: 'month' }),
  };
}
