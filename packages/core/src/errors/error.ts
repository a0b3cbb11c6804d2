/** The stable error codes. New codes may be added; existing ones never change meaning. */
export const ERROR_CODES = [
  /** Input does not match its schema; `path` names the first bad field. */
  'INVALID_INPUT',
  /**
   * A log given to replay that no live object could have written; `path` starts with
   * `['events', index]` of the first bad event, or with `['restore']` for a snapshot to restore
   * from that no live object could have reached. Nothing is built from it.
   */
  'INVALID_LOG',
  /** An id that is not known. */
  'NOT_FOUND',
  /** The same id was used before with other content. */
  'ID_CONFLICT',
  /** The record's status does not allow this move. */
  'INVALID_TRANSITION',
  /** An hour entry longer than the policy's per-entry maximum. */
  'DURATION_LIMIT',
  /** An hour entry that ends after the clock's now. */
  'FUTURE_ENTRY',
  /** An hour entry that overlaps a live entry of the same volunteer. */
  'OVERLAP',
  /** An organiser approving their own hours. */
  'SELF_APPROVAL',
  /** A transfer that would take an account below what it may hold. */
  'INSUFFICIENT_POINTS',
  /** A pending transfer that was already posted, voided or expired. */
  'ALREADY_RESOLVED',
  /** A redemption asking for more than the stock. */
  'OUT_OF_STOCK',
  /** A redemption over the item's per-period limit. */
  'LIMIT_REACHED',
  /** A routing rule set that does not compile; `details.problems` lists every problem. */
  'INVALID_RULES',
  /** An action that had to happen before a deadline that has passed. */
  'TOO_LATE',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A path into the input: object keys and array indexes, as zod reports them. */
export type ErrorPath = readonly (string | number)[];

/**
 * Marks every `LanewiseError`, whichever copy of the core made it: a page that loads the CDN
 * file beside its own copy of the core has two classes, and `instanceof` must see both.
 */
const BRAND = Symbol.for('@lanewise/core/LanewiseError');

/**
 * The one error type of Lanewise. `instanceof LanewiseError` is true of an error made by any
 * copy of the core in the page.
 *
 * @example
 * ```ts
 * try {
 *   ledger.approve('e1', { by: 'org-1' });
 * } catch (error) {
 *   if (error instanceof LanewiseError && error.code === 'SELF_APPROVAL') showMessage(error.message);
 * }
 * ```
 */
export class LanewiseError extends Error {
  override readonly name = 'LanewiseError';
  /** The stable code. */
  readonly code: ErrorCode;
  /** Where in the input the problem is; empty when it is not about one field. */
  readonly path: ErrorPath;
  /** Machine-readable facts about the problem (ids, limits, the list of problems). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { path?: ErrorPath; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path ?? [];
    this.details = options.details ?? {};
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for a `LanewiseError` of any copy of the core. */
  static override [Symbol.hasInstance](value: unknown): value is LanewiseError {
    return typeof value === 'object' && value !== null && BRAND in value;
  }

  /** A plain object for logs and wire formats. */
  toJSON(): {
    name: string;
    code: ErrorCode;
    message: string;
    path: ErrorPath;
    details: Record<string, unknown>;
  } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      path: this.path,
      details: { ...this.details },
    };
  }
}

/** True when `error` is a {@link LanewiseError}, optionally with the given code. */
export function isLanewiseError(error: unknown, code?: ErrorCode): error is LanewiseError {
  return error instanceof LanewiseError && (code === undefined || error.code === code);
}

/**
 * The error of a log that fails replay: `INVALID_LOG` at `['events', index, ...path]`.
 *
 * @example
 * ```ts
 * throw invalidLog(3, ['data', 'amount'], 'amount must be a positive whole number');
 * ```
 */
export function invalidLog(
  index: number,
  path: ErrorPath,
  message: string,
  details: Record<string, unknown> = {},
): LanewiseError {
  return new LanewiseError('INVALID_LOG', `event ${index}: ${message}`, {
    path: ['events', index, ...path],
    details: { index, ...details },
  });
}

/**
 * The error of a snapshot that fails its restore: `INVALID_LOG` at `['restore', ...path]`, with
 * the `seq` of the event the snapshot stands at in `details.snapshot`.
 */
export function invalidSnapshot(
  seq: number,
  path: ErrorPath,
  message: string,
  details: Record<string, unknown> = {},
): LanewiseError {
  return new LanewiseError('INVALID_LOG', `snapshot at event ${seq}: ${message}`, {
    path: ['restore', ...path],
    details: { snapshot: seq, ...details },
  });
}
