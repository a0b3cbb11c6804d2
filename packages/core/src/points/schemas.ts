import * as z from 'zod/mini';
import { checkpointSchema, eventSchema } from '../journal/schemas.js';
import { idSchema, instantSchema, timeZoneSchema } from '../schemas/common.js';
import { inInstantRange } from '../time/constants.js';
import {
  MAX_REDEMPTION_ID_LENGTH,
  MAX_TIMEOUT_MINUTES,
  MAX_VOLUNTEER_ID_LENGTH,
} from './limits.js';
import { isAccountString, type CheckedTransfer } from './store/fast-input.js';

const CONTROL = /\p{Cc}/u;

/** An id of 1 to `max` characters without control characters: `idSchema` with a lower limit. */
const idUpTo = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    z.refine((id) => !CONTROL.test(id), {
      message: 'must not contain control characters',
      params: { reason: 'control_characters' },
    }),
  );

/**
 * A point account name: `issuer`, `expired`, `volunteer:<id>` (id up to 180 characters, so
 * that its expiry ids fit the id limit) or `station:<id>` (id up to 200 characters).
 */
export const pointsAccountSchema = z.string().check(
  z.refine(isAccountString, {
    message: "must be 'issuer', 'expired', 'volunteer:<id>' or 'station:<id>'",
    params: {
      reason: 'format',
      expected: "'issuer', 'expired', 'volunteer:<id>' (id up to 180 characters) or 'station:<id>'",
    },
  }),
);

/** A positive whole number of points or units. */
const positiveInt = () => z.int().check(z.positive());

/** A timeout or hold in minutes: positive, whole, at most the supported instant range. */
const minutesSchema = () => z.int().check(z.positive(), z.lte(MAX_TIMEOUT_MINUTES));

/** The `pending` field of a transfer. */
export const pointsPendingSchema = z.strictObject({ timeoutMinutes: z.optional(minutesSchema()) });

/** The input of a point transfer. */
export const pointsTransferInputSchema = z.strictObject({
  id: idSchema,
  from: pointsAccountSchema,
  to: pointsAccountSchema,
  amount: positiveInt(),
  code: idSchema,
  ref: z.optional(idSchema),
  pending: z.optional(pointsPendingSchema),
  reversal: z.optional(z.boolean()),
});

/** Who resolves a pending transfer, and why. */
export const pointsResolveOptionsSchema = z.optional(
  z.strictObject({
    by: z.optional(idSchema),
    reason: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
  }),
);

/**
 * An instant argument: an ISO 8601 string with an offset or a valid `Date`, in range. An
 * argument of a call, not a wire format (a `Date` is not JSON), so it has no JSON Schema.
 */
export const instantOrDate = z.union([
  instantSchema,
  z.date().check(
    z.refine((date) => inInstantRange(date.getTime()), {
      message: 'must be a valid date from 1970 to 2999',
      params: { reason: 'instant' },
    }),
  ),
]);

/** A time range for history. */
export const pointsRangeSchema = z.optional(
  z.strictObject({ from: z.optional(instantSchema), to: z.optional(instantSchema) }),
);

/** A redemption limit. */
export const redemptionLimitSchema = z.strictObject({
  count: positiveInt(),
  per: z.enum(['month', 'quarter', 'year']),
});

/** The input of `addItem`, and the data of `points.item_added`. */
export const redemptionItemInputSchema = z.strictObject({
  id: idSchema,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  cost: positiveInt(),
  stock: z.int().check(z.nonnegative()),
  stationId: idSchema,
  limit: z.optional(redemptionLimitSchema),
});

/** The input of `redeem`. */
export const redemptionInputSchema = z.strictObject({
  id: idUpTo(MAX_REDEMPTION_ID_LENGTH),
  volunteerId: idUpTo(MAX_VOLUNTEER_ID_LENGTH),
  itemId: idSchema,
  quantity: positiveInt(),
});

/** The options of `fulfil`. */
export const redemptionFulfilOptionsSchema = z.strictObject({ by: idSchema });

/** The options of `cancel`. */
export const redemptionCancelOptionsSchema = z.strictObject({
  reason: z.string().check(z.minLength(1), z.maxLength(1000)),
});

/** A positive whole quantity (restock). */
export const pointsQuantitySchema = positiveInt();

/** The policy: unknown keys are dropped so that one policy object can feed every ledger. */
export const pointsPolicySchema = z.object({
  expireAfterMonths: z.optional(z.int().check(z.gte(1), z.lte(1200))),
  redemptionHoldMinutes: z.optional(minutesSchema()),
});

const isFunction = (value: unknown): boolean => typeof value === 'function';

/** The options of `createPointsLedger`. */
export const pointsLedgerOptionsSchema = z.object({
  policy: z.optional(pointsPolicySchema),
  now: z.custom<() => Date>(isFunction, 'must be a function returning a Date'),
  timeZone: z.optional(timeZoneSchema),
  // Checked by replay, event by event: zod would copy a million events first.
  events: z.optional(z.unknown()),
  hash: z.optional(z.custom<(text: string) => string>(isFunction, 'must be a function')),
  checkpoint: z.optional(checkpointSchema),
  pickupCode: z.optional(
    z.custom<(id: string, attempt: number) => string>(isFunction, 'must be a function'),
  ),
  onListenerError: z.optional(z.custom<(error: unknown) => void>(isFunction, 'must be a function')),
  dispatcher: z.optional(
    z.custom<object>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { run?: unknown }).run === 'function' &&
        typeof (value as { notify?: unknown }).notify === 'function',
      'must be a dispatcher',
    ),
  ),
});

/** The options of `toLedgerJournal`. */
export const ledgerJournalOptionsSchema = z.optional(
  z.strictObject({
    commodity: z.optional(
      z.string().check(z.regex(/^\p{L}{0,20}$/u, 'must be letters only, at most 20')),
    ),
  }),
);

// Records, as the ledger returns them (for JSON Schemas).

const accountRecord = z.string();

/** A transfer as the ledger reports it. */
export const pointsTransferSchema = z.strictObject({
  id: idSchema,
  from: accountRecord,
  to: accountRecord,
  amount: positiveInt(),
  code: idSchema,
  ref: z.optional(idSchema),
  pending: z.optional(pointsPendingSchema),
  reversal: z.optional(z.boolean()),
  at: instantSchema,
  status: z.enum(['posted', 'pending', 'voided', 'expired']),
  resolvedAt: z.optional(instantSchema),
  resolvedBy: z.optional(idSchema),
  reason: z.optional(z.string()),
  timeoutAt: z.optional(instantSchema),
});

/** An account's balance. */
export const pointsBalanceSchema = z.strictObject({
  posted: z.int(),
  pending: z.int(),
  available: z.int(),
});

/** One line of an account's history. */
export const pointsHistoryEntrySchema = z.strictObject({
  ...pointsTransferSchema.shape,
  change: z.int(),
});

/** A volunteer's points earned in one month. */
export const pointsLotSchema = z.strictObject({
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  amount: positiveInt(),
});

/** An item of the catalogue with its stock. */
export const redemptionItemSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  cost: positiveInt(),
  stationId: idSchema,
  limit: z.optional(redemptionLimitSchema),
  stock: z.int().check(z.nonnegative()),
});

/** A redemption. */
export const redemptionSchema = z.strictObject({
  id: idSchema,
  volunteerId: idSchema,
  itemId: idSchema,
  stationId: idSchema,
  quantity: positiveInt(),
  amount: positiveInt(),
  pickupCode: z.string(),
  transferId: idSchema,
  status: z.enum(['reserved', 'fulfilled', 'cancelled', 'expired']),
  reservedAt: instantSchema,
  resolvedAt: z.optional(instantSchema),
  fulfilledBy: z.optional(idSchema),
  reason: z.optional(z.string()),
});

/** One account in a snapshot. */
export const pointsAccountSnapshotSchema = z.strictObject({
  account: accountRecord,
  posted: z.int(),
  pending: z.int(),
  available: z.int(),
  owing: z.int().check(z.nonnegative()),
  lots: z.array(pointsLotSchema),
});

/** The whole state of a point ledger. */
export const pointsSnapshotSchema = z.strictObject({
  version: z.int().check(z.nonnegative()),
  timeZone: z.string(),
  policy: z.strictObject({
    expireAfterMonths: z.nullable(positiveInt()),
    redemptionHoldMinutes: z.nullable(positiveInt()),
  }),
  transferCount: z.int().check(z.nonnegative()),
  transfers: z.array(pointsTransferSchema),
  accounts: z.array(pointsAccountSnapshotSchema),
  pending: z.array(pointsTransferSchema),
  items: z.array(redemptionItemSchema),
  redemptions: z.array(redemptionSchema),
});

// Events: the data of each, exactly as a ledger writes it (replay checks every event with these).

const PICKUP_CODE = /^[^\p{Cc}\s]{1,64}$/u;

/** A pickup code: 1 to 64 characters, no spaces or control characters. */
export const pointsPickupCodeSchema = z.string().check(
  z.refine((code) => PICKUP_CODE.test(code), {
    message: 'must be 1 to 64 visible characters',
    params: { reason: 'format', expected: '1 to 64 visible characters' },
  }),
);

/** The data of `points.transferred`: `reversal` is stored only when true. */
export const pointsTransferredDataSchema = z.strictObject({
  id: idSchema,
  from: pointsAccountSchema,
  to: pointsAccountSchema,
  amount: positiveInt(),
  code: idSchema,
  ref: z.optional(idSchema),
  pending: z.optional(pointsPendingSchema),
  reversal: z.optional(z.literal(true)),
});

/** The data of `points.posted`. */
export const pointsPostedDataSchema = z.strictObject({ id: idSchema, by: z.optional(idSchema) });

/** The data of `points.voided`. */
export const pointsVoidedDataSchema = z.strictObject({
  id: idSchema,
  by: z.optional(idSchema),
  reason: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
});

/** The data of `points.timed_out`. */
export const pointsTimedOutDataSchema = z.strictObject({ id: idSchema });

/** The data of `points.restocked`. */
export const pointsRestockedDataSchema = z.strictObject({
  itemId: idSchema,
  quantity: positiveInt(),
});

/** The data of `points.reserved`. */
export const pointsReservedDataSchema = z.strictObject({
  id: idUpTo(MAX_REDEMPTION_ID_LENGTH),
  volunteerId: idUpTo(MAX_VOLUNTEER_ID_LENGTH),
  itemId: idSchema,
  quantity: positiveInt(),
  pickupCode: pointsPickupCodeSchema,
});

/** The data schema of each event type. */
export const pointsEventDataSchemas = {
  'points.transferred': pointsTransferredDataSchema,
  'points.posted': pointsPostedDataSchema,
  'points.voided': pointsVoidedDataSchema,
  'points.timed_out': pointsTimedOutDataSchema,
  'points.item_added': redemptionItemInputSchema,
  'points.restocked': pointsRestockedDataSchema,
  'points.reserved': pointsReservedDataSchema,
} as const;

/** The event types of the point ledger. */
export const POINTS_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(pointsEventDataSchemas));

const envelope = eventSchema;

/** One event of the point ledger's log. */
export const pointsEventSchema = z.discriminatedUnion('type', [
  envelope('points.transferred', pointsTransferredDataSchema),
  envelope('points.posted', pointsPostedDataSchema),
  envelope('points.voided', pointsVoidedDataSchema),
  envelope('points.timed_out', pointsTimedOutDataSchema),
  envelope('points.item_added', redemptionItemInputSchema),
  envelope('points.restocked', pointsRestockedDataSchema),
  envelope('points.reserved', pointsReservedDataSchema),
]);

/** zod's output of a transfer input or of a logged transfer, as the checks work from it. */
export function checkedTransfer(parsed: {
  id: string;
  from: string;
  to: string;
  amount: number;
  code: string;
  ref?: string | undefined;
  pending?: { timeoutMinutes?: number | undefined } | undefined;
  reversal?: boolean | undefined;
}): CheckedTransfer {
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
