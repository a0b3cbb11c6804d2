/**
 * Every error the core throws is a {@link LanewiseError} with a stable {@link ErrorCode}.
 * Integrators branch on `code`, never on `message`; people read {@link formatError}'s sentence
 * in their own language.
 *
 * @module errors
 */
export {
  ERROR_CODES,
  LanewiseError,
  isLanewiseError,
  invalidLog,
  invalidSnapshot,
} from './error.js';
export type { ErrorCode, ErrorPath } from './error.js';
export { formatError } from './format.js';
export type { MessageLocale } from './messages.js';
export type { FieldIssue, IssueReason } from './issues.js';
