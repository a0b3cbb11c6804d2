import type {
  PointsBalance,
  PointsSnapshot,
  PointsTransferStatus,
  Redemption,
} from '@lanewise/core/points';
import type { PointsDocument } from './points-source.js';

/** What a line of the history was, in the words the wallet uses. */
export type WalletLineKind = 'earned' | 'redeemed' | 'reversed' | 'expired' | 'other';

/** One line of a volunteer's history, newest first. */
export interface WalletLine {
  readonly id: string;
  readonly at: string;
  readonly kind: WalletLineKind;
  /** `+amount` when the volunteer was credited, `-amount` when debited. */
  readonly change: number;
  readonly status: PointsTransferStatus;
  /** False for a hold that was voided or timed out: its points came back. */
  readonly counts: boolean;
  /** The activity an earning or a reversal was for, else the hour entry's id. */
  readonly activity?: string;
  /** The item of a redemption, by name when the catalogue has it. */
  readonly item?: string;
  readonly quantity?: number;
  /** The transfer's code, for a kind the wallet has no words for. */
  readonly code: string;
  /** Why a hold was voided, when given. */
  readonly reason?: string;
}

/** Points that expire on one day. */
export interface ExpiringLot {
  /** The day they expire (`YYYY-MM-DD`, in the ledger's zone). */
  readonly date: string;
  readonly amount: number;
}

/** A volunteer's wallet: balances, debt, points about to expire and the history. */
export interface WalletView {
  /** False when the ledger has never moved a point for this volunteer. */
  readonly known: boolean;
  readonly balance: PointsBalance;
  /** Points owed after a reversal took the balance below zero. */
  readonly owing: number;
  /** Points expiring within the window, soonest first; empty without an expiry policy. */
  readonly expiring: readonly ExpiringLot[];
  readonly lines: readonly WalletLine[];
}

/** Options of {@link walletView}. */
export interface WalletOptions {
  readonly volunteer: string;
  /** Today in the ledger's zone (`YYYY-MM-DD`). */
  readonly today: string;
  /** How many days ahead counts as "about to expire"; 30 by default. */
  readonly windowDays?: number;
}

const DAY_MS = 86_400_000;

/** The day `days` after `day` (both `YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day points earned in `month` (`YYYY-MM`) expire: the first of the month `months` after
 * it, plus one, as the core's policy reads ("earned in January 2025, 12 months: 1 February 2026").
 */
export function expiryDay(month: string, months: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + months + 1;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function expiringLots(
  snapshot: PointsSnapshot,
  lots: readonly { month: string; amount: number }[],
  held: number,
  lastDay: string,
): ExpiringLot[] {
  const months = snapshot.policy.expireAfterMonths;
  if (months === null) return [];
  const byDay = new Map<string, number>();
  for (const lot of lots) {
    const date = expiryDay(lot.month, months);
    if (date <= lastDay) byDay.set(date, (byDay.get(date) ?? 0) + lot.amount);
  }
  // As the core expires: on each date, every lot due by then less the points held by pending
  // redemptions (which never expire), less what an earlier date already took.
  let earned = 0;
  let taken = 0;
  const due: ExpiringLot[] = [];
  for (const [date, amount] of [...byDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
    earned += amount;
    const take = Math.max(0, earned - held) - taken;
    taken += take;
    if (take > 0) due.push({ date, amount: take });
  }
  return due;
}

function describe(
  document: PointsDocument,
  redemptions: ReadonlyMap<string, Redemption>,
  items: ReadonlyMap<string, string>,
  transfer: PointsSnapshot['transfers'][number],
  account: string,
): WalletLine {
  const change = transfer.to === account ? transfer.amount : -transfer.amount;
  const base = {
    id: transfer.id,
    at: transfer.at,
    change,
    status: transfer.status,
    counts: transfer.status === 'posted' || transfer.status === 'pending',
    code: transfer.code,
    ...(transfer.reason === undefined ? {} : { reason: transfer.reason }),
  };
  const activity = () => {
    if (transfer.ref === undefined) return {};
    return { activity: document.entries.get(transfer.ref)?.activityId ?? transfer.ref };
  };
  if (transfer.to === 'expired') return { ...base, kind: 'expired' };
  if (transfer.reversal === true || transfer.code === 'reverse') {
    return { ...base, kind: 'reversed', ...activity() };
  }
  if (transfer.code === 'earn') return { ...base, kind: 'earned', ...activity() };
  if (transfer.code === 'redeem') {
    const redemption = transfer.ref === undefined ? undefined : redemptions.get(transfer.ref);
    if (!redemption)
      return { ...base, kind: 'redeemed', ...(transfer.ref ? { item: transfer.ref } : {}) };
    return {
      ...base,
      kind: 'redeemed',
      item: items.get(redemption.itemId) ?? redemption.itemId,
      quantity: redemption.quantity,
    };
  }
  return { ...base, kind: 'other' };
}

/**
 * A volunteer's wallet from a point document: balances and debt from their account, points
 * that expire within the window (by the lots and the expiry policy), and every transfer that
 * touched the account, newest first, each said in words.
 *
 * @example
 * ```ts
 * walletView(document, { volunteer: 'v-li', today: '2026-12-03' }).expiring; // [{ date: '2027-01-01', amount: 120 }]
 * ```
 */
export function walletView(document: PointsDocument, options: WalletOptions): WalletView {
  const snapshot = document.points;
  const account = `volunteer:${options.volunteer}`;
  const state = snapshot.accounts.find((line) => line.account === account);
  const balance = state
    ? { available: state.available, pending: state.pending, posted: state.posted }
    : { available: 0, pending: 0, posted: 0 };
  const redemptions = new Map(snapshot.redemptions.map((r) => [r.id, r]));
  const items = new Map(snapshot.items.map((item) => [item.id, item.name]));
  const touched = snapshot.transfers
    .map((transfer, index) => ({ transfer, index, time: Date.parse(transfer.at) }))
    .filter(({ transfer }) => transfer.from === account || transfer.to === account);
  touched.sort((a, b) => b.time - a.time || b.index - a.index);
  const lastDay = addDays(options.today, options.windowDays ?? 30);
  return {
    known: state !== undefined,
    balance,
    owing: state?.owing ?? 0,
    expiring: state
      ? expiringLots(snapshot, state.lots, balance.posted - balance.available, lastDay)
      : [],
    lines: touched.map(({ transfer }) => describe(document, redemptions, items, transfer, account)),
  };
}
