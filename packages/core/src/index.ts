/**
 * `@lanewise/core`: the Lanewise domain, with no DOM and no I/O. Each folder is also a
 * subpath export (`@lanewise/core/journal`, ...).
 *
 * @module @lanewise/core
 */
export * from './errors/index.js';
export * from './clock.js';
export * from './journal/index.js';
export * from './schemas/index.js';
export * from './hours/index.js';
export * from './points/index.js';
export * from './program/index.js';
export * from './calendar/index.js';
export * from './routing/index.js';
export * from './cases/index.js';
export * from './open311/index.js';
export * from './metrics/index.js';
