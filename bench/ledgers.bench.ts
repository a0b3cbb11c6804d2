// The ledgers at issue size: the point ledger (1,000,000 transfers beside a floor of the
// unavoidable work), then the hour ledger and the program (1,000,000 entries recorded and
// approved, a 1,000,000-event program log replayed). Each part runs in a process of its own,
// so that neither measures the heap the other left behind.
import { spawnSync } from 'node:child_process';

let failed = 0;
for (const part of ['bench/ledgers/points.ts', 'bench/ledgers/hours.ts']) {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', part], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
