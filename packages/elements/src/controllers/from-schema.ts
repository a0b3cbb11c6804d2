import { parseInput } from '@lanewise/core/schemas';
import type { $ZodType } from 'zod/v4/core';

/**
 * The `check` of a {@link SourceController} from a zod/mini schema: the document parsed with
 * the core's `parseInput`, so that a bad document is a `LanewiseError` whose first issue names
 * the record and the field, said in the page's language by `formatError`. Kept apart from
 * the controller so that a widget without a schema carries no zod.
 *
 * @example
 * ```ts
 * feed = new SourceController(this, { check: fromSchema(hoursSnapshotSchema), live: 'ledger' });
 * ```
 */
export function fromSchema<T>(schema: $ZodType<T>): (raw: unknown) => T {
  return (raw) => parseInput(schema, raw) as T;
}
