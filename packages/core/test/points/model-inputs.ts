// The random inputs of the model-based test's steps (model-steps.ts).
import fc from 'fast-check';
import type { PointsTransferInput } from '../../src/points/index.js';

const volunteer = fc.constantFrom('volunteer:a', 'volunteer:b', 'volunteer:c');
const other = fc.constantFrom('station:s', 'expired');
export const fromAccount = fc.oneof(
  { weight: 5, arbitrary: fc.constant('issuer') },
  { weight: 6, arbitrary: volunteer },
  { weight: 1, arbitrary: other },
);
export const toAccount = fc.oneof(
  { weight: 1, arbitrary: fc.constant('issuer') },
  { weight: 8, arbitrary: volunteer },
  { weight: 1, arbitrary: other },
);
export const transferId = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 39 }).map((n) => `t${n}`) },
  { weight: 1, arbitrary: fc.constant('redeem:r0') },
);
export const redemptionId = fc.integer({ min: 0, max: 9 }).map((n) => `r${n}`);
/** An id given outright, or the n-th one of those the model knows (resolved when the step runs). */
export const idOrPick = (id: fc.Arbitrary<string>) =>
  fc.oneof(
    id.map((value) => ({ id: value })),
    fc.nat().map((pick) => ({ pick })),
  );
export const chosen = (choice: { id: string } | { pick: number }, ids: string[]): string =>
  'id' in choice ? choice.id : (ids[choice.pick % Math.max(1, ids.length)] ?? 'none');
export const itemId = fc.constantFrom('i0', 'i1', 'i2');
export const volunteerId = fc.constantFrom('a', 'b', 'c');

/** Present in about one input in `every`; left out (not `undefined`) otherwise. */
const sometimes = <T>(value: fc.Arbitrary<T>, every: number) =>
  fc.oneof(
    { weight: every - 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: value },
  );

export const transferInput: fc.Arbitrary<PointsTransferInput> = fc
  .tuple(
    fc.record({
      id: transferId,
      from: fromAccount,
      to: toAccount,
      amount: fc.integer({ min: 1, max: 60 }),
      code: fc.constantFrom('earn', 'spend'),
    }),
    sometimes(fc.constantFrom('e1', 'e2'), 2),
    sometimes(
      fc.record({ timeoutMinutes: fc.integer({ min: 1, max: 900 }) }, { requiredKeys: [] }),
      4,
    ),
    sometimes(fc.boolean(), 5),
  )
  .map(([input, ref, pending, reversal]) => ({
    ...input,
    ...(ref === undefined ? {} : { ref }),
    ...(pending === undefined ? {} : { pending }),
    ...(reversal === undefined ? {} : { reversal }),
  }));
