import type { Clock } from '../clock.js';
import type { Dispatcher, ListenerErrorHandler } from '../internal/dispatch.js';
import type { ChainHash, Checkpoint } from '../journal/chain.js';
import type {
  PointsBalance,
  PointsEvent,
  PointsHistoryEntry,
  PointsLot,
  PointsPolicy,
  PointsSnapshot,
  PointsTransfer,
  Redemption,
  RedemptionItem,
  RedemptionLimit,
} from './types.js';

/** Options of {@link createPointsLedger}. */
export interface PointsLedgerOptions {
  /** Expiry and redemption settings. */
  policy?: PointsPolicy;
  /** Stamps every event; the ledger never reads the wall clock. */
  now: Clock;
  /**
   * Months (lots, limits) are cut, and every instant the ledger returns is written, in this
   * IANA time zone. Default `Asia/Shanghai`.
   */
  timeZone?: string;
  /**
   * Events of an earlier ledger (its `events()`) to rebuild from. The log is checked as
   * strictly as the calls that wrote it; one that no ledger with these options could have
   * written is `INVALID_LOG`, with the bad event's index in the path, and nothing is built.
   */
  events?: readonly PointsEvent[];
  /**
   * Chains the log: each event appended gets `hash` over the previous event's hash and its own
   * canonical JSON, and a replayed log must match every hash. For example
   * `(text) => createHash('sha256').update(text).digest('hex')`.
   */
  hash?: ChainHash;
  /** The caller's `checkpoint()` of the log: a replayed log that no longer reaches it is `INVALID_LOG`. */
  checkpoint?: Checkpoint;
  /**
   * Makes a pickup code for a new redemption; called again if the code is taken. The default is
   * derived from the redemption id (8 characters, no 0/O/1/I): pass a random source, such as
   * `() => crypto.randomUUID().slice(0, 8)`, when codes must not be guessable.
   */
  pickupCode?: (redemptionId: string, attempt: number) => string;
  /** Called with each error a listener throws; the write stands. Default: an unhandled rejection. */
  onListenerError?: ListenerErrorHandler;
  /** Internal: the dispatcher to notify through (a program shares one between its ledgers). */
  dispatcher?: Dispatcher;
}

/** The input of {@link PointsLedger.transfer}. */
export interface PointsTransferInput {
  /** Caller-supplied id and idempotency key (1 to 200 characters). */
  id: string;
  /** The account debited. */
  from: string;
  /** The account credited. */
  to: string;
  /** A positive whole number of points. */
  amount: number;
  /** What kind of transfer this is, e.g. `earn`, `reverse`, `redeem`, `gift`. */
  code: string;
  /** A reference to the record the transfer is about (an hour entry, a redemption). */
  ref?: string;
  /**
   * Two-phase: reserve the amount now, `post` or `void` it later; times out after
   * `timeoutMinutes`, which must end before 3000-01-01.
   */
  pending?: { timeoutMinutes?: number };
  /**
   * A system reversal (taking back points earned by mistake): may take `from` below zero. The
   * account then owes the difference (see {@link PointsLedger.owing}) until it earns it back.
   */
  reversal?: boolean;
}

/** The input of {@link PointsLedger.addItem}. */
export interface RedemptionItemInput {
  id: string;
  name: string;
  /** Points per unit, a positive whole number. */
  cost: number;
  /** Units in stock at the start. */
  stock: number;
  /** The station that hands it out; its account `station:<id>` receives the points. */
  stationId: string;
  limit?: RedemptionLimit;
}

/** The input of {@link PointsLedger.redeem}. */
export interface RedemptionInput {
  /** At most 193 characters, so that its transfer's id `redeem:<id>` fits 200. */
  id: string;
  /** At most 180 characters (see `volunteer:<id>` accounts). */
  volunteerId: string;
  itemId: string;
  /** Units, a positive whole number. */
  quantity: number;
}

/** A time range: `from` inclusive, `to` exclusive, ISO 8601 instants. */
export interface PointsRange {
  from?: string;
  to?: string;
}

/** Options of {@link PointsLedger.toLedgerJournal}. */
export interface LedgerJournalOptions {
  /** The commodity written after each amount. Default `pts`; empty for bare numbers. */
  commodity?: string;
}

/**
 * A double-entry point ledger, modelled on TigerBeetle: integer amounts, immutable transfers,
 * caller ids as idempotency keys, two-phase transfers, balance limits checked in the write.
 * Every rejected call throws a `LanewiseError` and changes nothing.
 */
export interface PointsLedger {
  /**
   * Moves `amount` points from one account to another, at once or (with `pending`) as a hold.
   * The same id with the same content returns the stored transfer; with other content it is
   * `ID_CONFLICT`. Taking any account but `issuer` below zero is `INSUFFICIENT_POINTS`, unless
   * `reversal` is set.
   *
   * @example
   * ```ts
   * ledger.transfer({ id: 'earn:e1', from: 'issuer', to: 'volunteer:v1', amount: 10, code: 'earn', ref: 'e1' });
   * ledger.balance('volunteer:v1'); // { posted: 10, pending: 0, available: 10 }
   * ```
   */
  transfer(input: PointsTransferInput): PointsTransfer;
  /**
   * Posts a pending transfer: the reserved points move for good. `ALREADY_RESOLVED` when it was
   * posted, voided or expired before; `TOO_LATE` once its timeout has passed; `NOT_FOUND`,
   * `INVALID_TRANSITION` for a transfer that was never pending.
   *
   * @example
   * ```ts
   * ledger.transfer({ id: 'h1', from: 'volunteer:v1', to: 'station:s1', amount: 5, code: 'hold', pending: {} });
   * ledger.post('h1').status; // 'posted'
   * ```
   */
  post(id: string, options?: { by?: string }): PointsTransfer;
  /**
   * Voids a pending transfer: the reserved points are released. Same errors as {@link post}
   * except `TOO_LATE`: a timed-out hold may still be voided.
   *
   * @example
   * ```ts
   * ledger.void('h1', { reason: 'changed my mind' }).status; // 'voided'
   * ```
   */
  void(id: string, options?: { by?: string; reason?: string }): PointsTransfer;
  /**
   * Expires every pending transfer whose timeout is at or before `now` (and the redemptions
   * they hold, returning their stock). Returns the expired transfers.
   *
   * @example
   * ```ts
   * ledger.expirePending('2025-03-02T00:00:00+08:00').map((transfer) => transfer.id);
   * ```
   */
  expirePending(now: string | Date): PointsTransfer[];
  /**
   * The account's posted, pending and available points, in constant time. An account never
   * used has zeros.
   *
   * @example
   * ```ts
   * const { available } = ledger.balance('volunteer:v1');
   * ```
   */
  balance(account: string): PointsBalance;
  /**
   * The points an account owes because a reversal took it below zero; 0 when it owes nothing.
   *
   * @example
   * ```ts
   * if (ledger.owing('volunteer:v1') > 0) showOwing();
   * ```
   */
  owing(account: string): number;
  /**
   * The transfers that touched an account, oldest first, made in `[from, to)`.
   *
   * @example
   * ```ts
   * ledger.history('volunteer:v1', { from: '2025-01-01T00:00:00+08:00' }).map((line) => line.change);
   * ```
   */
  history(account: string, range?: PointsRange): PointsHistoryEntry[];
  /** The transfer with this id, or `undefined`. */
  getTransfer(id: string): PointsTransfer | undefined;
  /**
   * Adds an item to the redemption catalogue. The same id with the same definition returns it.
   *
   * @example
   * ```ts
   * ledger.addItem({ id: 'soap', name: 'Soap', cost: 20, stock: 50, stationId: 'huana', limit: { count: 1, per: 'quarter' } });
   * ```
   */
  addItem(input: RedemptionItemInput): RedemptionItem;
  /**
   * Adds `quantity` units to an item's stock.
   *
   * @example
   * ```ts
   * ledger.restock('soap', 20).stock;
   * ```
   */
  restock(itemId: string, quantity: number): RedemptionItem;
  /** The item with this id, or `undefined`. */
  getItem(id: string): RedemptionItem | undefined;
  /** Every item, in the order they were added. */
  items(): RedemptionItem[];
  /**
   * Reserves stock and points (a pending transfer `redeem:<id>` from the volunteer to the
   * station) and returns the redemption with its unique pickup code. `NOT_FOUND`,
   * `OUT_OF_STOCK`, `LIMIT_REACHED` and `INSUFFICIENT_POINTS` leave everything unchanged.
   * Hours are not touched.
   *
   * @example
   * ```ts
   * const { status, pickupCode } = ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 });
   * ```
   */
  redeem(input: RedemptionInput): Redemption;
  /**
   * Hands the item out: posts the redemption's transfer.
   *
   * @example
   * ```ts
   * ledger.fulfil('r1', { by: 'station-clerk-1' }).status; // 'fulfilled'
   * ```
   */
  fulfil(id: string, options: { by: string }): Redemption;
  /**
   * Cancels a reserved redemption: voids its transfer and returns the stock.
   *
   * @example
   * ```ts
   * ledger.cancel('r1', { reason: 'not collected' }).status; // 'cancelled'
   * ```
   */
  cancel(id: string, options: { reason: string }): Redemption;
  /** The redemption with this id, or `undefined`. */
  getRedemption(id: string): Redemption | undefined;
  /** The redemption with this pickup code, or `undefined`. */
  findRedemption(pickupCode: string): Redemption | undefined;
  /**
   * With `policy.expireAfterMonths`, moves what is left of lots older than the limit at `asOf`
   * to `expired`, one transfer per volunteer. Points held by a pending transfer are not expired.
   * Running it again expires nothing more. Returns the expiry transfers.
   *
   * @example
   * ```ts
   * ledger.expire('2026-02-01T00:00:00+08:00').reduce((sum, transfer) => sum + transfer.amount, 0);
   * ```
   */
  expire(asOf: string | Date): PointsTransfer[];
  /** A volunteer's unspent points by month earned, oldest first (empty for other accounts). */
  lots(account: string): PointsLot[];
  /**
   * The whole ledger as an hledger / ledger-cli journal: posted transfers cleared (`*`),
   * pending ones pending (`!`), voided and expired ones as comments. `hledger -f - balance -C`
   * prints the posted balances, `-P` the pending ones.
   *
   * @example
   * ```ts
   * writeFileSync('points.journal', ledger.toLedgerJournal());
   * ```
   */
  toLedgerJournal(options?: LedgerJournalOptions): string;
  /**
   * The event log, oldest first, frozen (the array and every event): pass it as `events` to
   * rebuild an equal ledger.
   */
  events(): readonly PointsEvent[];
  /**
   * `{ seq, hash }` of the last event (`hash` when the log is chained): keep it beside the log
   * and pass it back as `checkpoint` to detect a log whose tail was cut off.
   */
  checkpoint(): Checkpoint;
  /**
   * Calls `listener` with each event, once the command that appended it is complete (a write
   * made by a listener runs after it); returns the function that stops listening. A listener's
   * error goes to `onListenerError`, never to the caller of the write.
   */
  subscribe(listener: (event: PointsEvent) => void): () => void;
  /** The whole state as plain data, deeply frozen. The same object until the next change. */
  snapshot(): PointsSnapshot;
}
