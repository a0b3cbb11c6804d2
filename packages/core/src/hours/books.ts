import { LiveIntervals } from './live-index.js';

/**
 * Everything kept about one volunteer, so that totals are O(1): its live entries (the book
 * is its own overlap index, one object to reach rather than two), its credited minutes, and
 * the last of its rows. Its entries are a chain back through the state's
 * `previousOfVolunteer` column rather than an array of its own: appending writes only the
 * new row's cell, and a volunteer's book stays small.
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
  readonly number: number;
  lastRow: number;
  credited: number;
}

/** An empty book. */
export function newActivityBook(number: number): ActivityBook {
  return { number, lastRow: -1, credited: 0 };
}

/** Appends `row`, the newest row of all, to a book's chain. */
export function chain(book: { lastRow: number }, previous: number[], row: number): void {
  previous[row] = book.lastRow;
  book.lastRow = row;
}

/** The rows of a book's chain, in the order recorded. */
export function chained(book: { lastRow: number }, previous: readonly number[]): number[] {
  const rows: number[] = [];
  for (let row = book.lastRow; row >= 0; row = previous[row]!) rows.push(row);
  return rows.reverse();
}
