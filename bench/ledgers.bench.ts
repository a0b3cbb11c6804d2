// The ledgers at issue size: the point ledger (1,000,000 transfers beside a floor of the
// unavoidable work), then the hour ledger and the program (1,000,000 entries recorded and
// approved, a 1,000,000-event program log replayed), then the memory of the replayed program.
// Each part runs in a process of its own, so that none measures the heap another left behind;
// the last without the optimising compiler, whose code can keep an earlier program reachable.
import { spawnSync } from 'node:child_process';

let failed = 0;
const parts = [
  ['bench/ledgers/points.ts'],
  ['bench/ledgers/hours.ts'],
  ['--no-turbofan', 'bench/ledgers/program-heap.ts'],
];
for (const part of parts) {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', ...part], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
