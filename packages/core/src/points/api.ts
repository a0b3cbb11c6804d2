import type {
  LedgerJournalOptions,
  PointsBalance,
  PointsEvent,
  PointsHistoryEntry,
  PointsLot,
  PointsRange,
  PointsSnapshot,
  PointsTransfer,
  PointsTransferInput,
  Redemption,
  RedemptionInput,
  RedemptionItem,
  RedemptionItemInput,
} from './types.js';

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
  /** The event log, oldest first: pass it as `events` to rebuild an equal ledger. */
  events(): readonly PointsEvent[];
  /**
   * Calls `listener` after each change, with the event that made it; returns the function
   * that stops listening.
   */
  subscribe(listener: (event: PointsEvent) => void): () => void;
  /** The whole state as plain data. The same object until the next change. */
  snapshot(): PointsSnapshot;
}
