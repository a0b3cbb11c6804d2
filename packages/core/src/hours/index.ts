/**
 * The volunteer-hour ledger: record, approve, correct, star levels, certificates.
 *
 * @module hours
 */
export {};
