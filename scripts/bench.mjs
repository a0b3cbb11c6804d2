// `npm run bench`: runs every bench/*.bench.ts (or the files named) one after another.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const named = process.argv.slice(2);
const files =
  named.length > 0
    ? named
    : readdirSync('bench')
        .filter((name) => name.endsWith('.bench.ts'))
        .sort()
        .map((name) => `bench/${name}`);
let failures = 0;
for (const file of files) {
  console.log(`\n### ${file}`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failures += 1;
}
process.exit(failures > 0 ? 1 : 0);
