import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './ratio-721.js';
import '../lanewise-provider/lanewise-provider.js';
import type { Ratio721 } from './ratio-721.js';
import {
  contrastRatio,
  expectAccessible,
  expectTextOnly,
  q,
  qa,
  settle,
  stubFetch,
  textOf as text,
} from '../../testing/index.js';
import { exampleRules, sampleBook, sampleTracker } from './fixtures/live.js';

const reportUrl = new URL('./fixtures/ratio-report.json', import.meta.url).href;
const loadReport = async () => (await (await fetch(reportUrl)).json()) as Record<string, unknown>;

/** The rows of a table as the text of their cells. */
const tableRows = (el: Ratio721, selector: string) =>
  qa(el, `${selector} tbody tr`).map((row) => [...row.children].map((cell) => text(cell)));

describe('<ratio-721>', () => {
  it('draws the shares against 70/20/10 from a report, with status, advice and a table', async () => {
    const report = await loadReport();
    const el = await fixture<Ratio721>(html`<ratio-721 lang="en" .data=${report}></ratio-721>`);
    expect(text(q(el, '[part=status]'))).to.equal('Drifting');
    expect(text(q(el, '.words'))).to.equal('Management is 6.6 points above its 20% target.');
    expect(qa(el, '.chart .share').map(text)).to.deep.equal(['69.0%', '26.6%', '4.4%']);
    expect(qa(el, '.chart .aim').map(text)).to.deep.equal([
      'target 70%',
      'target 20%',
      'target 10%',
    ]);
    expect(text(q(el, '[part=advice]'))).to.equal('16 more service actions to reach 70%');
    expect(text(q(el, '.total'))).to.equal('458 actions counted');
    // Each bar's fill is its share of the track, and its target line stands at the target.
    const bars = qa(el, '[part=bar]');
    expect(bars).to.have.length(3);
    expect(Number(bars[0]!.querySelector('.fill')!.getAttribute('width'))).to.be.closeTo(69, 0.01);
    expect(bars[1]!.querySelector('.target')!.getAttribute('x1')).to.equal('20');
    expect(q(el, '[part=chart]')!.getAttribute('aria-hidden')).to.equal('true');
    // The text alternative: every figure in a table.
    expect(text(q(el, '.figures caption'))).to.include('The 721 figures');
    expect(tableRows(el, '.figures')).to.deep.equal([
      ['Service', '316', '69.0%', '70%', '-1 points'],
      ['Management', '122', '26.6%', '20%', '+6.6 points'],
      ['Enforcement', '20', '4.4%', '10%', '-5.6 points'],
    ]);
    // No monthly chart without the trend attribute.
    expect(q(el, '[part=trend]')).to.equal(null);
    await expectAccessible(el);
  });

  it('adds the months with trend: one 100% column each, the target line, and a month table', async () => {
    const el = await fixture<Ratio721>(
      html`<ratio-721 lang="en" trend .data=${await loadReport()}></ratio-721>`,
    );
    const columns = q(el, '[part=columns]')!;
    expect(columns.getAttribute('viewBox')).to.equal('0 0 120 100');
    expect(columns.querySelector('.target')!.getAttribute('y1')).to.equal(String(100 - 70));
    expect(qa(el, '.months span').map(text)).to.deep.equal([
      'Dec',
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
    ]);
    const rows = tableRows(el, '.months-table');
    expect(rows).to.have.length(12);
    expect(rows[0]![0]).to.equal('December 2025');
    expect(rows[11]).to.deep.equal(['November 2026', '73.3%', '26.7%', '0.0%', '30']);
    await expectAccessible(el);
  });

  it('takes a plain ratio721 result, and says when it has no months to show', async () => {
    const { overall } = await loadReport();
    const el = await fixture<Ratio721>(
      html`<ratio-721 lang="en" trend .data=${overall}></ratio-721>`,
    );
    expect(text(q(el, '[part=status]'))).to.equal('Drifting');
    expect(text(q(el, '[part=trend]'))).to.equal('This document holds no monthly figures.');
  });

  it('speaks Chinese in a zh-CN page and switches when lang changes', async () => {
    const wrapper = await fixture(
      html`<div lang="zh-CN"><ratio-721 trend .data=${await loadReport()}></ratio-721></div>`,
    );
    const el = wrapper.querySelector('ratio-721')!;
    await el.updateComplete;
    expect(text(q(el, '.title'))).to.equal('721 工作法');
    expect(text(q(el, '[part=status]'))).to.equal('偏离');
    expect(text(q(el, '.words'))).to.equal('管理占比比目标（20%）高 6.6 个百分点。');
    expect(text(q(el, '[part=advice]'))).to.equal('还需 16 次服务行动，服务占比可达 70%');
    expect(text(q(el, '.months span'))).to.equal('12月');
    await expectAccessible(el);
    wrapper.setAttribute('lang', 'en');
    await settle(el);
    expect(text(q(el, '[part=advice]'))).to.equal('16 more service actions to reach 70%');
  });

  it('says when service is at its target, and when every share is within tolerance', async () => {
    const el = await fixture<Ratio721>(
      html`<ratio-721
        lang="en"
        .tracker=${sampleTracker({ service: 7, manage: 2, enforce: 1 })}
      ></ratio-721>`,
    );
    expect(text(q(el, '[part=status]'))).to.equal('On target');
    expect(text(q(el, '.words'))).to.equal('Every share is within 5 points of its target.');
    expect(text(q(el, '[part=advice]'))).to.equal('Service is at its 70% target');
    await expectAccessible(el);
  });

  it('follows a live tracker: each add re-renders, months from its log', async () => {
    const tracker = sampleTracker({ service: 1, manage: 2, enforce: 2 });
    const el = await fixture<Ratio721>(
      html`<ratio-721 lang="en" trend .tracker=${tracker}></ratio-721>`,
    );
    expect(text(q(el, '[part=status]'))).to.equal('Off target');
    // 1 of 5 service: (1 + x) / (5 + x) >= 0.7 needs x = 9 more.
    expect(text(q(el, '[part=advice]'))).to.equal('9 more service actions to reach 70%');
    expect(qa(el, '.months span').map(text)).to.deep.equal(['Mar', 'Apr']);
    tracker.add({ id: 'b1', kind: 'service', at: '2025-05-02T09:00:00+08:00' });
    await settle(el);
    // 2 of 6 service: (2 + x) / (6 + x) >= 0.7 needs x = 8 more.
    expect(text(q(el, '[part=advice]'))).to.equal('8 more service actions to reach 70%');
    expect(qa(el, '.months span').map(text)).to.deep.equal(['Mar', 'Apr', 'May']);
    expect(text(q(el, '.total'))).to.equal('6 actions counted');
  });

  it('counts the actions of a live case book, from its own property or a provider', async () => {
    const rules = await exampleRules();
    const { book, clock } = sampleBook(rules);
    const wrapper = await fixture(
      html`<lanewise-provider .book=${book}><ratio-721 lang="en"></ratio-721></lanewise-provider>`,
    );
    const el = wrapper.querySelector('ratio-721')!;
    await settle(el);
    expect(text(q(el, '.lw-empty-title'))).to.equal('No actions counted yet');
    await expectAccessible(el);
    book.open({
      id: 'c1',
      category: 'litter',
      title: 'Rubbish by gate 3',
      receivedAt: '2025-03-03T09:00:00+08:00',
      channel: 'web',
      location: { address: 'Building 3' },
    });
    clock.set('2025-03-03T10:00:00+08:00');
    book.accept('c1', { by: 'station-zhou' });
    book.act('c1', {
      id: 'c1-a1',
      kind: 'enforce',
      type: 'penalty',
      by: 'station-zhou',
      at: '2025-03-03T10:00:00+08:00',
    });
    await settle(el);
    expect(text(q(el, '[part=status]'))).to.equal('Off target');
    // 0 of 1 service: x / (1 + x) >= 0.7 needs x = 3.
    expect(text(q(el, '[part=advice]'))).to.equal('3 more service actions to reach 70%');
    const own = await fixture<Ratio721>(html`<ratio-721 lang="en" .book=${book}></ratio-721>`);
    expect(text(q(own, '.total'))).to.equal('1 action counted');
  });

  it('loads src, fires lw-load, and reads a provider’s document', async () => {
    const el = document.createElement('ratio-721');
    el.lang = 'en';
    const loaded = oneEvent(el, 'lw-load');
    el.src = reportUrl;
    document.body.append(el);
    const event = await loaded;
    expect(event.detail.overall.total).to.equal(458);
    expect(event.detail.byMonth).to.have.length(12);
    await el.updateComplete;
    expect(text(q(el, '[part=status]'))).to.equal('Drifting');
    el.remove();

    const wrapper = await fixture(
      html`<lanewise-provider src=${reportUrl}
        ><ratio-721 lang="en"></ratio-721
      ></lanewise-provider>`,
    );
    const inside = wrapper.querySelector('ratio-721')!;
    await oneEvent(inside, 'lw-load');
    await inside.updateComplete;
    expect(text(q(inside, '[part=advice]'))).to.equal('16 more service actions to reach 70%');
  });

  it('shows a skeleton while loading, the HTTP status and a retry that works from the keyboard', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const report = await loadReport();
    const { restore } = stubFetch({
      '/ratio-flaky.json': [
        { status: 503, gate },
        { status: 200, body: report },
      ],
    });
    try {
      const el = await fixture<Ratio721>(
        html`<ratio-721 lang="en" src="/ratio-flaky.json"></ratio-721>`,
      );
      expect(q(el, '[part=skeleton]')).to.exist;
      await expectAccessible(el);
      const failed = oneEvent(el, 'lw-error');
      open();
      await failed;
      await el.updateComplete;
      expect(text(q(el, '[role=alert] [part=error-message]'))).to.match(/HTTP 503/);
      await expectAccessible(el);
      const retry = q(el, '[part=retry]') as HTMLButtonElement;
      retry.focus();
      expect(el.shadowRoot!.activeElement).to.equal(retry);
      const loaded = oneEvent(el, 'lw-load');
      retry.click();
      await loaded;
      await el.updateComplete;
      expect(text(q(el, '[part=status]'))).to.equal('Drifting');
    } finally {
      restore();
    }
  });

  it('names the bad field of a bad document, in the page’s language', async () => {
    const report = await loadReport();
    const overall = report.overall as Record<string, unknown>;
    const bad = { ...report, overall: { ...overall, status: 'great' } };
    const el = await fixture<Ratio721>(html`<ratio-721 lang="en" .data=${bad}></ratio-721>`);
    expect(text(q(el, '[role=alert] [part=error-message]'))).to.match(
      /^The data has a mistake: field “overall\.status”/,
    );
    await expectAccessible(el);
    const months = (report.byMonth as Record<string, unknown>[]).map((month, index) =>
      index === 2 ? { ...month, total: -1 } : month,
    );
    const zh = await fixture<Ratio721>(
      html`<ratio-721 lang="zh-CN" .data=${{ ...report, byMonth: months }}></ratio-721>`,
    );
    const message = text(q(zh, '[role=alert] [part=error-message]'));
    expect(message).to.include('byMonth');
    expect(message).to.include('3');
    expect(message).to.include('total');
  });

  it('shows a document’s month keys as text, whatever they hold', async () => {
    const report = await loadReport();
    const months = report.byMonth as Record<string, unknown>[];
    await expectTextOnly((payload) =>
      fixture(
        html`<ratio-721
          lang="en"
          trend
          .data=${{ ...report, byMonth: months.map((month, i) => (i === 0 ? { ...month, key: payload } : month)) }}
        ></ratio-721>`,
      ),
    );
  });

  it('keeps its tones at 3:1 against the card and passes axe, in light and in dark', async () => {
    const report = await loadReport();
    for (const scheme of ['light', 'dark']) {
      const wrapper = await fixture(
        html`<div style="color-scheme: ${scheme}; background: Canvas; color: CanvasText">
          <ratio-721 lang="en" trend .data=${report}></ratio-721>
        </div>`,
      );
      const el = wrapper.querySelector('ratio-721')!;
      await el.updateComplete;
      const card = getComputedStyle(q(el, '.ratio')!).backgroundColor;
      for (const kind of ['service', 'manage', 'enforce']) {
        const fill = getComputedStyle(q(el, `[part=bar] .fill-${kind}`)!).fill;
        expect(contrastRatio(fill, card), `${scheme} ${kind}`).to.be.at.least(3);
      }
      const target = getComputedStyle(q(el, '[part=bar] .target')!).stroke;
      expect(contrastRatio(target, card), `${scheme} target`).to.be.at.least(3);
      await expectAccessible(el);
    }
  });
});
