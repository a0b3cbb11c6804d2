import type { Clock } from '../clock.js';
import { LanewiseError } from '../errors.js';
import { idSchema, parseInput } from '../schemas/index.js';
import { draftOf } from './draft.js';
import { fastApproveBy, fastCloseInput, fastRecordDraft, isId } from './fast-input.js';
import { creditFor } from './policy.js';
import {
  approveHoursSchema,
  closeHoursSchema,
  correctHoursSchema,
  recordHoursSchema,
} from './schemas.js';
import { findBook, instantMs, rowOf, type HoursState } from './state.js';
import type { HourEntry, HourEntryDraft, HoursEvent, ResolvedHoursPolicy } from './types.js';

/**
 * Writes a move that passed every check: appends its event, applies it, and returns the
 * entry it touched. `before` is the entry the move starts from (none for a new record).
 */
export type HoursWrite = <T extends HoursEvent['type']>(
  type: T,
  data: Extract<HoursEvent, { type: T }>['data'],
  before: HourEntry | undefined,
) => HourEntry;

/** What the checks of a move need, and where a checked move goes. */
export interface PlanContext {
  readonly state: HoursState;
  readonly policy: ResolvedHoursPolicy;
  readonly now: Clock;
  readonly write: HoursWrite;
}

/** Same content: the same instants (whatever the offset written) and the same fields. */
function sameDraft(entry: HourEntry, draft: HourEntryDraft): boolean {
  return (
    entry.volunteerId === draft.volunteerId &&
    entry.activityId === draft.activityId &&
    instantMs(entry.start) === instantMs(draft.start) &&
    instantMs(entry.end) === instantMs(draft.end) &&
    entry.recordedBy === draft.recordedBy &&
    entry.note === draft.note &&
    entry.tags.length === draft.tags.length &&
    entry.tags.every((tag, index) => tag === draft.tags[index])
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
    const overlapping = context.state.entries[row]!.id;
    throw new LanewiseError('OVERLAP', `overlaps entry ${overlapping}`, {
      path: ['start'],
      details: { with: overlapping },
    });
  }
}

function parseId(id: unknown): string {
  return isId(id) ? id : parseInput(idSchema, id, ['id']);
}

/** The current version of an entry; NOT_FOUND when there is none. */
function entryFor(context: PlanContext, id: string): HourEntry {
  const row = rowOf(context.state, id);
  if (row < 0) {
    throw new LanewiseError('NOT_FOUND', `no hour entry ${id}`, { path: ['id'], details: { id } });
  }
  return context.state.entries[row]!;
}

/** The stored entry with this id, or undefined. */
function stored(context: PlanContext, id: string): HourEntry | undefined {
  const row = rowOf(context.state, id);
  return row < 0 ? undefined : context.state.entries[row];
}

/** Throws unless the entry is in `allowed` (or `alsoAllowed`); two parameters, no rest array. */
function requireStatus(
  entry: HourEntry,
  action: string,
  allowed: HourEntry['status'],
  alsoAllowed?: HourEntry['status'],
): void {
  const status = entry.status;
  if (status !== allowed && status !== alsoAllowed) {
    throw new LanewiseError(
      'INVALID_TRANSITION',
      `cannot ${action} entry ${entry.id}: it is ${status}`,
      { details: { id: entry.id, status, action } },
    );
  }
}

/** Checks `record`, and writes it unless it repeats a stored entry. */
export function planRecord(context: PlanContext, input: unknown): HourEntry {
  const draft = fastRecordDraft(input) ?? draftOf(parseInput(recordHoursSchema, input));
  const existing = stored(context, draft.id);
  if (existing) {
    if (existing.corrects === undefined && sameDraft(existing, draft)) {
      return existing;
    }
    throw new LanewiseError('ID_CONFLICT', `entry ${draft.id} exists with other content`, {
      path: ['id'],
      details: { id: draft.id },
    });
  }
  checkDraft(context, draft);
  return context.write('hours.recorded', draft, undefined);
}

/** Checks `approve`, works out the credited minutes, and writes it. */
export function planApprove(context: PlanContext, id: unknown, input: unknown): HourEntry {
  const entryId = parseId(id);
  const by = fastApproveBy(input) ?? parseInput(approveHoursSchema, input).by;
  const entry = entryFor(context, entryId);
  requireStatus(entry, 'approve', 'pending');
  const { state } = context;
  if (by === entry.volunteerId) {
    throw new LanewiseError('SELF_APPROVAL', `${by} cannot approve their own hours`, {
      path: ['by'],
      details: { id: entryId },
    });
  }
  const book =
    context.policy.maxMinutesPerDay === null ? undefined : findBook(state, entry.volunteerId);
  const row = rowOf(state, entryId);
  const creditedThatDay = book ? book.creditedOnDayOf(state.starts[row]!, row) : 0;
  const creditedMinutes = creditFor(context.policy, entry.durationMinutes, creditedThatDay);
  return context.write('hours.approved', { id: entryId, by, creditedMinutes }, entry);
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
  const entry = entryFor(context, entryId);
  requireStatus(entry, action, action === 'reject' ? 'pending' : 'approved');
  const type = action === 'reject' ? 'hours.rejected' : 'hours.revoked';
  return context.write(type, { id: entryId, by, reason }, entry);
}

/**
 * Checks `correct` (the old entry must be live, the new one must pass the checks of
 * `record`), and writes it unless it repeats a stored correction.
 */
export function planCorrect(context: PlanContext, id: unknown, input: unknown): HourEntry {
  const entryId = parseId(id);
  const parsed = parseInput(correctHoursSchema, input);
  const old = entryFor(context, entryId);
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
  const existing = stored(context, draft.id);
  if (existing) {
    const repeat =
      existing.corrects === entryId && old.reason === parsed.reason && sameDraft(existing, draft);
    if (repeat) return existing;
    throw new LanewiseError('ID_CONFLICT', `entry ${draft.id} exists with other content`, {
      path: ['id'],
      details: { id: draft.id },
    });
  }
  requireStatus(old, 'correct', 'pending', 'approved');
  checkDraft(context, draft, rowOf(context.state, entryId));
  const data = { id: entryId, by: parsed.by, reason: parsed.reason, entry: draft };
  return context.write('hours.corrected', data, old);
}
