// Folds case events into records. The live book and a replay both go through here, so a
// replay of the log gives the same records. Records are never mutated: a change makes a
// new record object.
import { LanewiseError } from '../errors.js';
import type { CaseEvent } from './events.js';
import { assertMove, type CaseMove } from './transitions.js';
import type { CaseRecord } from './types.js';

/** The state of a case book: records by id, in the order they were opened. */
export type CaseState = Map<string, CaseRecord>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A copy of `record` without the optional fields named. */
function omit(record: CaseRecord, keys: readonly (keyof CaseRecord)[]): Mutable<CaseRecord> {
  const copy: Mutable<CaseRecord> = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}

function existing(state: CaseState, id: string, event: CaseEvent): CaseRecord {
  const record = state.get(id);
  if (record === undefined) {
    throw new LanewiseError('NOT_FOUND', `event ${event.seq} (${event.type}) names unknown case ${id}`, {
      path: ['events', event.seq - 1, 'data', 'id'],
      details: { id, seq: event.seq },
    });
  }
  return record;
}

function opened(event: Extract<CaseEvent, { type: 'case.opened' }>): CaseRecord {
  const { intake, dispatch } = event.data;
  const record: Mutable<CaseRecord> = {
    ...intake,
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

function changed(before: CaseRecord, event: Exclude<CaseEvent, { type: 'case.opened' }>): CaseRecord {
  const at = event.at;
  switch (event.type) {
    case 'case.accepted':
      return {
        ...before,
        status: 'in_progress',
        acceptedAt: at,
        acceptedBy: event.data.by,
        updatedAt: at,
      };
    case 'case.acted':
      return { ...before, actions: [...before.actions, event.data.action], updatedAt: at };
    case 'case.extended': {
      const { until, reason, by } = event.data;
      const extension = { from: before.dueAt, until, reason, by, at };
      return { ...before, dueAt: until, extensions: [...before.extensions, extension], updatedAt: at };
    }
    case 'case.resolved': {
      const next: Mutable<CaseRecord> = {
        ...before,
        status: 'resolved',
        resolvedAt: at,
        resolvedBy: event.data.by,
        outcome: event.data.outcome,
        updatedAt: at,
      };
      if (event.data.note !== undefined) next.resolutionNote = event.data.note;
      else delete next.resolutionNote;
      return next;
    }
    case 'case.followed_up':
      return followedUp(before, event);
    case 'case.closed':
      return { ...before, status: 'closed', closedAt: at, updatedAt: at };
    case 'case.marked_duplicate':
      return {
        ...before,
        status: 'duplicate',
        duplicateOf: event.data.of,
        duplicateAt: at,
        updatedAt: at,
      };
    case 'case.escalated':
      return escalated(before, event);
  }
}

function followedUp(
  before: CaseRecord,
  event: Extract<CaseEvent, { type: 'case.followed_up' }>,
): CaseRecord {
  const { rating, comment, at, reopenDueAt } = event.data;
  const followUp = comment === undefined ? { rating, at } : { rating, comment, at };
  const followUps = [...before.followUps, followUp];
  if (reopenDueAt === undefined) return { ...before, followUps, updatedAt: event.at };
  // An unsatisfied answer: the case is redone from dispatch with a fresh deadline.
  const next = omit(before, ['acceptedAt', 'acceptedBy', 'resolvedAt', 'resolvedBy', 'outcome', 'resolutionNote']);
  next.status = 'dispatched';
  next.dueAt = reopenDueAt;
  next.followUps = followUps;
  next.reopenedCount = before.reopenedCount + 1;
  next.round = before.round + 1;
  next.updatedAt = event.at;
  return next;
}

function escalated(
  before: CaseRecord,
  event: Extract<CaseEvent, { type: 'case.escalated' }>,
): CaseRecord {
  const { step, dueAt, round, tier, toTier, newDueAt, handlers, deadline } = event.data;
  if (step !== 'tier' || toTier === undefined || newDueAt === undefined) {
    const escalation = { step, at: event.at, dueAt, round, tier };
    return { ...before, escalations: [...before.escalations, escalation], updatedAt: event.at };
  }
  // A move up re-dispatches the case: the new tier's handlers accept it afresh, with a new
  // deadline and a new round of escalation.
  const next = omit(before, ['acceptedAt', 'acceptedBy']);
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
  next.updatedAt = event.at;
  return next;
}
