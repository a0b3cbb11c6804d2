/**
 * The double-entry point ledger: transfers, two-phase holds, redemption, expiry, hledger export.
 *
 * @module points
 */
export { createPointsLedger } from './ledger.js';
export type {
  LedgerJournalOptions,
  PointsLedger,
  PointsLedgerOptions,
  PointsRange,
  PointsTransferInput,
  RedemptionInput,
  RedemptionItemInput,
} from './api.js';
export {
  pointsAccountSchema,
  pointsTransferInputSchema,
  redemptionItemInputSchema,
  redemptionInputSchema,
  pointsPolicySchema,
  pointsTransferSchema,
  pointsBalanceSchema,
  pointsHistoryEntrySchema,
  pointsLotSchema,
  redemptionItemSchema,
  redemptionSchema,
  pointsAccountSnapshotSchema,
  pointsSnapshotSchema,
  pointsEventSchema,
} from './schemas.js';
export type {
  PointsAccount,
  PointsAccountSnapshot,
  PointsBalance,
  PointsEvent,
  PointsEventType,
  PointsHistoryEntry,
  PointsLot,
  PointsPolicy,
  PointsSnapshot,
  ResolvedPointsPolicy,
  PointsTransfer,
  PointsTransferData,
  PointsTransferStatus,
  Redemption,
  RedemptionItem,
  RedemptionItemData,
  RedemptionLimit,
  RedemptionStatus,
} from './types.js';
