import { LanewiseError } from '../errors.js';
import { CompactLog } from '../internal/compact-log.js';
import { StampList } from '../internal/stamps.js';
import { TransferTable } from './transfer-table.js';
import { creditLots, debitLots, type LotBook } from './lots.js';
import { createMonthCalendar, periodKey, type MonthCalendar } from '../time/months.js';
import type {
  PointsAccount,
  PointsEvent,
  PointsTransferData,
  PointsTransferStatus,
  RedemptionItemInput,
  RedemptionStatus,
} from './types.js';

type TransferEvent = Extract<PointsEvent, { type: 'points.transferred' }>;
type ReservedEvent = Extract<PointsEvent, { type: 'points.reserved' }>;

/**
 * One account's running totals (TigerBeetle's four), its newest transfer and, for volunteers,
 * its lots: the lot fields sit on the account itself, one object to reach on every transfer.
 */
export interface AccountState extends LotBook {
  readonly name: string;
  /** Its number, as the transfer table records it. */
  readonly number: number;
  debitsPosted: number;
  creditsPosted: number;
  debitsPending: number;
  creditsPending: number;
  /** The row of its newest transfer (see `TransferTable.historyOf`), -1 before the first. */
  newest: number;
  /** Volunteer accounts keep lots by month earned; others leave the lot fields empty. */
  readonly keepsLots: boolean;
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
  /** Accounts by number. */
  accountList: AccountState[];
  /** Every transfer, by row in the order made. */
  transfers: TransferTable;
  /** The instants transfers were made at. */
  stamps: StampList;
  /** The log; transfers made here are kept as their rows and built into events when read. */
  log: CompactLog<PointsEvent>;
  /**
   * How each resolved two-phase transfer was resolved, by row. A pending transfer with no
   * entry here is still pending: holds add nothing here, posts and voids add one each.
   */
  resolved: Map<number, Resolution>;
  /** Rows of transfers still pending, in the order they were made. */
  pendingRows: Set<number>;
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
  const state: PointsState = {
    accounts: new Map(),
    accountList: [],
    transfers: new TransferTable(),
    stamps: new StampList(),
    log: new CompactLog((row, seq) => transferEvent(state, row, seq)),
    resolved: new Map(),
    pendingRows: new Set(),
    items: new Map(),
    redemptions: new Map(),
    redemptionByTransfer: new Map(),
    pickupCodes: new Map(),
    redeemedUnits: new Map(),
    months: createMonthCalendar(timeZone),
    lastAt: '',
    lastMonth: 0,
  };
  return state;
}

/** The name of account number `number`. */
export const accountName = (state: PointsState, number: number): PointsAccount =>
  (state.accountList[number] as AccountState).name as PointsAccount;

/** A transfer's data as the log stores it: no `undefined` fields, `reversal` only when set. */
export function transferData(state: PointsState, row: number): PointsTransferData {
  const { transfers } = state;
  const data: { -readonly [K in keyof PointsTransferData]: PointsTransferData[K] } = {
    id: transfers.id(row),
    from: accountName(state, transfers.debit(row)),
    to: accountName(state, transfers.credit(row)),
    amount: transfers.amount(row),
    code: transfers.code(row),
  };
  const ref = transfers.ref(row);
  if (ref !== undefined) data.ref = ref;
  if (transfers.isPending(row)) {
    const timeoutMinutes = transfers.timeoutMinutes(row);
    data.pending = Object.freeze(timeoutMinutes === undefined ? {} : { timeoutMinutes });
  }
  if (transfers.isReversal(row)) data.reversal = true;
  return Object.freeze(data);
}

/** The event of the transfer in `row`, built as the journal would have made it. */
export function transferEvent(state: PointsState, row: number, seq: number): TransferEvent {
  return Object.freeze({
    seq,
    type: 'points.transferred',
    at: state.stamps.text(state.transfers.stamp(row)),
    data: transferData(state, row),
  });
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
      name: account,
      number: state.accountList.length,
      debitsPosted: 0,
      creditsPosted: 0,
      debitsPending: 0,
      creditsPending: 0,
      newest: -1,
      keepsLots: account.startsWith('volunteer:'),
      months: [],
      amounts: [],
      head: 0,
      newestMonth: -1,
      newestAmount: 0,
      debt: 0,
    };
    state.accounts.set(account, found);
    state.accountList.push(found);
  }
  return found;
}

/** The rows of the transfers that touched an account, oldest first. */
export function historyOf(state: PointsState, name: string): number[] {
  const account = state.accounts.get(name);
  if (account === undefined) return [];
  return state.transfers.historyOf(account.number, account.newest);
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

function pendingRow(state: PointsState, event: PointsEvent, id: string): number {
  const row = state.transfers.rowOf(id);
  if (row < 0 || !state.pendingRows.has(row)) corrupt(event, `no pending transfer ${id}`);
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

/** Moves a posted amount: the four totals and the volunteers' lots (earned in the month of `at`). */
export function postAmount(
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

function resolve(state: PointsState, event: PointsEvent, id: string, resolution: Resolution): void {
  const row = pendingRow(state, event, id);
  const { transfers } = state;
  const amount = transfers.amount(row);
  const debit = state.accountList[transfers.debit(row)] as AccountState;
  const credit = state.accountList[transfers.credit(row)] as AccountState;
  debit.debitsPending -= amount;
  credit.creditsPending -= amount;
  if (resolution.status === 'posted') postAmount(state, debit, credit, amount, event.at);
  state.resolved.set(row, resolution);
  state.pendingRows.delete(row);
  settleRedemption(state, id, resolution);
}

/**
 * Adds a checked transfer, whose id is new, to the table and to both accounts' histories and
 * returns its row; the caller then posts or holds the amount. `stamp` is the index of its
 * instant in `state.stamps`.
 */
export function addTransfer(
  state: PointsState,
  id: string,
  debit: AccountState,
  credit: AccountState,
  amount: number,
  code: string,
  stamp: number,
): number {
  const row = state.transfers.add(
    id,
    debit.number,
    credit.number,
    amount,
    code,
    stamp,
    debit.newest,
    credit.newest,
  );
  debit.newest = row;
  credit.newest = row;
  return row;
}

/** Reserves a two-phase transfer's amount. */
export function holdAmount(
  state: PointsState,
  row: number,
  debit: AccountState,
  credit: AccountState,
  timeoutMinutes: number | undefined,
): void {
  const amount = state.transfers.amount(row);
  state.transfers.setPending(row, timeoutMinutes);
  debit.debitsPending += amount;
  credit.creditsPending += amount;
  state.pendingRows.add(row);
}

/** Folds a `points.transferred` event: one read back from a log, or made from a data object. */
function applyTransferred(state: PointsState, event: TransferEvent): void {
  const { id, from, to, amount, code, ref, pending, reversal } = event.data;
  if (state.transfers.rowOf(id) >= 0) corrupt(event, `transfer ${id} exists`);
  const debit = accountOf(state, from);
  const credit = accountOf(state, to);
  const stamp = state.stamps.indexOfText(event.at);
  const row = addTransfer(state, id, debit, credit, amount, code, stamp);
  if (ref !== undefined) state.transfers.setRef(row, ref);
  if (reversal === true) state.transfers.setReversal(row);
  if (pending === undefined) postAmount(state, debit, credit, amount, event.at);
  else holdAmount(state, row, debit, credit, pending.timeoutMinutes);
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
      const transferRow = pendingRow(state, event, transferId);
      const limit = item.input.limit;
      const limitKey =
        limit === undefined
          ? undefined
          : limitBucket(volunteerId, itemId, periodKey(monthOfInstant(state, event.at), limit.per));
      item.stock -= quantity;
      state.redemptions.set(id, {
        event,
        stationId: item.input.stationId,
        amount: state.transfers.amount(transferRow),
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
