/**
 * The append-only event log and its replay.
 *
 * @module journal
 */
export { createJournal } from './journal.js';
export type { Journal, JournalEvent, JournalListener, JournalOptions } from './journal.js';
export { verifyChain } from './chain.js';
export type { ChainCheck, ChainHash } from './chain.js';
export { replay } from './replay.js';
export type { Reducer } from './replay.js';
