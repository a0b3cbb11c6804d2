// An entry as callers see it, built from its row. Every entry has every field in one order
// (absent ones `undefined`): one shape keeps property access fast for those who read many.
import { REJECTED } from './entry-table.js';
import { activityOf, statusOf, volunteerOf, type HoursState } from './state.js';
import type { HourEntry } from './types.js';

/** The entry of `row` as it stands, a new frozen object. */
export function buildEntry(state: HoursState, row: number): HourEntry {
  const { table, stamps } = state;
  const approvedAt = table.approvedAt(row);
  const approved = approvedAt >= 0;
  // Only closed rows have a closure.
  const closure = table.status(row) >= REJECTED ? table.closure(row) : undefined;
  return Object.freeze({
    id: table.id(row),
    volunteerId: volunteerOf(state, row),
    activityId: activityOf(state, row),
    start: table.start(row),
    end: table.end(row),
    durationMinutes: table.durationMinutes(row),
    day: state.days.dayOf(table.startMs(row)),
    recordedBy: table.recordedBy(row),
    recordedAt: stamps.text(table.recordedAt(row)),
    note: table.note(row),
    tags: table.tagsOf(row),
    status: statusOf(state, row),
    creditedMinutes: approved ? table.credited(row) : undefined,
    approvedBy: table.approvedBy(row),
    approvedAt: approved ? stamps.text(approvedAt) : undefined,
    closedBy: closure?.by,
    closedAt: closure?.at,
    reason: closure?.reason,
    supersededBy: closure?.supersededBy,
    corrects: table.corrects(row),
  });
}
