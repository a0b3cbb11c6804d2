/**
 * The double-entry point ledger: transfers, two-phase holds, redemption, expiry, hledger export.
 *
 * @module points
 */
export {};
