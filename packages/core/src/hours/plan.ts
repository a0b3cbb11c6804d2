import type { Clock } from '../clock.js';
import { LanewiseError } from '../errors.js';
import { idSchema, parseInput } from '../schemas/index.js';
import { draftOf } from './draft.js';
import { APPROVED, PENDING } from './entry-table.js';
import { fastApproveBy, fastCloseInput, fastRecordDraft, isId } from './fast-input.js';
import { creditFor } from './policy.js';
import {
  approveHoursSchema,
  closeHoursSchema,
  correctHoursSchema,
  recordHoursSchema,
} from './schemas.js';
import {
  activityOf,
  bookOf,
  findBook,
  instantMs,
  rowOf,
  statusOf,
  volunteerOf,
  type HoursState,
} from './state.js';
import type { HourEntry, HourEntryDraft, ResolvedHoursPolicy } from './types.js';

/**
 * Writes moves that passed every check (see `createMoves`): each applies itself, logs its
 * event, and returns the entry it touched (the new one for a correction). Entries are given
 * by row.
 */
export interface HoursMoves {
  record(draft: HourEntryDraft): HourEntry;
  approve(row: number, by: string, creditedMinutes: number): HourEntry;
  close(
    type: 'hours.rejected' | 'hours.revoked',
    row: number,
    by: string,
    reason: string,
  ): HourEntry;
  correct(row: number, by: string, reason: string, draft: HourEntryDraft): HourEntry;
  /** The entry of a row as it stands, returned by a move that repeats an earlier one. */
  current(row: number): HourEntry;
  /** The entry of a row as it stands, to read its fields (not kept). */
  peek(row: number): HourEntry;
}

/** What the checks of a move need, and where a checked move goes. */
export interface PlanContext {
  readonly state: HoursState;
  readonly policy: ResolvedHoursPolicy;
  readonly now: Clock;
  readonly moves: HoursMoves;
}

/** Same content: the same instants (whatever the offset written) and the same fields. */
function sameDraft(state: HoursState, row: number, draft: HourEntryDraft): boolean {
  const { table } = state;
  const tags = table.tagsOf(row);
  return (
    volunteerOf(state, row) === draft.volunteerId &&
    activityOf(state, row) === draft.activityId &&
    table.startMs(row) === instantMs(draft.start) &&
    instantMs(table.end(row)) === instantMs(draft.end) &&
    table.recordedBy(row) === draft.recordedBy &&
    table.note(row) === draft.note &&
    tags.length === draft.tags.length &&
    tags.every((tag, index) => tag === draft.tags[index])
  );
}

/** The checks every new entry passes: order of the instants, length, not in the future, no overlap. */
function checkDraft(context: PlanContext, draft: HourEntryDraft, replacing = -1): void {
  const startMs = instantMs(draft.start);
  const endMs = instantMs(draft.end);
  if (endMs <= startMs) {
    throw new LanewiseError('INVALID_INPUT', 'end: must be after start', { path: ['end'] });
  }
  const durationMinutes = Math.floor((endMs - startMs) / 60_000);
  const limit = context.policy.maxMinutesPerEntry;
  if (durationMinutes > limit) {
    throw new LanewiseError('DURATION_LIMIT', `${durationMinutes} minutes is over ${limit}`, {
      path: ['end'],
      details: { durationMinutes, maxMinutesPerEntry: limit },
    });
  }
  const now = context.now().getTime();
  if (endMs > now) {
    throw new LanewiseError('FUTURE_ENTRY', 'end: is after now', {
      path: ['end'],
      details: { now: new Date(now).toISOString() },
    });
  }
  const book = findBook(context.state, draft.volunteerId);
  const row = book ? book.findOverlap(startMs, endMs, replacing) : -1;
  if (row >= 0) {
    const overlapping = context.state.table.id(row);
    throw new LanewiseError('OVERLAP', `overlaps entry ${overlapping}`, {
      path: ['start'],
      details: { with: overlapping },
    });
  }
}

function parseId(id: unknown): string {
  return isId(id) ? id : parseInput(idSchema, id, ['id']);
}

/** The row of an entry; NOT_FOUND when there is none. */
function rowFor(context: PlanContext, id: string): number {
  const row = rowOf(context.state, id);
  if (row < 0) {
    throw new LanewiseError('NOT_FOUND', `no hour entry ${id}`, { path: ['id'], details: { id } });
  }
  return row;
}

/** Throws unless the row's status is `allowed` (or `alsoAllowed`); two parameters, no rest array. */
function requireStatus(
  state: HoursState,
  row: number,
  action: string,
  allowed: number,
  alsoAllowed = allowed,
): void {
  const code = state.table.status(row);
  if (code !== allowed && code !== alsoAllowed) {
    const id = state.table.id(row);
    const status = statusOf(state, row);
    throw new LanewiseError('INVALID_TRANSITION', `cannot ${action} entry ${id}: it is ${status}`, {
      details: { id, status, action },
    });
  }
}

/** Checks `record`, and writes it unless it repeats a stored entry. */
export function planRecord(context: PlanContext, input: unknown): HourEntry {
  const draft = fastRecordDraft(input) ?? draftOf(parseInput(recordHoursSchema, input));
  const { state } = context;
  const existing = rowOf(state, draft.id);
  if (existing >= 0) {
    if (state.table.corrects(existing) === undefined && sameDraft(state, existing, draft)) {
      return context.moves.current(existing);
    }
    throw new LanewiseError('ID_CONFLICT', `entry ${draft.id} exists with other content`, {
      path: ['id'],
      details: { id: draft.id },
    });
  }
  checkDraft(context, draft);
  return context.moves.record(draft);
}

/** Checks `approve`, works out the credited minutes, and writes it. */
export function planApprove(context: PlanContext, id: unknown, input: unknown): HourEntry {
  const entryId = parseId(id);
  const by = fastApproveBy(input) ?? parseInput(approveHoursSchema, input).by;
  const { state } = context;
  const row = rowFor(context, entryId);
  requireStatus(state, row, 'approve', PENDING);
  const { table } = state;
  const book = bookOf(state, row);
  if (by === book.id) {
    throw new LanewiseError('SELF_APPROVAL', `${by} cannot approve their own hours`, {
      path: ['by'],
      details: { id: entryId },
    });
  }
  const creditedThatDay =
    context.policy.maxMinutesPerDay === null ? 0 : book.creditedOnDayOf(table.startMs(row), row);
  const creditedMinutes = creditFor(context.policy, table.durationMinutes(row), creditedThatDay);
  return context.moves.approve(row, by, creditedMinutes);
}

/** Checks `reject` (from pending) or `revoke` (from approved), and writes it. */
export function planClose(
  context: PlanContext,
  action: 'reject' | 'revoke',
  id: unknown,
  input: unknown,
): HourEntry {
  const entryId = parseId(id);
  const { by, reason } = fastCloseInput(input) ?? parseInput(closeHoursSchema, input);
  const row = rowFor(context, entryId);
  requireStatus(context.state, row, action, action === 'reject' ? PENDING : APPROVED);
  const type = action === 'reject' ? 'hours.rejected' : 'hours.revoked';
  return context.moves.close(type, row, by, reason);
}

/**
 * Checks `correct` (the old entry must be live, the new one must pass the checks of
 * `record`), and writes it unless it repeats a stored correction.
 */
export function planCorrect(context: PlanContext, id: unknown, input: unknown): HourEntry {
  const entryId = parseId(id);
  const parsed = parseInput(correctHoursSchema, input);
  const { state } = context;
  const row = rowFor(context, entryId);
  const old = context.moves.peek(row);
  const draft = draftOf({
    id: parsed.id,
    volunteerId: old.volunteerId,
    activityId: parsed.activityId ?? old.activityId,
    start: parsed.start ?? old.start,
    end: parsed.end ?? old.end,
    recordedBy: parsed.by,
    note: parsed.note ?? old.note,
    tags: parsed.tags ?? old.tags,
  });
  const existing = rowOf(state, draft.id);
  if (existing >= 0) {
    const repeat =
      state.table.corrects(existing) === entryId &&
      old.reason === parsed.reason &&
      sameDraft(state, existing, draft);
    if (repeat) return context.moves.current(existing);
    throw new LanewiseError('ID_CONFLICT', `entry ${draft.id} exists with other content`, {
      path: ['id'],
      details: { id: draft.id },
    });
  }
  requireStatus(state, row, 'correct', PENDING, APPROVED);
  checkDraft(context, draft, row);
  return context.moves.correct(row, parsed.by, parsed.reason, draft);
}
