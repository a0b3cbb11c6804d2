import { IdIndex } from '../../internal/id-index.js';
import type { ZoneDays } from '../../time/days.js';
import type { ZoneOffsets } from '../../time/zone.js';
import { HOUR_ENTRY_STATUSES, type HourEntryStatus } from '../types.js';
import { newActivityBook, VolunteerBook, type ActivityBook } from './books.js';
import { PairCounters } from './counters.js';
import { EntryTable } from './entry-table.js';
import { ZoneStamps, ZoneTexts } from './stamps.js';

/**
 * The hour ledger's derived state, one per ledger. Only the reducer (`apply.ts`) changes it.
 * Entries are rows of an {@link EntryTable}: the row numbers are small integers, cheap to
 * keep in indexes and to follow, and no entry object is kept.
 */
export interface HoursState {
  /** Every entry, by row (the order recorded). */
  readonly table: EntryTable;
  /** The row of each entry id. */
  readonly ids: IdIndex;
  /** The instants of events, which rows point into. */
  readonly stamps: ZoneStamps;
  /** Starts and ends written in the ledger's zone. */
  readonly texts: ZoneTexts;
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

/** An empty state with days and instants in one zone. */
export function emptyHoursState(days: ZoneDays, zone: ZoneOffsets): HoursState {
  const table = new EntryTable();
  const books: VolunteerBook[] = [];
  return {
    table,
    ids: new IdIndex((row) => table.id(row)),
    stamps: new ZoneStamps(zone),
    texts: new ZoneTexts(zone),
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

/** The book of a volunteer, opened on first use. */
export function volunteerBook(state: HoursState, volunteerId: string): VolunteerBook {
  let book = findBook(state, volunteerId);
  if (!book) {
    book = new VolunteerBook(volunteerId, state.books.length);
    state.books.push(book);
    state.volunteerIds.add(volunteerId, book.number);
  }
  return book;
}

/** The book of an activity with entries, or undefined. */
export function findActivity(state: HoursState, activityId: string): ActivityBook | undefined {
  return state.activities.get(activityId);
}

/** The book of an activity, opened on first use. */
export function activityBook(state: HoursState, activityId: string): ActivityBook {
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

/** The book of a row's activity. */
export function activityBookOf(state: HoursState, row: number): ActivityBook {
  return state.activityBooks[state.table.activity(row)]!;
}

/** The volunteer id of a row. */
export function volunteerOf(state: HoursState, row: number): string {
  return bookOf(state, row).id;
}

/** The activity id of a row. */
export function activityOf(state: HoursState, row: number): string {
  return activityBookOf(state, row).id;
}

/** The status of a row, as named. */
export function statusOf(state: HoursState, row: number): HourEntryStatus {
  return HOUR_ENTRY_STATUSES[state.table.status(row)]!;
}
