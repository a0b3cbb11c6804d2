import { IdIndex } from '../../internal/id-index.js';

const PENDING = 1;
const REVERSAL = 2;

function grown<T extends Int32Array | Float64Array | Uint8Array>(column: T, length: number): T {
  const larger = new (column.constructor as new (length: number) => T)(length);
  larger.set(column);
  return larger;
}

/**
 * Every transfer, one row each in the order made, its fields in columns: TigerBeetle's
 * fixed-size records, in typed arrays. A row holds the account numbers, the amount, flags, and
 * the numbers of its code and its instant; ids are the caller's strings, kept by
 * reference, codes once each. Rare fields (ref, timeout) live in maps.
 *
 * Why not an object per transfer: a million transfers would be a million objects that the
 * garbage collector copies and traces; typed arrays it does not look into.
 */
export class TransferTable {
  private readonly ids: string[] = [];
  /** Codes are few (earn, spend, redeem, ...): each is kept once and rows hold its number. */
  private readonly codeList: string[] = [];
  private readonly codeNumbers = new Map<string, number>();
  /**
   * The code of the last row: runs of one code are the rule. It starts as a control character,
   * which no code may hold, so that no code (not even '') counts as known before it is used.
   */
  private lastCode = '\u0000';
  private lastCodeNumber = -1;
  private codes = new Int32Array(1024);
  private debits = new Int32Array(1024);
  private credits = new Int32Array(1024);
  private amounts = new Float64Array(1024);
  private flags = new Uint8Array(1024);
  private stamps = new Int32Array(1024);
  /**
   * Each account's transfers as a chain back through the rows: the row before this one of
   * the account debited and of the account credited (-1: none). Only `history()` walks it.
   */
  private previousDebits = new Int32Array(1024);
  private previousCredits = new Int32Array(1024);
  /**
   * Each row's reference, by row: made at the first reference (a ledger of plain transfers
   * never pays for it), then one slot per row, which costs a program's replay far less than a
   * map of a reference per earn.
   */
  private refs: (string | undefined)[] | undefined;
  private readonly timeouts = new Map<number, number>();
  private readonly index = new IdIndex((row) => this.ids[row] as string);

  /** The number of transfers. */
  get size(): number {
    return this.ids.length;
  }

  /** The row of transfer `id`, or -1. */
  rowOf(id: string): number {
    return this.index.get(id);
  }

  /**
   * Adds a transfer whose id is new (the caller looked it up) and returns its row. `debit`
   * and `credit` are account numbers, `stamp` the index of its instant, and the last two
   * the rows of those accounts' newest transfers before this one (-1: none).
   */
  add(
    id: string,
    debit: number,
    credit: number,
    amount: number,
    code: string,
    stamp: number,
    previousDebit: number,
    previousCredit: number,
  ): number {
    const row = this.ids.length;
    if (row === this.amounts.length) this.grow(row * 2);
    this.ids.push(id);
    this.codes[row] = this.codeNumber(code);
    this.debits[row] = debit;
    this.credits[row] = credit;
    this.amounts[row] = amount;
    this.stamps[row] = stamp;
    this.previousDebits[row] = previousDebit;
    this.previousCredits[row] = previousCredit;
    this.index.add(id, row);
    if (this.refs !== undefined) this.refs.push(undefined);
    return row;
  }

  /** Makes room for `rows` transfers at once (a replay knows its log's length). */
  reserve(rows: number): void {
    if (rows > this.amounts.length) this.grow(rows);
  }

  /** Marks row `row` two-phase, with its timeout in minutes when it has one. */
  setPending(row: number, timeoutMinutes: number | undefined): void {
    (this.flags[row] as number) |= PENDING;
    if (timeoutMinutes !== undefined) this.timeouts.set(row, timeoutMinutes);
  }

  /** Marks row `row` a system reversal. */
  setReversal(row: number): void {
    (this.flags[row] as number) |= REVERSAL;
  }

  /** Sets row `row`'s reference. */
  setRef(row: number, ref: string): void {
    this.refs ??= new Array<string | undefined>(this.ids.length).fill(undefined);
    this.refs[row] = ref;
  }

  id(row: number): string {
    return this.ids[row] as string;
  }

  code(row: number): string {
    return this.codeList[this.codes[row] as number] as string;
  }

  /** The number of the account debited. */
  debit(row: number): number {
    return this.debits[row] as number;
  }

  /** The number of the account credited. */
  credit(row: number): number {
    return this.credits[row] as number;
  }

  amount(row: number): number {
    return this.amounts[row] as number;
  }

  /** The index of the instant it was made at. */
  stamp(row: number): number {
    return this.stamps[row] as number;
  }

  ref(row: number): string | undefined {
    return this.refs?.[row];
  }

  isPending(row: number): boolean {
    return ((this.flags[row] as number) & PENDING) !== 0;
  }

  isReversal(row: number): boolean {
    return ((this.flags[row] as number) & REVERSAL) !== 0;
  }

  /** A two-phase transfer's timeout in minutes, when it has one. */
  timeoutMinutes(row: number): number | undefined {
    return this.timeouts.get(row);
  }

  /**
   * The rows of account number `account`'s transfers, oldest first, from its newest row
   * back. A transfer from an account to itself (only in a hand-made log) is listed twice.
   */
  historyOf(account: number, newest: number): number[] {
    const rows: number[] = [];
    for (let row = newest; row >= 0;) {
      const debit = this.debits[row] as number;
      rows.push(row);
      if (debit === this.credits[row]) rows.push(row);
      row = (debit === account ? this.previousDebits[row] : this.previousCredits[row]) as number;
    }
    return rows.reverse();
  }

  /** True when row `row` has none of the optional fields: the common, plain transfer. */
  isPlain(row: number): boolean {
    return this.flags[row] === 0 && this.refs?.[row] === undefined;
  }

  /** True when some transfer has code `code`. */
  knowsCode(code: string): boolean {
    return code === this.lastCode || this.codeNumbers.has(code);
  }

  private codeNumber(code: string): number {
    if (code === this.lastCode) return this.lastCodeNumber;
    let number = this.codeNumbers.get(code);
    if (number === undefined) {
      number = this.codeList.push(code) - 1;
      this.codeNumbers.set(code, number);
    }
    this.lastCode = code;
    this.lastCodeNumber = number;
    return number;
  }

  private grow(length: number): void {
    this.codes = grown(this.codes, length);
    this.debits = grown(this.debits, length);
    this.credits = grown(this.credits, length);
    this.amounts = grown(this.amounts, length);
    this.flags = grown(this.flags, length);
    this.stamps = grown(this.stamps, length);
    this.previousDebits = grown(this.previousDebits, length);
    this.previousCredits = grown(this.previousCredits, length);
  }
}
