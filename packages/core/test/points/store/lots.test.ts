// The lot book against a plain list of lots, with earnings in any month order (a clock set
// back), spending and reversals into debt.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  creditLots,
  debitLots,
  liveLots,
  pointsUpTo,
  type LotBook,
} from '../../../src/points/store/lots.js';

type Step = { op: 'credit'; month: number; amount: number } | { op: 'debit'; amount: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('credit' as const),
    month: fc.integer({ min: 0, max: 6 }),
    amount: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({ op: fc.constant('debit' as const), amount: fc.integer({ min: 1, max: 80 }) }),
);

const emptyBook = (): LotBook => ({
  months: [],
  amounts: [],
  head: 0,
  newestMonth: -1,
  newestAmount: 0,
  debt: 0,
});

describe('lot book', () => {
  it('agrees with a sorted list of lots, oldest spent first, debt paid before new lots', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const book = emptyBook();
        let lots: [number, number][] = [];
        let debt = 0;
        for (const s of steps) {
          if (s.op === 'credit') {
            creditLots(book, s.month, s.amount);
            const paid = Math.min(debt, s.amount);
            debt -= paid;
            const rest = s.amount - paid;
            if (rest > 0) {
              const same = lots.find(([month]) => month === s.month);
              if (same) same[1] += rest;
              else
                lots = [...lots, [s.month, rest] as [number, number]].sort((a, b) => a[0] - b[0]);
            }
          } else {
            debitLots(book, s.amount);
            let rest = s.amount;
            for (const lot of lots) {
              const taken = Math.min(lot[1], rest);
              lot[1] -= taken;
              rest -= taken;
            }
            lots = lots.filter(([, amount]) => amount > 0);
            debt += rest;
          }
          assert.deepEqual(liveLots(book), lots);
          assert.equal(book.debt, debt);
          for (let month = -1; month <= 7; month++) {
            const expected = lots.filter(([m]) => m <= month).reduce((sum, [, a]) => sum + a, 0);
            assert.equal(pointsUpTo(book, month), expected);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
