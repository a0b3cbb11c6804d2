// `npm test`: every check in order, then one closing line `N passed, N failed` that sums the
// core's and the server's tests (node:test) and the elements' tests (web-test-runner in
// headless Chromium).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'lanewise-test-'));
const coreTap = join(scratch, 'core.tap');
const serverTap = join(scratch, 'server.tap');
const browserCounts = join(scratch, 'browser.json');

const steps = [
  { name: 'type-check', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npx', 'eslint', '.'] },
  { name: 'format', command: ['npx', 'prettier', '--check', '--log-level', 'warn', '.'] },
  {
    name: 'core tests',
    command: [
      'node',
      'scripts/test-core.mjs',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${coreTap}`,
    ],
  },
  {
    name: 'server tests',
    command: [
      'node',
      'scripts/test-server.mjs',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${serverTap}`,
    ],
  },
  // The end-to-end browser tests load the built CDN bundle.
  { name: 'build', command: ['npx', 'rollup', '-c', '--silent'] },
  // The framework examples are built with Vite from that build; a browser test opens them.
  { name: 'frameworks build', command: ['node', 'scripts/build-frameworks.mjs'] },
  {
    name: 'browser tests',
    command: ['npx', 'web-test-runner'],
    env: { LW_WTR_COUNTS: browserCounts },
  },
  { name: 'size', command: ['node', 'scripts/size.mjs'] },
];

let passed = 0;
let failed = 0;
const broken = [];

for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const result = spawnSync(step.command[0], step.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  if (result.status !== 0) broken.push(step.name);
}

for (const file of [coreTap, serverTap]) {
  if (!existsSync(file)) continue;
  const tap = readFileSync(file, 'utf8');
  passed += Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  failed +=
    Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0) +
    Number(/^# cancelled (\d+)/m.exec(tap)?.[1] ?? 0);
}
if (existsSync(browserCounts)) {
  const counts = JSON.parse(readFileSync(browserCounts, 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
}
// A check that is not a test runner (types, lint, format, size) counts as one failed test.
const counted = ['core tests', 'server tests', 'browser tests'];
const uncounted = broken.filter((name) => !counted.includes(name));
failed += uncounted.length;
if (broken.length > 0) console.log(`\nFailed steps: ${broken.join(', ')}`);
if (broken.includes('core tests') && !existsSync(coreTap)) failed += 1;
if (broken.includes('server tests') && !existsSync(serverTap)) failed += 1;
if (broken.includes('browser tests') && !existsSync(browserCounts)) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(broken.length > 0 ? 1 : 0);
