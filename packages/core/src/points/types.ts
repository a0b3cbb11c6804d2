import type { JournalEvent } from '../journal/journal.js';

/**
 * A point account: `volunteer:<id>`, `station:<id>`, `issuer` (where points come from, the one
 * account that may go below zero) or `expired` (where expired points go).
 */
export type PointsAccount = `volunteer:${string}` | `station:${string}` | 'issuer' | 'expired';

/** Settings of the point ledger. Unknown keys are ignored, so one policy object can feed every ledger. */
export interface PointsPolicy {
  /**
   * Points expire this many whole months after the month they were earned: with `12`, points
   * earned at any time in January 2025 expire on 1 February 2026 (in the ledger's time zone).
   * No expiry when left out.
   */
  expireAfterMonths?: number;
  /** A redemption left unfulfilled this many minutes times out with `expirePending`. No limit when left out. */
  redemptionHoldMinutes?: number;
}

/** What is stored of a transfer: its input, as given, and nothing else. */
export interface PointsTransferData {
  readonly id: string;
  readonly from: PointsAccount;
  readonly to: PointsAccount;
  readonly amount: number;
  readonly code: string;
  readonly ref?: string;
  readonly pending?: { readonly timeoutMinutes?: number };
  readonly reversal?: boolean;
}

/** Where a transfer stands: posted (final), pending (reserved), voided, or expired (timed out). */
export type PointsTransferStatus = 'posted' | 'pending' | 'voided' | 'expired';

/** A transfer as the ledger reports it. */
export interface PointsTransfer extends PointsTransferData {
  /** When it was made (ISO 8601). */
  readonly at: string;
  readonly status: PointsTransferStatus;
  /** When a two-phase transfer was posted, voided or expired. */
  readonly resolvedAt?: string;
  /** Who posted or voided it, when given. */
  readonly resolvedBy?: string;
  /** Why it was voided, when given. */
  readonly reason?: string;
  /** When a pending transfer with a timeout stops being postable. */
  readonly timeoutAt?: string;
}

/**
 * An account's balance in points. `posted` is final; `pending` is the net of reserved
 * transfers (what `posted` becomes if all are posted); `available` is what may be spent now:
 * posted minus pending debits.
 */
export interface PointsBalance {
  readonly posted: number;
  readonly pending: number;
  readonly available: number;
}

/** One line of an account's history: the transfer and its signed effect on the account. */
export interface PointsHistoryEntry extends PointsTransfer {
  /** `+amount` when the account is credited, `-amount` when debited. */
  readonly change: number;
}

/** Points of one volunteer earned in one month (`YYYY-MM`, in the ledger's time zone). */
export interface PointsLot {
  readonly month: string;
  readonly amount: number;
}

/** A per-volunteer redemption limit: at most `count` units of the item per calendar period. */
export interface RedemptionLimit {
  readonly count: number;
  readonly per: 'month' | 'quarter' | 'year';
}

/** An item's definition, as `addItem` stores it (the data of `points.item_added`). */
export interface RedemptionItemData {
  readonly id: string;
  readonly name: string;
  /** Points per unit, a positive whole number. */
  readonly cost: number;
  /** Units in stock at the start. */
  readonly stock: number;
  /** The station that hands it out; its account `station:<id>` receives the points. */
  readonly stationId: string;
  readonly limit?: RedemptionLimit;
}

/** An item of the redemption catalogue, with its current stock (reserved units are not in stock). */
export interface RedemptionItem {
  readonly id: string;
  readonly name: string;
  readonly cost: number;
  readonly stationId: string;
  readonly limit?: RedemptionLimit;
  readonly stock: number;
}

/** Where a redemption stands. */
export type RedemptionStatus = 'reserved' | 'fulfilled' | 'cancelled' | 'expired';

/** A redemption: points and stock reserved until the volunteer picks the item up. */
export interface Redemption {
  readonly id: string;
  readonly volunteerId: string;
  readonly itemId: string;
  readonly stationId: string;
  readonly quantity: number;
  /** Points: cost times quantity. */
  readonly amount: number;
  /** The unique code the volunteer shows at the station. */
  readonly pickupCode: string;
  /** The pending transfer that holds the points: `redeem:<id>`. */
  readonly transferId: string;
  readonly status: RedemptionStatus;
  readonly reservedAt: string;
  readonly resolvedAt?: string;
  /** Who handed it out. */
  readonly fulfilledBy?: string;
  readonly reason?: string;
}

/** The events the point ledger appends; its state is rebuilt from them. */
export type PointsEvent =
  | JournalEvent<'points.transferred', PointsTransferData>
  | JournalEvent<'points.posted', { readonly id: string; readonly by?: string }>
  | JournalEvent<
      'points.voided',
      { readonly id: string; readonly by?: string; readonly reason?: string }
    >
  | JournalEvent<'points.timed_out', { readonly id: string }>
  | JournalEvent<'points.item_added', RedemptionItemData>
  | JournalEvent<'points.restocked', { readonly itemId: string; readonly quantity: number }>
  | JournalEvent<
      'points.reserved',
      {
        readonly id: string;
        readonly volunteerId: string;
        readonly itemId: string;
        readonly quantity: number;
        readonly pickupCode: string;
      }
    >;

/** The type of one {@link PointsEvent}. */
export type PointsEventType = PointsEvent['type'];

/** One account in a {@link PointsSnapshot}. */
export interface PointsAccountSnapshot extends PointsBalance {
  readonly account: PointsAccount;
  /** Points owed after a reversal took the account below zero (0 when none). */
  readonly owing: number;
  /** A volunteer's unspent points by month earned, oldest first (empty for other accounts). */
  readonly lots: readonly PointsLot[];
}

/** A {@link PointsPolicy} as a snapshot reports it: `null` where the policy sets no limit. */
export interface ResolvedPointsPolicy {
  readonly expireAfterMonths: number | null;
  readonly redemptionHoldMinutes: number | null;
}

/** The whole state of a point ledger as plain data; equal for a ledger and its replay. */
export interface PointsSnapshot {
  /** The number of events so far. */
  readonly version: number;
  /** The zone months are cut in and instants are written in. */
  readonly timeZone: string;
  readonly policy: ResolvedPointsPolicy;
  readonly transferCount: number;
  /** Every transfer, in the order made: the history of every account. */
  readonly transfers: readonly PointsTransfer[];
  readonly accounts: readonly PointsAccountSnapshot[];
  /** Transfers still pending, oldest first. */
  readonly pending: readonly PointsTransfer[];
  readonly items: readonly RedemptionItem[];
  readonly redemptions: readonly Redemption[];
}
