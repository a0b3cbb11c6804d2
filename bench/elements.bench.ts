// `npm run bench bench/elements.bench.ts`: <volunteer-ledger> with 100,000 entries in headless
// Chromium (production Lit), median and p90 of repeated runs against the goals of the
// elements issue, beside a plain table of every row that renders without virtualization.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const RUNS = Number(process.env.LW_BENCH_RUNS ?? 9);
const goals: Record<string, number> = {
  'first render, live ledger': 50,
  'first render, data': 50,
  'first render, src (fetch, parse, validate)': 500,
  're-render after one approval': 16,
};

const server = await startDevServer({
  config: {
    rootDir: '.',
    port: 0,
    nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
    plugins: [
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const address = server.server?.address();
const port = typeof address === 'object' && address ? address.port : 8000;
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  args: [...chromiumArgs(), '--window-size=1280,900'],
  headless: true,
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (error) => console.error(error));
  await page.goto(`http://127.0.0.1:${port}/bench/elements/ledger-page.html`);
  // These two run in the page, where ledger-page.ts defined the function.
  type Page = { runLedgerBench(runs: number): Promise<Record<string, number[]>> };
  await page.waitForFunction(
    () => typeof (globalThis as unknown as Page).runLedgerBench === 'function',
  );
  const times = await page.evaluate(
    (runs) => (globalThis as unknown as Page).runLedgerBench(runs),
    RUNS,
  );
  const quantile = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  };
  console.table(
    Object.entries(times).map(([task, values]) => {
      const median = quantile(values, 0.5);
      const goal = goals[task];
      return {
        task,
        runs: values.length,
        'median ms': median.toFixed(1),
        'p90 ms': quantile(values, 0.9).toFixed(1),
        'goal ms': goal ?? '',
        'median / goal': goal ? (median / goal).toFixed(2) : '',
        met: goal ? (median <= goal ? 'yes' : 'NO') : '',
      };
    }),
  );
} finally {
  await browser.close();
  await server.stop();
}
