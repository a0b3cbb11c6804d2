// The versions of an entry. Every entry has every field in one order (absent ones
// `undefined`): one shape keeps property access fast on ledgers of millions of entries. One
// literal per move, rather than one merge of changes, saves an object per move.
import type { HourEntry, HourEntryDraft } from './types.js';

/** A new entry, `pending`. */
export function pendingEntry(
  draft: HourEntryDraft,
  durationMinutes: number,
  day: string,
  recordedAt: string,
  corrects: string | undefined,
): HourEntry {
  return Object.freeze({
    id: draft.id,
    volunteerId: draft.volunteerId,
    activityId: draft.activityId,
    start: draft.start,
    end: draft.end,
    durationMinutes,
    day,
    recordedBy: draft.recordedBy,
    recordedAt,
    note: draft.note,
    tags: draft.tags,
    status: 'pending',
    creditedMinutes: undefined,
    approvedBy: undefined,
    approvedAt: undefined,
    closedBy: undefined,
    closedAt: undefined,
    reason: undefined,
    supersededBy: undefined,
    corrects,
  });
}

// Each version of an entry is spelled out field by field: one object shape for every entry
// keeps property access monomorphic on the ledger's hot paths, where a spread would not.

/** The approved version of a pending entry. */
export function approvedEntry(
  base: HourEntry,
  creditedMinutes: number,
  by: string,
  at: string,
): HourEntry {
  return Object.freeze({
    id: base.id,
    volunteerId: base.volunteerId,
    activityId: base.activityId,
    start: base.start,
    end: base.end,
    durationMinutes: base.durationMinutes,
    day: base.day,
    recordedBy: base.recordedBy,
    recordedAt: base.recordedAt,
    note: base.note,
    tags: base.tags,
    status: 'approved',
    creditedMinutes,
    approvedBy: by,
    approvedAt: at,
    closedBy: base.closedBy,
    closedAt: base.closedAt,
    reason: base.reason,
    supersededBy: base.supersededBy,
    corrects: base.corrects,
  });
}

/** The closed version of a live entry: rejected, revoked or superseded. */
export function closedEntry(
  base: HourEntry,
  status: 'rejected' | 'revoked' | 'superseded',
  by: string,
  at: string,
  reason: string,
  supersededBy: string | undefined,
): HourEntry {
  return Object.freeze({
    id: base.id,
    volunteerId: base.volunteerId,
    activityId: base.activityId,
    start: base.start,
    end: base.end,
    durationMinutes: base.durationMinutes,
    day: base.day,
    recordedBy: base.recordedBy,
    recordedAt: base.recordedAt,
    note: base.note,
    tags: base.tags,
    status,
    creditedMinutes: base.creditedMinutes,
    approvedBy: base.approvedBy,
    approvedAt: base.approvedAt,
    closedBy: by,
    closedAt: at,
    reason: reason ?? base.reason,
    supersededBy: supersededBy ?? base.supersededBy,
    corrects: base.corrects,
  });
}
