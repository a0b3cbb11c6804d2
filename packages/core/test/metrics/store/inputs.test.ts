import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { safeParse } from 'zod/mini';
import { ratioActionInputSchema } from '../../../src/metrics/index.js';
import { fastActionInput } from '../../../src/metrics/store/inputs.js';

const value = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom('service', 'manage', 'enforce', 'Service', '', 'a1', 'x'.repeat(201), 'a\u0007'),
  fc.constantFrom('2025-06-01T10:00:00+08:00', '2025-06-01T10:00:00', '1969-01-01T00:00:00Z'),
  fc.double(),
  fc.constantFrom(0, 1, 1e12, 1e12 + 1, -1, 1e308),
  fc.constant({}),
);

describe('fastActionInput (the tracker’s fast input path)', () => {
  it('accepts exactly what ratioActionInputSchema accepts', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            id: value,
            at: value,
            kind: value,
            weight: value,
            unit: value,
            type: value,
            extra: value,
          },
          { requiredKeys: [] },
        ),
        (input) => {
          assert.equal(
            fastActionInput(input) !== undefined,
            safeParse(ratioActionInputSchema, input).success,
            JSON.stringify(input),
          );
        },
      ),
      { numRuns: 5000 },
    );
    for (const input of [null, [], 'service']) {
      assert.equal(fastActionInput(input), undefined);
      assert.equal(safeParse(ratioActionInputSchema, input).success, false);
    }
    // Not a plain object: the fast path declines and leaves the answer to the schema.
    assert.equal(fastActionInput(Object.create({ kind: 'service' })), undefined);
  });
});
