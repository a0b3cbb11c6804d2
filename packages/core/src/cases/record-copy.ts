// Copies a case record field by field, in one fixed order. A spread of a twenty-field object
// is the slowest step of a move; a literal keeps one shape for all records and is cheap.
import type { CaseRecord } from './types.js';

/** A record being built from its predecessor. */
export type DraftRecord = { -readonly [K in keyof CaseRecord]: CaseRecord[K] };

/** Which round-specific fields a copy leaves out (a reopened or re-dispatched case). */
export type ClearedFields = 'none' | 'acceptance' | 'round';

/** A copy of `record`; `clear` drops the acceptance, or the acceptance and the resolution. */
export function copyRecord(record: CaseRecord, clear: ClearedFields = 'none'): DraftRecord {
  const copy: DraftRecord = {
    id: record.id,
    category: record.category,
    title: record.title,
    channel: record.channel,
    receivedAt: record.receivedAt,
    status: record.status,
    tier: record.tier,
    handlers: record.handlers,
    dueAt: record.dueAt,
    deadline: record.deadline,
    ruleId: record.ruleId,
    openedAt: record.openedAt,
    updatedAt: record.updatedAt,
    followUps: record.followUps,
    actions: record.actions,
    escalations: record.escalations,
    extensions: record.extensions,
    reopenedCount: record.reopenedCount,
    round: record.round,
  };
  if (record.description !== undefined) copy.description = record.description;
  if (record.reporter !== undefined) copy.reporter = record.reporter;
  if (record.location !== undefined) copy.location = record.location;
  if (record.attributes !== undefined) copy.attributes = record.attributes;
  if (record.kind !== undefined) copy.kind = record.kind;
  if (record.tags !== undefined) copy.tags = record.tags;
  if (clear === 'none') {
    if (record.acceptedAt !== undefined) copy.acceptedAt = record.acceptedAt;
    if (record.acceptedBy !== undefined) copy.acceptedBy = record.acceptedBy;
  }
  if (clear !== 'round') {
    if (record.resolvedAt !== undefined) copy.resolvedAt = record.resolvedAt;
    if (record.resolvedBy !== undefined) copy.resolvedBy = record.resolvedBy;
    if (record.outcome !== undefined) copy.outcome = record.outcome;
    if (record.resolutionNote !== undefined) copy.resolutionNote = record.resolutionNote;
  }
  if (record.closedAt !== undefined) copy.closedAt = record.closedAt;
  if (record.duplicateOf !== undefined) copy.duplicateOf = record.duplicateOf;
  if (record.duplicateAt !== undefined) copy.duplicateAt = record.duplicateAt;
  return copy;
}
