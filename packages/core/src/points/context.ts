import type { Clock } from '../clock.js';
import { LanewiseError, type ErrorPath } from '../errors.js';
import type { AccountState, PointsState } from './state.js';
import type { CheckedTransfer } from './schemas.js';
import type { PointsEvent, PointsEventType } from './types.js';

/** What the command modules share: the state, the settings and the one way to change state. */
export interface PointsContext {
  readonly state: PointsState;
  readonly now: Clock;
  /** Reads the clock once: epoch milliseconds and the ISO string (cached while the time stands still). */
  clock(): readonly [time: number, at: string];
  readonly expireAfterMonths: number | undefined;
  readonly redemptionHoldMinutes: number | undefined;
  readonly pickupCode: (redemptionId: string, attempt: number) => string;
  /** Appends an event (stamped `at`, or the clock's now), folds it into the state, tells listeners. */
  append<T extends PointsEventType>(
    type: T,
    data: Extract<PointsEvent, { type: T }>['data'],
    at?: string,
  ): Extract<PointsEvent, { type: T }>;
  /**
   * The hot path of {@link append} for a checked transfer, whose accounts the caller looked
   * up already (undefined: not open yet). Returns the instant it was made at.
   */
  appendTransfer(
    transfer: CheckedTransfer,
    debit: AccountState | undefined,
    credit: AccountState | undefined,
  ): string;
}

/** Throws `NOT_FOUND` for an unknown id. */
export function notFound(what: string, id: string, path: ErrorPath): never {
  throw new LanewiseError('NOT_FOUND', `no ${what} ${id}`, { path, details: { id } });
}

/**
 * Throws `INVALID_INPUT` when adding `amount` to the account's running totals would leave
 * the safe-integer range, where sums stop being exact.
 */
export function assertRoom(
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
    throw new LanewiseError(
      'INVALID_INPUT',
      `${path.join('.')}: would overflow the account's totals`,
      { path },
    );
  }
}

/** Points that may be spent now: posted minus pending debits. */
export function availableOf(account: AccountState | undefined): number {
  return account === undefined
    ? 0
    : account.creditsPosted - account.debitsPosted - account.debitsPending;
}
