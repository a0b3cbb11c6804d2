import { LanewiseError } from '../errors.js';
import { TransferLinks } from './history.js';
import { IdIndex } from './id-index.js';
import { creditLots, debitLots, emptyLots, type LotBook } from './lots.js';
import { createMonthCalendar, periodKey, type MonthCalendar } from './months.js';
import type {
  PointsEvent,
  PointsTransferStatus,
  RedemptionItemInput,
  RedemptionStatus,
} from './types.js';

/** The event that made a transfer; the transfer map keeps the event itself, nothing more. */
export type TransferEvent = Extract<PointsEvent, { type: 'points.transferred' }>;
type ReservedEvent = Extract<PointsEvent, { type: 'points.reserved' }>;

/** One account's running totals (TigerBeetle's four), its newest transfer and, for volunteers, its lots. */
export interface AccountState {
  debitsPosted: number;
  creditsPosted: number;
  debitsPending: number;
  creditsPending: number;
  /** The number of its newest transfer (see {@link TransferLinks}), -1 before the first. */
  newest: number;
  lots: LotBook | undefined;
}

/** How a two-phase transfer was resolved. */
export interface Resolution {
  status: Exclude<PointsTransferStatus, 'pending'>;
  at?: string;
  by?: string;
  reason?: string;
}

/** A catalogue item: its definition as first given and its stock now. */
export interface ItemState {
  input: RedemptionItemInput;
  stock: number;
}

/** A redemption: the reserving event and where it stands. */
export interface RedemptionState {
  event: ReservedEvent;
  stationId: string;
  amount: number;
  /** The limit bucket the units count in, when the item has a limit. */
  limitKey: string | undefined;
  status: RedemptionStatus;
  resolvedAt?: string;
  by?: string;
  reason?: string;
}

/** Everything the point ledger knows, derived only from its events. */
export interface PointsState {
  accounts: Map<string, AccountState>;
  /** Transfers by id, in the order they were made: transfer `n` is `transfers.at(n)`. */
  transfers: IdIndex<TransferEvent>;
  /** Each account's transfers, chained through the transfer numbers. */
  links: TransferLinks;
  /**
   * How each resolved two-phase transfer was resolved. A transfer with `pending` in its data
   * and no entry here is still pending: holds add nothing here, posts and voids add one each.
   */
  resolved: Map<string, Resolution>;
  /** Ids of transfers still pending, in the order they were made. */
  pendingIds: Set<string>;
  items: Map<string, ItemState>;
  redemptions: Map<string, RedemptionState>;
  redemptionByTransfer: Map<string, string>;
  pickupCodes: Map<string, string>;
  /** Units redeemed per volunteer, item and limit period (reserved or fulfilled). */
  redeemedUnits: Map<string, number>;
  months: MonthCalendar;
  lastAt: string;
  lastMonth: number;
}

/** A fresh, empty state. */
export function emptyPointsState(timeZone: string): PointsState {
  return {
    accounts: new Map(),
    transfers: new IdIndex((event: TransferEvent) => event.data.id),
    links: new TransferLinks(),
    resolved: new Map(),
    pendingIds: new Set(),
    items: new Map(),
    redemptions: new Map(),
    redemptionByTransfer: new Map(),
    pickupCodes: new Map(),
    redeemedUnits: new Map(),
    months: createMonthCalendar(timeZone),
    lastAt: '',
    lastMonth: 0,
  };
}

/** The id of the pending transfer that holds a redemption's points. */
export const redemptionTransferId = (redemptionId: string): string => `redeem:${redemptionId}`;

/** The key under which a volunteer's units of an item count towards a limit period. */
export const limitBucket = (volunteerId: string, itemId: string, period: string): string =>
  `${volunteerId}\u0000${itemId}\u0000${period}`;

/** The account's state, opened empty on first use. */
export function accountOf(state: PointsState, account: string): AccountState {
  let found = state.accounts.get(account);
  if (found === undefined) {
    found = {
      debitsPosted: 0,
      creditsPosted: 0,
      debitsPending: 0,
      creditsPending: 0,
      newest: -1,
      lots: account.startsWith('volunteer:') ? emptyLots() : undefined,
    };
    state.accounts.set(account, found);
  }
  return found;
}

/** The transfers that touched an account, oldest first. */
export function historyOf(state: PointsState, name: string): TransferEvent[] {
  const account = state.accounts.get(name);
  if (account === undefined) return [];
  return state.links.of(name, account.newest, (n) => {
    const event = state.transfers.at(n);
    if (event === undefined) throw new Error(`transfer number ${n} has no record`);
    return event;
  });
}

/** The month index of an event's instant; consecutive events mostly share one. */
export function monthOfInstant(state: PointsState, at: string): number {
  if (at !== state.lastAt) {
    state.lastAt = at;
    state.lastMonth = state.months.indexOf(Date.parse(at));
  }
  return state.lastMonth;
}

function corrupt(event: PointsEvent, message: string): never {
  throw new LanewiseError('INVALID_INPUT', `event ${event.seq} (${event.type}): ${message}`, {
    path: ['events', event.seq - 1],
  });
}

function pendingTransfer(state: PointsState, event: PointsEvent, id: string): TransferEvent {
  const transfer = state.transfers.get(id);
  if (transfer === undefined || !state.pendingIds.has(id))
    corrupt(event, `no pending transfer ${id}`);
  return transfer;
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
  const { itemId, quantity } = redemption.event.data;
  const item = state.items.get(itemId);
  if (item !== undefined) item.stock += quantity;
  if (redemption.limitKey !== undefined) {
    state.redeemedUnits.set(
      redemption.limitKey,
      (state.redeemedUnits.get(redemption.limitKey) ?? 0) - quantity,
    );
  }
}

function resolve(state: PointsState, event: PointsEvent, id: string, resolution: Resolution): void {
  const transfer = pendingTransfer(state, event, id);
  const { from, to, amount } = transfer.data;
  const debit = accountOf(state, from);
  const credit = accountOf(state, to);
  debit.debitsPending -= amount;
  credit.creditsPending -= amount;
  if (resolution.status === 'posted') {
    debit.debitsPosted += amount;
    credit.creditsPosted += amount;
    if (debit.lots) debitLots(debit.lots, amount);
    if (credit.lots) creditLots(credit.lots, monthOfInstant(state, event.at), amount);
  }
  state.resolved.set(id, resolution);
  state.pendingIds.delete(id);
  settleRedemption(state, id, resolution);
}

/**
 * Folds a transfer into the state. The accounts may be passed in when the caller has looked
 * them up already (the hot path of `transfer`); they are opened here otherwise.
 */
export function applyTransferred(
  state: PointsState,
  event: TransferEvent,
  debit: AccountState = accountOf(state, event.data.from),
  credit: AccountState = accountOf(state, event.data.to),
): void {
  const { id, amount } = event.data;
  const n = state.transfers.size;
  if (!state.transfers.add(id, event)) corrupt(event, `transfer ${id} exists`);
  state.links.link(n, debit, credit);
  if (event.data.pending !== undefined) {
    debit.debitsPending += amount;
    credit.creditsPending += amount;
    state.pendingIds.add(id);
    return;
  }
  debit.debitsPosted += amount;
  credit.creditsPosted += amount;
  if (debit.lots) debitLots(debit.lots, amount);
  if (credit.lots) creditLots(credit.lots, monthOfInstant(state, event.at), amount);
}

/**
 * Folds one event into the state. Commands check everything before they append, so here an
 * event that does not fit can only come from a damaged log, and is reported as such.
 */
export function applyPointsEvent(state: PointsState, event: PointsEvent): void {
  switch (event.type) {
    case 'points.transferred':
      applyTransferred(state, event);
      return;
    case 'points.posted':
      // `by` and `reason` may be undefined here: every reader checks for that.
      resolve(state, event, event.data.id, { status: 'posted', at: event.at, by: event.data.by });
      return;
    case 'points.voided':
      resolve(state, event, event.data.id, {
        status: 'voided',
        at: event.at,
        by: event.data.by,
        reason: event.data.reason,
      });
      return;
    case 'points.timedOut':
      resolve(state, event, event.data.id, { status: 'expired', at: event.at });
      return;
    case 'points.itemAdded':
      if (state.items.has(event.data.id)) corrupt(event, `item ${event.data.id} exists`);
      state.items.set(event.data.id, { input: event.data, stock: event.data.stock });
      return;
    case 'points.restocked': {
      const item =
        state.items.get(event.data.itemId) ?? corrupt(event, `no item ${event.data.itemId}`);
      item.stock += event.data.quantity;
      return;
    }
    case 'points.reserved': {
      const { id, volunteerId, itemId, quantity, pickupCode } = event.data;
      const item = state.items.get(itemId) ?? corrupt(event, `no item ${itemId}`);
      const transferId = redemptionTransferId(id);
      const transfer = pendingTransfer(state, event, transferId);
      const limit = item.input.limit;
      const limitKey =
        limit === undefined
          ? undefined
          : limitBucket(volunteerId, itemId, periodKey(monthOfInstant(state, event.at), limit.per));
      item.stock -= quantity;
      state.redemptions.set(id, {
        event,
        stationId: item.input.stationId,
        amount: transfer.data.amount,
        limitKey,
        status: 'reserved',
      });
      state.redemptionByTransfer.set(transferId, id);
      state.pickupCodes.set(pickupCode, id);
      if (limitKey !== undefined)
        state.redeemedUnits.set(limitKey, (state.redeemedUnits.get(limitKey) ?? 0) + quantity);
      return;
    }
    default:
      corrupt(event, `unknown event type ${String((event as { type: unknown }).type)}`);
  }
}
