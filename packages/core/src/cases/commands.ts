// The commands of the case life cycle and the checks behind them. A live call parses its input,
// builds the event's data and runs the check of that event type; a replay runs the same check
// on each event of the log, with the event's own `at` as the clock. Only then is the event
// applied: a refused command changes nothing.
import { LanewiseError, type ErrorPath } from '../errors/index.js';
import { invalidField, parseInput } from '../schemas/parse.js';
import { MS_PER_MINUTE } from '../time/constants.js';
import { instantMs } from '../time/parse.js';
import type { CaseRouter } from './case-router.js';
import { stepDone } from './escalation.js';
import { copyJson, defined, sameValue } from './json.js';
import {
  acceptCaseInputSchema,
  caseActionInputSchema,
  extendCaseInputSchema,
  followUpInputSchema,
  markDuplicateInputSchema,
  openCaseInputSchema,
  resolveCaseInputSchema,
} from './schemas.js';
import { assertMove } from './transitions.js';
import type {
  CaseDispatch,
  CaseEventData,
  CaseEventType,
  CaseIntake,
  CaseRecord,
} from './types.js';

/**
 * How far ahead of the clock a caller's instant (`receivedAt`, an action's `at`) may be: a
 * device whose clock runs a little fast is not refused, a date months ahead is.
 */
export const CLOCK_SKEW_MS = 5 * MS_PER_MINUTE;

/** What the commands read: the records, the router and the book's way of writing instants. */
export interface CommandContext {
  readonly state: ReadonlyMap<string, CaseRecord>;
  readonly router: CaseRouter;
  /** Writes epoch milliseconds as an ISO instant with the book's offset. */
  readonly format: (ms: number) => string;
  /** Writes an instant given as text (already checked) with the book's offset. */
  readonly write: (text: string) => string;
}

/** A live command's outcome: an event to append, or the record it left unchanged (a repeat). */
export type CommandResult<T extends CaseEventType> =
  { readonly data: CaseEventData<T> } | { readonly unchanged: CaseRecord };

function conflict(id: string, what: string, path: ErrorPath): LanewiseError {
  return new LanewiseError('ID_CONFLICT', `${what} ${id} exists with other content`, {
    path,
    details: { id },
  });
}

/** The record, or `NOT_FOUND` (with the path of the argument that named it). */
export function requireCase(
  state: ReadonlyMap<string, CaseRecord>,
  id: unknown,
  path: ErrorPath = ['id'],
): CaseRecord {
  const known = typeof id === 'string' ? state.get(id) : undefined;
  if (known !== undefined) return known;
  if (typeof id !== 'string' || id === '' || id.length > 200) {
    throw invalidField(path, 'must be a case id (1 to 200 characters)', 'type', {
      expected: 'string',
    });
  }
  throw new LanewiseError('NOT_FOUND', `no case with id ${id}`, { path, details: { id } });
}

function notAfterClock(ms: number, nowMs: number, path: ErrorPath): void {
  if (ms > nowMs + CLOCK_SKEW_MS) {
    throw invalidField(
      path,
      'must not be later than the clock (5 minutes of skew are allowed)',
      'after_clock',
    );
  }
}

// The checks, one per event type. They throw what a live call throws (paths relative to the
// command's input); a replay turns that into INVALID_LOG at the event.

/** A case may be opened once, received no later than the clock. */
export function checkOpened(ctx: CommandContext, intake: CaseIntake, nowMs: number): void {
  if (ctx.state.has(intake.id)) throw conflict(intake.id, 'case', ['id']);
  notAfterClock(instantMs(intake.receivedAt), nowMs, ['receivedAt']);
}

/** A dispatch names a tier of the rule set and a deadline not before the receipt. */
export function checkDispatch(
  ctx: CommandContext,
  intake: CaseIntake,
  dispatch: CaseDispatch,
): void {
  if (!ctx.router.hasTier(dispatch.tier)) {
    throw invalidField(['tier'], `${dispatch.tier} is not a tier of the rule set`);
  }
  if (instantMs(dispatch.dueAt) < instantMs(intake.receivedAt)) {
    throw invalidField(['dueAt'], 'must not be before the case was received');
  }
}

/** A follow-up: one per resolution, not dated before it. */
function checkFollowUpMove(record: CaseRecord, atMs: number): void {
  assertMove(record, 'followUp');
  // Each earlier round ended with one unsatisfied answer.
  if (record.followUps.length > record.reopenedCount) {
    throw new LanewiseError('INVALID_TRANSITION', `case ${record.id} was already followed up`, {
      details: { id: record.id, status: record.status, move: 'followUp' },
    });
  }
  if (record.resolvedAt !== undefined && atMs < instantMs(record.resolvedAt)) {
    throw invalidField(
      ['at'],
      `must not be before the resolution ${record.resolvedAt}`,
      'too_early',
      {
        limit: record.resolvedAt,
      },
    );
  }
}

type Check<T extends CaseEventType> = (
  ctx: CommandContext,
  record: CaseRecord,
  data: CaseEventData<T>,
  nowMs: number,
) => void;

/** The check of every event that changes an existing case, by event type. */
export const CHANGE_CHECKS: {
  readonly [T in Exclude<CaseEventType, 'cases.opened'>]: Check<T>;
} = {
  'cases.accepted': (_ctx, record) => assertMove(record, 'accept'),

  'cases.acted'(_ctx, record, { action }, nowMs) {
    assertMove(record, 'act');
    if (record.actions.some((logged) => logged.id === action.id)) {
      throw conflict(action.id, `action of case ${record.id}`, ['id']);
    }
    const atMs = instantMs(action.at);
    if (atMs < instantMs(record.receivedAt)) {
      throw invalidField(
        ['at'],
        `must not be before the case was received (${record.receivedAt})`,
        'too_early',
        { limit: record.receivedAt },
      );
    }
    notAfterClock(atMs, nowMs, ['at']);
  },

  'cases.extended'(_ctx, record, { until }, nowMs) {
    assertMove(record, 'extend');
    const dueMs = instantMs(record.dueAt);
    if (nowMs > dueMs) {
      throw new LanewiseError(
        'TOO_LATE',
        `case ${record.id} was due at ${record.dueAt}: too late to extend`,
        { details: { id: record.id, dueAt: record.dueAt } },
      );
    }
    if (instantMs(until) <= dueMs) {
      throw invalidField(['until'], `must be later than the deadline ${record.dueAt}`);
    }
  },

  'cases.resolved': (_ctx, record) => assertMove(record, 'resolve'),

  'cases.followed_up'(_ctx, record, { rating, at, reopenDueAt }, nowMs) {
    const atMs = instantMs(at);
    checkFollowUpMove(record, atMs);
    if ((rating === 'unsatisfied') !== (reopenDueAt !== undefined)) {
      throw invalidField(['reopenDueAt'], 'is given exactly when an unsatisfied answer reopens');
    }
    if (reopenDueAt !== undefined && instantMs(reopenDueAt) < Math.max(nowMs, atMs)) {
      throw invalidField(['reopenDueAt'], 'must not be before the reopening');
    }
  },

  'cases.closed': (_ctx, record) => assertMove(record, 'close'),

  'cases.marked_duplicate'(ctx, record, { of }) {
    const target = requireCase(ctx.state, of, ['of']);
    if (target.id === record.id) {
      throw invalidField(['of'], `case ${record.id} cannot duplicate itself`);
    }
    // Duplicates point at the original, so they never form chains.
    if (target.status === 'duplicate') {
      throw invalidField(['of'], `must name an original case, and ${of} is a duplicate`);
    }
    assertMove(record, 'markDuplicate');
  },

  'cases.escalated'(ctx, record, data, nowMs) {
    assertMove(record, 'escalate');
    const dueMs = instantMs(record.dueAt);
    if (instantMs(data.dueAt) !== dueMs) {
      throw invalidField(['dueAt'], `must be the case's deadline ${record.dueAt}`);
    }
    if (!(nowMs > dueMs)) throw invalidField(['dueAt'], 'the case was not late yet');
    if (data.round !== record.round) {
      throw invalidField(['round'], `must be the case's round ${record.round}`);
    }
    if (data.tier !== record.tier) {
      throw invalidField(['tier'], `must be the case's tier ${record.tier}`);
    }
    if (stepDone(record, data.step)) {
      throw invalidField(['step'], `${data.step} was already applied in round ${record.round}`);
    }
    if (data.step !== 'tier') return;
    const next = ctx.router.nextTier(record.tier);
    if (next === undefined || next.id !== data.toTier) {
      throw invalidField(
        ['toTier'],
        next === undefined
          ? `${record.tier} is the last tier (or unknown): there is no tier to move to`
          : `must be ${next.id}, the tier after ${record.tier}`,
      );
    }
    if (data.newDueAt === undefined || instantMs(data.newDueAt) < nowMs) {
      throw invalidField(['newDueAt'], 'must not be before the move');
    }
  },
};

// The live commands: parse, build the event's data in the book's zone, check.

/** The fields of a record that came from its intake, to compare a repeated `open`. */
function intakeOf(record: CaseRecord): CaseIntake {
  const { id, category, title, description, receivedAt, channel, reporter, location, attributes } =
    record;
  return defined({
    id,
    category,
    title,
    description,
    receivedAt,
    channel,
    reporter,
    location,
    attributes,
  });
}

/** `open`: the intake, routed and dispatched. */
export function openCommand(
  ctx: CommandContext,
  input: unknown,
  nowMs: number,
): CommandResult<'cases.opened'> {
  const parsed = parseInput(openCaseInputSchema, input);
  const intake: CaseIntake = defined({
    ...parsed,
    receivedAt: ctx.write(parsed.receivedAt),
    reporter: parsed.reporter && defined(parsed.reporter),
    location: parsed.location && defined(parsed.location),
    // A deep copy: the caller may go on changing its own object.
    attributes: parsed.attributes && copyJson(parsed.attributes),
  });
  const existing = ctx.state.get(intake.id);
  if (existing !== undefined) {
    if (sameValue(intakeOf(existing), intake)) return { unchanged: existing };
    throw conflict(intake.id, 'case', ['id']);
  }
  checkOpened(ctx, intake, nowMs);
  const dispatch = ctx.router.dispatch(intake);
  checkDispatch(ctx, intake, dispatch);
  return { data: { intake, dispatch } };
}

/** `accept`. */
export function acceptCommand(
  ctx: CommandContext,
  record: CaseRecord,
  input: unknown,
  nowMs: number,
): CommandResult<'cases.accepted'> {
  const { by } = parseInput(acceptCaseInputSchema, input);
  const data = { id: record.id, by };
  CHANGE_CHECKS['cases.accepted'](ctx, record, data, nowMs);
  return { data };
}

/** `act`: the action id is the idempotency key. */
export function actCommand(
  ctx: CommandContext,
  record: CaseRecord,
  input: unknown,
  nowMs: number,
): CommandResult<'cases.acted'> {
  const parsed = parseInput(caseActionInputSchema, input);
  const action = defined({ ...parsed, at: ctx.write(parsed.at) });
  const logged = record.actions.find((entry) => entry.id === action.id);
  if (logged !== undefined) {
    if (sameValue(logged, action)) return { unchanged: record };
    throw conflict(action.id, `action of case ${record.id}`, ['id']);
  }
  const data = { id: record.id, action };
  CHANGE_CHECKS['cases.acted'](ctx, record, data, nowMs);
  return { data };
}

/** `extend`. */
export function extendCommand(
  ctx: CommandContext,
  record: CaseRecord,
  input: unknown,
  nowMs: number,
): CommandResult<'cases.extended'> {
  const parsed = parseInput(extendCaseInputSchema, input);
  const data = {
    id: record.id,
    until: ctx.write(parsed.until),
    reason: parsed.reason,
    by: parsed.by,
  };
  CHANGE_CHECKS['cases.extended'](ctx, record, data, nowMs);
  return { data };
}

/** `resolve`. */
export function resolveCommand(
  ctx: CommandContext,
  record: CaseRecord,
  input: unknown,
  nowMs: number,
): CommandResult<'cases.resolved'> {
  const parsed = parseInput(resolveCaseInputSchema, input);
  const data = defined({ id: record.id, ...parsed });
  CHANGE_CHECKS['cases.resolved'](ctx, record, data, nowMs);
  return { data };
}

/** `followUp`: an unsatisfied answer reopens the case with a fresh deadline. */
export function followUpCommand(
  ctx: CommandContext,
  record: CaseRecord,
  input: unknown,
  nowMs: number,
): CommandResult<'cases.followed_up'> {
  const parsed = parseInput(followUpInputSchema, input);
  const at = ctx.write(parsed.at);
  const base = defined({ id: record.id, rating: parsed.rating, comment: parsed.comment, at });
  // Checked before the deadline is counted: a refused follow-up counts nothing.
  checkFollowUpMove(record, instantMs(at));
  // Redone: a fresh deadline of the same length, counted from the reopening.
  const reopenedMs = Math.max(nowMs, instantMs(at));
  const data =
    parsed.rating === 'unsatisfied'
      ? { ...base, reopenDueAt: ctx.router.deadline(reopenedMs, record.deadline, ['at']) }
      : base;
  CHANGE_CHECKS['cases.followed_up'](ctx, record, data, nowMs);
  return { data };
}

/** `close`. */
export function closeCommand(
  ctx: CommandContext,
  record: CaseRecord,
  nowMs: number,
): CommandResult<'cases.closed'> {
  const data = { id: record.id };
  CHANGE_CHECKS['cases.closed'](ctx, record, data, nowMs);
  return { data };
}

/** `markDuplicate`: always points at the original of a chain. */
export function markDuplicateCommand(
  ctx: CommandContext,
  record: CaseRecord,
  input: unknown,
  nowMs: number,
): CommandResult<'cases.marked_duplicate'> {
  const { of } = parseInput(markDuplicateInputSchema, input);
  const target = requireCase(ctx.state, of, ['of']);
  const data = { id: record.id, of: target.duplicateOf ?? target.id };
  CHANGE_CHECKS['cases.marked_duplicate'](ctx, record, data, nowMs);
  return { data };
}
