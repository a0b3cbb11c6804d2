import { CompactLog } from '../../internal/compact-log.js';
import { StampList } from '../../internal/stamps.js';
import { createMonthCalendar, type MonthCalendar } from '../../time/months.js';
import type {
  PointsAccount,
  PointsEvent,
  PointsTransferStatus,
  RedemptionItemData,
  RedemptionStatus,
} from '../types.js';
import { NO_LOTS, type LotBook } from './lots.js';
import { TransferTable } from './transfer-table.js';

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
  at: string;
  by?: string;
  reason?: string;
}

/** A catalogue item: its definition as first given and its stock now. */
export interface ItemState {
  input: RedemptionItemData;
  stock: number;
}

/** A redemption: the reserving event and where it stands. */
export interface RedemptionState {
  data: ReservedEvent['data'];
  reservedAt: string;
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
  /** Accounts by name (a `Map`: names are looked up as own keys only). */
  accounts: Map<string, AccountState>;
  /** Accounts by number. */
  accountList: AccountState[];
  /** Every transfer, by row in the order made. */
  transfers: TransferTable;
  /** The instants transfers were made at, written with the ledger zone's offset. */
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
  /** Writes epoch milliseconds as ISO 8601 with the ledger zone's offset. */
  format: (time: number) => string;
  lastAt: string;
  lastMonth: number;
}

/**
 * A fresh, empty state. `buildTransfer(state, row, seq)` makes the event of a transfer kept
 * as its row in the log.
 */
export function emptyPointsState(
  timeZone: string,
  format: (time: number) => string,
  buildTransfer: (state: PointsState, row: number, seq: number) => PointsEvent,
): PointsState {
  const state: PointsState = {
    accounts: new Map(),
    accountList: [],
    transfers: new TransferTable(),
    stamps: new StampList(format),
    log: new CompactLog((row, seq) => buildTransfer(state, row, seq)),
    resolved: new Map(),
    pendingRows: new Set(),
    items: new Map(),
    redemptions: new Map(),
    redemptionByTransfer: new Map(),
    pickupCodes: new Map(),
    redeemedUnits: new Map(),
    months: createMonthCalendar(timeZone),
    format,
    lastAt: '',
    lastMonth: 0,
  };
  return state;
}

/** The name of account number `number`. */
export const accountName = (state: PointsState, number: number): PointsAccount =>
  (state.accountList[number] as AccountState).name as PointsAccount;

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
      months: NO_LOTS,
      amounts: NO_LOTS,
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

/** The month index of an instant; consecutive events mostly share one, so the last is kept. */
export function monthOfInstant(state: PointsState, at: string): number {
  if (at !== state.lastAt) {
    state.lastAt = at;
    state.lastMonth = state.months.indexOf(Date.parse(at));
  }
  return state.lastMonth;
}

/** The id of the pending transfer that holds a redemption's points. */
export const redemptionTransferId = (redemptionId: string): string => `redeem:${redemptionId}`;

/** The key under which a volunteer's units of an item count towards a limit period. */
export const limitBucket = (volunteerId: string, itemId: string, period: string): string =>
  `${volunteerId}\u0000${itemId}\u0000${period}`;
