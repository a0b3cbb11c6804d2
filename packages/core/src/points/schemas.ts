import { z } from 'zod';
import { idSchema, instantSchema, timeZoneSchema } from '../schemas/common.js';

const ACCOUNT_PATTERN = /^(?:issuer|expired|(?:volunteer|station):[^\p{Cc}]{1,200})$/u;

/** A point account name: `volunteer:<id>`, `station:<id>`, `issuer` or `expired`. */
export const pointsAccountSchema = z
  .string()
  .regex(ACCOUNT_PATTERN, "must be 'issuer', 'expired', 'volunteer:<id>' or 'station:<id>'");

/** A positive whole number of points or units. */
const positiveInt = z.int().positive();

/** The input of a point transfer. */
export const pointsTransferInputSchema = z.strictObject({
  id: idSchema,
  from: pointsAccountSchema,
  to: pointsAccountSchema,
  amount: positiveInt,
  code: idSchema,
  ref: idSchema.optional(),
  pending: z.strictObject({ timeoutMinutes: positiveInt.optional() }).optional(),
  reversal: z.boolean().optional(),
});

/** Who resolves a pending transfer, and why. */
export const resolveOptionsSchema = z
  .strictObject({ by: idSchema.optional(), reason: z.string().min(1).max(1000).optional() })
  .optional();

/** An instant given as an ISO 8601 string with an offset or as a valid `Date`. */
export const instantOrDateSchema = z.union([instantSchema, z.date()]);

/** A time range for history. */
export const pointsRangeSchema = z
  .strictObject({ from: instantSchema.optional(), to: instantSchema.optional() })
  .optional();

/** A redemption limit. */
export const redemptionLimitSchema = z.strictObject({
  count: positiveInt,
  per: z.enum(['month', 'quarter', 'year']),
});

/** The input of `addItem`. */
export const redemptionItemInputSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  cost: positiveInt,
  stock: z.int().nonnegative(),
  stationId: idSchema,
  limit: redemptionLimitSchema.optional(),
});

/** The input of `redeem`. */
export const redemptionInputSchema = z.strictObject({
  id: idSchema,
  volunteerId: idSchema,
  itemId: idSchema,
  quantity: positiveInt,
});

/** The options of `fulfil`. */
export const fulfilOptionsSchema = z.strictObject({ by: idSchema });

/** The options of `cancel`. */
export const cancelOptionsSchema = z.strictObject({ reason: z.string().min(1).max(1000) });

/** A positive whole quantity (restock). */
export const quantitySchema = positiveInt;

/** The policy: unknown keys are dropped so that one policy object can feed every ledger. */
export const pointsPolicySchema = z.object({
  expireAfterMonths: z.int().min(1).max(1200).optional(),
  redemptionHoldMinutes: positiveInt.optional(),
});

/** The options of `createPointsLedger`. */
export const pointsLedgerOptionsSchema = z.object({
  policy: pointsPolicySchema.optional(),
  now: z.custom<() => Date>(
    (value) => typeof value === 'function',
    'must be a function returning a Date',
  ),
  timeZone: timeZoneSchema.optional(),
  // An array, checked event by event as it is replayed: zod would copy a million events first.
  events: z
    .custom<readonly unknown[]>((value) => Array.isArray(value), 'must be an array of events')
    .optional(),
  pickupCode: z
    .custom<(id: string, attempt: number) => string>(
      (value) => typeof value === 'function',
      'must be a function',
    )
    .optional(),
});

/**
 * True when `value` is an id string `idSchema` accepts (same rule, without zod's overhead):
 * 1 to 200 UTF-16 units, none of them a control character (`\p{Cc}`: U+0000 to U+001F and
 * U+007F to U+009F). A loop over the units costs a fraction of a regular expression's call.
 */
export function isIdString(value: unknown): value is string {
  if (typeof value !== 'string' || value.length < 1 || value.length > 200) return false;
  for (let at = 0; at < value.length; at++) {
    const unit = value.charCodeAt(at);
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return false;
  }
  return true;
}

/** True when `value` is an account name `pointsAccountSchema` accepts. */
export function isAccountString(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_PATTERN.test(value);
}

/** True for the keys `pointsTransferInputSchema` knows (a switch: cheaper than a set lookup). */
function isTransferKey(key: string): boolean {
  switch (key) {
    case 'id':
    case 'from':
    case 'to':
    case 'amount':
    case 'code':
    case 'ref':
    case 'pending':
    case 'reversal':
      return true;
    default:
      return false;
  }
}

/** A transfer's fields once checked, by the fast path or by zod: what `transfer` works from. */
export interface CheckedTransfer {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  readonly code: string;
  readonly ref: string | undefined;
  /** Two-phase: the amount is reserved until posted or voided. */
  readonly pending: boolean;
  readonly timeoutMinutes: number | undefined;
  readonly reversal: boolean;
}

/** zod's output as a {@link CheckedTransfer}. */
export function checkedTransfer(
  parsed: z.output<typeof pointsTransferInputSchema>,
): CheckedTransfer {
  return {
    id: parsed.id,
    from: parsed.from,
    to: parsed.to,
    amount: parsed.amount,
    code: parsed.code,
    ref: parsed.ref,
    pending: parsed.pending !== undefined,
    timeoutMinutes: parsed.pending?.timeoutMinutes,
    reversal: parsed.reversal === true,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `pending`'s timeout when `pending` is `{}` or `{ timeoutMinutes }` (a positive integer); false otherwise. */
function plainTimeout(pending: unknown): number | undefined | false {
  if (!isPlainObject(pending)) return false;
  for (const key in pending) if (key !== 'timeoutMinutes') return false;
  const { timeoutMinutes } = pending;
  if (timeoutMinutes === undefined) return undefined;
  return typeof timeoutMinutes === 'number' &&
    Number.isSafeInteger(timeoutMinutes) &&
    timeoutMinutes > 0
    ? timeoutMinutes
    : false;
}

/**
 * The hot path of `transfer`: the checked fields of a plain object whose fields all pass
 * `pointsTransferInputSchema`, except `from`, `to` and `code`, which are only known to be
 * strings (the caller checks them against the accounts and codes it knows, or with
 * {@link isAccountString} and {@link isIdString});
 * undefined for anything else, which goes through zod, which accepts it or names the bad
 * field. Each field is read once, so that a getter cannot answer differently later.
 */
export function plainTransferInput(input: unknown): CheckedTransfer | undefined {
  if (!isPlainObject(input)) return undefined;
  for (const key in input) if (!isTransferKey(key)) return undefined;
  const { id, from, to, amount, code, ref, pending, reversal } = input;
  if (
    !isIdString(id) ||
    typeof from !== 'string' ||
    typeof to !== 'string' ||
    typeof amount !== 'number' ||
    !Number.isSafeInteger(amount) ||
    amount <= 0 ||
    typeof code !== 'string' ||
    (ref !== undefined && !isIdString(ref)) ||
    (reversal !== undefined && typeof reversal !== 'boolean')
  ) {
    return undefined;
  }
  const timeoutMinutes = pending === undefined ? undefined : plainTimeout(pending);
  if (timeoutMinutes === false) return undefined;
  return {
    id,
    from,
    to,
    amount,
    code,
    ref,
    pending: pending !== undefined,
    timeoutMinutes,
    reversal: reversal === true,
  };
}
