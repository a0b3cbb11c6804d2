// The hot-path checks may only accept what zod accepts, and must return what zod returns.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { draftOf } from '../../../src/hours/store/draft.js';
import { hasNoControl } from '../../../src/internal/plain.js';
import { createFastInput } from '../../../src/hours/store/fast-input.js';
import {
  approveHoursInputSchema,
  closeHoursInputSchema,
  creditedMinutesFilterSchema,
  hourEntryDraftSchema,
  hoursApprovedDataSchema,
  hoursClosedDataSchema,
  recordHoursInputSchema,
} from '../../../src/hours/schemas.js';

// One checker for the whole file: what it remembers between calls must not change its answers.
const checks = createFastInput();

/** Values near and across every boundary of the fields' schemas. */
const value = fc.oneof(
  fc.constantFrom(
    'v-li',
    'e1',
    'x'.repeat(200),
    'x'.repeat(201),
    '',
    ' padded ',
    'a\u0000b',
    '😀'.repeat(100),
    '😀'.repeat(101),
  ),
  fc.constantFrom(
    '2025-03-01T09:00:00+08:00',
    '2025-03-01T01:00:00.250Z',
    '2025-02-29T09:00:00Z',
    '2024-02-29T09:00:00Z',
    '2025-03-01T09:00:00',
    '2025-03-01T09:00+08:00',
    '2025-03-01T24:00:00Z',
  ),
  fc.constantFrom(
    ['repair'],
    [],
    ['a', ''],
    Array.from({ length: 51 }, (_, index) => `t${index}`),
    [1],
    Object.assign(new Array<unknown>(2), { 1: 'a' }), // a hole at 0: a sparse array
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constant(undefined),
  fc.constant(null),
);

const objectWith = (keys: readonly string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 4 })), value, {
    maxKeys: keys.length + 1,
  });

/** A valid input with some fields swapped for boundary values, some dropped, some added. */
const nearValid = (valid: Readonly<Record<string, unknown>>, keys: readonly string[]) =>
  fc.record(
    Object.fromEntries(
      keys.map((key) => [
        key,
        key in valid
          ? fc.oneof(
              { weight: 3, arbitrary: fc.constant(valid[key]) },
              { weight: 1, arbitrary: value },
            )
          : value,
      ]),
    ),
    { requiredKeys: [] },
  );

/** zod's output without the keys it left undefined, to compare with the fast path's. */
const defined = (record: object) =>
  Object.fromEntries(Object.entries(record).filter(([, item]) => item !== undefined));

const cases = [
  {
    name: 'record',
    fast: (input: unknown) => checks.recordDraft(input),
    schema: recordHoursInputSchema,
    // The fast path returns the draft the log stores: compare it with the draft of zod's output.
    reference: draftOf as (parsed: never) => unknown,
    keys: ['id', 'volunteerId', 'activityId', 'start', 'end', 'recordedBy', 'note', 'tags'],
    valid: {
      id: 'e1',
      volunteerId: 'v',
      activityId: 'a',
      start: '2025-03-01T09:00:00+08:00',
      end: '2025-03-01T10:00:00Z',
      recordedBy: 'o',
      tags: ['x'],
    },
  },
  {
    name: 'approve',
    fast: (input: unknown) => {
      const by = checks.approveBy(input);
      return by === undefined ? undefined : { by };
    },
    schema: approveHoursInputSchema,
    keys: ['by'],
    valid: { by: 'org' },
  },
  {
    name: 'reject/revoke',
    fast: (input: unknown) => checks.closeInput(input),
    schema: closeHoursInputSchema,
    keys: ['by', 'reason'],
    valid: { by: 'org', reason: 'why' },
  },
  {
    name: 'creditedMinutes',
    fast: (input: unknown) => checks.totalFilter(input),
    schema: creditedMinutesFilterSchema,
    keys: ['volunteerId', 'activityId'],
    valid: { volunteerId: 'v' },
  },
  {
    name: 'hours.recorded data',
    fast: (input: unknown) => checks.recordDraft(input, true),
    schema: hourEntryDraftSchema,
    reference: draftOf as (parsed: never) => unknown,
    keys: ['id', 'volunteerId', 'activityId', 'start', 'end', 'recordedBy', 'note', 'tags'],
    valid: {
      id: 'e1',
      volunteerId: 'v',
      activityId: 'a',
      start: '2025-03-01T09:00:00+08:00',
      end: '2025-03-01T10:00:00Z',
      recordedBy: 'o',
      tags: [],
    },
  },
  {
    name: 'hours.approved data',
    fast: (input: unknown) => checks.approvedData(input),
    schema: hoursApprovedDataSchema,
    keys: ['id', 'by', 'creditedMinutes'],
    valid: { id: 'e1', by: 'org', creditedMinutes: 60 },
  },
  {
    name: 'hours.rejected and hours.revoked data',
    fast: (input: unknown) => checks.closedData(input),
    schema: hoursClosedDataSchema,
    keys: ['id', 'by', 'reason'],
    valid: { id: 'e1', by: 'org', reason: 'why' },
  },
] as const;

describe('hours/store: fast input checks', () => {
  for (const testCase of cases) {
    const { name, fast, schema, keys, valid } = testCase;
    const reference = 'reference' in testCase ? testCase.reference : (parsed: unknown) => parsed;
    it(`${name}: accepts only what zod accepts, with the same values`, () => {
      assert.notEqual(fast(valid), undefined, 'the fast path takes a plain valid input');
      let taken = 0;
      fc.assert(
        fc.property(fc.oneof(objectWith(keys), nearValid(valid, keys)), (input) => {
          const quick = fast(input);
          if (quick === undefined) return;
          taken += 1;
          const parsed = z.safeParse(schema as z.ZodMiniType, input);
          assert.ok(parsed.success, `fast path took what zod refuses: ${JSON.stringify(input)}`);
          assert.deepEqual(defined(quick), defined(reference(parsed.data as never) as object));
        }),
        { numRuns: 5000 },
      );
      assert.ok(taken > 0, 'some generated inputs took the fast path');
    });
  }
});

describe('hours: control characters', () => {
  it('finds one exactly when the schema pattern does, in any UTF-16 text', () => {
    const control = /\p{Cc}/u;
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: 'binary-ascii', maxLength: 12 }),
      fc.string({
        unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
        maxLength: 12,
      }),
      fc.string({
        unit: fc.integer({ min: 0x70, max: 0xa0 }).map((code) => String.fromCharCode(code)),
        maxLength: 4,
      }),
    );
    fc.assert(
      fc.property(text, (value) => {
        assert.equal(hasNoControl(value), !control.test(value));
      }),
      { numRuns: 20_000 },
    );
    for (let code = 0; code <= 0xffff; code += 1) {
      const value = `a${String.fromCharCode(code)}b`;
      assert.equal(hasNoControl(value), !control.test(value), `U+${code.toString(16)}`);
    }
  });
});
