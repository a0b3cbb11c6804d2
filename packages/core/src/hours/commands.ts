// The checks of every command, before it writes: the rules of the hour ledger, in one place.
// Live calls run them on parsed input with the clock's now; replay runs them on each event's
// data with the event's instant, so a log passes exactly when live calls could have written it.
import { LanewiseError } from '../errors/error.js';
import { MS_PER_MINUTE } from '../time/constants.js';
import { creditFor } from './policy.js';
import { APPROVED, PENDING } from './store/entry-table.js';
import {
  activityOf,
  bookOf,
  findBook,
  rowOf,
  statusOf,
  volunteerOf,
  type HoursState,
} from './store/state.js';
import type { HourEntryDraft, ResolvedHoursPolicy } from './types.js';

/** What the checks read. */
export interface CommandContext {
  readonly state: HoursState;
  readonly policy: ResolvedHoursPolicy;
}

/** Same content: the same instants (whatever the offset written) and the same fields. */
function sameDraft(
  state: HoursState,
  row: number,
  draft: HourEntryDraft,
  startMs: number,
  endMs: number,
): boolean {
  const { table } = state;
  const tags = table.tagsOf(row);
  return (
    volunteerOf(state, row) === draft.volunteerId &&
    activityOf(state, row) === draft.activityId &&
    table.startMs(row) === startMs &&
    table.endMs(row) === endMs &&
    table.recordedBy(row) === draft.recordedBy &&
    table.note(row) === draft.note &&
    tags.length === draft.tags.length &&
    tags.every((tag, index) => tag === draft.tags[index])
  );
}

function idConflict(id: string): LanewiseError {
  return new LanewiseError('ID_CONFLICT', `entry ${id} exists with other content`, {
    path: ['id'],
    details: { id },
  });
}

/**
 * The checks every new entry passes: end after start, not longer than the policy allows, not
 * after `nowMs`, no overlap with a live entry of the volunteer (other than `replacing`).
 */
function checkNewEntry(
  context: CommandContext,
  draft: HourEntryDraft,
  startMs: number,
  endMs: number,
  nowMs: number,
  replacing: number,
  format: (ms: number) => string,
): void {
  if (endMs <= startMs) {
    throw new LanewiseError('INVALID_INPUT', 'end: must be after start', {
      path: ['end'],
      details: {
        issues: [{ path: ['end'], message: 'must be after start', reason: 'invalid', params: {} }],
      },
    });
  }
  const durationMinutes = Math.floor((endMs - startMs) / MS_PER_MINUTE);
  const limit = context.policy.maxMinutesPerEntry;
  if (durationMinutes > limit) {
    throw new LanewiseError('DURATION_LIMIT', `${durationMinutes} minutes is over ${limit}`, {
      path: ['end'],
      details: { durationMinutes, maxMinutesPerEntry: limit },
    });
  }
  if (endMs > nowMs) {
    throw new LanewiseError('FUTURE_ENTRY', 'end: is after now', {
      path: ['end'],
      details: { now: format(nowMs) },
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

/** The row of an entry; `NOT_FOUND` when there is none. */
export function requireRow(state: HoursState, id: string): number {
  const row = rowOf(state, id);
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

/**
 * `record`: the row of a stored entry that this one repeats (a retry, which writes nothing),
 * or -1 when the entry passes every check and may be written. `ID_CONFLICT` for the same id
 * with other content.
 */
export function checkRecord(
  context: CommandContext,
  draft: HourEntryDraft,
  startMs: number,
  endMs: number,
  nowMs: number,
  format: (ms: number) => string,
): number {
  const { state } = context;
  const existing = rowOf(state, draft.id);
  if (existing >= 0) {
    if (
      state.table.corrects(existing) === undefined &&
      sameDraft(state, existing, draft, startMs, endMs)
    ) {
      return existing;
    }
    throw idConflict(draft.id);
  }
  checkNewEntry(context, draft, startMs, endMs, nowMs, -1, format);
  return -1;
}

/**
 * `approve`: checks that the entry is pending and that `by` may approve it, and returns the
 * minutes it credits: the duration rounded down to the unit, capped per activity, then by
 * what is left of the volunteer's day.
 */
export function checkApprove(context: CommandContext, row: number, by: string): number {
  const { state, policy } = context;
  requireStatus(state, row, 'approve', PENDING);
  const { table } = state;
  const book = bookOf(state, row);
  const id = table.id(row);
  if (by === book.id) {
    throw new LanewiseError('SELF_APPROVAL', `${by} cannot approve their own hours`, {
      path: ['by'],
      details: { id, by, role: 'volunteer' },
    });
  }
  if (policy.approval === 'second-person' && by === table.recordedBy(row)) {
    throw new LanewiseError('SELF_APPROVAL', `${by} recorded entry ${id} and cannot approve it`, {
      path: ['by'],
      details: { id, by, role: 'recorder' },
    });
  }
  const creditedThatDay =
    policy.maxMinutesPerDay === null ? 0 : book.creditedOnDayOf(table.startMs(row), row);
  return creditFor(policy, table.durationMinutes(row), creditedThatDay);
}

/** `reject` (from pending) or `revoke` (from approved). */
export function checkClose(
  context: CommandContext,
  row: number,
  action: 'reject' | 'revoke',
): void {
  requireStatus(context.state, row, action, action === 'reject' ? PENDING : APPROVED);
}

/**
 * `correct`: the row of a stored correction that this one repeats (same new entry, same old
 * one, same reason), or -1 when the old entry is live and the new one passes the checks of
 * `record` (overlap with the old one aside).
 */
export function checkCorrect(
  context: CommandContext,
  row: number,
  draft: HourEntryDraft,
  startMs: number,
  endMs: number,
  reason: string,
  nowMs: number,
  format: (ms: number) => string,
): number {
  const { state } = context;
  const existing = rowOf(state, draft.id);
  if (existing >= 0) {
    const repeat =
      state.table.corrects(existing) === state.table.id(row) &&
      state.table.closure(row)?.reason === reason &&
      sameDraft(state, existing, draft, startMs, endMs);
    if (repeat) return existing;
    throw idConflict(draft.id);
  }
  requireStatus(state, row, 'correct', PENDING, APPROVED);
  checkNewEntry(context, draft, startMs, endMs, nowMs, row, format);
  return -1;
}
