// Runs in the browser: times <volunteer-ledger> over 100,000 entries from a live ledger, from
// `data` and from `src`, re-rendering after one approval, and a plain table of every row as
// the baseline that renders without virtualization.
import { createHoursLedger, type HoursLedger } from '@lanewise/core/hours';
import '@lanewise/elements/volunteer-ledger.js';

const COUNT = 100_000;

/** A ledger of `COUNT` pending one-hour entries, two hours apart, recorded by an organiser. */
function bigLedger(): HoursLedger {
  const first = Date.UTC(2000, 0, 1, 1);
  const ledger = createHoursLedger({ now: () => new Date(Date.UTC(2030, 0, 1)) });
  for (let i = 0; i < COUNT; i++) {
    const start = first + i * 7_200_000;
    ledger.record({
      id: `e${i}`,
      volunteerId: `v${i % 60}`,
      activityId: ['助老探访', '垃圾分类督导', '课业辅导', '文明劝导'][i % 4]!,
      start: new Date(start).toISOString(),
      end: new Date(start + 3_600_000).toISOString(),
      recordedBy: 'org-zhao',
    });
  }
  return ledger;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Resolves once `root` holds a rendered row, and layout has been done. */
function firstRow(el: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const row = el.shadowRoot?.querySelector<HTMLElement>('.body [role=row]');
      if (!row) return false;
      void row.offsetHeight;
      return true;
    };
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(el.shadowRoot ?? el, { subtree: true, childList: true });
    // The shadow root exists after the first update; observe it then.
    void (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete.then(() => {
      if (check()) {
        observer.disconnect();
        resolve();
      } else observer.observe(el.shadowRoot!, { subtree: true, childList: true });
    });
  });
}

type Feed = (el: HTMLElement & Record<string, unknown>) => void;

async function timeRender(feed: Feed): Promise<number> {
  const el = document.createElement('volunteer-ledger') as unknown as HTMLElement &
    Record<string, unknown>;
  el.setAttribute('period', 'all');
  const started = performance.now();
  feed(el);
  document.body.append(el);
  await firstRow(el);
  const ms = performance.now() - started;
  el.remove();
  await frame();
  return ms;
}

async function timeApproval(ledger: HoursLedger, index: number): Promise<number> {
  const el = document.querySelector('volunteer-ledger#approval') as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  const started = performance.now();
  ledger.approve(`e${index}`, { by: 'org-sun' });
  await el.updateComplete;
  void el.shadowRoot!.querySelector<HTMLElement>('.body')!.offsetHeight;
  return performance.now() - started;
}

function timePlainTable(ledger: HoursLedger): number {
  const started = performance.now();
  const rows = ledger
    .snapshot()
    .entries.map(
      (entry) =>
        `<tr><td>${entry.day}</td><td>${entry.activityId}</td><td>${entry.durationMinutes}</td><td>${entry.status}</td></tr>`,
    );
  const table = document.createElement('table');
  table.innerHTML = `<tbody>${rows.join('')}</tbody>`;
  document.body.append(table);
  void table.offsetHeight;
  const ms = performance.now() - started;
  table.remove();
  return ms;
}

declare global {
  interface Window {
    runLedgerBench(runs: number): Promise<Record<string, number[]>>;
  }
}

window.runLedgerBench = async (runs) => {
  const ledger = bigLedger();
  const snapshot = ledger.snapshot();
  const json = JSON.stringify(snapshot);
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const times: Record<string, number[]> = {
    'first render, live ledger': [],
    'first render, data': [],
    'first render, src (fetch, parse, validate)': [],
    're-render after one approval': [],
    'baseline: plain <table> of every row': [],
  };
  // One warm-up of each path, untimed.
  await timeRender((el) => (el.ledger = ledger));
  await timeRender((el) => (el.data = snapshot));
  for (let run = 0; run < runs; run++) {
    times['first render, live ledger']!.push(await timeRender((el) => (el.ledger = ledger)));
    times['first render, data']!.push(await timeRender((el) => (el.data = snapshot)));
    times['first render, src (fetch, parse, validate)']!.push(
      await timeRender((el) => (el.src = url)),
    );
  }
  const shown = document.createElement('volunteer-ledger') as unknown as HTMLElement &
    Record<string, unknown>;
  shown.id = 'approval';
  shown.setAttribute('period', 'all');
  shown.setAttribute('role', 'organizer');
  shown.ledger = ledger;
  document.body.append(shown);
  await firstRow(shown);
  for (let run = 0; run < runs * 2; run++) {
    times['re-render after one approval']!.push(await timeApproval(ledger, COUNT - 1 - run));
    await frame();
  }
  shown.remove();
  for (let run = 0; run < Math.min(runs, 3); run++) {
    times['baseline: plain <table> of every row']!.push(timePlainTable(ledger));
    await frame();
  }
  return times;
};
