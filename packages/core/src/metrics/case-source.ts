import { invalidField } from '../schemas/parse.js';
import type { MetricsCase, MetricsCaseSource } from './types.js';

/** The case records of a source: the array itself, or the book's `list()`. */
export function listCases(source: MetricsCaseSource): readonly MetricsCase[] {
  if (Array.isArray(source)) return source as readonly MetricsCase[];
  if (
    typeof source === 'object' &&
    source !== null &&
    typeof (source as { list?: unknown }).list === 'function'
  ) {
    const cases = (source as { list(): readonly MetricsCase[] }).list();
    if (Array.isArray(cases)) return cases;
  }
  throw invalidField([], 'cases must be an array of case records or a case book with list()');
}

/** Checks that a case is an object before its fields are read. */
export function requireCaseObject(record: unknown, index: number): asserts record is MetricsCase {
  if (typeof record !== 'object' || record === null)
    throw invalidField([index], 'must be a case record');
}
