// `npm run bench bench/case-board.bench.ts`: <case-board> with 10,000 cases in headless
// Chromium (production Lit), median and p90 of repeated runs against the goals of the
// elements issue (part 2).
import { runPageBench } from './browser-harness.js';

await runPageBench({
  page: 'bench/elements/board-page.html',
  run: 'runBoardBench',
  goals: {
    'first render, live book': 100,
    're-render after one action': 16,
  },
});
