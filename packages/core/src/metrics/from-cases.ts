import { parseInput } from '../schemas/parse.js';
import type { RatioAction } from './action-check.js';
import { listCases, requireCaseObject } from './case-source.js';
import { invalidField } from '../schemas/parse.js';
import { requireInstantMs } from '../time/parse.js';
import type { Ratio721Result } from './ratio-summary.js';
import { ratio721FromCasesOptionsSchema } from './ratio-schemas.js';
import {
  ratio721Parsed,
  type Ratio721Group,
  type Ratio721GroupBy,
  type Ratio721Options,
} from './ratio721.js';
import type { MetricsCaseSource } from './types.js';

/** Options of {@link ratio721FromCases}. */
export interface Ratio721FromCasesOptions extends Ratio721Options {
  /**
   * What is counted: `actions` (the default) counts every handling action recorded on the
   * cases, at its own time, by its `by` as the unit and its `type`; `cases` counts each case
   * once by its `kind`, at `receivedAt`, with its first handler as the unit and its category
   * as the type (cases without a kind are not counted).
   */
  count?: 'actions' | 'cases';
}

const KINDS = new Set(['service', 'manage', 'enforce']);

/**
 * The 721 ratio of a case book (or a plain array of case records). Duplicate cases are not
 * counted. The options are those of `ratio721`, plus `count`.
 *
 * @example
 * ```ts
 * const year = ratio721FromCases(caseBook, {
 *   from: '2025-01-01T00:00:00+08:00',
 *   to: '2026-01-01T00:00:00+08:00',
 * });
 * const perStation = ratio721FromCases(caseBook, { groupBy: 'unit' });
 * ```
 */
export function ratio721FromCases(
  caseBook: MetricsCaseSource,
  options?: Ratio721FromCasesOptions & { groupBy?: undefined },
): Ratio721Result;
export function ratio721FromCases(
  caseBook: MetricsCaseSource,
  options: Ratio721FromCasesOptions & { groupBy: Ratio721GroupBy },
): Ratio721Group[];
export function ratio721FromCases(
  caseBook: MetricsCaseSource,
  options?: Ratio721FromCasesOptions,
): Ratio721Result | Ratio721Group[];
export function ratio721FromCases(
  caseBook: MetricsCaseSource,
  options: Ratio721FromCasesOptions = {},
): Ratio721Result | Ratio721Group[] {
  const parsed = parseInput(ratio721FromCasesOptionsSchema, options);
  const cases = listCases(caseBook);
  const actions: RatioAction[] = [];
  for (const [index, record] of cases.entries()) {
    requireCaseObject(record, index);
    if (record.status === 'duplicate') continue;
    if (parsed.count === 'cases') {
      if (record.kind === undefined) continue;
      if (!KINDS.has(record.kind))
        throw invalidField([index, 'kind'], "must be 'service', 'manage' or 'enforce'");
      requireInstantMs(record.receivedAt, [index, 'receivedAt']);
      const unit = Array.isArray(record.handlers) ? record.handlers[0] : undefined;
      actions.push({
        at: record.receivedAt,
        kind: record.kind,
        ...(typeof record.category === 'string' ? { type: record.category } : {}),
        ...(typeof unit === 'string' ? { unit } : {}),
      });
      continue;
    }
    if (!Array.isArray(record.actions)) throw invalidField([index, 'actions'], 'must be an array');
    for (const [position, action] of record.actions.entries()) {
      const path = [index, 'actions', position];
      if (typeof action !== 'object' || action === null)
        throw invalidField(path, 'must be an action');
      if (!KINDS.has(action.kind))
        throw invalidField([...path, 'kind'], "must be 'service', 'manage' or 'enforce'");
      requireInstantMs(action.at, [...path, 'at']);
      actions.push({
        at: action.at,
        kind: action.kind,
        ...(typeof action.type === 'string' ? { type: action.type } : {}),
        ...(typeof action.by === 'string' ? { unit: action.by } : {}),
      });
    }
  }
  return ratio721Parsed(actions, parsed);
}
