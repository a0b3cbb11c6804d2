// Reads: records, balances, lots and the snapshot, built from the state. Every record handed
// out is a fresh object or deeply frozen, so a caller holding one cannot change the ledger.
import { MS_PER_MINUTE } from '../time/constants.js';
import { liveLots } from './store/lots.js';
import { transferData } from './store/log.js';
import {
  accountName,
  historyOf,
  type AccountState,
  type ItemState,
  type PointsState,
  type RedemptionState,
} from './store/state.js';
import type {
  PointsAccount,
  PointsAccountSnapshot,
  PointsBalance,
  PointsHistoryEntry,
  PointsLot,
  PointsSnapshot,
  PointsTransfer,
  Redemption,
  RedemptionItem,
  ResolvedPointsPolicy,
} from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Freezes a value and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** When the pending transfer in `row` stops being postable (epoch ms), or undefined. */
export function deadlineOf(state: PointsState, row: number): number | undefined {
  const timeout = state.transfers.timeoutMinutes(row);
  if (timeout === undefined) return undefined;
  return Date.parse(state.stamps.text(state.transfers.stamp(row))) + timeout * MS_PER_MINUTE;
}

/** A transfer as reported: its data, when it was made and where it stands. */
export function transferView(state: PointsState, row: number): PointsTransfer {
  const { transfers } = state;
  const at = state.stamps.text(transfers.stamp(row));
  if (transfers.isPlain(row)) {
    return {
      id: transfers.id(row),
      from: accountName(state, transfers.debit(row)),
      to: accountName(state, transfers.credit(row)),
      amount: transfers.amount(row),
      code: transfers.code(row),
      at,
      status: 'posted',
    };
  }
  const data = transferData(state, row);
  if (data.pending === undefined) return { ...data, at, status: 'posted' };
  const view: Mutable<PointsTransfer> = { ...data, at, status: 'pending' };
  const deadline = deadlineOf(state, row);
  if (deadline !== undefined) view.timeoutAt = state.format(deadline);
  const resolution = state.resolved.get(row);
  if (resolution !== undefined) {
    view.status = resolution.status;
    view.resolvedAt = resolution.at;
    if (resolution.by !== undefined) view.resolvedBy = resolution.by;
    if (resolution.reason !== undefined) view.reason = resolution.reason;
  }
  return view;
}

/** Posted, pending and available points of an account's totals. */
export function balanceOf(account: AccountState | undefined): PointsBalance {
  if (account === undefined) return { posted: 0, pending: 0, available: 0 };
  const posted = account.creditsPosted - account.debitsPosted;
  return {
    posted,
    pending: account.creditsPending - account.debitsPending,
    available: posted - account.debitsPending,
  };
}

/** Points that may be spent now: posted minus pending debits. */
export function availableOf(account: AccountState | undefined): number {
  return account === undefined
    ? 0
    : account.creditsPosted - account.debitsPosted - account.debitsPending;
}

/** What an account owes after a reversal: its posted balance below zero (never for `issuer`). */
export function owingOf(name: string, account: AccountState | undefined): number {
  if (account === undefined || name === 'issuer') return 0;
  return Math.max(0, account.debitsPosted - account.creditsPosted);
}

/** A volunteer's lots as `YYYY-MM` and points. */
export function lotsOf(state: PointsState, account: AccountState | undefined): PointsLot[] {
  if (account === undefined || !account.keepsLots) return [];
  return liveLots(account).map(([month, amount]) => ({
    month: state.months.label(month),
    amount,
  }));
}

/** The account's transfers made in `[start, end)` (epoch ms), with their effect on it. */
export function historyView(
  state: PointsState,
  name: string,
  start: number,
  end: number,
): PointsHistoryEntry[] {
  const lines: PointsHistoryEntry[] = [];
  for (const row of historyOf(state, name)) {
    const view = transferView(state, row);
    const time = Date.parse(view.at);
    if (time < start || time >= end) continue;
    lines.push({ ...view, change: view.to === name ? view.amount : -view.amount });
  }
  return lines;
}

/** An item with its current stock. */
export function itemView(item: ItemState): RedemptionItem {
  const { id, name, cost, stationId, limit } = item.input;
  const view = { id, name, cost, stationId, stock: item.stock };
  return limit === undefined ? view : { ...view, limit: { count: limit.count, per: limit.per } };
}

/** A redemption as reported. */
export function redemptionView(redemption: RedemptionState): Redemption {
  const { data } = redemption;
  const view: Mutable<Redemption> = {
    id: data.id,
    volunteerId: data.volunteerId,
    itemId: data.itemId,
    quantity: data.quantity,
    pickupCode: data.pickupCode,
    stationId: redemption.stationId,
    amount: redemption.amount,
    transferId: `redeem:${data.id}`,
    status: redemption.status,
    reservedAt: redemption.reservedAt,
  };
  if (redemption.resolvedAt !== undefined) view.resolvedAt = redemption.resolvedAt;
  if (redemption.by !== undefined) view.fulfilledBy = redemption.by;
  if (redemption.reason !== undefined) view.reason = redemption.reason;
  return view;
}

/** One account's line in the snapshot. */
function accountSnapshot(
  state: PointsState,
  name: string,
  account: AccountState,
): PointsAccountSnapshot {
  return {
    account: name as PointsAccount,
    ...balanceOf(account),
    owing: owingOf(name, account),
    lots: lotsOf(state, account),
  };
}

/** The whole state as plain data, deeply frozen. */
export function snapshotOf(
  state: PointsState,
  timeZone: string,
  policy: ResolvedPointsPolicy,
): PointsSnapshot {
  return deepFreeze({
    version: state.log.size,
    timeZone,
    policy: { ...policy },
    transferCount: state.transfers.size,
    transfers: Array.from({ length: state.transfers.size }, (_, row) => transferView(state, row)),
    accounts: Array.from(state.accounts, ([name, account]) =>
      accountSnapshot(state, name, account),
    ),
    pending: Array.from(state.pendingRows, (row) => transferView(state, row)),
    items: Array.from(state.items.values(), itemView),
    redemptions: Array.from(state.redemptions.values(), redemptionView),
  });
}
