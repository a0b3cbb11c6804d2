// The filter of `caseBook.list`.
import { parseInput } from '../schemas/parse.js';
import { caseFilterSchema } from './schemas.js';
import { isOpenStatus } from './transitions.js';
import type { CaseFilter, CaseRecord, CaseStatus } from './types.js';

/** The cases that pass every condition of the filter, in book order. */
export function filterCases(
  cases: readonly CaseRecord[],
  filter: CaseFilter,
): readonly CaseRecord[] {
  const settled = parseInput(caseFilterSchema, filter, ['filter']);
  const statuses =
    settled.status === undefined
      ? undefined
      : new Set<CaseStatus>(Array.isArray(settled.status) ? settled.status : [settled.status]);
  const overdueMs =
    settled.overdueAt === undefined ? undefined : new Date(settled.overdueAt).getTime();
  return cases.filter(
    (record) =>
      (statuses === undefined || statuses.has(record.status)) &&
      (settled.tier === undefined || record.tier === settled.tier) &&
      (settled.category === undefined || record.category === settled.category) &&
      (settled.channel === undefined || record.channel === settled.channel) &&
      (settled.handler === undefined || record.handlers.includes(settled.handler)) &&
      (overdueMs === undefined ||
        (isOpenStatus(record.status) && Date.parse(record.dueAt) < overdueMs)),
  );
}
