import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createHoursLedger } from '@lanewise/core/hours';
import './volunteer-ledger.js';
import '../lanewise-provider/lanewise-provider.js';
import type { VolunteerLedger } from './volunteer-ledger.js';
import {
  expectAccessible,
  expectTextOnly,
  q,
  qa,
  settle,
  stubFetch,
  textOf as text,
} from '../../testing/index.js';
import { ANCHOR, NOW, sampleLedger } from './fixtures/sample-ledger.js';

const bodyRows = (el: VolunteerLedger) => qa(el, '.body [role=row]');
const figures = (el: VolunteerLedger) => qa(el, '.figure').map((figure) => text(figure));

describe('<volunteer-ledger>', () => {
  it('shows one volunteer’s month from data: dates, times, durations, badges, totals, stars', async () => {
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        volunteer="v-li-hua"
        anchor=${ANCHOR}
        .data=${sampleLedger().snapshot()}
      ></volunteer-ledger>`,
    );
    const rows = bodyRows(el);
    // e3 (20 Mar, pending), e2 (10 Mar), e1 (3 Mar): newest first; February's e5 is outside.
    expect(rows.map((row) => text(row.querySelector('.date')))).to.deep.equal([
      '20 Mar 2025',
      '10 Mar 2025',
      '3 Mar 2025',
    ]);
    expect(text(rows[2]!.querySelector('.time'))).to.equal('09:00–11:30');
    expect(text(rows[2]!.querySelector('.duration'))).to.equal('2 h 30 min');
    expect(text(rows[0]!.querySelector('.credited'))).to.equal('—');
    expect(text(rows[0]!.querySelector('.badge'))).to.equal('Pending');
    expect(text(rows[1]!.querySelector('.badge'))).to.equal('Approved');
    expect(text(rows[1]!.querySelector('.approved-by'))).to.include('org-sun');
    expect(q(el, '.cell.volunteer')).to.equal(null);
    expect(text(q(el, '.range'))).to.equal('March 2025');
    expect(figures(el)[0]).to.include('4 h 30 min');
    expect(figures(el)[1]).to.include('3');
    // 5 h 30 min approved in all: one star of three, 14 h 30 min to the 20-hour star.
    expect(q(el, '.stars')!.getAttribute('aria-label')).to.equal('1 star of 3');
    expect(figures(el)[2]).to.include('14 h 30 min more for the next star');
    const table = q(el, '[role=table]')!;
    expect(table.getAttribute('aria-rowcount')).to.equal('4');
    expect(rows.map((row) => row.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3', '4']);
    await expectAccessible(el);
  });

  it('writes Chinese dates and durations in a zh-CN page, and re-renders when lang changes', async () => {
    const wrapper = await fixture(
      html`<div lang="zh-CN">
        <volunteer-ledger
          volunteer="v-li-hua"
          anchor=${ANCHOR}
          .data=${sampleLedger().snapshot()}
        ></volunteer-ledger>
      </div>`,
    );
    const el = wrapper.querySelector('volunteer-ledger')!;
    await el.updateComplete;
    expect(text(bodyRows(el)[2]!.querySelector('.date'))).to.equal('2025年3月3日');
    expect(text(bodyRows(el)[2]!.querySelector('.duration'))).to.equal('2 小时 30 分');
    expect(text(bodyRows(el)[0]!.querySelector('.badge'))).to.equal('待审核');
    expect(text(q(el, '.title'))).to.include('志愿服务时长');
    wrapper.setAttribute('lang', 'en');
    await settle(el);
    expect(text(bodyRows(el)[2]!.querySelector('.date'))).to.equal('3 Mar 2025');
    expect(text(q(el, '.title'))).to.include('Volunteer hours');
  });

  it('shows the team with a volunteer column when no volunteer is set, and no star', async () => {
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        anchor=${ANCHOR}
        .data=${sampleLedger().snapshot()}
      ></volunteer-ledger>`,
    );
    expect(bodyRows(el)).to.have.length(5);
    expect(qa(el, '.body .cell.volunteer').map(text)).to.include('v-wang-fang');
    expect(q(el, '.stars')).to.equal(null);
    expect(figures(el)[0]).to.include('6 h 30 min');
    await expectAccessible(el);
  });

  it('moves between periods, filters by status and sorts by date', async () => {
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        volunteer="v-li-hua"
        anchor=${ANCHOR}
        .data=${sampleLedger().snapshot()}
      ></volunteer-ledger>`,
    );
    (q(el, '[part=previous]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(text(q(el, '.range'))).to.equal('February 2025');
    expect(bodyRows(el).map((row) => text(row.querySelector('.date')))).to.deep.equal([
      '14 Feb 2025',
    ]);
    (q(el, '[part=next]') as HTMLButtonElement).click();
    await el.updateComplete;
    const period = q(el, '#period') as HTMLSelectElement;
    period.value = 'week';
    period.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.period).to.equal('week');
    // The month buttons left the anchor on 1 March: its week starts on Monday 24 February.
    expect(text(q(el, '.range'))).to.equal('24 Feb 2025 – 2 Mar 2025');
    expect(q(el, '[part=no-rows]')).to.not.equal(null);
    (q(el, '[part=next]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(text(q(el, '.range'))).to.equal('3 Mar 2025 – 9 Mar 2025');
    expect(bodyRows(el)).to.have.length(1);
    period.value = 'all';
    period.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(bodyRows(el)).to.have.length(4);
    expect((q(el, '[part=previous]') as HTMLButtonElement).disabled).to.equal(true);

    const status = q(el, '#status') as HTMLSelectElement;
    status.value = 'approved';
    status.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(bodyRows(el).map((row) => text(row.querySelector('.badge')))).to.deep.equal([
      'Approved',
      'Approved',
      'Approved',
    ]);

    const header = q(el, '[role=columnheader][aria-sort]')!;
    expect(header.getAttribute('aria-sort')).to.equal('descending');
    (header.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(header.getAttribute('aria-sort')).to.equal('ascending');
    expect(text(bodyRows(el)[0]!.querySelector('.date'))).to.equal('14 Feb 2025');
  });

  it('loads src, and follows a live ledger as it changes', async () => {
    const fetches = stubFetch({ '/hours.json': [{ body: sampleLedger().snapshot() }] });
    try {
      const el = document.createElement('volunteer-ledger');
      el.lang = 'en';
      el.anchor = ANCHOR;
      el.volunteer = 'v-li-hua';
      const loaded = oneEvent(el, 'lw-load');
      el.src = '/hours.json';
      document.body.append(el);
      await loaded;
      await el.updateComplete;
      expect(bodyRows(el)).to.have.length(3);
      el.remove();
    } finally {
      fetches.restore();
    }

    const ledger = sampleLedger();
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        volunteer="v-li-hua"
        anchor=${ANCHOR}
        .ledger=${ledger}
      ></volunteer-ledger>`,
    );
    expect(bodyRows(el)).to.have.length(3);
    ledger.approve('e3', { by: 'org-sun' });
    await settle(el);
    expect(text(bodyRows(el)[0]!.querySelector('.badge'))).to.equal('Approved');
    expect(figures(el)[0]).to.include('6 h 30 min');
  });

  it('reads its ledger from a surrounding provider', async () => {
    const ledger = sampleLedger();
    const wrapper = await fixture(
      html`<lanewise-provider lang="en" .ledger=${ledger}>
        <volunteer-ledger volunteer="v-wang-fang" anchor=${ANCHOR}></volunteer-ledger>
      </lanewise-provider>`,
    );
    const el = wrapper.querySelector('volunteer-ledger')!;
    await settle(el);
    expect(bodyRows(el)).to.have.length(2);
  });

  it('shows a skeleton while loading, then says which record and field is bad', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const bad = sampleLedger().snapshot() as unknown as { entries: Record<string, unknown>[] };
    const broken = {
      ...bad,
      entries: bad.entries.map((entry, i) => (i === 2 ? { ...entry, durationMinutes: -5 } : entry)),
    };
    const fetches = stubFetch({ '/bad.json': [{ body: broken, gate }] });
    try {
      const el = await fixture<VolunteerLedger>(
        html`<volunteer-ledger lang="en" src="/bad.json"></volunteer-ledger>`,
      );
      expect(q(el, '[part=skeleton]')).to.not.equal(null);
      await expectAccessible(el);
      open();
      await oneEvent(el, 'lw-error');
      await el.updateComplete;
      const alert = q(el, '[role=alert]')!;
      expect(text(alert)).to.include('entries');
      expect(text(alert)).to.include('durationMinutes');
      await expectAccessible(el);
    } finally {
      fetches.restore();
    }
  });

  it('says the HTTP status of a failed fetch and retries', async () => {
    const fetches = stubFetch({
      '/hours.json': [{ status: 503 }, { body: sampleLedger().snapshot() }],
    });
    try {
      const el = await fixture<VolunteerLedger>(
        html`<volunteer-ledger lang="en" anchor=${ANCHOR} src="/hours.json"></volunteer-ledger>`,
      );
      await waitUntil(() => q(el, '[role=alert]'), 'no error shown');
      expect(text(q(el, '[role=alert]'))).to.include('503');
      await expectAccessible(el);
      const loaded = oneEvent(el, 'lw-load');
      (q(el, '[part=retry]') as HTMLButtonElement).click();
      await loaded;
      await el.updateComplete;
      expect(bodyRows(el)).to.have.length(5);
    } finally {
      fetches.restore();
    }
  });

  it('says what will appear when the ledger is empty, and when the period is', async () => {
    const empty = createHoursLedger({ now: () => new Date(NOW) });
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger lang="en" .ledger=${empty}></volunteer-ledger>`,
    );
    expect(text(q(el, '[part=empty]'))).to.include('No hours recorded yet');
    await expectAccessible(el);
    const quiet = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        anchor="2024-01-10"
        .data=${sampleLedger().snapshot()}
      ></volunteer-ledger>`,
    );
    expect(text(q(quiet, '[part=no-rows]'))).to.equal('No entries in this period.');
  });

  it('accepts a programme snapshot and rejects a document that is neither', async () => {
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        anchor=${ANCHOR}
        .data=${{ version: 1, entries: 'x' }}
      ></volunteer-ledger>`,
    );
    expect(text(q(el, '[role=alert]'))).to.not.equal('');
  });

  it('exports the rows shown as CSV for spreadsheets', async () => {
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        volunteer="v-li-hua"
        anchor=${ANCHOR}
        .data=${sampleLedger().snapshot()}
      ></volunteer-ledger>`,
    );
    const csv = el.toCSV();
    expect(csv.startsWith('\uFEFFEntry,Date,Start,End,Volunteer,Activity')).to.equal(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).to.have.length(4);
    expect(lines[1]).to.include('e3,2025-03-20,');
    expect(lines[1]).to.include(',Pending,');
  });

  it('keeps every text field as text', async () => {
    await expectTextOnly(async (payload) => {
      const ledger = createHoursLedger({ now: () => new Date(NOW) });
      ledger.record({
        id: 'x1',
        volunteerId: payload,
        activityId: payload,
        start: '2025-03-03T09:00:00+08:00',
        end: '2025-03-03T10:00:00+08:00',
        recordedBy: payload,
        note: payload,
      });
      ledger.reject('x1', { by: 'org-sun', reason: payload });
      return fixture<VolunteerLedger>(
        html`<volunteer-ledger anchor=${ANCHOR} .ledger=${ledger}></volunteer-ledger>`,
      );
    });
  });
});
