// Generators of malformed inputs for the point ledger's entry points, and the check that each
// is rejected with INVALID_INPUT, names the bad field, and changes nothing.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LanewiseError } from '../../src/errors/index.js';
import { manualClock } from '../../src/clock.js';
import { instantSchema } from '../../src/schemas/common.js';
import { createPointsLedger, type PointsLedger } from '../../src/points/index.js';

/** Malformed inputs per entry point, as the issue asks. */
export const RUNS = 10_000;

const ACCOUNT = /^(?:issuer|expired|(?:volunteer|station):[^\p{Cc}]{1,200})$/u;

const controlChar = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((code) => String.fromCharCode(code));

/** Anything but a string (and never `undefined`, which optional fields accept). */
export const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

/** Not an object: what a caller passes by mistake for an input record. */
export const notObject = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
);

export const badId = fc.oneof(
  notString,
  fc.constant(''),
  fc.string({ minLength: 201, maxLength: 240 }),
  fc
    .tuple(fc.string({ maxLength: 8 }), controlChar, fc.string({ maxLength: 8 }))
    .map(([a, c, b]) => a + c + b),
);

export const badAccount = fc.oneof(
  notString,
  fc.constantFrom(
    '',
    'bank',
    'volunteer:',
    'station:',
    'Issuer',
    'issuer ',
    'volunteer',
    'expired:x',
    'volunteer:a\u0000',
    'station:\n',
  ),
  fc.string({ maxLength: 20 }).filter((text) => !ACCOUNT.test(text)),
  fc.string({ minLength: 201, maxLength: 220 }).map((id) => `volunteer:${id}`),
);

const notNumber = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
  fc.array(fc.integer(), { maxLength: 1 }),
);

export const badPositiveInt = fc.oneof(
  notNumber,
  fc.constantFrom(0, -0, -1, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 53, Number.MIN_VALUE),
  fc.integer({ max: 0 }),
  fc.double().filter((value) => !Number.isSafeInteger(value) || value <= 0),
);

export const badNonNegativeInt = fc.oneof(
  notNumber,
  fc.constantFrom(-1, 0.5, Number.NaN, Infinity, 2 ** 53),
  fc.integer({ max: -1 }),
  fc.double().filter((value) => !Number.isSafeInteger(value) || value < 0),
);

/** Neither an ISO instant with an offset nor a valid Date. */
export const badInstant = fc.oneof(
  fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 1 })),
  fc.constantFrom(
    '2025-01-01',
    '2025-01-01T00:00:00',
    'yesterday',
    '',
    '2025-13-01T00:00:00Z',
    new Date(Number.NaN),
  ),
  fc.string({ maxLength: 30 }).filter((text) => !instantSchema.safeParse(text).success),
);

export const badBoolean = fc.oneof(
  fc.constantFrom('true', 'false', 1, 0, null),
  fc.string({ maxLength: 5 }),
);

/** A text field of 1 to `max` characters, given something else. */
export const badText = (max: number) =>
  fc.oneof(notString, fc.constant(''), fc.string({ minLength: max + 1, maxLength: max + 20 }));

/** An input record with one thing wrong, and the field the error must name (if one). */
export interface Malformed {
  input: unknown;
  field?: string;
}

/**
 * Malformed variants of a valid record: one field given a bad value, a required field left
 * out, an unknown key added, or not an object at all.
 */
export function malformedRecord(
  valid: Record<string, unknown>,
  bad: Record<string, fc.Arbitrary<unknown>>,
  required: readonly string[],
): fc.Arbitrary<Malformed> {
  const keys = Object.keys(bad);
  const missing =
    required.length === 0
      ? []
      : [
          {
            weight: 1,
            arbitrary: fc.constantFrom(...required).map((key): Malformed => {
              const copy: Record<string, unknown> = { ...valid };
              delete copy[key];
              return { input: copy, field: key };
            }),
          },
        ];
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(...keys).chain((key) =>
        (bad[key] as fc.Arbitrary<unknown>).map((value) => ({
          input: { ...valid, [key]: value },
          field: key,
        })),
      ),
    },
    ...missing,
    {
      weight: 1,
      arbitrary: fc
        .string({ minLength: 1, maxLength: 8 })
        .filter((key) => !(key in valid) && !keys.includes(key) && key !== '__proto__')
        .map((key) => ({ input: { ...valid, [key]: 1 } })),
    },
    { weight: 1, arbitrary: notObject.map((input) => ({ input })) },
  );
}

/** A small ledger with some of everything, to throw malformed input at. */
export function fixture(): PointsLedger {
  const clock = manualClock('2025-03-01T09:00:00+08:00');
  const ledger = createPointsLedger({
    now: clock.now,
    policy: { expireAfterMonths: 12, redemptionHoldMinutes: 60 },
  });
  ledger.transfer({ id: 'e1', from: 'issuer', to: 'volunteer:v1', amount: 100, code: 'earn' });
  ledger.transfer({
    id: 'h1',
    from: 'volunteer:v1',
    to: 'station:s1',
    amount: 5,
    code: 'hold',
    pending: {},
  });
  ledger.addItem({
    id: 'soap',
    name: 'Soap',
    cost: 10,
    stock: 5,
    stationId: 's1',
    limit: { count: 2, per: 'month' },
  });
  ledger.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 });
  return ledger;
}

/** Everything the ledger reports, computed afresh (not the cached snapshot). */
function fingerprint(ledger: PointsLedger): string {
  const accounts = ['issuer', 'expired', 'volunteer:v1', 'station:s1'];
  return JSON.stringify([
    ledger.events().length,
    ledger.toLedgerJournal(),
    ledger.items(),
    ledger.getRedemption('r1'),
    accounts.map((account) => [
      ledger.balance(account),
      ledger.lots(account),
      ledger.history(account).length,
    ]),
  ]);
}

/**
 * Calls `call` with `RUNS` generated malformed inputs and checks each is refused with
 * INVALID_INPUT naming the field, leaving the ledger as it was.
 */
export function assertAllRejected(
  ledger: PointsLedger,
  inputs: fc.Arbitrary<Malformed>,
  call: (input: unknown) => unknown,
): void {
  const before = fingerprint(ledger);
  const snapshot = ledger.snapshot();
  fc.assert(
    fc.property(inputs, ({ input, field }) => {
      let caught: unknown;
      try {
        call(input);
      } catch (error) {
        caught = error;
      }
      assert.ok(caught instanceof LanewiseError, `accepted ${fc.stringify(input)}`);
      assert.equal(caught.code, 'INVALID_INPUT');
      if (field !== undefined) assert.equal(caught.path[0], field, caught.message);
      assert.equal(ledger.snapshot(), snapshot, 'the state changed');
    }),
    { numRuns: RUNS },
  );
  assert.equal(fingerprint(ledger), before, 'the state changed');
}
