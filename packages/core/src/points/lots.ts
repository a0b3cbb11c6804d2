/**
 * A volunteer's unspent points by the month they were earned, oldest first. Spending takes
 * the oldest lots first; a reversal that takes more than the lots hold leaves a debt, which
 * later earnings pay off before they form a new lot. So `sum(lots) - debt` is the posted balance.
 */
export interface LotBook {
  /** Month indexes (`year * 12 + month0`), ascending from `head`. */
  months: number[];
  /** Points left in each lot, parallel to `months`. */
  amounts: number[];
  /** Lots before `head` are used up. */
  head: number;
  /** Points owed after a reversal. */
  debt: number;
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
  const last = book.months.length - 1;
  if (last >= book.head && book.months[last] === month) {
    book.amounts[last] = (book.amounts[last] ?? 0) + rest;
    return;
  }
  if (last < book.head || (book.months[last] ?? 0) < month) {
    book.months.push(month);
    book.amounts.push(rest);
    return;
  }
  // An earning dated before the newest lot (a clock set back): keep the lots in month order.
  let at = book.head;
  while (at <= last && (book.months[at] ?? 0) < month) at++;
  if (book.months[at] === month) book.amounts[at] = (book.amounts[at] ?? 0) + rest;
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
  book.debt += rest;
  // Drop used-up lots now and then so a long-lived account does not keep them.
  if (book.head > 32 && book.head * 2 > book.months.length) {
    book.months.splice(0, book.head);
    book.amounts.splice(0, book.head);
    book.head = 0;
  }
}

/** The points in lots of `lastMonth` or before. */
export function pointsUpTo(book: LotBook, lastMonth: number): number {
  let sum = 0;
  for (
    let at = book.head;
    at < book.months.length && (book.months[at] ?? Infinity) <= lastMonth;
    at++
  ) {
    sum += book.amounts[at] ?? 0;
  }
  return sum;
}

/** The live lots, oldest first, as `[month index, amount]` pairs. */
export function liveLots(book: LotBook): [number, number][] {
  const lots: [number, number][] = [];
  for (let at = book.head; at < book.months.length; at++) {
    const amount = book.amounts[at] ?? 0;
    if (amount > 0) lots.push([book.months[at] ?? 0, amount]);
  }
  return lots;
}
