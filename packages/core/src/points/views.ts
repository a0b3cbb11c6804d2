import { liveLots } from './lots.js';
import {
  accountName,
  transferData,
  type AccountState,
  type ItemState,
  type PointsState,
  type RedemptionState,
} from './state.js';
import type {
  PointsAccount,
  PointsAccountSnapshot,
  PointsBalance,
  PointsLot,
  PointsTransfer,
  Redemption,
  RedemptionItem,
} from './types.js';

const MINUTE = 60_000;

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
  const view: { -readonly [K in keyof PointsTransfer]: PointsTransfer[K] } = {
    ...data,
    at,
    status: 'pending',
  };
  const timeout = data.pending.timeoutMinutes;
  if (timeout !== undefined)
    view.timeoutAt = new Date(Date.parse(at) + timeout * MINUTE).toISOString();
  const resolution = state.resolved.get(row);
  if (resolution !== undefined) {
    view.status = resolution.status;
    if (resolution.at !== undefined) view.resolvedAt = resolution.at;
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

/** An item with its current stock. */
export function itemView(item: ItemState): RedemptionItem {
  const { id, name, cost, stationId, limit } = item.input;
  const view = { id, name, cost, stationId, stock: item.stock };
  return limit === undefined ? view : { ...view, limit: { count: limit.count, per: limit.per } };
}

/** A redemption as reported. */
export function redemptionView(redemption: RedemptionState): Redemption {
  const { event } = redemption;
  const view: { -readonly [K in keyof Redemption]: Redemption[K] } = {
    ...event.data,
    stationId: redemption.stationId,
    amount: redemption.amount,
    transferId: `redeem:${event.data.id}`,
    status: redemption.status,
    reservedAt: event.at,
  };
  if (redemption.resolvedAt !== undefined) view.resolvedAt = redemption.resolvedAt;
  if (redemption.by !== undefined) view.fulfilledBy = redemption.by;
  if (redemption.reason !== undefined) view.reason = redemption.reason;
  return view;
}

/** One account's line in the snapshot. */
export function accountSnapshot(
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
