/**
 * The double-entry point ledger: transfers, two-phase holds, redemption, expiry, hledger export.
 *
 * @module points
 */
export { createPointsLedger } from './ledger.js';
export type { PointsLedger } from './api.js';
export {
  pointsAccountSchema,
  pointsTransferInputSchema,
  redemptionItemInputSchema,
  redemptionInputSchema,
} from './schemas.js';
export type {
  LedgerJournalOptions,
  PointsAccount,
  PointsAccountSnapshot,
  PointsBalance,
  PointsEvent,
  PointsEventType,
  PointsHistoryEntry,
  PointsLedgerOptions,
  PointsLot,
  PointsPolicy,
  PointsRange,
  PointsSnapshot,
  PointsTransfer,
  PointsTransferData,
  PointsTransferInput,
  PointsTransferStatus,
  Redemption,
  RedemptionInput,
  RedemptionItem,
  RedemptionItemInput,
  RedemptionLimit,
  RedemptionStatus,
} from './types.js';
