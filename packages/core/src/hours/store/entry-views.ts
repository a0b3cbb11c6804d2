import type { HourEntry } from '../types.js';

/** How many of the entries last returned by moves are kept for a repeat or a `get`. */
const RECENT = 64;

/**
 * The entry objects handed out, so that a caller who asks again for an entry that has not
 * changed gets the same object (`get(id) === record(input)` right after, a repeated record
 * or correction returns what the first did, a snapshot keeps the objects of unchanged
 * entries).
 *
 * Entries that a reader asked for (`get`, `list`, `snapshot`) are kept, by row. Entries that
 * moves return are kept only among the last {@link RECENT} rows moved (a slot per `row %
 * RECENT`): a loop that records and approves a million entries and drops what it gets back
 * must not keep a million entry objects, which is what the ledger's columns are for.
 */
export class EntryViews {
  /** Entries handed to readers, by row; `undefined` where none was. */
  private readonly kept: (HourEntry | undefined)[] = [];
  /** The last entries returned by moves, and their rows (-1: empty slot). */
  private readonly recent: (HourEntry | undefined)[] = new Array<undefined>(RECENT).fill(undefined);
  private readonly recentRows = new Int32Array(RECENT).fill(-1);

  /** `build(row)` makes a new entry object for a row as it stands. */
  constructor(private readonly build: (row: number) => HourEntry) {}

  /** The entry of `row` for a reader: kept, so the same object until the row changes. */
  read(row: number): HourEntry {
    const kept = this.keptAt(row);
    if (kept) return kept;
    const slot = row % RECENT;
    let entry = this.recentRows[slot] === row ? this.recent[slot] : undefined;
    if (entry) {
      this.recent[slot] = undefined;
      this.recentRows[slot] = -1;
    } else {
      entry = this.build(row);
    }
    this.kept[row] = entry;
    return entry;
  }

  /** The entry of `row` as it stands, for a move that repeats an earlier one. */
  current(row: number): HourEntry {
    return this.peek(row) ?? this.remember(row, this.build(row));
  }

  /** The entry of `row` if one was handed out and is still current. */
  peek(row: number): HourEntry | undefined {
    const kept = this.keptAt(row);
    if (kept) return kept;
    const slot = row % RECENT;
    return this.recentRows[slot] === row ? this.recent[slot] : undefined;
  }

  /** The new entry of `row`, which a move just made or changed, to return to its caller. */
  moved(row: number): HourEntry {
    const entry = this.build(row);
    if (this.keptAt(row)) {
      // A reader holds the old version: keep the new one for the next reader.
      this.kept[row] = entry;
      return entry;
    }
    return this.remember(row, entry);
  }

  /** Drops what is kept of `row`, which changed: the next reader gets a new entry. */
  forget(row: number): void {
    if (this.keptAt(row)) this.kept[row] = undefined;
    const slot = row % RECENT;
    if (this.recentRows[slot] === row) {
      this.recent[slot] = undefined;
      this.recentRows[slot] = -1;
    }
  }

  private remember(row: number, entry: HourEntry): HourEntry {
    const slot = row % RECENT;
    this.recent[slot] = entry;
    this.recentRows[slot] = row;
    return entry;
  }

  private keptAt(row: number): HourEntry | undefined {
    return row < this.kept.length ? this.kept[row] : undefined;
  }
}
