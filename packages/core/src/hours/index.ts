/**
 * The volunteer-hour ledger: record, approve, correct, star levels, certificates.
 *
 * @module hours
 */
export { createHoursLedger } from './ledger.js';
export type { HoursLedger } from './api.js';
export {
  DEFAULT_HOURS_TIME_ZONE,
  DEFAULT_STAR_THRESHOLDS_HOURS,
  resolveHoursPolicy,
} from './policy.js';
export { HOUR_ENTRY_STATUSES } from './types.js';
export type {
  CorrectHoursInput,
  CreditedMinutesFilter,
  HourEntry,
  HourEntryDraft,
  HourEntryStatus,
  HoursApprovedEvent,
  HoursCertificate,
  HoursCertificateActivity,
  HoursCertificateEntry,
  HoursCertificateOptions,
  HoursCorrectedEvent,
  HoursEvent,
  HoursLedgerOptions,
  HoursListener,
  HoursListFilter,
  HoursPeriod,
  HoursPolicy,
  HoursRecordedEvent,
  HoursRejectedEvent,
  HoursRevokedEvent,
  HoursSnapshot,
  HoursSpan,
  HoursSummaryOptions,
  HoursSummaryRow,
  RecordHoursInput,
  ResolvedHoursPolicy,
} from './types.js';
