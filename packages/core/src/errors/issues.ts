import type { ErrorPath } from './error.js';

/**
 * What is wrong with one field, in words that can be said in any language: a `reason` and the
 * facts the sentence needs. `parseInput` and the hand-written checks describe every bad field
 * this way, so that {@link formatError} can say it in zh-CN or en.
 */
export interface FieldIssue {
  readonly path: ErrorPath;
  /** The sentence in English, without the path. */
  readonly message: string;
  readonly reason: IssueReason;
  /** Facts for the sentence: `expected`, `values`, `minimum`, `maximum`, `unit`, `key`. */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** The kinds of bad field. */
export type IssueReason =
  | 'required'
  | 'type'
  | 'whole_number'
  | 'finite_number'
  | 'enum'
  | 'too_small'
  | 'too_big'
  | 'instant'
  | 'day'
  | 'time_zone'
  | 'format'
  | 'control_characters'
  | 'unknown_key'
  | 'after_clock'
  | 'decimals'
  | 'too_early'
  | 'invalid';
