import { LanewiseError } from '../errors.js';
import { chain, newActivityBook, VolunteerBook, type ActivityBook } from './books.js';
import { PairCounters } from './counters.js';
import { IdIndex } from './id-index.js';
import type { ZoneDays } from './zone-days.js';
import { approvedEntry, closedEntry, pendingEntry } from './entry.js';
import type {
  HourEntry,
  HourEntryDraft,
  HoursCorrectedEvent,
  HoursEvent,
  HoursRejectedEvent,
  HoursRevokedEvent,
} from './types.js';

/**
 * The hour ledger's derived state. Only {@link applyHoursEvent} changes it. Entries are kept
 * by row (the order recorded) in flat columns rather than one wrapper object each: the row
 * numbers are small integers, cheap to keep in indexes and to follow.
 */
export interface HoursState {
  /** The row of each entry id. */
  readonly ids: IdIndex;
  /** The current version of each entry, by row. */
  readonly entries: HourEntry[];
  /** The start of each entry in epoch milliseconds, by row. */
  readonly starts: number[];
  /** The row before of the same volunteer, and of the same activity, by row (-1: none). */
  readonly previousOfVolunteer: number[];
  readonly previousOfActivity: number[];
  /** The number of each volunteer id, and the books by number. */
  readonly volunteerIds: IdIndex;
  readonly books: VolunteerBook[];
  readonly activities: Map<string, ActivityBook>;
  /** Credited minutes by volunteer number and activity number. */
  readonly byActivity: PairCounters;
  credited: number;
  /** The last id, volunteer and activity looked up: a move mostly follows one on the same. */
  lastId: string;
  lastRow: number;
  lastVolunteer: string;
  lastBook: VolunteerBook | undefined;
  lastActivity: string;
  lastActivityBook: ActivityBook | undefined;
}

/** An empty state. */
export function emptyHoursState(): HoursState {
  const entries: HourEntry[] = [];
  const books: VolunteerBook[] = [];
  return {
    ids: new IdIndex((row) => entries[row]!.id),
    entries,
    starts: [],
    previousOfVolunteer: [],
    previousOfActivity: [],
    volunteerIds: new IdIndex((number) => books[number]!.id),
    books,
    activities: new Map(),
    byActivity: new PairCounters(),
    credited: 0,
    lastId: '',
    lastRow: -1,
    lastVolunteer: '',
    lastBook: undefined,
    lastActivity: '',
    lastActivityBook: undefined,
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

/** The row of an entry id, or -1. */
export function rowOf(state: HoursState, id: string): number {
  if (id === state.lastId) return state.lastRow;
  const row = state.ids.get(id);
  if (row < 0) return -1;
  state.lastId = id;
  state.lastRow = row;
  return row;
}

/** The book of a volunteer with entries, or undefined (never creates one). */
export function findBook(state: HoursState, volunteerId: string): VolunteerBook | undefined {
  if (volunteerId === state.lastVolunteer && state.lastBook) return state.lastBook;
  const number = state.volunteerIds.get(volunteerId);
  const book = number < 0 ? undefined : state.books[number];
  if (book) {
    state.lastVolunteer = volunteerId;
    state.lastBook = book;
  }
  return book;
}

function volunteerBook(state: HoursState, volunteerId: string): VolunteerBook {
  let book = findBook(state, volunteerId);
  if (!book) {
    book = new VolunteerBook(volunteerId, state.books.length);
    state.books.push(book);
    state.volunteerIds.add(volunteerId, book.number);
  }
  return book;
}

function activityBook(state: HoursState, activityId: string): ActivityBook {
  if (activityId === state.lastActivity && state.lastActivityBook) return state.lastActivityBook;
  let book = state.activities.get(activityId);
  if (!book) {
    book = newActivityBook(state.activities.size);
    state.activities.set(activityId, book);
  }
  state.lastActivity = activityId;
  state.lastActivityBook = book;
  return book;
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
  const minutes = Math.floor((endMs - startMs) / 60_000);
  const entry = pendingEntry(draft, minutes, days.dayOf(startMs), recordedAt, corrects);
  const row = state.entries.length;
  state.entries.push(entry);
  state.starts.push(startMs);
  state.ids.add(entry.id, row);
  state.lastId = entry.id;
  state.lastRow = row;
  const volunteer = volunteerBook(state, entry.volunteerId);
  chain(volunteer, state.previousOfVolunteer, row);
  volunteer.insert(startMs, endMs, row, days.dayKeyOf(startMs));
  chain(activityBook(state, entry.activityId), state.previousOfActivity, row);
  return entry;
}

/**
 * Adds `minutes` (negative to take away) to the totals of an approved entry. (Its day's
 * total is kept in the live index, which it leaves when closed.)
 */
function count(state: HoursState, entry: HourEntry, minutes: number): void {
  const volunteer = volunteerBook(state, entry.volunteerId);
  const activity = activityBook(state, entry.activityId);
  volunteer.credited += minutes;
  activity.credited += minutes;
  state.byActivity.add(volunteer.number, activity.number, minutes);
  state.credited += minutes;
}

/** Closes a live entry: out of the overlap index, and out of the totals if it was approved. */
function close(
  state: HoursState,
  row: number,
  event: HoursRejectedEvent | HoursRevokedEvent | HoursCorrectedEvent,
  status: 'rejected' | 'revoked' | 'superseded',
  supersededBy?: string,
): HourEntry {
  const before = state.entries[row]!;
  volunteerBook(state, before.volunteerId).remove(state.starts[row]!, row);
  if (before.status === 'approved') count(state, before, -(before.creditedMinutes ?? 0));
  const { by, reason } = event.data;
  const after = closedEntry(before, status, by, event.at, reason, supersededBy);
  state.entries[row] = after;
  return after;
}

function rowOfEvent(state: HoursState, event: HoursEvent): number {
  const row = rowOf(state, event.data.id);
  if (row < 0) {
    throw new LanewiseError('INVALID_INPUT', `event ${event.seq}: unknown entry ${event.data.id}`, {
      path: ['events', event.seq - 1, 'data', 'id'],
    });
  }
  return row;
}

function expect(
  event: HoursEvent,
  entry: HourEntry,
  allowed: HourEntry['status'],
  alsoAllowed?: HourEntry['status'],
): void {
  if (entry.status !== allowed && entry.status !== alsoAllowed) {
    throw new LanewiseError(
      'INVALID_INPUT',
      `event ${event.seq}: entry ${entry.id} is ${entry.status}`,
      {
        path: ['events', event.seq - 1, 'type'],
      },
    );
  }
}

function expectNew(state: HoursState, event: HoursEvent, id: string, path: string[]): void {
  if (rowOf(state, id) >= 0) {
    throw new LanewiseError('INVALID_INPUT', `event ${event.seq}: duplicate entry id`, {
      path: ['events', event.seq - 1, 'data', ...path],
    });
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
      expectNew(state, event, event.data.id, ['id']);
      return addEntry(state, days, event.data, event.at, undefined);
    case 'hours.approved': {
      const row = rowOfEvent(state, event);
      const before = state.entries[row]!;
      expect(event, before, 'pending');
      const after = approvedEntry(before, event.data.creditedMinutes, event.data.by, event.at);
      state.entries[row] = after;
      const book = volunteerBook(state, after.volunteerId);
      book.setCredited(state.starts[row]!, row, event.data.creditedMinutes);
      count(state, after, event.data.creditedMinutes);
      return after;
    }
    case 'hours.rejected':
    case 'hours.revoked': {
      const row = rowOfEvent(state, event);
      expect(event, state.entries[row]!, event.type === 'hours.rejected' ? 'pending' : 'approved');
      return close(state, row, event, event.type === 'hours.rejected' ? 'rejected' : 'revoked');
    }
    case 'hours.corrected': {
      const row = rowOfEvent(state, event);
      expect(event, state.entries[row]!, 'pending', 'approved');
      expectNew(state, event, event.data.entry.id, ['entry', 'id']);
      close(state, row, event, 'superseded', event.data.entry.id);
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
