import { LiveIntervals } from './live-index.js';

/**
 * Everything kept about one volunteer, so that totals are O(1): its live entries (the book
 * is its own overlap index, one object to reach rather than two), its credited minutes, and
 * the last of its rows. Its entries are a chain back through the entry table's
 * `previousOfVolunteer` rather than an array of its own: appending writes only the new
 * row's number, and a volunteer's book stays small.
 */
export class VolunteerBook extends LiveIntervals {
  /** The last of its rows (-1: none), where its chain starts. */
  lastRow = -1;
  credited = 0;

  constructor(
    readonly id: string,
    /** The volunteer's number: its key in the state's counters. */
    readonly number: number,
  ) {
    super();
  }
}

/** The entries (a chain back through `previousOfActivity`) and credited minutes of one activity. */
export interface ActivityBook {
  readonly id: string;
  readonly number: number;
  lastRow: number;
  credited: number;
}

/** An empty book. */
export function newActivityBook(id: string, number: number): ActivityBook {
  return { id, number, lastRow: -1, credited: 0 };
}

/** Appends `row`, the newest row of all, to a book's chain; returns the row before it. */
export function chain(book: { lastRow: number }, row: number): number {
  const previous = book.lastRow;
  book.lastRow = row;
  return previous;
}

/** The rows of a book's chain, in the order recorded; `previous(row)` is the row before. */
export function chained(book: { lastRow: number }, previous: (row: number) => number): number[] {
  const rows: number[] = [];
  for (let row = book.lastRow; row >= 0; row = previous(row)) rows.push(row);
  return rows.reverse();
}
