// A program's points, exported as a journal, balanced by the real hledger binary.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { manualClock } from '../../src/clock.js';
import { createVolunteerProgram } from '../../src/program/index.js';

const hledger = spawnSync('hledger', ['--version'], { encoding: 'utf8' });
const missing = hledger.error
  ? 'the hledger binary is not installed (apt-get install hledger)'
  : false;

/** `account -> balance` from `hledger balance -O csv`, amounts in points. */
function hledgerBalances(journal: string): Map<string, number> {
  const run = spawnSync('hledger', ['-f', '-', 'balance', '--flat', '-O', 'csv'], {
    input: journal,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const balances = new Map<string, number>();
  for (const line of run.stdout.trim().split('\n').slice(1)) {
    const [account, amount] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
    balances.set(decodeURIComponent(account!), Number.parseInt(amount!, 10));
  }
  return balances;
}

describe('program: hledger export', () => {
  it(
    'hledger prints the same balances as the program after earning, reversing and redeeming',
    { skip: missing },
    () => {
      const clock = manualClock('2025-03-10T12:00:00+08:00');
      const program = createVolunteerProgram({
        now: clock.now,
        policy: { pointsPerHour: 10, multipliers: { elderly: 1.5 } },
      });
      const serve = (
        id: string,
        volunteerId: string,
        start: string,
        end: string,
        tags: string[] = [],
      ) => {
        program.hours.record({
          id,
          volunteerId,
          activityId: 'repair-lane',
          start,
          end,
          recordedBy: 'org-wang',
          tags,
        });
        program.hours.approve(id, { by: 'org-zhao' });
      };
      serve('e1', 'v-li', '2025-03-01T09:00:00+08:00', '2025-03-01T11:10:00+08:00');
      serve('e2', 'v-zhang wei', '2025-03-02T09:00:00+08:00', '2025-03-02T12:00:00+08:00', [
        'elderly',
      ]);
      program.points.addItem({ id: 'soap', name: 'Soap', cost: 15, stock: 5, stationId: 'huana' });
      program.points.redeem({ id: 'r1', volunteerId: 'v-li', itemId: 'soap', quantity: 1 });
      program.points.fulfil('r1', { by: 'clerk' });
      clock.advance({ days: 1 });
      program.hours.revoke('e1', { by: 'org-zhao', reason: 'recorded twice' });

      const balances = hledgerBalances(program.points.toLedgerJournal());
      const accounts = ['issuer', 'station:huana', 'volunteer:v-li', 'volunteer:v-zhang wei'];
      for (const account of accounts) {
        assert.equal(balances.get(account), program.points.balance(account).posted, account);
      }
      assert.equal(balances.get('volunteer:v-li'), -15, 'the reversal left v-li owing');
      assert.equal(program.standing('v-li').owing, 15);
      assert.equal(balances.get('total'), 0);
    },
  );
});
