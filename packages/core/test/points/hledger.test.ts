// Cross-check of the journal export with the real hledger binary: `hledger -f - balance` on
// the exported journal must print the balances `balance()` reports, for every account.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { hledgerAccount } from '../../src/points/hledger.js';
import { createPointsLedger, type PointsLedger } from '../../src/points/index.js';

const probe = spawnSync('hledger', ['--version'], { encoding: 'utf8' });
const skip = probe.status === 0 ? false : 'hledger is not installed: apt-get install hledger';

/** Balances hledger prints for a status filter: `-C` cleared (posted), `-P` pending, none for all. */
function hledgerBalances(journal: string, status: '-C' | '-P' | 'all'): Map<string, number> {
  const args = [
    '-f',
    '-',
    'balance',
    '--flat',
    '--empty',
    '--no-total',
    '-O',
    'csv',
    ...(status === 'all' ? [] : [status]),
  ];
  const run = spawnSync('hledger', args, { input: journal, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const balances = new Map<string, number>();
  for (const line of run.stdout.trim().split('\n').slice(1)) {
    const match = /^"([^"]*)","(-?\d+)(?: pts)?"$/.exec(line);
    assert.ok(match, `unexpected hledger line: ${line}`);
    balances.set(match[1] as string, Number(match[2]));
  }
  return balances;
}

/** Compares hledger's three views with `balance()` for every account, both ways. */
function crossCheck(ledger: PointsLedger): void {
  const journal = ledger.toLedgerJournal();
  const accounts = ledger.snapshot().accounts.map((line) => line.account);
  const names = new Map(accounts.map((account) => [hledgerAccount(account), account]));
  assert.equal(names.size, accounts.length, 'two accounts share an hledger name');
  const views = { '-C': 'posted', '-P': 'pending', all: 'all' } as const;
  for (const [status, view] of Object.entries(views) as ['-C' | '-P' | 'all', string][]) {
    const printed = hledgerBalances(journal, status);
    for (const name of printed.keys())
      assert.ok(names.has(name), `hledger shows an unknown account ${name}`);
    for (const account of accounts) {
      const { posted, pending } = ledger.balance(account);
      const expected = view === 'posted' ? posted : view === 'pending' ? pending : posted + pending;
      assert.equal(
        printed.get(hledgerAccount(account)) ?? 0,
        expected,
        `${view} balance of ${account}`,
      );
    }
  }
}

describe('hledger export', { skip }, () => {
  it('prints the ledger balances for posted, pending, voided, expired and redeemed points', () => {
    const clock = manualClock('2025-01-31T23:30:00+08:00');
    const ledger = createPointsLedger({
      now: clock.now,
      policy: { expireAfterMonths: 1, redemptionHoldMinutes: 30 },
    });
    const odd = [
      'v 1',
      'a;b',
      'x:y',
      '李雷',
      '(paren)',
      'comma,tag',
      'pct%20',
      'tab\u00a0nbsp',
      '#hash',
      '*star',
    ];
    for (const [index, id] of odd.entries()) {
      ledger.transfer({
        id: `earn ${id}`,
        from: 'issuer',
        to: `volunteer:${id}`,
        amount: 10 + index,
        code: 'earn',
        ref: id,
      });
    }
    ledger.transfer({
      id: 'gift',
      from: 'volunteer:v 1',
      to: 'volunteer:李雷',
      amount: 3,
      code: 'gift; odd code',
    });
    ledger.transfer({
      id: 'hold',
      from: 'volunteer:a;b',
      to: 'station:s 1',
      amount: 4,
      code: 'hold',
      pending: {},
    });
    ledger.transfer({
      id: 'void me',
      from: 'volunteer:x:y',
      to: 'station:s 1',
      amount: 5,
      code: 'hold',
      pending: {},
    });
    ledger.void('void me');
    ledger.transfer({
      id: 'post me',
      from: 'issuer',
      to: 'volunteer:x:y',
      amount: 6,
      code: 'bonus',
      pending: {},
    });
    clock.advance({ hours: 1 });
    ledger.post('post me');
    ledger.transfer({
      id: 'reverse',
      from: 'volunteer:#hash',
      to: 'issuer',
      amount: 30,
      code: 'reverse',
      reversal: true,
    });
    ledger.addItem({ id: 'soap', name: 'Soap', cost: 2, stock: 5, stationId: 's 1' });
    ledger.redeem({ id: 'r1', volunteerId: 'comma,tag', itemId: 'soap', quantity: 2 });
    ledger.redeem({ id: 'r2', volunteerId: 'comma,tag', itemId: 'soap', quantity: 1 });
    ledger.fulfil('r1', { by: 'clerk' });
    clock.advance({ hours: 1 });
    ledger.expirePending(clock.now());
    clock.set('2025-04-01T00:00:00+08:00');
    assert.ok(ledger.expire(clock.now()).length > 0);
    crossCheck(ledger);
    assert.match(ledger.toLedgerJournal(), /^; expired /m);
    assert.match(ledger.toLedgerJournal(), /^; voided /m);
    assert.match(ledger.toLedgerJournal({ commodity: '' }), /^ {4}issuer {2}-10$/m);
  });

  it('agrees with balance() on random ledgers', () => {
    const account = fc.oneof(
      { weight: 2, arbitrary: fc.constant('issuer') },
      {
        weight: 5,
        arbitrary: fc.constantFrom('v1', 'v 2', 'v;3', 'v:4').map((id) => `volunteer:${id}`),
      },
      { weight: 1, arbitrary: fc.constantFrom('station:s', 'expired') },
    );
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('transfer' as const),
        from: account,
        to: account,
        amount: fc.integer({ min: 1, max: 50 }),
        pending: fc.boolean(),
        reversal: fc.boolean(),
      }),
      fc.record({ kind: fc.constantFrom('post' as const, 'void' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 40 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 60 }), (steps) => {
        const clock = manualClock('2025-01-15T12:00:00+08:00');
        const ledger = createPointsLedger({ now: clock.now, policy: { expireAfterMonths: 1 } });
        for (const [index, next] of steps.entries()) {
          try {
            if (next.kind === 'transfer') {
              const { from, to, amount } = next;
              const options = next.pending
                ? { pending: {} }
                : next.reversal
                  ? { reversal: true }
                  : {};
              ledger.transfer({ id: `t${index}`, from, to, amount, code: 'c', ...options });
            } else if (next.kind === 'advance') {
              clock.advance({ days: next.days });
              ledger.expire(clock.now());
            } else {
              const pending = ledger.snapshot().pending;
              const id = pending[next.pick % Math.max(1, pending.length)]?.id;
              if (id !== undefined) ledger[next.kind](id);
            }
          } catch (error) {
            if (!isLanewiseError(error)) throw error;
          }
        }
        crossCheck(ledger);
      }),
      { numRuns: 8 },
    );
  });
});
