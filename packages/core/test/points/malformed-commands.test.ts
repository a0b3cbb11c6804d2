// 10,000 generated malformed inputs per command, each refused with INVALID_INPUT naming the
// bad field, and none changing the ledger.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { idSchema } from '../../src/schemas/common.js';
import { checkedTransfer, pointsTransferInputSchema } from '../../src/points/schemas.js';
import { isId as isIdString } from '../../src/internal/plain.js';
import { isAccountString, plainTransferInput } from '../../src/points/store/fast-input.js';
import {
  assertAllRejected,
  badAccount,
  badBoolean,
  badId,
  badInstant,
  badNonNegativeInt,
  badPositiveInt,
  badText,
  fixture,
  malformedRecord,
  notObject,
  RUNS,
  type Malformed,
} from './malformed.js';

const ledger = fixture();
const validTransfer = {
  id: 't9',
  from: 'volunteer:v1',
  to: 'station:s1',
  amount: 1,
  code: 'spend',
  ref: 'x',
  reversal: false,
};
const badPending = fc.oneof(
  notObject,
  badPositiveInt.map((timeoutMinutes) => ({ timeoutMinutes })),
  fc.constant({ minutes: 5 }),
);
/** A bad first argument, or a good one with bad options. */
const idThenOptions = (
  options: fc.Arbitrary<Malformed>,
): fc.Arbitrary<{ input: [unknown, unknown]; field?: string }> =>
  fc.oneof(
    badId.map((id) => ({ input: [id, undefined] as [unknown, unknown], field: 'id' })),
    options.map(({ input, field }) => ({
      input: ['h1', input] as [unknown, unknown],
      ...(field ? { field } : {}),
    })),
  );
const asPair = (input: unknown) => input as [unknown, unknown];

describe('malformed inputs to the point ledger commands', () => {
  it('transfer', () => {
    const bad = {
      id: badId,
      from: badAccount,
      to: badAccount,
      amount: badPositiveInt,
      code: badId,
      ref: badId,
      pending: badPending,
      reversal: badBoolean,
    };
    assertAllRejected(
      ledger,
      malformedRecord(validTransfer, bad, ['id', 'from', 'to', 'amount', 'code']),
      (input) => ledger.transfer(input as never),
    );
  });

  it('post and void', () => {
    const options = malformedRecord(
      { by: 'clerk' },
      { by: badId, reason: badText(1000) },
      [],
    ).filter(({ input }) => input !== undefined);
    assertAllRejected(ledger, idThenOptions(options), (pair) =>
      ledger.void(...(asPair(pair) as [string, never])),
    );
    assertAllRejected(ledger, idThenOptions(malformedRecord({}, { by: badId }, [])), (pair) =>
      ledger.post(...(asPair(pair) as [string, never])),
    );
  });

  it('expirePending and expire', () => {
    const instants = badInstant.map((input) => ({ input }));
    assertAllRejected(ledger, instants, (input) => ledger.expirePending(input as never));
    assertAllRejected(ledger, instants, (input) => ledger.expire(input as never));
  });

  it('addItem and restock', () => {
    const valid = {
      id: 'pen',
      name: 'Pen',
      cost: 3,
      stock: 2,
      stationId: 's1',
      limit: { count: 1, per: 'year' },
    };
    const badLimit = fc.oneof(
      notObject,
      badPositiveInt.map((count) => ({ count, per: 'year' })),
      fc
        .oneof(
          fc.string({ maxLength: 8 }).filter((per) => !['month', 'quarter', 'year'].includes(per)),
          fc.constant(null),
        )
        .map((per) => ({ count: 1, per })),
      fc.constant({ count: 1, per: 'year', every: 2 }),
    );
    const bad = {
      id: badId,
      name: badText(200),
      cost: badPositiveInt,
      stock: badNonNegativeInt,
      stationId: badId,
      limit: badLimit,
    };
    assertAllRejected(
      ledger,
      malformedRecord(valid, bad, ['id', 'name', 'cost', 'stock', 'stationId']),
      (input) => ledger.addItem(input as never),
    );
    const restock = fc.oneof(
      badId.map((itemId) => ({ input: [itemId, 1], field: 'itemId' })),
      badPositiveInt.map((quantity) => ({ input: ['soap', quantity], field: 'quantity' })),
    );
    assertAllRejected(ledger, restock, (pair) =>
      ledger.restock(...(asPair(pair) as [string, number])),
    );
  });

  it('redeem, fulfil and cancel', () => {
    const valid = { id: 'r9', volunteerId: 'v1', itemId: 'soap', quantity: 1 };
    const bad = { id: badId, volunteerId: badId, itemId: badId, quantity: badPositiveInt };
    assertAllRejected(
      ledger,
      malformedRecord(valid, bad, ['id', 'volunteerId', 'itemId', 'quantity']),
      (input) => ledger.redeem(input as never),
    );
    assertAllRejected(
      ledger,
      idThenOptions(malformedRecord({ by: 'clerk' }, { by: badId }, ['by'])),
      (pair) => ledger.fulfil(...(asPair(pair) as [string, never])),
    );
    assertAllRejected(
      ledger,
      idThenOptions(malformedRecord({ reason: 'late' }, { reason: badText(1000) }, ['reason'])),
      (pair) => ledger.cancel(...(asPair(pair) as [string, never])),
    );
  });
});

describe('the fast path of transfer', () => {
  it('checks ids exactly as idSchema does', () => {
    // Any UTF-16 unit, with the edges of the control ranges and lone surrogates made common.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('\u0000', '\u001f', ' ', '~', '\u007f', '\u009f', '\u00a0', '\ud800', 'a'),
    );
    const text = fc.oneof(
      fc.array(unit, { maxLength: 12 }).map((units) => units.join('')),
      fc.array(unit, { minLength: 195, maxLength: 205 }).map((units) => units.join('')),
      fc.constantFrom('x'.repeat(200), 'x'.repeat(201), ''),
    );
    fc.assert(
      fc.property(fc.oneof(text, fc.anything()), (value) => {
        assert.equal(isIdString(value), idSchema.safeParse(value).success, fc.stringify(value));
      }),
      { numRuns: RUNS },
    );
  });

  it('takes exactly the plain inputs the zod schema accepts', () => {
    const maybe = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) =>
      fc.oneof({ weight: 19, arbitrary: good }, { weight: 1, arbitrary: bad });
    const input = fc.record(
      {
        id: maybe(fc.string({ minLength: 1, maxLength: 5 }), badId),
        from: maybe(fc.constantFrom('issuer', 'volunteer:v1'), badAccount),
        to: maybe(fc.constantFrom('station:s1', 'volunteer:v2'), badAccount),
        amount: maybe(fc.integer({ min: 1 }), badPositiveInt),
        code: maybe(fc.constantFrom('earn', 'spend'), badId),
        ref: maybe(fc.string({ minLength: 1, maxLength: 5 }), badId),
        pending: maybe(
          fc.record({ timeoutMinutes: fc.integer({ min: 1 }) }, { requiredKeys: [] }),
          badPending,
        ),
        reversal: maybe(fc.boolean(), badBoolean),
      },
      { requiredKeys: [] },
    );
    const withOdd = fc
      .tuple(input, fc.integer({ min: 0, max: 9 }))
      .map(([value, odd]) => (odd === 0 ? { ...value, odd } : value));
    let fast = 0;
    fc.assert(
      fc.property(withOdd, (value) => {
        const parsed = pointsTransferInputSchema.safeParse(value);
        const checked = plainTransferInput(value);
        if (
          checked === undefined ||
          !isAccountString(checked.from) ||
          !isAccountString(checked.to) ||
          !isIdString(checked.code)
        ) {
          // Every input here is a plain object: what zod accepts, the fast path takes too.
          assert.ok(!parsed.success, `fast path refused ${fc.stringify(value)}`);
          return;
        }
        fast++;
        assert.ok(parsed.success, JSON.stringify(value));
        assert.deepEqual(checked, checkedTransfer(parsed.data));
      }),
      { numRuns: RUNS },
    );
    assert.ok(fast > RUNS / 10, `only ${fast} inputs took the fast path`);
  });
});
