// The reads of the case book: the filtered list, the snapshot.
import { parseInput } from '../schemas/parse.js';
import { invalidField } from '../schemas/parse.js';
import { inInstantRange } from '../time/constants.js';
import { instantMs } from '../time/parse.js';
import type { CaseFilter } from './api.js';
import { caseFilterSchema } from './schemas.js';
import { isOpenStatus } from './transitions.js';
import type { CaseRecord, CaseSnapshot, CaseStatus } from './types.js';

/** Epoch ms of an instant given as an ISO string with an offset or a Date, in the supported range. */
export function instantOrDateMs(value: string | Date, path: readonly (string | number)[]): number {
  const ms = typeof value === 'string' ? instantMs(value) : value.getTime();
  if (!inInstantRange(ms)) throw invalidField(path, 'must be an instant', 'instant');
  return ms;
}

/** The cases that pass every condition of the filter, in book order, in a frozen array. */
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
    settled.overdueAt === undefined
      ? undefined
      : instantOrDateMs(settled.overdueAt, ['filter', 'overdueAt']);
  return Object.freeze(
    cases.filter(
      (record) =>
        (statuses === undefined || statuses.has(record.status)) &&
        (settled.tier === undefined || record.tier === settled.tier) &&
        (settled.category === undefined || record.category === settled.category) &&
        (settled.channel === undefined || record.channel === settled.channel) &&
        (settled.handler === undefined || record.handlers.includes(settled.handler)) &&
        (overdueMs === undefined ||
          (isOpenStatus(record.status) && instantMs(record.dueAt) < overdueMs)),
    ),
  );
}

/** The snapshot of a list of records. */
export function snapshotOf(cases: readonly CaseRecord[]): CaseSnapshot {
  return Object.freeze({ cases });
}
