/**
 * A volunteer's unspent points by the month they were earned, oldest first. Spending takes
 * the oldest lots first; a reversal that takes more than the lots hold leaves a debt, which
 * later earnings pay off before they form a new lot. So `sum(lots) - debt` is the posted balance.
 *
 * The newest lot lives in two number fields, the older ones in arrays: most transfers earn
 * into or spend from the newest lot, and then touch no array (on a ledger of thousands of
 * volunteers, each array is another cache miss).
 */
export interface LotBook {
  /** Month indexes (`year * 12 + month0`) of the older lots, ascending from `head`. */
  months: number[];
  /** Points left in each older lot, parallel to `months`. */
  amounts: number[];
  /** Older lots before `head` are used up. */
  head: number;
  /** The newest lot's month (later than every older lot's), or -1 when there is none. */
  newestMonth: number;
  /** Points left in the newest lot (more than 0 while there is one). */
  newestAmount: number;
  /** Points owed after a reversal. */
  debt: number;
}

/**
 * The older lots of every book that has none yet, shared: a spend from the newest lot still
 * reads their length, and one array stays in the cache. Frozen: a book takes arrays of its
 * own before it adds an older lot.
 */
export const NO_LOTS = Object.freeze([]) as unknown as number[];

function ownLots(book: LotBook): void {
  if (book.months === NO_LOTS) {
    book.months = [];
    book.amounts = [];
  }
}

/** Adds `amount` earned in `month`: pays off any debt first. */
export function creditLots(book: LotBook, month: number, amount: number): void {
  let rest = amount;
  if (book.debt > 0) {
    const paid = Math.min(book.debt, rest);
    book.debt -= paid;
    rest -= paid;
    if (rest === 0) return;
  }
  if (book.newestMonth === month) {
    book.newestAmount += rest;
    return;
  }
  if (book.newestMonth < month) {
    if (book.newestMonth >= 0) {
      ownLots(book);
      book.months.push(book.newestMonth);
      book.amounts.push(book.newestAmount);
    }
    book.newestMonth = month;
    book.newestAmount = rest;
    return;
  }
  // An earning dated before the newest lot (a clock set back): keep the lots in month order.
  ownLots(book);
  const last = book.months.length - 1;
  let at = book.head;
  while (at <= last && (book.months[at] ?? 0) < month) at++;
  if (at <= last && book.months[at] === month) book.amounts[at] = (book.amounts[at] ?? 0) + rest;
  else {
    book.months.splice(at, 0, month);
    book.amounts.splice(at, 0, rest);
  }
}

/** Takes `amount` from the oldest lots; what they cannot cover becomes debt (reversals only). */
export function debitLots(book: LotBook, amount: number): void {
  let rest = amount;
  while (rest > 0 && book.head < book.months.length) {
    const available = book.amounts[book.head] ?? 0;
    if (available > rest) {
      book.amounts[book.head] = available - rest;
      return;
    }
    rest -= available;
    book.head++;
  }
  if (rest > 0 && book.newestMonth >= 0) {
    if (book.newestAmount > rest) {
      book.newestAmount -= rest;
      return;
    }
    rest -= book.newestAmount;
    book.newestMonth = -1;
    book.newestAmount = 0;
  }
  book.debt += rest;
  // Drop used-up lots now and then so a long-lived account does not keep them.
  if (book.head > 32 && book.head * 2 > book.months.length) {
    book.months.splice(0, book.head);
    book.amounts.splice(0, book.head);
    book.head = 0;
  }
}

/** The live lots, oldest first, as `[month index, amount]` pairs. */
export function liveLots(book: LotBook): [number, number][] {
  const lots: [number, number][] = [];
  for (let at = book.head; at < book.months.length; at++) {
    const amount = book.amounts[at] ?? 0;
    if (amount > 0) lots.push([book.months[at] ?? 0, amount]);
  }
  if (book.newestMonth >= 0 && book.newestAmount > 0) {
    lots.push([book.newestMonth, book.newestAmount]);
  }
  return lots;
}

/** The points in lots of `lastMonth` or before. */
export function pointsUpTo(book: LotBook, lastMonth: number): number {
  let sum = 0;
  for (const [month, amount] of liveLots(book)) if (month <= lastMonth) sum += amount;
  return sum;
}
