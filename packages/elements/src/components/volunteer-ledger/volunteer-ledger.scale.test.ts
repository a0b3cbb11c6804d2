import { expect, fixture, html } from '@open-wc/testing';
import type { HourEntry, HoursSnapshot } from '@lanewise/core/hours';
import './volunteer-ledger.js';
import type { VolunteerLedger } from './volunteer-ledger.js';

/** A snapshot of `count` one-hour entries, one a day at 09:00, for one volunteer. */
function bigSnapshot(count: number): HoursSnapshot {
  const entries: HourEntry[] = [];
  const first = Date.UTC(2000, 0, 1, 1);
  for (let i = 0; i < count; i++) {
    const start = new Date(first + i * 3_600_000 * 2);
    const iso = start.toISOString().replace('Z', '+00:00');
    const end = new Date(start.getTime() + 3_600_000).toISOString().replace('Z', '+00:00');
    entries.push({
      id: `e${i}`,
      volunteerId: 'v-li-hua',
      activityId: `活动 ${i}`,
      start: iso,
      end,
      durationMinutes: 60,
      day: iso.slice(0, 10),
      recordedBy: 'org-zhao',
      recordedAt: end,
      tags: [],
      status: 'pending',
    });
  }
  return {
    version: count,
    timeZone: 'UTC',
    policy: {
      unitMinutes: 1,
      maxMinutesPerEntry: 1440,
      maxMinutesPerActivity: null,
      maxMinutesPerDay: null,
      starThresholdsHours: [100, 300],
      approval: 'recorder',
    },
    entries,
  };
}

const key = (target: Element, name: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));
const frames = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

/**
 * Rows of measured height make the browser report that it delivered some size changes a frame
 * late ("ResizeObserver loop completed with undelivered notifications", w3c/csswg-drafts#5488):
 * a notice, not a failure, which the test runner would otherwise count as an uncaught error.
 */
let runnerOnError: OnErrorEventHandler = null;
const lateResizeNotice: OnErrorEventHandler = function (this: unknown, message, ...rest) {
  if (String(message).includes('ResizeObserver loop')) return true;
  return runnerOnError?.call(window, message, ...rest);
};

describe('<volunteer-ledger> with 100,000 entries', function () {
  this.timeout(30_000);
  before(() => {
    runnerOnError = window.onerror;
    window.onerror = lateResizeNotice;
  });
  after(() => {
    window.onerror = runnerOnError;
  });

  it('renders only the rows in view, keeps table semantics, and keeps focus to the end', async () => {
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        period="all"
        volunteer="v-li-hua"
        .data=${bigSnapshot(100_000)}
      ></volunteer-ledger>`,
    );
    await frames(3);
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('.body [role=row]'); i++)
      await frames(1);
    const root = el.shadowRoot!;
    expect(root.querySelector('[role=table]')!.getAttribute('aria-rowcount')).to.equal('100001');
    const rendered = root.querySelectorAll('.body [role=row]');
    expect(rendered.length).to.be.greaterThan(0).and.lessThan(200);
    const firstRow = root.querySelector<HTMLElement>('.body [role=row][data-index="0"]')!;
    expect(firstRow.getAttribute('aria-rowindex')).to.equal('2');

    firstRow.focus();
    key(firstRow, 'End');
    for (let i = 0; i < 60 && root.activeElement?.getAttribute('aria-rowindex') !== '100001'; i++) {
      await frames(1);
    }
    const last = root.activeElement!;
    expect(last.getAttribute('aria-rowindex')).to.equal('100001');
    // Newest first: the last row is the oldest entry.
    expect(last.querySelector('.activity-name')!.textContent).to.equal('活动 0');

    // Scrolling back to the top recycles the focused row; focus stays in the table.
    const body = root.querySelector<HTMLElement>('.body')!;
    body.scrollTop = 0;
    await frames(10);
    expect(root.querySelector('[data-index="99999"]')).to.equal(null);
    expect(root.activeElement).to.equal(body);
    // ...and the keys carry on from the row that had it.
    key(body, 'ArrowUp');
    for (let i = 0; i < 60 && root.activeElement?.getAttribute('aria-rowindex') !== '100000'; i++) {
      await frames(1);
    }
    expect(root.activeElement!.getAttribute('aria-rowindex')).to.equal('100000');
  });
});
