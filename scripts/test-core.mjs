// Runs the core's tests with node's test runner (TypeScript through tsx). Extra arguments
// are passed on, e.g. `npm run test:core -- packages/core/test/hours.test.ts`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// The core's tests, and the node tests of the build's own tools.
const roots = ['packages/core/test', 'tests/node'];
const collect = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return collect(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });

const args = process.argv.slice(2);
const files = args.some((arg) => !arg.startsWith('-')) ? [] : roots.flatMap(collect).sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...args, ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
