import { LanewiseError } from '../errors.js';
import { LiveIntervals } from './live-index.js';
import type { ZoneDays } from './zone-days.js';
import type { HourEntry, HourEntryDraft, HoursEvent } from './types.js';

/** An entry with its instants parsed once. */
export interface EntrySlot {
  entry: HourEntry;
  readonly startMs: number;
  readonly endMs: number;
}

/** Everything known about one volunteer, kept current so that totals are O(1). */
export interface VolunteerBook {
  readonly live: LiveIntervals;
  /** Entry ids in the order recorded. */
  readonly ids: string[];
  credited: number;
  /** Credited minutes of approved entries per local day: the daily cap's counter. */
  readonly byDay: Map<string, number>;
  /** Credited minutes per activity. */
  readonly byActivity: Map<string, number>;
}

/** The entries and credited minutes of one activity. */
export interface ActivityBook {
  readonly ids: string[];
  credited: number;
}

/** The hour ledger's derived state. Only {@link applyHoursEvent} changes it. */
export interface HoursState {
  readonly entries: Map<string, EntrySlot>;
  readonly volunteers: Map<string, VolunteerBook>;
  readonly activities: Map<string, ActivityBook>;
  credited: number;
}

/** An empty state. */
export function emptyHoursState(): HoursState {
  return {
    entries: new Map(),
    volunteers: new Map(),
    activities: new Map(),
    credited: 0,
  };
}

// The checks and the reducer parse the same two instants one after the other: remember them.
let lastInstant = '';
let lastMs = NaN;
let previousInstant = '';
let previousMs = NaN;

/** Parses an instant already validated by zod (NaN never gets past the schema). */
export function instantMs(instant: string): number {
  if (instant === lastInstant) return lastMs;
  if (instant === previousInstant) return previousMs;
  const ms = Date.parse(instant);
  previousInstant = lastInstant;
  previousMs = lastMs;
  lastInstant = instant;
  lastMs = ms;
  return ms;
}

function volunteerBook(state: HoursState, volunteerId: string): VolunteerBook {
  let book = state.volunteers.get(volunteerId);
  if (!book) {
    book = {
      live: new LiveIntervals(),
      ids: [],
      credited: 0,
      byDay: new Map(),
      byActivity: new Map(),
    };
    state.volunteers.set(volunteerId, book);
  }
  return book;
}

function activityBook(state: HoursState, activityId: string): ActivityBook {
  let book = state.activities.get(activityId);
  if (!book) {
    book = { ids: [], credited: 0 };
    state.activities.set(activityId, book);
  }
  return book;
}

/** The fields a move sets; the others are kept. */
interface EntryChanges {
  readonly status: HourEntry['status'];
  readonly creditedMinutes?: number;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
  readonly closedBy?: string;
  readonly closedAt?: string;
  readonly reason?: string;
  readonly supersededBy?: string;
}

/**
 * The next version of an entry. Every entry has every field in one order (absent ones
 * `undefined`): one shape keeps property access fast on ledgers of millions of entries.
 */
function moved(base: HourEntry, changes: EntryChanges): HourEntry {
  return Object.freeze({
    id: base.id,
    volunteerId: base.volunteerId,
    activityId: base.activityId,
    start: base.start,
    end: base.end,
    durationMinutes: base.durationMinutes,
    day: base.day,
    recordedBy: base.recordedBy,
    recordedAt: base.recordedAt,
    note: base.note,
    tags: base.tags,
    status: changes.status,
    creditedMinutes: changes.creditedMinutes ?? base.creditedMinutes,
    approvedBy: changes.approvedBy ?? base.approvedBy,
    approvedAt: changes.approvedAt ?? base.approvedAt,
    closedBy: changes.closedBy ?? base.closedBy,
    closedAt: changes.closedAt ?? base.closedAt,
    reason: changes.reason ?? base.reason,
    supersededBy: changes.supersededBy ?? base.supersededBy,
    corrects: base.corrects,
  });
}

function addEntry(
  state: HoursState,
  days: ZoneDays,
  draft: HourEntryDraft,
  recordedAt: string,
  corrects: string | undefined,
): HourEntry {
  const startMs = instantMs(draft.start);
  const endMs = instantMs(draft.end);
  if (!(endMs > startMs)) {
    throw new LanewiseError('INVALID_INPUT', `entry ${draft.id}: end must be after start`, {
      path: ['end'],
    });
  }
  const entry: HourEntry = Object.freeze({
    id: draft.id,
    volunteerId: draft.volunteerId,
    activityId: draft.activityId,
    start: draft.start,
    end: draft.end,
    durationMinutes: Math.floor((endMs - startMs) / 60_000),
    day: days.dayOf(startMs),
    recordedBy: draft.recordedBy,
    recordedAt,
    note: draft.note,
    tags: draft.tags,
    status: 'pending',
    creditedMinutes: undefined,
    approvedBy: undefined,
    approvedAt: undefined,
    closedBy: undefined,
    closedAt: undefined,
    reason: undefined,
    supersededBy: undefined,
    corrects,
  });
  state.entries.set(entry.id, { entry, startMs, endMs });
  const volunteer = volunteerBook(state, entry.volunteerId);
  volunteer.ids.push(entry.id);
  volunteer.live.insert(startMs, endMs, entry.id);
  activityBook(state, entry.activityId).ids.push(entry.id);
  return entry;
}

/** Adds `minutes` (negative to take away) to every counter of an approved entry. */
function count(state: HoursState, entry: HourEntry, minutes: number): void {
  const volunteer = volunteerBook(state, entry.volunteerId);
  volunteer.credited += minutes;
  volunteer.byDay.set(entry.day, (volunteer.byDay.get(entry.day) ?? 0) + minutes);
  volunteer.byActivity.set(
    entry.activityId,
    (volunteer.byActivity.get(entry.activityId) ?? 0) + minutes,
  );
  activityBook(state, entry.activityId).credited += minutes;
  state.credited += minutes;
}

/** Closes a live entry: out of the overlap index, and out of the totals if it was approved. */
function close(state: HoursState, slot: EntrySlot, closed: EntryChanges): HourEntry {
  const before = slot.entry;
  volunteerBook(state, before.volunteerId).live.remove(slot.startMs, before.id);
  if (before.status === 'approved') count(state, before, -(before.creditedMinutes ?? 0));
  slot.entry = moved(before, closed);
  return slot.entry;
}

function slotOf(state: HoursState, event: HoursEvent): EntrySlot {
  const slot = state.entries.get(event.data.id);
  if (!slot) {
    throw new LanewiseError('INVALID_INPUT', `event ${event.seq}: unknown entry ${event.data.id}`, {
      path: ['events', event.seq - 1, 'data', 'id'],
    });
  }
  return slot;
}

function expect(
  event: HoursEvent,
  slot: EntrySlot,
  allowed: HourEntry['status'],
  alsoAllowed?: HourEntry['status'],
): void {
  if (slot.entry.status !== allowed && slot.entry.status !== alsoAllowed) {
    throw new LanewiseError(
      'INVALID_INPUT',
      `event ${event.seq}: entry ${slot.entry.id} is ${slot.entry.status}`,
      { path: ['events', event.seq - 1, 'type'] },
    );
  }
}

/**
 * Folds one event into the state (mutating it) and returns the entry it made or moved (the
 * new one for a correction). The ledger checks every move before it appends, so the checks
 * here only catch a log that was tampered with or mixed up.
 */
export function applyHoursEvent(state: HoursState, days: ZoneDays, event: HoursEvent): HourEntry {
  switch (event.type) {
    case 'hours.recorded':
      if (state.entries.has(event.data.id)) {
        throw new LanewiseError('INVALID_INPUT', `event ${event.seq}: duplicate entry id`, {
          path: ['events', event.seq - 1, 'data', 'id'],
        });
      }
      return addEntry(state, days, event.data, event.at, undefined);
    case 'hours.approved': {
      const slot = slotOf(state, event);
      expect(event, slot, 'pending');
      slot.entry = moved(slot.entry, {
        status: 'approved',
        creditedMinutes: event.data.creditedMinutes,
        approvedBy: event.data.by,
        approvedAt: event.at,
      });
      count(state, slot.entry, event.data.creditedMinutes);
      return slot.entry;
    }
    case 'hours.rejected':
    case 'hours.revoked': {
      const slot = slotOf(state, event);
      expect(event, slot, event.type === 'hours.rejected' ? 'pending' : 'approved');
      return close(state, slot, {
        status: event.type === 'hours.rejected' ? 'rejected' : 'revoked',
        closedBy: event.data.by,
        closedAt: event.at,
        reason: event.data.reason,
      });
    }
    case 'hours.corrected': {
      const slot = slotOf(state, event);
      expect(event, slot, 'pending', 'approved');
      if (state.entries.has(event.data.entry.id)) {
        throw new LanewiseError('INVALID_INPUT', `event ${event.seq}: duplicate entry id`, {
          path: ['events', event.seq - 1, 'data', 'entry', 'id'],
        });
      }
      close(state, slot, {
        status: 'superseded',
        closedBy: event.data.by,
        closedAt: event.at,
        reason: event.data.reason,
        supersededBy: event.data.entry.id,
      });
      return addEntry(state, days, event.data.entry, event.at, event.data.id);
    }
    default: {
      const unknown = event as { seq: number; type: unknown };
      throw new LanewiseError('INVALID_INPUT', `event ${unknown.seq}: unknown type`, {
        path: ['events', unknown.seq - 1, 'type'],
      });
    }
  }
}
