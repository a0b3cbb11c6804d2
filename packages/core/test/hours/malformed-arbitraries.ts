// Generators of malformed arguments: take valid arguments and break exactly one piece, so
// that the error must name that piece.
import fc from 'fast-check';
import { daySchema, idSchema, instantSchema } from '../../src/schemas/index.js';

/** The kinds of field the hour ledger takes. */
export type FieldKind =
  'id' | 'instant' | 'bound' | 'text' | 'tags' | 'status' | 'groupBy' | 'period';

const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
);

const badId = fc.oneof(
  notString,
  fc.constant(''),
  fc.string({ minLength: 201, maxLength: 260 }),
  fc
    .tuple(
      fc.string({ maxLength: 5 }),
      fc.constantFrom('\u0000', '\n', '\u007f'),
      fc.string({ maxLength: 5 }),
    )
    .map((parts) => parts.join('')),
);

const badInstant = fc.oneof(
  notString,
  fc.constantFrom(
    '2025-03-01T09:00:00',
    '2025-03-01',
    '2025-03-01 09:00+08:00',
    '2025-13-01T00:00:00Z',
    'yesterday',
    '',
  ),
  fc.string({ maxLength: 30 }).filter((text) => !instantSchema.safeParse(text).success),
);

const badBound = fc.oneof(
  notString,
  fc.constantFrom('2025-03-01T09:00:00', '2025-3-1', '2025-02-30', 'last week', ''),
  fc
    .string({ maxLength: 30 })
    .filter((text) => !instantSchema.safeParse(text).success && !daySchema.safeParse(text).success),
);

const badText = fc.oneof(
  notString,
  fc.constantFrom('', '   ', '\n\t'),
  fc.string({ minLength: 2001, maxLength: 2100 }).filter((text) => text.trim().length > 2000),
);

const validId = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter((text) => idSchema.safeParse(text).success);

const badTags = fc.oneof(
  notString.filter((value) => !Array.isArray(value)),
  fc.tuple(fc.array(validId, { maxLength: 3 }), badId).map(([good, bad]) => [...good, bad]),
  fc.array(validId, { minLength: 51, maxLength: 60 }),
);

const badEnum = (values: readonly string[]) =>
  fc.oneof(
    notString,
    fc.string({ maxLength: 12 }).filter((text) => !values.includes(text)),
  );

const statuses = ['pending', 'approved', 'rejected', 'revoked', 'superseded'];

const badValue: Record<FieldKind, fc.Arbitrary<unknown>> = {
  id: badId,
  instant: badInstant,
  bound: badBound,
  text: badText,
  tags: badTags,
  status: fc.oneof(
    badEnum(statuses),
    fc.tuple(badEnum(statuses)).map((list) => list),
  ),
  groupBy: badEnum(['volunteer', 'activity']),
  period: badEnum(['day', 'week', 'month', 'year']),
};

/** Arguments with one piece broken, and the path the error must start with. */
export interface Malformed {
  readonly args: unknown[];
  readonly path: readonly (string | number)[];
}

/**
 * Breaks one argument: a positional id gets a bad value; an object gets a bad field, loses a
 * required field, gains an unknown one, or is replaced by a non-object.
 */
export function malformedArgs(
  valid: readonly unknown[],
  shape: readonly (string | Record<string, FieldKind>)[],
  required: readonly (readonly string[])[],
): fc.Arbitrary<Malformed> {
  const choices = shape.map((piece, index): fc.Arbitrary<Malformed> => {
    const withArg = (value: unknown) => valid.map((arg, at) => (at === index ? value : arg));
    if (typeof piece === 'string') {
      return badId.map((value) => ({ args: withArg(value), path: [piece] }));
    }
    const object = valid[index] as Record<string, unknown>;
    const fields = Object.keys(piece);
    const options: fc.Arbitrary<Malformed>[] = [
      fc.constantFrom(...fields).chain((field) =>
        badValue[piece[field]!].map((value) => ({
          args: withArg({ ...object, [field]: value }),
          path: [field],
        })),
      ),
      fc
        .string({ minLength: 1, maxLength: 8 })
        .filter((key) => !fields.includes(key) && key !== '__proto__')
        .map((key) => ({ args: withArg({ ...object, [key]: 1 }), path: [] })),
      fc
        .oneof(
          fc.integer(),
          fc.string(),
          fc.constant(null),
          fc.array(fc.integer(), { maxLength: 2 }),
        )
        .map((value) => ({ args: withArg(value), path: [] })),
    ];
    const needed = required[index] ?? [];
    if (needed.length > 0) {
      options.push(
        fc.constantFrom(...needed).map((field) => {
          const { [field]: _dropped, ...rest } = object;
          return { args: withArg(rest), path: [field] };
        }),
      );
    }
    return fc.oneof(...options);
  });
  return fc.oneof(...choices);
}
