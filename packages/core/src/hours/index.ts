/**
 * The volunteer-hour ledger: record, approve, correct, star levels, certificates.
 *
 * @module hours
 */
export { createHoursLedger } from './ledger.js';
export { isHoursSnapshot } from './guard.js';
export type {
  ApproveHoursInput,
  CloseHoursInput,
  CorrectHoursInput,
  CreditedMinutesFilter,
  HoursCertificateOptions,
  HoursLedger,
  HoursLedgerOptions,
  HoursListener,
  HoursListFilter,
  HoursPeriod,
  HoursSpan,
  HoursSummaryOptions,
  RecordHoursInput,
} from './api.js';
export {
  DEFAULT_HOURS_TIME_ZONE,
  DEFAULT_STAR_THRESHOLDS_HOURS,
  resolveHoursPolicy,
} from './policy.js';
export { HOUR_ENTRY_STATUSES, HOURS_APPROVAL_RULES } from './types.js';
export type {
  HourEntry,
  HourEntryDraft,
  HourEntryStatus,
  HoursApprovalRule,
  HoursApprovedEvent,
  HoursCertificate,
  HoursCertificateActivity,
  HoursCertificateEntry,
  HoursCorrectedEvent,
  HoursEvent,
  HoursPolicy,
  HoursRecordedEvent,
  HoursRejectedEvent,
  HoursRevokedEvent,
  HoursSnapshot,
  HoursSummaryRow,
  ResolvedHoursPolicy,
} from './types.js';
export {
  approveHoursInputSchema,
  closeHoursInputSchema,
  correctHoursInputSchema,
  creditedMinutesFilterSchema,
  hourEntryDraftSchema,
  hourEntrySchema,
  hoursApprovedDataSchema,
  hoursApprovedEventSchema,
  hoursCertificateOptionsSchema,
  hoursCertificateSchema,
  hoursClosedDataSchema,
  hoursCorrectedDataSchema,
  hoursCorrectedEventSchema,
  hoursEventSchema,
  hoursListFilterSchema,
  hoursPolicySchema,
  hoursRecordedEventSchema,
  hoursRejectedEventSchema,
  hoursRevokedEventSchema,
  hoursSnapshotSchema,
  hoursSummaryOptionsSchema,
  hoursSummaryRowSchema,
  recordHoursInputSchema,
} from './schemas.js';
