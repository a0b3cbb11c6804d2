// The reducer: one event applied to the state. Live calls and replay both come here, after
// the checks of `commands.ts` passed; nothing here checks, and nothing here can fail.
import { periodKey } from '../time/months.js';
import type { CheckedTransfer } from './store/fast-input.js';
import { creditLots, debitLots } from './store/lots.js';
import {
  accountOf,
  limitBucket,
  monthOfInstant,
  redemptionTransferId,
  type AccountState,
  type PointsState,
  type Resolution,
} from './store/state.js';
import type { PointsEvent } from './types.js';

/** Moves a posted amount: the four totals and the volunteers' lots (earned in the month of `at`). */
function postAmount(
  state: PointsState,
  debit: AccountState,
  credit: AccountState,
  amount: number,
  at: string,
): void {
  debit.debitsPosted += amount;
  credit.creditsPosted += amount;
  if (debit.keepsLots) debitLots(debit, amount);
  if (credit.keepsLots) creditLots(credit, monthOfInstant(state, at), amount);
}

/**
 * Applies a transfer (the data of `points.transferred`), made at stamp `stamp` (the index of
 * its instant `at` in `state.stamps`), and returns its row. `debit` and `credit` are the
 * accounts when the caller has them already. The hot path of `transfer` calls this directly
 * with the fields it checked; {@link applyPointsEvent} calls it for a transfer event.
 */
export function applyTransfer(
  state: PointsState,
  transfer: CheckedTransfer,
  stamp: number,
  at: string,
  debitAccount?: AccountState,
  creditAccount?: AccountState,
): number {
  const debit = debitAccount ?? accountOf(state, transfer.from);
  const credit = creditAccount ?? accountOf(state, transfer.to);
  const { amount } = transfer;
  const row = state.transfers.add(
    transfer.id,
    debit.number,
    credit.number,
    amount,
    transfer.code,
    stamp,
    debit.newest,
    credit.newest,
  );
  debit.newest = row;
  credit.newest = row;
  if (transfer.ref !== undefined) state.transfers.setRef(row, transfer.ref);
  if (transfer.reversal) state.transfers.setReversal(row);
  if (transfer.pending) {
    state.transfers.setPending(row, transfer.timeoutMinutes);
    debit.debitsPending += amount;
    credit.creditsPending += amount;
    state.pendingRows.add(row);
  } else postAmount(state, debit, credit, amount, at);
  return row;
}

function settleRedemption(state: PointsState, transferId: string, resolution: Resolution): void {
  const redemptionId = state.redemptionByTransfer.get(transferId);
  const redemption = redemptionId === undefined ? undefined : state.redemptions.get(redemptionId);
  if (redemption === undefined) return;
  redemption.resolvedAt = resolution.at;
  if (resolution.status === 'posted') {
    redemption.status = 'fulfilled';
    if (resolution.by !== undefined) redemption.by = resolution.by;
    return;
  }
  redemption.status = resolution.status === 'expired' ? 'expired' : 'cancelled';
  if (resolution.reason !== undefined) redemption.reason = resolution.reason;
  const { itemId, quantity } = redemption.data;
  const item = state.items.get(itemId);
  if (item !== undefined) item.stock += quantity;
  if (redemption.limitKey !== undefined) {
    state.redeemedUnits.set(
      redemption.limitKey,
      (state.redeemedUnits.get(redemption.limitKey) ?? 0) - quantity,
    );
  }
}

/** Resolves the pending transfer `id` (checked to be pending): posts or releases its amount. */
function resolve(state: PointsState, id: string, resolution: Resolution): void {
  const { transfers } = state;
  const row = transfers.rowOf(id);
  const amount = transfers.amount(row);
  const debit = state.accountList[transfers.debit(row)] as AccountState;
  const credit = state.accountList[transfers.credit(row)] as AccountState;
  debit.debitsPending -= amount;
  credit.creditsPending -= amount;
  if (resolution.status === 'posted') postAmount(state, debit, credit, amount, resolution.at);
  state.resolved.set(row, resolution);
  state.pendingRows.delete(row);
  settleRedemption(state, id, resolution);
}

/** A `Resolution` without the fields that are not given (the log stores none as `undefined`). */
function resolution(
  status: Resolution['status'],
  at: string,
  by: string | undefined,
  reason: string | undefined,
): Resolution {
  const made: Resolution = { status, at };
  if (by !== undefined) made.by = by;
  if (reason !== undefined) made.reason = reason;
  return made;
}

/**
 * Applies one checked event to the state. `stamp` is the index of its instant in
 * `state.stamps`, where it is written with the ledger zone's offset: records show that text.
 */
export function applyPointsEvent(state: PointsState, event: PointsEvent, stamp: number): void {
  const at = state.stamps.text(stamp);
  switch (event.type) {
    case 'points.transferred': {
      const { id, from, to, amount, code, ref, pending, reversal } = event.data;
      applyTransfer(
        state,
        {
          id,
          from,
          to,
          amount,
          code,
          ref,
          pending: pending !== undefined,
          timeoutMinutes: pending?.timeoutMinutes,
          reversal: reversal === true,
        },
        stamp,
        at,
      );
      return;
    }
    case 'points.posted':
      resolve(state, event.data.id, resolution('posted', at, event.data.by, undefined));
      return;
    case 'points.voided':
      resolve(state, event.data.id, resolution('voided', at, event.data.by, event.data.reason));
      return;
    case 'points.timed_out':
      resolve(state, event.data.id, resolution('expired', at, undefined, undefined));
      return;
    case 'points.item_added':
      state.items.set(event.data.id, { input: event.data, stock: event.data.stock });
      return;
    case 'points.restocked': {
      const item = state.items.get(event.data.itemId);
      if (item !== undefined) item.stock += event.data.quantity;
      return;
    }
    case 'points.reserved': {
      const { data } = event;
      const item = state.items.get(data.itemId);
      if (item === undefined) return;
      const transferId = redemptionTransferId(data.id);
      const limit = item.input.limit;
      const limitKey =
        limit === undefined
          ? undefined
          : limitBucket(
              data.volunteerId,
              data.itemId,
              periodKey(monthOfInstant(state, at), limit.per),
            );
      item.stock -= data.quantity;
      state.redemptions.set(data.id, {
        data,
        reservedAt: at,
        stationId: item.input.stationId,
        amount: state.transfers.amount(state.transfers.rowOf(transferId)),
        limitKey,
        status: 'reserved',
      });
      state.redemptionByTransfer.set(transferId, data.id);
      state.pickupCodes.set(data.pickupCode, data.id);
      if (limitKey !== undefined)
        state.redeemedUnits.set(limitKey, (state.redeemedUnits.get(limitKey) ?? 0) + data.quantity);
      return;
    }
  }
}
