// The checks a call makes before it writes, one function per command. Replay runs the same
// checks on every event of a log (see `replay.ts`), so a log passes exactly when some ledger
// could have written it. Each throws a `LanewiseError` whose path names the bad field of the
// command's input (which is also the field of the event's data), and none writes anything.
import { LanewiseError, type ErrorPath } from '../errors/index.js';
import { invalidField } from '../schemas/parse.js';
import { MAX_INSTANT_MS, MS_PER_MINUTE } from '../time/constants.js';
import { periodKey } from '../time/months.js';
import { MAX_EXPIRY_SUFFIX } from './limits.js';
import type { CheckedTransfer } from './store/fast-input.js';
import { pointsUpTo } from './store/lots.js';
import {
  accountName,
  limitBucket,
  type AccountState,
  type ItemState,
  type PointsState,
  type RedemptionState,
} from './store/state.js';
import type { PointsAccount, PointsTransferData, RedemptionItemData } from './types.js';
import { availableOf, deadlineOf } from './views.js';

/** The path of a bad amount, made once: the checks run on every transfer. */
const AMOUNT: ErrorPath = Object.freeze(['amount']);

/** Throws `NOT_FOUND` for an unknown id. */
export function notFound(what: string, id: string, path: ErrorPath): never {
  throw new LanewiseError('NOT_FOUND', `no ${what} ${id}`, { path, details: { id } });
}

function idConflict(what: string, id: string, path: ErrorPath = ['id']): never {
  throw new LanewiseError('ID_CONFLICT', `${what} ${id} exists with other content`, {
    path,
    details: { id },
  });
}

function insufficient(account: string, available: number, amount: number, path: ErrorPath): never {
  throw new LanewiseError(
    'INSUFFICIENT_POINTS',
    `${account} has ${available} points available, ${amount} asked`,
    { path, details: { account, available, asked: amount, amount } },
  );
}

/**
 * Throws `INVALID_INPUT` when adding `amount` to the account's running totals would leave
 * the safe-integer range, where sums stop being exact.
 */
function assertRoom(
  account: AccountState | undefined,
  side: 'debit' | 'credit',
  amount: number,
  path: ErrorPath,
): void {
  if (account === undefined) return;
  const used =
    side === 'debit'
      ? account.debitsPosted + account.debitsPending
      : account.creditsPosted + account.creditsPending;
  if (used + amount > Number.MAX_SAFE_INTEGER) {
    throw invalidField(path, "would overflow the account's totals");
  }
}

/** Throws `INVALID_INPUT` when a hold made at `time` for `minutes` would end past the range. */
function assertDeadlineInRange(time: number, minutes: number | undefined, path: ErrorPath): void {
  if (minutes !== undefined && time + minutes * MS_PER_MINUTE >= MAX_INSTANT_MS) {
    throw invalidField(path, 'must end before 3000-01-01', 'too_big', {
      maximum: Math.floor((MAX_INSTANT_MS - 1 - time) / MS_PER_MINUTE),
      unit: 'value',
    });
  }
}

/** Same content as the stored transfer in `row`: the idempotency test. */
function sameTransfer(state: PointsState, row: number, input: CheckedTransfer): boolean {
  const { transfers } = state;
  return (
    accountName(state, transfers.debit(row)) === input.from &&
    accountName(state, transfers.credit(row)) === input.to &&
    transfers.amount(row) === input.amount &&
    transfers.code(row) === input.code &&
    transfers.ref(row) === input.ref &&
    transfers.isReversal(row) === input.reversal &&
    transfers.isPending(row) === input.pending &&
    transfers.timeoutMinutes(row) === input.timeoutMinutes
  );
}

/**
 * `transfer`, made at `time` (epoch ms): idempotency, the accounts, the balance and the
 * totals' room. Returns the row of the stored transfer when the same call was made before,
 * -1 for a new one. `debit` and `credit` are the accounts as looked up now, `existing` the
 * row with this id (-1: none).
 */
export function checkTransfer(
  state: PointsState,
  input: CheckedTransfer,
  time: number,
  debit: AccountState | undefined,
  credit: AccountState | undefined,
  existing: number,
): number {
  if (input.from === input.to) throw invalidField(['to'], 'must differ from from');
  if (input.reversal && input.pending) {
    throw invalidField(['reversal'], 'a reversal cannot be pending');
  }
  if (existing >= 0) {
    if (sameTransfer(state, existing, input)) return existing;
    idConflict('transfer', input.id);
  }
  if (input.from !== 'issuer' && !input.reversal) {
    const available = availableOf(debit);
    if (available < input.amount) insufficient(input.from, available, input.amount, AMOUNT);
  }
  assertRoom(debit, 'debit', input.amount, AMOUNT);
  assertRoom(credit, 'credit', input.amount, AMOUNT);
  if (input.pending)
    assertDeadlineInRange(time, input.timeoutMinutes, ['pending', 'timeoutMinutes']);
  return -1;
}

/** The row of pending transfer `id`, or the error that says why it cannot be resolved. */
export function checkPending(state: PointsState, id: string, path: ErrorPath): number {
  const { transfers, resolved } = state;
  const row = transfers.rowOf(id);
  if (row < 0) notFound('transfer', id, path);
  if (!transfers.isPending(row)) {
    throw new LanewiseError('INVALID_TRANSITION', `transfer ${id} is not two-phase`, {
      path,
      details: { id },
    });
  }
  const resolution = resolved.get(row);
  if (resolution !== undefined) {
    throw new LanewiseError('ALREADY_RESOLVED', `transfer ${id} is already ${resolution.status}`, {
      path,
      details: { id, status: resolution.status },
    });
  }
  return row;
}

/** Throws `TOO_LATE` when the pending transfer in `row` has timed out at `time`. */
function checkNotTimedOut(state: PointsState, row: number, time: number, path: ErrorPath): void {
  const deadline = deadlineOf(state, row);
  if (deadline === undefined || time < deadline) return;
  const id = state.transfers.id(row);
  const timeoutAt = state.format(deadline);
  throw new LanewiseError('TOO_LATE', `transfer ${id} timed out at ${timeoutAt}`, {
    path,
    details: { id, timeoutAt },
  });
}

/** `post` (at `time`): the transfer is pending and has not timed out. Returns its row. */
export function checkPost(state: PointsState, id: string, time: number): number {
  const row = checkPending(state, id, ['id']);
  checkNotTimedOut(state, row, time, ['id']);
  return row;
}

/** `void`: the transfer is pending (a timed-out hold may still be voided). Returns its row. */
export function checkVoid(state: PointsState, id: string): number {
  return checkPending(state, id, ['id']);
}

/**
 * A transfer timing out (what `expirePending` writes): it is pending and has a timeout.
 * Whether the timeout had passed depends on the `now` given to `expirePending`, which the
 * log does not keep.
 */
export function checkTimedOut(state: PointsState, id: string): number {
  const row = checkPending(state, id, ['id']);
  if (state.transfers.timeoutMinutes(row) === undefined) {
    throw invalidField(['id'], 'has no timeout');
  }
  return row;
}

/** `expirePending(now)`: the rows of pending transfers whose timeout is at or before `now`. */
export function dueRows(state: PointsState, now: number): number[] {
  const due: number[] = [];
  for (const row of state.pendingRows) {
    const deadline = deadlineOf(state, row);
    if (deadline !== undefined && deadline <= now) due.push(row);
  }
  return due;
}

function sameItem(stored: RedemptionItemData, input: RedemptionItemData): boolean {
  return (
    stored.name === input.name &&
    stored.cost === input.cost &&
    stored.stock === input.stock &&
    stored.stationId === input.stationId &&
    stored.limit?.count === input.limit?.count &&
    stored.limit?.per === input.limit?.per
  );
}

/** `addItem`: the stored item when the same definition was added before, else undefined. */
export function checkAddItem(state: PointsState, data: RedemptionItemData): ItemState | undefined {
  const existing = state.items.get(data.id);
  if (existing === undefined) return undefined;
  if (sameItem(existing.input, data)) return existing;
  return idConflict('item', data.id);
}

/** `restock`: the item exists and its stock stays a safe integer. */
export function checkRestock(state: PointsState, itemId: string, quantity: number): ItemState {
  const item = state.items.get(itemId) ?? notFound('item', itemId, ['itemId']);
  if (item.stock + quantity > Number.MAX_SAFE_INTEGER) {
    throw invalidField(['quantity'], 'stock would overflow');
  }
  return item;
}

/** What a redemption moves, once its checks passed. */
export interface RedemptionPlan {
  readonly item: ItemState;
  readonly amount: number;
  readonly from: PointsAccount;
  readonly to: PointsAccount;
  readonly transferId: string;
}

interface RedemptionData {
  readonly id: string;
  readonly volunteerId: string;
  readonly itemId: string;
  readonly quantity: number;
}

/** `redeem`: the stored redemption when the same call was made before, else undefined. */
export function existingRedemption(
  state: PointsState,
  input: RedemptionData,
): RedemptionState | undefined {
  const existing = state.redemptions.get(input.id);
  if (existing === undefined) return undefined;
  const stored = existing.data;
  if (
    stored.volunteerId === input.volunteerId &&
    stored.itemId === input.itemId &&
    stored.quantity === input.quantity
  ) {
    return existing;
  }
  return idConflict('redemption', input.id);
}

/** `redeem` at `time`, for a new redemption id: the item, its stock and limit, the amount. */
export function checkRedemption(
  state: PointsState,
  input: RedemptionData,
  time: number,
): RedemptionPlan {
  const { id, volunteerId, itemId, quantity } = input;
  const item = state.items.get(itemId) ?? notFound('item', itemId, ['itemId']);
  if (item.stock < quantity) {
    throw new LanewiseError(
      'OUT_OF_STOCK',
      `item ${itemId} has ${item.stock} in stock, ${quantity} asked`,
      { path: ['quantity'], details: { itemId, stock: item.stock, quantity } },
    );
  }
  const limit = item.input.limit;
  if (limit !== undefined) {
    const period = periodKey(state.months.indexOf(time), limit.per);
    const used = state.redeemedUnits.get(limitBucket(volunteerId, itemId, period)) ?? 0;
    if (used + quantity > limit.count) {
      throw new LanewiseError(
        'LIMIT_REACHED',
        `${used} of ${limit.count} ${itemId} redeemed this ${limit.per}`,
        {
          path: ['quantity'],
          details: { itemId, volunteerId, used, limit: limit.count, per: limit.per, period },
        },
      );
    }
  }
  const amount = item.input.cost * quantity;
  if (!Number.isSafeInteger(amount)) {
    throw invalidField(['quantity'], 'cost times quantity is too large');
  }
  return {
    item,
    amount,
    from: `volunteer:${volunteerId}`,
    to: `station:${item.input.stationId}`,
    transferId: `redeem:${id}`,
  };
}

/**
 * The hold of a redemption, made at `time` for `holdMinutes`: the points are available, the
 * totals have room, the transfer id is free and the hold ends in range.
 */
export function checkRedemptionHold(
  state: PointsState,
  plan: RedemptionPlan,
  time: number,
  holdMinutes: number | undefined,
): void {
  const debit = state.accounts.get(plan.from);
  const available = availableOf(debit);
  if (available < plan.amount) insufficient(plan.from, available, plan.amount, ['quantity']);
  assertRoom(debit, 'debit', plan.amount, ['quantity']);
  assertRoom(state.accounts.get(plan.to), 'credit', plan.amount, ['quantity']);
  if (state.transfers.rowOf(plan.transferId) >= 0) {
    throw new LanewiseError('ID_CONFLICT', `transfer ${plan.transferId} already exists`, {
      path: ['id'],
      details: { id: plan.transferId },
    });
  }
  assertDeadlineInRange(time, holdMinutes, ['policy', 'redemptionHoldMinutes']);
}

/** The transfer that holds a redemption's points. */
export function redemptionTransfer(
  plan: RedemptionPlan,
  redemptionId: string,
  holdMinutes: number | undefined,
): PointsTransferData {
  return {
    id: plan.transferId,
    from: plan.from,
    to: plan.to,
    amount: plan.amount,
    code: 'redeem',
    ref: redemptionId,
    pending: holdMinutes === undefined ? {} : { timeoutMinutes: holdMinutes },
  };
}

/** `fulfil` and `cancel`: the redemption exists and its transfer is still pending. */
export function checkReserved(state: PointsState, id: string): RedemptionState {
  const redemption = state.redemptions.get(id) ?? notFound('redemption', id, ['id']);
  checkPending(state, `redeem:${id}`, ['id']);
  return redemption;
}

/**
 * `expire(asOf)` with `expireAfterMonths`: for each volunteer, the points left in lots earned
 * `months` whole months or more before the month of `asOf` go to `expired`, oldest first.
 * Points held by a pending transfer stay (they are spent first when it posts), so available
 * never goes below zero, and a second run with nothing new in between finds nothing.
 */
export function expiryTransfers(
  state: PointsState,
  asOf: number,
  months: number,
): PointsTransferData[] {
  const asOfMonth = state.months.indexOf(asOf);
  const lastExpiring = asOfMonth - months - 1;
  const label = state.months.label(asOfMonth);
  const transfers: PointsTransferData[] = [];
  for (const [name, account] of state.accounts) {
    if (!account.keepsLots) continue;
    const amount = pointsUpTo(account, lastExpiring) - account.debitsPending;
    if (amount <= 0) continue;
    const volunteerId = name.slice('volunteer:'.length);
    let id = `expire:${volunteerId}:${label}`;
    for (let again = 2; state.transfers.rowOf(id) >= 0; again++) {
      // A volunteer id of 180 units leaves room for `:9999`: past it the id would not fit.
      if (again > MAX_EXPIRY_SUFFIX) {
        throw new LanewiseError('ID_CONFLICT', `every expiry id of ${name} in ${label} is used`, {
          path: ['asOf'],
          details: { id },
        });
      }
      id = `expire:${volunteerId}:${label}:${again}`;
    }
    transfers.push({
      id,
      from: name as PointsAccount,
      to: 'expired',
      amount,
      code: 'expire',
      ref: label,
    });
  }
  return transfers;
}
