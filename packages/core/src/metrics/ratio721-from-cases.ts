import { invalidField, parseInput } from '../schemas/parse.js';
import { requireInstantMs } from '../time/parse.js';
import type { Ratio721FromCasesOptions, Ratio721GroupBy } from './api.js';
import { listCases, requireCaseObject } from './case-facts.js';
import { ratio721Parsed } from './ratio721.js';
import { ratio721FromCasesOptionsSchema } from './schemas.js';
import type { MetricsCaseSource, Ratio721Group, Ratio721Result, RatioAction } from './types.js';

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
  const { count, ...ratioOptions } = parsed;
  const actions: RatioAction[] = [];
  for (const [index, record] of cases.entries()) {
    requireCaseObject(record, index);
    if (record.status === 'duplicate') continue;
    if (count === 'cases') {
      if (record.kind === undefined) continue;
      if (!KINDS.has(record.kind))
        throw invalidField(
          [index, 'kind'],
          'must be one of "service", "manage", "enforce"',
          'enum',
          {
            values: ['service', 'manage', 'enforce'],
          },
        );
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
    if (!Array.isArray(record.actions))
      throw invalidField([index, 'actions'], 'must be a list', 'type', { expected: 'array' });
    for (const [position, action] of record.actions.entries()) {
      const path = [index, 'actions', position];
      if (typeof action !== 'object' || action === null)
        throw invalidField(path, 'must be an action', 'type', { expected: 'object' });
      if (!KINDS.has(action.kind))
        throw invalidField(
          [...path, 'kind'],
          'must be one of "service", "manage", "enforce"',
          'enum',
          {
            values: ['service', 'manage', 'enforce'],
          },
        );
      requireInstantMs(action.at, [...path, 'at']);
      actions.push({
        at: action.at,
        kind: action.kind,
        ...(typeof action.type === 'string' ? { type: action.type } : {}),
        ...(typeof action.by === 'string' ? { unit: action.by } : {}),
      });
    }
  }
  return ratio721Parsed(actions, ratioOptions);
}
