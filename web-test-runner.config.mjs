import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

/** Counts passed and failed tests over every session, for the closing line of `npm test`. */
function countingReporter(file) {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else totals.failed += 1;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load runs no test: count it as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += 1;
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
    },
  };
}

export default {
  // tests/node holds node:test tests of the build's tools, run with the core's tests.
  files: ['packages/elements/src/**/*.test.ts', 'tests/**/*.test.ts', '!tests/node/**'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./packages/elements/tsconfig.test.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs() } }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countingReporter(process.env.LW_WTR_COUNTS),
  ],
};
