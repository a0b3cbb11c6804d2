// `npm run bench bench/elements.bench.ts`: <volunteer-ledger> with 100,000 entries in headless
// Chromium (production Lit), median and p90 of repeated runs against the goals of the
// elements issue, beside a plain table of every row that renders without virtualization.
import { runPageBench } from './browser-harness.js';

await runPageBench({
  page: 'bench/elements/ledger-page.html',
  run: 'runLedgerBench',
  goals: {
    'first render, live ledger': 50,
    'first render, data': 50,
    'first render, src (fetch, parse, validate)': 500,
    're-render after one approval': 16,
  },
});
