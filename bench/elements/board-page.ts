// Runs in the browser: times <case-board> over 10,000 cases of a live case book and from
// `data`, and the re-render after one case is accepted.
import { createCaseBook, type CaseBook } from '@lanewise/core/cases';
import { cnCalendar } from '@lanewise/core/calendar';
import '@lanewise/elements/case-board.js';

const COUNT = 10_000;
const CATEGORIES = ['litter', 'noise', 'facility-damage', 'street-stall', 'enquiry'];

/** A book of `COUNT` cases received over 2025, every tenth one accepted. */
async function bigBook(): Promise<CaseBook> {
  const rules = await (await fetch('/examples/rules/liuzhou.json')).json();
  const book = createCaseBook({
    routing: rules,
    calendar: cnCalendar,
    now: () => new Date('2026-01-01T00:00:00+08:00'),
  });
  const first = Date.parse('2025-01-02T09:00:00+08:00');
  for (let i = 0; i < COUNT; i++) {
    book.open({
      id: `c${i}`,
      category: CATEGORIES[i % CATEGORIES.length]!,
      title: `第 ${i} 件：楼道堆放杂物`,
      receivedAt: new Date(first + i * 3_000_000).toISOString(),
      channel: i % 2 ? 'hotline' : 'station',
    });
    if (i % 10 === 0) book.accept(`c${i}`, { by: 'station-zhou' });
  }
  return book;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Resolves once the board shows a card, with layout done. */
async function firstCard(el: HTMLElement): Promise<void> {
  for (;;) {
    const card = el.shadowRoot?.querySelector<HTMLElement>('.card');
    if (card) {
      void card.offsetHeight;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

type Board = HTMLElement & Record<string, unknown> & { updateComplete: Promise<unknown> };

async function timeRender(feed: (el: Board) => void): Promise<number> {
  const el = document.createElement('case-board') as unknown as Board;
  el.setAttribute('now', '2026-01-01T00:00:00+08:00');
  const started = performance.now();
  feed(el);
  document.body.append(el);
  await firstCard(el);
  const ms = performance.now() - started;
  el.remove();
  await frame();
  return ms;
}

declare global {
  interface Window {
    runBoardBench(runs: number): Promise<Record<string, number[]>>;
  }
}

window.runBoardBench = async (runs) => {
  const book = await bigBook();
  const snapshot = book.snapshot();
  const times: Record<string, number[]> = {
    'first render, live book': [],
    'first render, data (validated)': [],
    're-render after one action': [],
  };
  await timeRender((el) => (el.book = book));
  for (let run = 0; run < runs; run++) {
    times['first render, live book']!.push(await timeRender((el) => (el.book = book)));
    times['first render, data (validated)']!.push(await timeRender((el) => (el.data = snapshot)));
  }
  const shown = document.createElement('case-board') as unknown as Board;
  shown.setAttribute('now', '2026-01-01T00:00:00+08:00');
  shown.book = book;
  document.body.append(shown);
  await firstCard(shown);
  for (let run = 0; run < runs * 2; run++) {
    const started = performance.now();
    book.accept(`c${run * 10 + 1}`, { by: 'station-zhou' });
    await shown.updateComplete;
    void shown.shadowRoot!.querySelector<HTMLElement>('.lanes')!.offsetHeight;
    times['re-render after one action']!.push(performance.now() - started);
    await frame();
  }
  shown.remove();
  return times;
};
