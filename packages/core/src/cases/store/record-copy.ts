// Copies a case record field by field, in one fixed order: storage machinery, fenced here. A
// spread of a twenty-field object is the slowest step of a move; a literal keeps one shape for
// all records and is cheap.
import type { CaseRecord } from '../types.js';

/** A record being built from its predecessor. */
export type DraftRecord = { -readonly [K in keyof CaseRecord]: CaseRecord[K] };

/** Which round-specific fields a copy leaves out (a reopened or re-dispatched case). */
export type ClearedFields = 'none' | 'acceptance' | 'round';

/** The optional fields, in the order copies add them. */
const OPTIONAL_FIELDS = [
  'description',
  'reporter',
  'location',
  'attributes',
  'kind',
  'tags',
  'acceptedAt',
  'acceptedBy',
  'resolvedAt',
  'resolvedBy',
  'outcome',
  'resolutionNote',
  'closedAt',
  'duplicateOf',
  'duplicateAt',
] as const satisfies readonly (keyof CaseRecord)[];

type OptionalField = (typeof OPTIONAL_FIELDS)[number];
const NONE: ReadonlySet<OptionalField> = new Set();
const ACCEPTANCE: ReadonlySet<OptionalField> = new Set(['acceptedAt', 'acceptedBy']);
const ROUND: ReadonlySet<OptionalField> = new Set([
  ...ACCEPTANCE,
  'resolvedAt',
  'resolvedBy',
  'outcome',
  'resolutionNote',
]);

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
  const skip = clear === 'none' ? NONE : clear === 'acceptance' ? ACCEPTANCE : ROUND;
  for (const key of OPTIONAL_FIELDS) {
    const value = record[key];
    if (value !== undefined && !skip.has(key)) (copy as Record<string, unknown>)[key] = value;
  }
  return copy;
}
