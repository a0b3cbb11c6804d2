// The browser benchmarks' harness: serves the repository with the elements' sources (production
// Lit), opens a bench page in headless Chromium, runs the function the page defines, and
// prints the median and p90 of each task against its goal.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

/** One browser benchmark: the page, the function it puts on `window`, and the goals in ms. */
export interface PageBench {
  /** The page, from the repository root (`bench/elements/ledger-page.html`). */
  page: string;
  /** The name of the page's `(runs) => Promise<{ task: timesMs[] }>` on `window`. */
  run: string;
  goals: Record<string, number>;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** Runs the page's benchmark `LW_BENCH_RUNS` times (9 by default) and prints a table. */
export async function runPageBench({ page: path, run, goals }: PageBench): Promise<void> {
  const runs = Number(process.env.LW_BENCH_RUNS ?? 9);
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
    await page.goto(`http://127.0.0.1:${port}/${path}`);
    // These two run in the page, where its script defined the function.
    type BenchWindow = Record<string, (runs: number) => Promise<Record<string, number[]>>>;
    await page.waitForFunction(
      (name) => typeof (globalThis as unknown as BenchWindow)[name] === 'function',
      {},
      run,
    );
    const times = await page.evaluate(
      (name, count) => (globalThis as unknown as BenchWindow)[name]!(count),
      run,
      runs,
    );
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
}
