/**
 * The Lanewise server: a REST and Open311 API over an event store in PostgreSQL, with PGlite
 * by default.
 *
 * @module server
 */
export { createServer } from './server.js';
export type { DatabaseOption, LanewiseServer, ServerOptions } from './server.js';
export { signToken, verifyToken, ROLES } from './auth/tokens.js';
export type { AuthSettings, Caller, Role } from './auth/tokens.js';
export { openPglite } from './store/pglite.js';
export { openPostgres } from './store/postgres.js';
export { CommunityMovedError, createEventStore, StreamConflictError } from './store/events.js';
export type { EventStore, StoredEvent, StreamAppend } from './store/events.js';
export { DataDirLockedError } from './store/lock.js';
export { migrate } from './store/migrate.js';
export type { Database } from './store/database.js';
