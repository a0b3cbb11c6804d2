// A case's whole history as a list of dated entries: from the book's event log when there is
// one (every round, reopened ones too), else from what the record keeps.
import type {
  CaseActionKind,
  CaseEvent,
  CaseOutcome,
  CaseRecord,
  EscalationStep,
  FollowUpRating,
} from '@lanewise/core/cases';

/** One dated entry of a case's history. */
export type TimelineEntry = { readonly at: string } & (
  | {
      readonly type: 'opened';
      readonly channel: string;
      readonly tier: string;
      readonly dueAt: string;
    }
  | { readonly type: 'accepted'; readonly by: string }
  | {
      readonly type: 'acted';
      readonly by: string;
      readonly kind: CaseActionKind;
      readonly action: string;
      readonly note?: string | undefined;
    }
  | {
      readonly type: 'extended';
      readonly by: string;
      readonly until: string;
      readonly reason: string;
    }
  | {
      readonly type: 'resolved';
      readonly by: string;
      readonly outcome: CaseOutcome;
      readonly note?: string | undefined;
    }
  | {
      readonly type: 'followed_up';
      readonly rating: FollowUpRating;
      readonly comment?: string | undefined;
      readonly reopenDueAt?: string | undefined;
    }
  | { readonly type: 'closed' }
  | { readonly type: 'duplicate'; readonly of: string }
  | {
      readonly type: 'escalated';
      readonly step: EscalationStep;
      readonly dueAt: string;
      readonly toTier?: string | undefined;
      readonly newDueAt?: string | undefined;
    }
);

/** Entries by instant; entries of the same instant keep their order. */
function byTime(entries: TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index, ms: Date.parse(entry.at) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ entry }) => entry);
}

/**
 * The entries of one case from the book's events, by time (an action is dated when it took
 * place, which may be before it was logged).
 */
export function timelineFromEvents(id: string, events: readonly CaseEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'cases.opened': {
        const { intake, dispatch } = event.data;
        if (intake.id !== id) break;
        entries.push({
          type: 'opened',
          at: intake.receivedAt,
          channel: intake.channel,
          tier: dispatch.tier,
          dueAt: dispatch.dueAt,
        });
        break;
      }
      case 'cases.accepted':
        if (event.data.id === id)
          entries.push({ type: 'accepted', at: event.at, by: event.data.by });
        break;
      case 'cases.acted': {
        const { action } = event.data;
        if (event.data.id === id)
          entries.push({
            type: 'acted',
            at: action.at,
            by: action.by,
            kind: action.kind,
            action: action.type,
            note: action.note,
          });
        break;
      }
      case 'cases.extended':
        if (event.data.id === id)
          entries.push({
            type: 'extended',
            at: event.at,
            ...pick(event.data, 'by', 'until', 'reason'),
          });
        break;
      case 'cases.resolved':
        if (event.data.id === id)
          entries.push({
            type: 'resolved',
            at: event.at,
            ...pick(event.data, 'by', 'outcome', 'note'),
          });
        break;
      case 'cases.followed_up':
        if (event.data.id === id)
          entries.push({
            type: 'followed_up',
            at: event.data.at,
            ...pick(event.data, 'rating', 'comment', 'reopenDueAt'),
          });
        break;
      case 'cases.closed':
        if (event.data.id === id) entries.push({ type: 'closed', at: event.at });
        break;
      case 'cases.marked_duplicate':
        if (event.data.id === id)
          entries.push({ type: 'duplicate', at: event.at, of: event.data.of });
        break;
      case 'cases.escalated':
        if (event.data.id === id)
          entries.push({
            type: 'escalated',
            at: event.at,
            ...pick(event.data, 'step', 'dueAt', 'toTier', 'newDueAt'),
          });
        break;
    }
  }
  return byTime(entries);
}

function pick<T extends object, K extends keyof T>(from: T, ...keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

/**
 * The entries the record itself keeps, by time: intake, the current round's acceptance and
 * resolution, every action, extension, escalation and follow-up, closing.
 */
export function timelineFromRecord(record: CaseRecord): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    {
      type: 'opened',
      at: record.receivedAt,
      channel: record.channel,
      tier: record.escalations.find((step) => step.step === 'tier')?.tier ?? record.tier,
      dueAt: record.extensions[0]?.from ?? record.dueAt,
    },
  ];
  if (record.acceptedAt && record.acceptedBy)
    entries.push({ type: 'accepted', at: record.acceptedAt, by: record.acceptedBy });
  for (const action of record.actions)
    entries.push({
      type: 'acted',
      at: action.at,
      by: action.by,
      kind: action.kind,
      action: action.type,
      note: action.note,
    });
  for (const extension of record.extensions)
    entries.push({
      type: 'extended',
      at: extension.at,
      ...pick(extension, 'by', 'until', 'reason'),
    });
  for (const step of record.escalations)
    entries.push({
      type: 'escalated',
      at: step.at,
      ...pick(step, 'step', 'dueAt', 'toTier', 'newDueAt'),
    });
  if (record.resolvedAt && record.resolvedBy && record.outcome)
    entries.push({
      type: 'resolved',
      at: record.resolvedAt,
      by: record.resolvedBy,
      outcome: record.outcome,
      note: record.resolutionNote,
    });
  for (const followUp of record.followUps)
    entries.push({ type: 'followed_up', at: followUp.at, ...pick(followUp, 'rating', 'comment') });
  if (record.closedAt) entries.push({ type: 'closed', at: record.closedAt });
  if (record.duplicateOf && record.duplicateAt)
    entries.push({ type: 'duplicate', at: record.duplicateAt, of: record.duplicateOf });
  // A stable sort by instant keeps same-time entries in life-cycle order.
  return byTime(entries);
}
