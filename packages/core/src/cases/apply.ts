// The reducer: folds one case event into the records. The live book and a replay both go
// through here, after the checks of commands.ts, so a replay of the log gives the same records.
// Records are never mutated: a change makes a new record object, frozen with what it holds.
import { copyRecord, type DraftRecord } from './store/record-copy.js';
import type { CaseEvent, CaseRecord } from './types.js';

/** The state of a case book: records by id, in the order they were opened. */
export type CaseState = Map<string, CaseRecord>;

/** The id of the case an event is about. */
export function caseIdOf(event: CaseEvent): string {
  return event.type === 'cases.opened' ? event.data.intake.id : event.data.id;
}

/**
 * Applies one checked event (its data frozen, its instants in the book's zone) to the state:
 * the map is updated in place; the changed record is replaced by a new frozen one.
 */
export function applyCaseEvent(state: CaseState, event: CaseEvent): CaseRecord {
  const record = Object.freeze(
    event.type === 'cases.opened'
      ? opened(event)
      : changed(state.get(event.data.id) as CaseRecord, event),
  );
  state.set(record.id, record);
  return record;
}

const frozen = <T>(items: T[]): readonly T[] => Object.freeze(items);

function opened(event: Extract<CaseEvent, { type: 'cases.opened' }>): CaseRecord {
  const { intake, dispatch } = event.data;
  // One literal in a fixed order (no spread): every record starts with the same shape.
  const record: DraftRecord = {
    id: intake.id,
    category: intake.category,
    title: intake.title,
    channel: intake.channel,
    receivedAt: intake.receivedAt,
    status: 'dispatched',
    tier: dispatch.tier,
    handlers: dispatch.handlers,
    dueAt: dispatch.dueAt,
    deadline: dispatch.deadline,
    ruleId: dispatch.ruleId,
    openedAt: event.at,
    updatedAt: event.at,
    followUps: EMPTY,
    actions: EMPTY,
    escalations: EMPTY,
    extensions: EMPTY,
    reopenedCount: 0,
    round: 0,
  };
  if (intake.description !== undefined) record.description = intake.description;
  if (intake.reporter !== undefined) record.reporter = intake.reporter;
  if (intake.location !== undefined) record.location = intake.location;
  if (intake.attributes !== undefined) record.attributes = intake.attributes;
  if (dispatch.kind !== undefined) record.kind = dispatch.kind;
  if (dispatch.tags !== undefined) record.tags = dispatch.tags;
  return record;
}

const EMPTY: readonly never[] = Object.freeze([]);

function changed(
  before: CaseRecord,
  event: Exclude<CaseEvent, { type: 'cases.opened' }>,
): CaseRecord {
  const at = event.at;
  if (event.type === 'cases.followed_up') return followedUp(before, event);
  if (event.type === 'cases.escalated') return escalated(before, event);
  const next = copyRecord(before);
  next.updatedAt = at;
  switch (event.type) {
    case 'cases.accepted':
      next.status = 'in_progress';
      next.acceptedAt = at;
      next.acceptedBy = event.data.by;
      break;
    case 'cases.acted':
      next.actions = frozen([...before.actions, event.data.action]);
      break;
    case 'cases.extended': {
      const { until, reason, by } = event.data;
      const extension = Object.freeze({ from: before.dueAt, until, reason, by, at });
      next.extensions = frozen([...before.extensions, extension]);
      next.dueAt = until;
      break;
    }
    case 'cases.resolved':
      next.status = 'resolved';
      next.resolvedAt = at;
      next.resolvedBy = event.data.by;
      next.outcome = event.data.outcome;
      if (event.data.note !== undefined) next.resolutionNote = event.data.note;
      break;
    case 'cases.closed':
      next.status = 'closed';
      next.closedAt = at;
      break;
    case 'cases.marked_duplicate':
      next.status = 'duplicate';
      next.duplicateOf = event.data.of;
      next.duplicateAt = at;
      break;
  }
  return next;
}

function followedUp(
  before: CaseRecord,
  event: Extract<CaseEvent, { type: 'cases.followed_up' }>,
): CaseRecord {
  const { rating, comment, at, reopenDueAt } = event.data;
  const followUp = Object.freeze(comment === undefined ? { rating, at } : { rating, comment, at });
  // An unsatisfied answer: the case is redone from dispatch with a fresh deadline.
  const next = copyRecord(before, reopenDueAt === undefined ? 'none' : 'round');
  next.followUps = frozen([...before.followUps, followUp]);
  next.updatedAt = event.at;
  if (reopenDueAt !== undefined) {
    next.status = 'dispatched';
    next.dueAt = reopenDueAt;
    next.reopenedCount = before.reopenedCount + 1;
    next.round = before.round + 1;
  }
  return next;
}

function escalated(
  before: CaseRecord,
  event: Extract<CaseEvent, { type: 'cases.escalated' }>,
): CaseRecord {
  const { step, dueAt, round, tier, toTier, newDueAt, handlers, deadline } = event.data;
  const move = step === 'tier' && toTier !== undefined && newDueAt !== undefined;
  // A move up re-dispatches the case: the new tier's handlers accept it afresh, with a new
  // deadline and a new round of escalation.
  const next = copyRecord(before, move ? 'acceptance' : 'none');
  next.updatedAt = event.at;
  if (!move) {
    const entry = Object.freeze({ step, at: event.at, dueAt, round, tier });
    next.escalations = frozen([...before.escalations, entry]);
    return next;
  }
  const entry = Object.freeze({ step, at: event.at, dueAt, round, tier, toTier, newDueAt });
  next.escalations = frozen([...before.escalations, entry]);
  next.status = 'dispatched';
  next.tier = toTier;
  if (handlers !== undefined) next.handlers = handlers;
  if (deadline !== undefined) next.deadline = deadline;
  next.dueAt = newDueAt;
  next.round = before.round + 1;
  return next;
}
