// Folds case events into records. The live book and a replay both go through here, so a
// replay of the log gives the same records. Records are never mutated: a change makes a
// new record object.
import { LanewiseError } from '../errors.js';
import type { CaseEvent } from './events.js';
import { copyRecord, type DraftRecord } from './record-copy.js';
import { assertMove, type CaseMove } from './transitions.js';
import type { CaseRecord } from './types.js';

/** The state of a case book: records by id, in the order they were opened. */
export type CaseState = Map<string, CaseRecord>;

function existing(state: CaseState, id: string, event: CaseEvent): CaseRecord {
  const record = state.get(id);
  if (record === undefined) {
    throw new LanewiseError(
      'NOT_FOUND',
      `event ${event.seq} (${event.type}) names unknown case ${id}`,
      {
        path: ['events', event.seq - 1, 'data', 'id'],
        details: { id, seq: event.seq },
      },
    );
  }
  return record;
}

function opened(event: Extract<CaseEvent, { type: 'case.opened' }>): CaseRecord {
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
    followUps: [],
    actions: [],
    escalations: [],
    extensions: [],
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

const MOVE_OF: { readonly [T in Exclude<CaseEvent['type'], 'case.opened'>]: CaseMove } = {
  'case.accepted': 'accept',
  'case.acted': 'act',
  'case.extended': 'extend',
  'case.resolved': 'resolve',
  'case.followed_up': 'followUp',
  'case.closed': 'close',
  'case.marked_duplicate': 'markDuplicate',
  'case.escalated': 'escalate',
};

/** Applies one event to the state (the map is updated in place; records are replaced). */
export function applyCaseEvent(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'case.opened') {
    const id = event.data.intake.id;
    if (state.has(id)) {
      throw new LanewiseError('ID_CONFLICT', `event ${event.seq} opens case ${id} a second time`, {
        path: ['events', event.seq - 1, 'data', 'intake', 'id'],
        details: { id, seq: event.seq },
      });
    }
    state.set(id, opened(event));
    return state;
  }
  const before = existing(state, event.data.id, event);
  // The live book checked the move already; this catches a log that was tampered with.
  assertMove(before, MOVE_OF[event.type]);
  state.set(before.id, changed(before, event));
  return state;
}

function changed(
  before: CaseRecord,
  event: Exclude<CaseEvent, { type: 'case.opened' }>,
): CaseRecord {
  const at = event.at;
  if (event.type === 'case.followed_up') return followedUp(before, event);
  if (event.type === 'case.escalated') return escalated(before, event);
  const next = copyRecord(before);
  next.updatedAt = at;
  switch (event.type) {
    case 'case.accepted':
      next.status = 'in_progress';
      next.acceptedAt = at;
      next.acceptedBy = event.data.by;
      break;
    case 'case.acted':
      next.actions = [...before.actions, event.data.action];
      break;
    case 'case.extended': {
      const { until, reason, by } = event.data;
      next.extensions = [...before.extensions, { from: before.dueAt, until, reason, by, at }];
      next.dueAt = until;
      break;
    }
    case 'case.resolved':
      next.status = 'resolved';
      next.resolvedAt = at;
      next.resolvedBy = event.data.by;
      next.outcome = event.data.outcome;
      if (event.data.note !== undefined) next.resolutionNote = event.data.note;
      break;
    case 'case.closed':
      next.status = 'closed';
      next.closedAt = at;
      break;
    case 'case.marked_duplicate':
      next.status = 'duplicate';
      next.duplicateOf = event.data.of;
      next.duplicateAt = at;
      break;
  }
  return next;
}

function followedUp(
  before: CaseRecord,
  event: Extract<CaseEvent, { type: 'case.followed_up' }>,
): CaseRecord {
  const { rating, comment, at, reopenDueAt } = event.data;
  const followUp = comment === undefined ? { rating, at } : { rating, comment, at };
  // An unsatisfied answer: the case is redone from dispatch with a fresh deadline.
  const next = copyRecord(before, reopenDueAt === undefined ? 'none' : 'round');
  next.followUps = [...before.followUps, followUp];
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
  event: Extract<CaseEvent, { type: 'case.escalated' }>,
): CaseRecord {
  const { step, dueAt, round, tier, toTier, newDueAt, handlers, deadline } = event.data;
  const move = step === 'tier' && toTier !== undefined && newDueAt !== undefined;
  // A move up re-dispatches the case: the new tier's handlers accept it afresh, with a new
  // deadline and a new round of escalation.
  const next = copyRecord(before, move ? 'acceptance' : 'none');
  next.updatedAt = event.at;
  if (!move) {
    next.escalations = [...before.escalations, { step, at: event.at, dueAt, round, tier }];
    return next;
  }
  next.escalations = [
    ...before.escalations,
    { step, at: event.at, dueAt, round, tier, toTier, newDueAt },
  ];
  next.status = 'dispatched';
  next.tier = toTier;
  if (handlers !== undefined) next.handlers = handlers;
  if (deadline !== undefined) next.deadline = deadline;
  next.dueAt = newDueAt;
  next.round = before.round + 1;
  return next;
}
