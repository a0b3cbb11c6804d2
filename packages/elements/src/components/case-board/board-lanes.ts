// The lanes of the board: the cases grouped by status, tier or handler, each lane in the
// order a station works it.
import type { CaseRecord, CaseStatus } from '@lanewise/core/cases';

/** How the board groups its cards. */
export type BoardGrouping = 'status' | 'tier' | 'handler';

/** The statuses in the order of the life cycle. */
export const STATUS_ORDER: readonly CaseStatus[] = [
  'dispatched',
  'in_progress',
  'resolved',
  'closed',
  'duplicate',
];

/** One lane: its key (a status, tier id or handler id) and its cases in order. */
export interface Lane {
  readonly key: string;
  readonly cases: readonly CaseRecord[];
}

const isOpen = (record: CaseRecord) =>
  record.status === 'dispatched' || record.status === 'in_progress';

/**
 * Open cases first, the most urgent (earliest deadline) at the top; then the others, the most
 * recently changed first.
 */
function byUrgency(cases: CaseRecord[]): CaseRecord[] {
  const keyed = cases.map((record) => ({
    record,
    open: isOpen(record),
    ms: Date.parse(isOpen(record) ? record.dueAt : record.updatedAt),
  }));
  keyed.sort((a, b) => {
    if (a.open !== b.open) return a.open ? -1 : 1;
    return a.open ? a.ms - b.ms : b.ms - a.ms;
  });
  return keyed.map((entry) => entry.record);
}

/**
 * The lanes for `grouping`: every status; every tier of the rule set (in escalation order) and
 * any other tier a case is in; or every handler, sorted. A case with several handlers is in
 * each of their lanes. With `handler`, only that unit's cases.
 */
export function laneCases(
  cases: readonly CaseRecord[],
  options: { grouping: BoardGrouping; handler?: string; tiers?: readonly string[] },
): Lane[] {
  const { grouping, handler } = options;
  const groups = new Map<string, CaseRecord[]>();
  const seed =
    grouping === 'status' ? STATUS_ORDER : grouping === 'tier' ? (options.tiers ?? []) : [];
  for (const key of seed) groups.set(key, []);
  const add = (key: string, record: CaseRecord) => {
    let lane = groups.get(key);
    if (!lane) groups.set(key, (lane = []));
    lane.push(record);
  };
  for (const record of cases) {
    if (handler && !record.handlers.includes(handler)) continue;
    if (grouping === 'status') add(record.status, record);
    else if (grouping === 'tier') add(record.tier, record);
    else for (const unit of record.handlers) if (!handler || unit === handler) add(unit, record);
  }
  const keys = [...groups.keys()];
  if (grouping === 'handler') keys.sort();
  return keys.map((key) => ({ key, cases: byUrgency(groups.get(key)!) }));
}
