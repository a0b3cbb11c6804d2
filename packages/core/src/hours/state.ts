import { LanewiseError } from '../errors.js';
import type { StampList } from '../internal/stamps.js';
import { chain, newActivityBook, VolunteerBook, type ActivityBook } from './books.js';
import { PairCounters } from './counters.js';
import { APPROVED, EntryTable, type Closure } from './entry-table.js';
import { IdIndex } from '../internal/id-index.js';
import { HOUR_ENTRY_STATUSES, type HourEntryDraft } from './types.js';
import type { ZoneDays } from '../time/days.js';

/**
 * The hour ledger's derived state. Only the functions of this module change it, called by
 * the ledger's moves and by `applyHoursEvent` for a given log. Entries are rows of an
 * {@link EntryTable}: the row numbers are small integers, cheap to keep in indexes and to
 * follow, and no entry object is kept.
 */
export interface HoursState {
  /** Every entry, by row (the order recorded). */
  readonly table: EntryTable;
  /** The row of each entry id. */
  readonly ids: IdIndex;
  /** The instants of recording and approval, which rows point into. */
  readonly stamps: StampList;
  /** The ledger's time zone: the local day of each row is worked out from its start. */
  readonly days: ZoneDays;
  /** The number of each volunteer id, and the books by number. */
  readonly volunteerIds: IdIndex;
  readonly books: VolunteerBook[];
  /** The books of activities, by id and by number. */
  readonly activities: Map<string, ActivityBook>;
  readonly activityBooks: ActivityBook[];
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

/** An empty state, whose rows point into `stamps`, with days in the zone of `days`. */
export function emptyHoursState(stamps: StampList, days: ZoneDays): HoursState {
  const table = new EntryTable();
  const books: VolunteerBook[] = [];
  return {
    table,
    ids: new IdIndex((row) => table.id(row)),
    stamps,
    days,
    volunteerIds: new IdIndex((number) => books[number]!.id),
    books,
    activities: new Map(),
    activityBooks: [],
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
    book = newActivityBook(activityId, state.activityBooks.length);
    state.activities.set(activityId, book);
    state.activityBooks.push(book);
  }
  state.lastActivity = activityId;
  state.lastActivityBook = book;
  return book;
}

/** The book of a row's volunteer. */
export function bookOf(state: HoursState, row: number): VolunteerBook {
  return state.books[state.table.volunteer(row)]!;
}

/** The volunteer id of a row. */
export function volunteerOf(state: HoursState, row: number): string {
  return bookOf(state, row).id;
}

/** The activity id of a row. */
export function activityOf(state: HoursState, row: number): string {
  return state.activityBooks[state.table.activity(row)]!.id;
}

/** The status of a row, as named. */
export function statusOf(state: HoursState, row: number): (typeof HOUR_ENTRY_STATUSES)[number] {
  return HOUR_ENTRY_STATUSES[state.table.status(row)]!;
}

/**
 * Adds a pending entry and returns its row. `recordedAt` is the index of its instant in the
 * state's stamps; `corrects` the id of the entry it corrects.
 */
export function addEntry(
  state: HoursState,
  draft: HourEntryDraft,
  recordedAt: number,
  corrects: string | undefined,
): number {
  const startMs = instantMs(draft.start);
  const endMs = instantMs(draft.end);
  if (!(endMs > startMs)) {
    throw new LanewiseError('INVALID_INPUT', `entry ${draft.id}: end must be after start`, {
      path: ['end'],
    });
  }
  const minutes = Math.floor((endMs - startMs) / 60_000);
  const { table } = state;
  const volunteer = volunteerBook(state, draft.volunteerId);
  const activity = activityBook(state, draft.activityId);
  const row = table.size;
  const previousOfVolunteer = chain(volunteer, row);
  const previousOfActivity = chain(activity, row);
  table.add(
    draft,
    startMs,
    minutes,
    volunteer.number,
    activity.number,
    previousOfVolunteer,
    previousOfActivity,
    recordedAt,
    corrects,
  );
  state.ids.add(draft.id, row);
  state.lastId = draft.id;
  state.lastRow = row;
  volunteer.insert(startMs, endMs, row, state.days.dayKeyOf(startMs));
  return row;
}

/**
 * Adds `minutes` (negative to take away) to the totals of an approved row. (Its day's total
 * is kept in the live index, which it leaves when closed.)
 */
function count(state: HoursState, row: number, minutes: number): void {
  const volunteer = bookOf(state, row);
  const activity = state.activityBooks[state.table.activity(row)]!;
  volunteer.credited += minutes;
  activity.credited += minutes;
  state.byActivity.add(volunteer.number, activity.number, minutes);
  state.credited += minutes;
}

/** Approves a pending row for `minutes`; `at` is the index of its instant in the stamps. */
export function approveEntry(
  state: HoursState,
  row: number,
  minutes: number,
  by: string,
  at: number,
): void {
  const { table } = state;
  table.approve(row, minutes, by, at);
  bookOf(state, row).setCredited(table.startMs(row), row, minutes);
  count(state, row, minutes);
}

/** Closes a live row: out of the overlap index, and out of the totals if it was approved. */
export function closeEntry(state: HoursState, row: number, status: number, closure: Closure): void {
  const { table } = state;
  bookOf(state, row).remove(table.startMs(row), row);
  if (table.status(row) === APPROVED) count(state, row, -table.credited(row));
  table.close(row, status, closure);
}
