import { parseInput } from '../schemas/parse.js';
import type { LedgerJournalOptions } from './api.js';
import { ledgerJournalOptionsSchema } from './schemas.js';
import type { PointsState } from './store/state.js';
import { transferView } from './views.js';

const UNSAFE = /[^\p{L}\p{N}_.-]/gu;

/**
 * Percent-encodes every character hledger could read as syntax (spaces end account names,
 * `;` starts a comment, `:` nests accounts, `,` ends a tag value), so any id round-trips.
 */
export function hledgerEscape(text: string): string {
  return text.replace(UNSAFE, (char) => {
    // A lone surrogate has no UTF-8 form: write its code unit.
    if (char.length === 1 && char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdfff) {
      return `%u${char.charCodeAt(0).toString(16).toUpperCase()}`;
    }
    const encoded = encodeURIComponent(char);
    // encodeURIComponent leaves a few ASCII marks (!~*'()) as they are: encode those by hand.
    return encoded !== char
      ? encoded
      : `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

/** The hledger account name of a point account: `volunteer:<escaped id>`, `issuer`, ... */
export function hledgerAccount(account: string): string {
  const colon = account.indexOf(':');
  return colon < 0
    ? account
    : `${account.slice(0, colon)}:${hledgerEscape(account.slice(colon + 1))}`;
}

/**
 * The local day of an instant as written in a record: every instant the ledger reports is
 * written with its zone's offset (`2025-03-01T09:00:00.000+08:00`), so its first ten
 * characters are the day in that zone. An instant read back from a log keeps its own text, so
 * it is written again in the zone first.
 */
function dayIn(format: (time: number) => string): (at: string) => string {
  let lastAt = '';
  let lastDay = '';
  return (at) => {
    if (at !== lastAt) {
      lastAt = at;
      lastDay = format(Date.parse(at)).slice(0, 10);
    }
    return lastDay;
  };
}

/**
 * Writes the ledger as an hledger journal. Each posted transfer is a cleared (`*`) transaction
 * dated the day it was posted in the ledger's time zone; each pending one a pending (`!`)
 * transaction; voided and expired holds are kept as comments, so the file is the whole story.
 */
export function toHledgerJournal(state: PointsState, optionsInput: unknown): string {
  const options: LedgerJournalOptions = parseInput(ledgerJournalOptionsSchema, optionsInput) ?? {};
  const commodity = options.commodity ?? 'pts';
  const amountOf = (amount: number): string =>
    commodity === '' ? `${amount}` : `${amount} ${commodity}`;
  const day = dayIn(state.format);
  const lines: string[] = [
    '; Lanewise point ledger. Posted transfers are cleared (*), pending holds pending (!),',
    '; voided and expired holds are comments. `hledger -f FILE balance -C` shows posted balances.',
    '',
  ];
  for (let row = 0; row < state.transfers.size; row++) {
    const { id, from, to, amount, code, ref, at, status, resolvedAt } = transferView(state, row);
    const tags = `id:${hledgerEscape(id)}${ref === undefined ? '' : `, ref:${hledgerEscape(ref)}`}`;
    if (status === 'voided' || status === 'expired') {
      lines.push(
        `; ${status} ${day(resolvedAt ?? at)} ${hledgerEscape(code)}  ${tags}, made:${day(at)}`,
        `;     ${hledgerAccount(to)}  ${amountOf(amount)}`,
        `;     ${hledgerAccount(from)}  ${amountOf(-amount)}`,
        '',
      );
      continue;
    }
    const mark = status === 'posted' ? '*' : '!';
    lines.push(
      `${day(resolvedAt ?? at)} ${mark} ${hledgerEscape(code)}  ; ${tags}`,
      `    ${hledgerAccount(to)}  ${amountOf(amount)}`,
      `    ${hledgerAccount(from)}  ${amountOf(-amount)}`,
      '',
    );
  }
  return lines.join('\n');
}
