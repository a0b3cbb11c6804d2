// The transfer table against a plain array of records: every column reads back what was
// added, through its growth, with codes of equal length and repeated ids looked up.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TransferTable } from '../../../src/points/store/transfer-table.js';

const record = fc.record({
  debit: fc.nat(20),
  credit: fc.nat(20),
  amount: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  code: fc.constantFrom('earn', 'spend', 'gift', 'redeem', 'expire', 'reverse'),
  stamp: fc.nat(5),
  ref: fc.option(fc.string({ minLength: 1, maxLength: 4 }), { nil: undefined }),
  pending: fc.option(fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }), {
    nil: null,
  }),
  reversal: fc.boolean(),
});

describe('transfer table', () => {
  it('reads back every field of every row, and finds each id', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 3000 }), (records) => {
        const table = new TransferTable();
        const last = new Map<number, number>();
        records.forEach((r, row) => {
          const previousDebit = last.get(r.debit) ?? -1;
          const previousCredit = r.debit === r.credit ? previousDebit : (last.get(r.credit) ?? -1);
          assert.equal(table.rowOf(`t${row}`), -1);
          const added = table.add(
            `t${row}`,
            r.debit,
            r.credit,
            r.amount,
            r.code,
            r.stamp,
            previousDebit,
            previousCredit,
          );
          assert.equal(added, row);
          last.set(r.debit, row);
          last.set(r.credit, row);
          if (r.ref !== undefined) table.setRef(row, r.ref);
          if (r.pending !== null) table.setPending(row, r.pending);
          if (r.reversal) table.setReversal(row);
        });
        assert.equal(table.size, records.length);
        records.forEach((r, row) => {
          assert.equal(table.rowOf(`t${row}`), row);
          assert.equal(table.id(row), `t${row}`);
          assert.equal(table.debit(row), r.debit);
          assert.equal(table.credit(row), r.credit);
          assert.equal(table.amount(row), r.amount);
          assert.equal(table.code(row), r.code);
          assert.equal(table.stamp(row), r.stamp);
          assert.equal(table.ref(row), r.ref);
          assert.equal(table.isPending(row), r.pending !== null);
          assert.equal(table.timeoutMinutes(row), r.pending ?? undefined);
          assert.equal(table.isReversal(row), r.reversal);
          assert.equal(
            table.isPlain(row),
            r.ref === undefined && r.pending === null && !r.reversal,
          );
          assert.ok(table.knowsCode(r.code));
        });
        // Each account's history, walked back through the chain, is its rows in order.
        for (let account = 0; account <= 20; account++) {
          const expected = records.flatMap((r, row) => {
            if (r.debit === account && r.credit === account) return [row, row];
            return r.debit === account || r.credit === account ? [row] : [];
          });
          assert.deepEqual(table.historyOf(account, last.get(account) ?? -1), expected);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every row when room is reserved ahead, and knows no code before its first use', () => {
    const table = new TransferTable();
    assert.equal(table.knowsCode(''), false);
    table.reserve(5000);
    assert.equal(table.size, 0);
    for (let row = 0; row < 3000; row++) {
      table.add(`t${row}`, row % 7, (row % 7) + 1, row + 1, row % 2 ? 'earn' : 'spend', 0, -1, -1);
    }
    table.reserve(10);
    assert.equal(table.size, 3000);
    assert.equal(table.amount(2999), 3000);
    assert.equal(table.rowOf('t1234'), 1234);
    assert.equal(table.code(1), 'earn');
  });
});
