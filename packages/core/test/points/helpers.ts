// The invariants of the point ledger, checked on its own reports (the shared "a rejected call
// changes nothing" is `expectUnchanged` in test/support), and the clock start and policy that
// the replay tests' ledgers share.
import assert from 'node:assert/strict';
import type { Clock } from '../../src/clock.js';
import {
  createPointsLedger,
  type PointsLedger,
  type PointsPolicy,
} from '../../src/points/index.js';

/**
 * The invariants of the issue, checked on the ledger's own reports: posted and pending
 * balances each sum to zero; no account but `issuer` is below zero except after a reversal;
 * lots hold exactly a volunteer's positive posted balance; each pending transfer is resolved
 * at most once; stock never negative; each account's history is its transfers in log order;
 * a replay of the events gives an equal snapshot and equal histories.
 */
export function assertInvariants(
  ledger: PointsLedger,
  options: { now: Clock; policy?: PointsPolicy; timeZone?: string },
): void {
  const snapshot = ledger.snapshot();
  let posted = 0;
  let pending = 0;
  for (const account of snapshot.accounts) {
    posted += account.posted;
    pending += account.pending;
    if (account.account === 'issuer') continue;
    assert.equal(account.owing, Math.max(0, -account.posted), `${account.account} owing`);
    if (account.available < 0) {
      const reversed = ledger
        .history(account.account)
        .some((line) => line.reversal === true && line.change < 0);
      assert.ok(reversed, `${account.account} is below zero without a reversal`);
    }
    const inLots = account.lots.reduce((sum, lot) => sum + lot.amount, 0);
    if (account.account.startsWith('volunteer:'))
      assert.equal(inLots, Math.max(0, account.posted), `${account.account} lots`);
    else assert.equal(account.lots.length, 0);
  }
  assert.equal(posted, 0, 'posted balances must sum to zero');
  assert.equal(pending, 0, 'pending balances must sum to zero');

  const resolved = new Set<string>();
  for (const event of ledger.events()) {
    if (
      event.type !== 'points.posted' &&
      event.type !== 'points.voided' &&
      event.type !== 'points.timed_out'
    )
      continue;
    assert.ok(!resolved.has(event.data.id), `pending transfer ${event.data.id} resolved twice`);
    resolved.add(event.data.id);
  }
  for (const item of snapshot.items) assert.ok(item.stock >= 0, `item ${item.id} stock below zero`);

  const replayed = createPointsLedger({ ...options, events: ledger.events() });
  assert.deepEqual(
    replayed.snapshot(),
    snapshot,
    'a replay of the events must give an equal state',
  );

  const transfersOf = new Map<string, string[]>();
  for (const event of ledger.events()) {
    if (event.type !== 'points.transferred') continue;
    for (const account of [event.data.from, event.data.to]) {
      transfersOf.set(account, [...(transfersOf.get(account) ?? []), event.data.id]);
    }
  }
  for (const { account } of snapshot.accounts) {
    const expected = transfersOf.get(account) ?? [];
    assert.deepEqual(
      ledger.history(account).map((line) => line.id),
      expected,
      account,
    );
    assert.deepEqual(
      replayed.history(account).map((line) => line.id),
      expected,
      account,
    );
  }
}

/** Where the replay tests' clocks start, and the policy their ledgers are made with. */
export const START = '2025-01-10T09:00:00+08:00';
export const POLICY: PointsPolicy = { expireAfterMonths: 1, redemptionHoldMinutes: 60 };
