import type { Clock } from '../clock.js';
import { LanewiseError } from '../errors.js';
import { idSchema, parseInput } from '../schemas/index.js';
import { fastApproveInput, fastCloseInput, fastRecordInput, isId } from './fast-input.js';
import { creditFor } from './policy.js';
import {
  approveHoursSchema,
  closeHoursSchema,
  correctHoursSchema,
  recordHoursSchema,
} from './schemas.js';
import { instantMs, type EntrySlot, type HoursState } from './state.js';
import type { HourEntry, HourEntryDraft, HoursEvent, ResolvedHoursPolicy } from './types.js';

/** What the checks of a move need. */
export interface PlanContext {
  readonly state: HoursState;
  readonly policy: ResolvedHoursPolicy;
  readonly now: Clock;
}

/** A move that passed every check: the event to append, or the stored entry of a repeat. */
export type HoursPlan =
  | {
      readonly kind: 'event';
      readonly type: HoursEvent['type'];
      readonly data: HoursEvent['data'];
      /** The entry the move starts from (none for a new record). */
      readonly before: HourEntry | undefined;
    }
  | { readonly kind: 'repeat'; readonly entry: HourEntry };

const EMPTY_TAGS: readonly string[] = Object.freeze([]);

function draftOf(fields: {
  id: string;
  volunteerId: string;
  activityId: string;
  start: string;
  end: string;
  recordedBy: string;
  note?: string | undefined;
  tags?: readonly string[] | undefined;
}): HourEntryDraft {
  const tags = fields.tags && fields.tags.length > 0 ? Object.freeze([...fields.tags]) : EMPTY_TAGS;
  // Two literal shapes rather than a conditional spread: this runs once per recorded entry.
  if (fields.note === undefined) {
    return Object.freeze({
      id: fields.id,
      volunteerId: fields.volunteerId,
      activityId: fields.activityId,
      start: fields.start,
      end: fields.end,
      recordedBy: fields.recordedBy,
      tags,
    });
  }
  return Object.freeze({
    id: fields.id,
    volunteerId: fields.volunteerId,
    activityId: fields.activityId,
    start: fields.start,
    end: fields.end,
    recordedBy: fields.recordedBy,
    note: fields.note,
    tags,
  });
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
function checkDraft(context: PlanContext, draft: HourEntryDraft, replacing?: string): void {
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
  const overlapping = context.state.volunteers
    .get(draft.volunteerId)
    ?.live.findOverlap(startMs, endMs, replacing);
  if (overlapping !== undefined) {
    throw new LanewiseError('OVERLAP', `overlaps entry ${overlapping}`, {
      path: ['start'],
      details: { with: overlapping },
    });
  }
}

function parseId(id: unknown): string {
  return isId(id) ? id : parseInput(idSchema, id, ['id']);
}

function slotFor(context: PlanContext, id: string): EntrySlot {
  const slot = context.state.entries.get(id);
  if (!slot) {
    throw new LanewiseError('NOT_FOUND', `no hour entry ${id}`, { path: ['id'], details: { id } });
  }
  return slot;
}

/** Throws unless the entry is in `allowed` (or `alsoAllowed`); two parameters, no rest array. */
function requireStatus(
  slot: EntrySlot,
  action: string,
  allowed: HourEntry['status'],
  alsoAllowed?: HourEntry['status'],
): void {
  const status = slot.entry.status;
  if (status !== allowed && status !== alsoAllowed) {
    throw new LanewiseError(
      'INVALID_TRANSITION',
      `cannot ${action} entry ${slot.entry.id}: it is ${slot.entry.status}`,
      { details: { id: slot.entry.id, status: slot.entry.status, action } },
    );
  }
}

/** Checks `record`. */
export function planRecord(context: PlanContext, input: unknown): HoursPlan {
  const parsed = fastRecordInput(input) ?? parseInput(recordHoursSchema, input);
  const draft = draftOf(parsed);
  const existing = context.state.entries.get(draft.id)?.entry;
  if (existing) {
    if (existing.corrects === undefined && sameDraft(existing, draft)) {
      return { kind: 'repeat', entry: existing };
    }
    throw new LanewiseError('ID_CONFLICT', `entry ${draft.id} exists with other content`, {
      path: ['id'],
      details: { id: draft.id },
    });
  }
  checkDraft(context, draft);
  return { kind: 'event', type: 'hours.recorded', data: draft, before: undefined };
}

/** Checks `approve` and works out the credited minutes. */
export function planApprove(context: PlanContext, id: unknown, input: unknown): HoursPlan {
  const entryId = parseId(id);
  const { by } = fastApproveInput(input) ?? parseInput(approveHoursSchema, input);
  const slot = slotFor(context, entryId);
  requireStatus(slot, 'approve', 'pending');
  const entry = slot.entry;
  if (by === entry.volunteerId) {
    throw new LanewiseError('SELF_APPROVAL', `${by} cannot approve their own hours`, {
      path: ['by'],
      details: { id: entryId },
    });
  }
  const creditedThatDay =
    context.state.volunteers.get(entry.volunteerId)?.byDay.get(entry.day) ?? 0;
  const creditedMinutes = creditFor(context.policy, entry.durationMinutes, creditedThatDay);
  return {
    kind: 'event',
    type: 'hours.approved',
    data: { id: entryId, by, creditedMinutes },
    before: entry,
  };
}

/** Checks `reject` (from pending) or `revoke` (from approved). */
export function planClose(
  context: PlanContext,
  action: 'reject' | 'revoke',
  id: unknown,
  input: unknown,
): HoursPlan {
  const entryId = parseId(id);
  const { by, reason } = fastCloseInput(input) ?? parseInput(closeHoursSchema, input);
  const slot = slotFor(context, entryId);
  requireStatus(slot, action, action === 'reject' ? 'pending' : 'approved');
  return {
    kind: 'event',
    type: action === 'reject' ? 'hours.rejected' : 'hours.revoked',
    data: { id: entryId, by, reason },
    before: slot.entry,
  };
}

/** Checks `correct`: the old entry must be live, the new one must pass the checks of `record`. */
export function planCorrect(context: PlanContext, id: unknown, input: unknown): HoursPlan {
  const entryId = parseId(id);
  const parsed = parseInput(correctHoursSchema, input);
  const old = slotFor(context, entryId).entry;
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
  const existing = context.state.entries.get(draft.id)?.entry;
  if (existing) {
    const repeat =
      existing.corrects === entryId && old.reason === parsed.reason && sameDraft(existing, draft);
    if (repeat) return { kind: 'repeat', entry: existing };
    throw new LanewiseError('ID_CONFLICT', `entry ${draft.id} exists with other content`, {
      path: ['id'],
      details: { id: draft.id },
    });
  }
  requireStatus(slotFor(context, entryId), 'correct', 'pending', 'approved');
  checkDraft(context, draft, entryId);
  return {
    kind: 'event',
    type: 'hours.corrected',
    data: { id: entryId, by: parsed.by, reason: parsed.reason, entry: draft },
    before: old,
  };
}
