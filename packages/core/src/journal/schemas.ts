import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import type { Dispatcher } from '../internal/dispatch.js';
import { instantSchema } from '../schemas/common.js';

/** Where a caller last saw a log end: `{ seq, hash? }` of its last event (`seq` 0: empty). */
export const checkpointSchema = z.strictObject({
  seq: z.int().check(z.gte(0)),
  hash: z.optional(z.string()),
});

/**
 * The envelope of one event of `type` with `data`: every log of the core has this shape.
 * Marked free of side effects, so that a bundle drops the event schemas it does not use.
 */
/* @__NO_SIDE_EFFECTS__ */
export function eventSchema<T extends string, D extends $ZodType>(type: T, data: D) {
  return z.strictObject({
    seq: z.int().check(z.gte(1)),
    type: z.literal(type),
    at: instantSchema,
    data,
    hash: z.optional(z.string()),
  });
}

/** An option that must be a function (a clock, a hash, a listener). */
export const functionSchema = <F>(message = 'must be a function') =>
  z.custom<F>((value) => typeof value === 'function', { message });

/** The internal `dispatcher` option every stateful object takes. */
export const dispatcherSchema = z.custom<Dispatcher>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Dispatcher).run === 'function' &&
    typeof (value as Dispatcher).notify === 'function',
  'must be a dispatcher',
);
