// Runs the server's tests with node's test runner (TypeScript through tsx, the core from its
// sources). They run against PGlite in memory, and also against PostgreSQL when
// LANEWISE_TEST_DATABASE_URL names one. Extra arguments are passed on.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = 'packages/server/test';
const files = readdirSync(root)
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => join(root, name));

const args = process.argv.slice(2);
const chosen = args.some((arg) => !arg.startsWith('-')) ? [] : files;
const result = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', '--test', ...args, ...chosen],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
