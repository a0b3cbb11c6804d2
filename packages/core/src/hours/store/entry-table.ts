import type { HourEntryDraft } from '../types.js';
import { EMPTY_TAGS } from './draft.js';
import { NameTable } from './name-table.js';

/** A row's status: its index in `HOUR_ENTRY_STATUSES`. */
export const PENDING = 0;
export const APPROVED = 1;
export const REJECTED = 2;
export const REVOKED = 3;
export const SUPERSEDED = 4;

/** How a closed entry was closed: who, when, why, and by which entry when superseded. */
export interface Closure {
  readonly by: string;
  /** The index of its instant in the ledger's stamps. */
  readonly at: number;
  readonly reason: string;
  readonly supersededBy: string | undefined;
}

// A row's numbers: its start, end and credited minutes in one array of doubles, the rest in an
// array of small integers, at `(row & MASK) * DOUBLES` and `* INTS` in the chunks of its row.
const START_MS = 0;
const CREDITED = 1;
const END_MS = 2;
const DOUBLES = 3;
const DURATION = 0;
const VOLUNTEER = 1;
const ACTIVITY = 2;
const PREVIOUS_OF_VOLUNTEER = 3;
const PREVIOUS_OF_ACTIVITY = 4;
const STATUS = 5;
const RECORDED_AT = 6;
const RECORDED_BY = 7;
const APPROVED_AT = 8;
const APPROVED_BY = 9;
const INTS = 10;
/** Rows a chunk: `row >> SHIFT` is its chunk, `row & MASK` its place in it. */
const SHIFT = 14;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/** The rows of the first chunk at first: it grows to `CHUNK`, so small ledgers stay small. */
const FIRST = 64;
/** A row's strings as recorded, at `offset * TEXTS` in its chunk: its id, start and end. */
const ID = 0;
const START = 1;
const END = 2;
const TEXTS = 3;

/**
 * `length` numbers in a JS array, the first ones copied `from`, the rest `fill`: filling
 * with a fraction makes it an array of doubles from the start, with an integer an array of
 * small integers, so that no later store changes its kind.
 */
function numbers(length: number, fill: number, from: readonly number[] = []): number[] {
  const column = new Array<number>(length).fill(fill);
  for (let index = 0; index < from.length; index += 1) column[index] = from[index]!;
  return column;
}

/**
 * Every hour entry, one row each in the order recorded: its numbers and its strings (by
 * reference) in arrays of `CHUNK` rows, the rare fields (notes, tags, how it was closed, what
 * it corrects) in maps by row. `HourEntry` objects are built from a row only when someone
 * reads it.
 *
 * Why: a ledger of a million entries would otherwise keep a million entry objects (and
 * their drafts and events), which the garbage collector copies while they are young and
 * traces ever after. Large arrays of numbers it does not move, and those of doubles it does
 * not even look into. Chunks rather than one array a column: a growing array is copied
 * each time, and its old copies are garbage. Plain arrays rather than typed arrays: V8
 * counts the memory of new typed arrays as external and starts a full collection every
 * 64 MB of it, whatever the size of the heap, which costs an app with a large heap dearly
 * (a 1,000,000-event program log: one more collection of about 200 ms per 333,000 entries).
 */
export class EntryTable {
  /** The chunks of the rows' doubles and integers (see the offsets above). */
  private readonly doubles: number[][] = [numbers(FIRST * DOUBLES, 0.5)];
  private readonly ints: number[][] = [numbers(FIRST * INTS, 0)];
  /** The chunks of each row's strings (`start` and `end` as written, offset and all). */
  private readonly texts: string[][] = [new Array<string>(FIRST * TEXTS)];
  private count = 0;
  /** The notes and the tags of the rows that have them (tags as stored: frozen). */
  private readonly notes = new Map<number, string>();
  private readonly tags = new Map<number, readonly string[]>();
  /** How closed rows were closed, and what rows made by a correction correct. */
  private readonly closures = new Map<number, Closure>();
  private readonly corrections = new Map<number, string>();
  /** Who recorded, and who approved: few names, each a number in a row. */
  private readonly recorders = new NameTable();
  private readonly approvers = new NameTable();

  /** The number of rows. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds a pending row for a checked draft and returns it. The draft object is not kept,
   * only its fields (its `tags` by reference: frozen by the caller). `volunteer` and
   * `activity` are their books' numbers, `previousOf...` the rows before of each (-1: none),
   * `recordedAt` the index of its instant in the ledger's stamps.
   */
  add(
    draft: HourEntryDraft,
    startMs: number,
    endMs: number,
    durationMinutes: number,
    volunteer: number,
    activity: number,
    previousOfVolunteer: number,
    previousOfActivity: number,
    recordedAt: number,
    corrects: string | undefined,
  ): number {
    const row = this.count;
    const offset = row & MASK;
    const chunk = this.ints[row >> SHIFT];
    if (chunk === undefined || offset * INTS === chunk.length) this.grow(row);
    this.count = row + 1;
    const texts = this.texts[row >> SHIFT]!;
    texts[offset * TEXTS + ID] = draft.id;
    texts[offset * TEXTS + START] = draft.start;
    texts[offset * TEXTS + END] = draft.end;
    const doubles = this.doubles[row >> SHIFT]!;
    doubles[offset * DOUBLES + START_MS] = startMs;
    doubles[offset * DOUBLES + CREDITED] = 0;
    doubles[offset * DOUBLES + END_MS] = endMs;
    const ints = this.ints[row >> SHIFT]!;
    const base = offset * INTS;
    ints[base + DURATION] = durationMinutes;
    ints[base + VOLUNTEER] = volunteer;
    ints[base + ACTIVITY] = activity;
    ints[base + PREVIOUS_OF_VOLUNTEER] = previousOfVolunteer;
    ints[base + PREVIOUS_OF_ACTIVITY] = previousOfActivity;
    ints[base + STATUS] = PENDING;
    ints[base + RECORDED_AT] = recordedAt;
    ints[base + RECORDED_BY] = this.recorders.numberOf(draft.recordedBy);
    ints[base + APPROVED_AT] = -1;
    ints[base + APPROVED_BY] = -1;
    // Most entries have no note, no tags and correct none: maps of the few spare the rest.
    if (draft.note !== undefined) this.notes.set(row, draft.note);
    if (draft.tags !== undefined && draft.tags.length > 0) this.tags.set(row, draft.tags);
    if (corrects !== undefined) this.corrections.set(row, corrects);
    return row;
  }

  /** Marks a pending row approved, for `minutes`, by `by`, at stamp index `at`. */
  approve(row: number, minutes: number, by: string, at: number): void {
    this.doubles[row >> SHIFT]![(row & MASK) * DOUBLES + CREDITED] = minutes;
    const ints = this.ints[row >> SHIFT]!;
    const base = (row & MASK) * INTS;
    ints[base + STATUS] = APPROVED;
    ints[base + APPROVED_AT] = at;
    ints[base + APPROVED_BY] = this.approvers.numberOf(by);
  }

  /** Closes a live row. */
  close(row: number, status: number, closure: Closure): void {
    this.ints[row >> SHIFT]![(row & MASK) * INTS + STATUS] = status;
    this.closures.set(row, closure);
  }

  /** The entry's id. */
  id(row: number): string {
    return this.texts[row >> SHIFT]![(row & MASK) * TEXTS + ID]!;
  }

  /** The start and the end as logged (the text of the event's data). */
  start(row: number): string {
    return this.texts[row >> SHIFT]![(row & MASK) * TEXTS + START]!;
  }

  end(row: number): string {
    return this.texts[row >> SHIFT]![(row & MASK) * TEXTS + END]!;
  }

  /** The start in epoch milliseconds. */
  startMs(row: number): number {
    return this.doubles[row >> SHIFT]![(row & MASK) * DOUBLES + START_MS]!;
  }

  /** The end in epoch milliseconds. */
  endMs(row: number): number {
    return this.doubles[row >> SHIFT]![(row & MASK) * DOUBLES + END_MS]!;
  }

  /** Credited minutes: meaningful once approved (and kept when revoked or superseded). */
  credited(row: number): number {
    return this.doubles[row >> SHIFT]![(row & MASK) * DOUBLES + CREDITED]!;
  }

  durationMinutes(row: number): number {
    return this.ints[row >> SHIFT]![(row & MASK) * INTS + DURATION]!;
  }

  /** The number of the row's volunteer book, and of its activity book. */
  volunteer(row: number): number {
    return this.ints[row >> SHIFT]![(row & MASK) * INTS + VOLUNTEER]!;
  }

  activity(row: number): number {
    return this.ints[row >> SHIFT]![(row & MASK) * INTS + ACTIVITY]!;
  }

  /** The row before of the same volunteer, and of the same activity (-1: none). */
  previousOfVolunteer(row: number): number {
    return this.ints[row >> SHIFT]![(row & MASK) * INTS + PREVIOUS_OF_VOLUNTEER]!;
  }

  previousOfActivity(row: number): number {
    return this.ints[row >> SHIFT]![(row & MASK) * INTS + PREVIOUS_OF_ACTIVITY]!;
  }

  /** The status code (`PENDING`...). */
  status(row: number): number {
    return this.ints[row >> SHIFT]![(row & MASK) * INTS + STATUS]!;
  }

  /** The stamp index of when it was recorded, and approved (-1: never). */
  recordedAt(row: number): number {
    return this.ints[row >> SHIFT]![(row & MASK) * INTS + RECORDED_AT]!;
  }

  approvedAt(row: number): number {
    return this.ints[row >> SHIFT]![(row & MASK) * INTS + APPROVED_AT]!;
  }

  /** Who recorded a row. */
  recordedBy(row: number): string {
    return this.recorders.name(this.ints[row >> SHIFT]![(row & MASK) * INTS + RECORDED_BY]!);
  }

  /** Who approved a row, or `undefined` when it never was. */
  approvedBy(row: number): string | undefined {
    const number = this.ints[row >> SHIFT]![(row & MASK) * INTS + APPROVED_BY]!;
    return number < 0 ? undefined : this.approvers.name(number);
  }

  /** The note of a row, or `undefined`. */
  note(row: number): string | undefined {
    return this.notes.size === 0 ? undefined : this.notes.get(row);
  }

  /** The tags of a row, as stored (frozen). */
  tagsOf(row: number): readonly string[] {
    return (this.tags.size === 0 ? undefined : this.tags.get(row)) ?? EMPTY_TAGS;
  }

  /** How a closed row was closed; `undefined` while live. */
  closure(row: number): Closure | undefined {
    return this.closures.size === 0 ? undefined : this.closures.get(row);
  }

  /** The id of the entry a row corrects, or `undefined`. */
  corrects(row: number): string | undefined {
    return this.corrections.size === 0 ? undefined : this.corrections.get(row);
  }

  /** Makes room for `row`: doubles the first chunk up to full size, or adds a chunk. */
  private grow(row: number): void {
    const chunk = row >> SHIFT;
    if (chunk < this.ints.length) {
      const rows = Math.min(CHUNK, 2 * row);
      this.doubles[0] = numbers(rows * DOUBLES, 0.5, this.doubles[0]);
      this.ints[0] = numbers(rows * INTS, 0, this.ints[0]);
      const texts = new Array<string>(rows * TEXTS);
      this.texts[0]!.forEach((text, index) => (texts[index] = text));
      this.texts[0] = texts;
    } else {
      this.doubles.push(numbers(CHUNK * DOUBLES, 0.5));
      this.ints.push(numbers(CHUNK * INTS, 0));
      this.texts.push(new Array<string>(CHUNK * TEXTS));
    }
  }
}
