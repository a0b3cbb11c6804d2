// Hand-written checks for the hot path of `transfer` and of replay: the same rules as the zod
// schemas in `../schemas.ts` (a test holds them equal), at a fraction of zod's cost.
import { MAX_STATION_ID_LENGTH, MAX_TIMEOUT_MINUTES, MAX_VOLUNTEER_ID_LENGTH } from '../limits.js';
import { isId, isIdText, isPlainObject } from '../../internal/plain.js';

/**
 * True when `value` is an account name: `issuer`, `expired`, `volunteer:<id>` (id up to 180
 * units, so that the expiry id `expire:<id>:<YYYY-MM>:<n>` fits the id limit) or
 * `station:<id>` (id up to 200 units).
 */
export function isAccountString(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (value.startsWith('volunteer:')) return isIdText(value, 10, MAX_VOLUNTEER_ID_LENGTH);
  if (value.startsWith('station:')) return isIdText(value, 8, MAX_STATION_ID_LENGTH);
  return value === 'issuer' || value === 'expired';
}

/** True for the keys a transfer input may have (a switch: cheaper than a set lookup). */
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

/** A {@link CheckedTransfer} that {@link plainTransferInput} may write into. */
export type TransferFields = { -readonly [K in keyof CheckedTransfer]: CheckedTransfer[K] };

/** One object for the fields of many transfers, where the checks and the reducer keep none. */
export const transferFields = (): TransferFields => ({
  id: '',
  from: '',
  to: '',
  amount: 0,
  code: '',
  ref: undefined,
  pending: false,
  timeoutMinutes: undefined,
  reversal: false,
});

/** A positive safe integer. */
const isPositiveInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** `pending`'s timeout when `pending` is `{}` or `{ timeoutMinutes }` in range; false otherwise. */
function plainTimeout(pending: unknown): number | undefined | false {
  if (!isPlainObject(pending)) return false;
  for (const key in pending) if (key !== 'timeoutMinutes') return false;
  const { timeoutMinutes } = pending;
  if (timeoutMinutes === undefined) return undefined;
  return isPositiveInt(timeoutMinutes) && timeoutMinutes <= MAX_TIMEOUT_MINUTES
    ? timeoutMinutes
    : false;
}

/**
 * The hot path of `transfer`: the checked fields of a plain object whose fields all pass
 * `pointsTransferInputSchema`, except `from`, `to` and `code`, which are only known to be
 * strings (the caller checks them against the accounts and codes it knows, or with
 * {@link isAccountString} and {@link isId}); undefined for anything else, which goes
 * through zod, which accepts it or names the bad field. Each field is read once, so that a
 * getter cannot answer differently later. With `stored`, the form a log stores: `reversal`
 * only as `true`. With `into`, the fields are written there (replay reuses one object for a
 * million events) instead of a new object.
 */
export function plainTransferInput(
  input: unknown,
  stored = false,
  into?: TransferFields,
): CheckedTransfer | undefined {
  if (!isPlainObject(input)) return undefined;
  for (const key in input) if (!isTransferKey(key)) return undefined;
  const { id, from, to, amount, code, ref, pending, reversal } = input;
  if (
    !isId(id) ||
    typeof from !== 'string' ||
    typeof to !== 'string' ||
    !isPositiveInt(amount) ||
    typeof code !== 'string' ||
    (ref !== undefined && !isId(ref)) ||
    (reversal !== undefined && (stored ? reversal !== true : typeof reversal !== 'boolean'))
  ) {
    return undefined;
  }
  const timeoutMinutes = pending === undefined ? undefined : plainTimeout(pending);
  if (timeoutMinutes === false) return undefined;
  if (into !== undefined) {
    into.id = id;
    into.from = from;
    into.to = to;
    into.amount = amount;
    into.code = code;
    into.ref = ref;
    into.pending = pending !== undefined;
    into.timeoutMinutes = timeoutMinutes;
    into.reversal = reversal === true;
    return into;
  }
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
