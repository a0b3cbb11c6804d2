// A strict object schema whose parser zod compiles (its JIT object, the one the full build
// uses): zod/mini's plain object parser is about three times slower, and every live call and
// every replayed event parses one. Where `eval` is not allowed, zod falls back to the plain
// parser by itself. The result is a zod core schema: parse it with `parseInput` (or zod/mini's
// `safeParse`), nest it in zod/mini schemas, and read its fields from `_zod.def.shape`.
import * as z from 'zod/mini';
import { $ZodObjectJIT, type $strict, type $ZodObject, type $ZodShape } from 'zod/v4/core';

/**
 * `z.strictObject(shape)`, compiled. Marked free of side effects, so that a bundle drops the
 * schemas it does not use.
 */
/* @__NO_SIDE_EFFECTS__ */
export function strictObject<const S extends $ZodShape>(shape: S): $ZodObject<S, $strict> {
  return new $ZodObjectJIT({ type: 'object', shape, catchall: z.never() }) as unknown as $ZodObject<
    S,
    $strict
  >;
}
