/**
 * The append-only event log, its hash chain, the checks a replayed log goes through, and replay.
 *
 * @module journal
 */
export { createJournal } from './journal.js';
export type { Journal, JournalEvent, JournalListener, JournalOptions } from './journal.js';
export { chainLink, checkpointOf, verifyChain } from './chain.js';
export type { ChainCheck, ChainHash, Checkpoint } from './chain.js';
export { checkEnvelopes } from './check.js';
export type { EnvelopeCheck } from './check.js';
export { replay } from './replay.js';
export type { Reducer } from './replay.js';
