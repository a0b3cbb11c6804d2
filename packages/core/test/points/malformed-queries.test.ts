// 10,000 generated malformed inputs per query and to createPointsLedger, each refused with
// INVALID_INPUT naming the bad field, and none changing the ledger.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LanewiseError } from '../../src/errors/index.js';
import { createPointsLedger } from '../../src/points/index.js';
import {
  assertAllRejected,
  badAccount,
  badId,
  badInstant,
  badPositiveInt,
  fixture,
  malformedRecord,
  notObject,
  notString,
  RUNS,
} from './malformed.js';

const ledger = fixture();
const field = (name: string) => (input: unknown) => ({ input, field: name });

describe('malformed inputs to the point ledger queries', () => {
  it('balance, owing, lots and history name the bad account', () => {
    const accounts = badAccount.map(field('account'));
    assertAllRejected(ledger, accounts, (account) => ledger.balance(account as string));
    assertAllRejected(ledger, accounts, (account) => ledger.owing(account as string));
    assertAllRejected(ledger, accounts, (account) => ledger.lots(account as string));
    const history = fc.oneof(
      accounts.map(({ input }) => ({ input: [input, undefined], field: 'account' })),
      malformedRecord(
        { from: '2025-01-01T00:00:00Z' },
        { from: badInstant, to: badInstant },
        [],
      ).map(({ input, field: name }) => ({
        input: ['volunteer:v1', input],
        ...(name ? { field: name } : {}),
      })),
    );
    assertAllRejected(ledger, history, (pair) => ledger.history(...(pair as [string, never])));
  });

  it('getTransfer, getItem, getRedemption and findRedemption name the bad id', () => {
    assertAllRejected(ledger, badId.map(field('id')), (id) => ledger.getTransfer(id as string));
    assertAllRejected(ledger, badId.map(field('id')), (id) => ledger.getItem(id as string));
    assertAllRejected(ledger, badId.map(field('id')), (id) => ledger.getRedemption(id as string));
    assertAllRejected(ledger, badId.map(field('pickupCode')), (code) =>
      ledger.findRedemption(code as string),
    );
  });

  it('toLedgerJournal', () => {
    const commodity = fc.oneof(
      notString,
      fc.string({ maxLength: 6 }).filter((text) => !/^\p{L}{0,20}$/u.test(text)),
      fc.constant('p'.repeat(21)),
    );
    const options = fc.oneof(
      notObject.map((input) => ({ input })),
      commodity.map((value) => ({ input: { commodity: value }, field: 'commodity' })),
      fc.constant({ input: { currency: 'pts' } }),
    );
    assertAllRejected(ledger, options, (input) => ledger.toLedgerJournal(input as never));
  });

  it('createPointsLedger', () => {
    const now = () => new Date('2025-03-01T00:00:00Z');
    const options = fc.oneof(
      notObject.map((input) => ({ input, field: undefined })),
      fc
        .oneof(notString, fc.string({ maxLength: 3 }))
        .map((value) => ({ input: { now: value }, field: 'now' })),
      fc.constant({ input: {}, field: 'now' }),
      fc
        .oneof(notString, fc.constantFrom('Mars/Olympus', 'UTC+8', ''))
        .map((value) => ({ input: { now, timeZone: value }, field: 'timeZone' })),
      fc.oneof(badPositiveInt, fc.constant(1201)).map((value) => ({
        input: { now, policy: { expireAfterMonths: value } },
        field: 'policy',
      })),
      badPositiveInt.map((value) => ({
        input: { now, policy: { redemptionHoldMinutes: value } },
        field: 'policy',
      })),
      notObject
        .filter((value) => !Array.isArray(value))
        .map((value) => ({ input: { now, events: value }, field: 'events' })),
      fc
        .oneof(notString, fc.string())
        .map((value) => ({ input: { now, pickupCode: value }, field: 'pickupCode' })),
    );
    fc.assert(
      fc.property(options, ({ input, field: name }) => {
        assert.throws(
          () => createPointsLedger(input as never),
          (error) =>
            error instanceof LanewiseError &&
            // A log that is not a list of events is a damaged log, whatever else it is.
            error.code === (name === 'events' ? 'INVALID_LOG' : 'INVALID_INPUT') &&
            (name === undefined || error.path[0] === name),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
