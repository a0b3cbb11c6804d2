import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './satisfaction-panel.js';
import '../lanewise-provider/lanewise-provider.js';
import type { SatisfactionPanel } from './satisfaction-panel.js';
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
import { exampleRules, sampleBook } from '../ratio-721/fixtures/live.js';

const reportUrl = new URL('./fixtures/rates-report.json', import.meta.url).href;
type Report = { overall: Record<string, unknown>; byMonth: Record<string, unknown>[] };
const loadReport = async () => (await (await fetch(reportUrl)).json()) as Report;

const card = (el: Element, rate: string) => q(el, `[part=rate][data-rate=${rate}]`)!;

/** The report with the satisfaction counts of its last two months replaced. */
function withSatisfaction(report: Report, previous: [number, number], current: [number, number]) {
  const months = report.byMonth.map((month, index) => {
    const counts =
      index === report.byMonth.length - 1
        ? current
        : index === report.byMonth.length - 2
          ? previous
          : undefined;
    if (!counts) return month;
    const value = month['value'] as Record<string, unknown>;
    const satisfaction = value['satisfaction'] as Record<string, unknown>;
    return {
      ...month,
      value: {
        ...value,
        satisfaction: {
          ...satisfaction,
          successes: counts[0],
          n: counts[1],
          rate: counts[0] / counts[1],
        },
      },
    };
  });
  return { ...report, byMonth: months };
}

describe('<satisfaction-panel>', () => {
  it('writes and draws each rate with its Wilson interval, its counts and its months', async () => {
    const el = await fixture<SatisfactionPanel>(
      html`<satisfaction-panel lang="en" .data=${await loadReport()}></satisfaction-panel>`,
    );
    expect(qa(el, '[part=rate] .name').map(text)).to.deep.equal([
      'Satisfaction',
      'On time',
      'Resolution',
      'Response',
    ]);
    expect(text(card(el, 'satisfaction').querySelector('[part=value]'))).to.equal(
      '98.2% (95% interval 96.6%–99.1%)',
    );
    expect(text(card(el, 'onTime').querySelector('[part=value]'))).to.equal(
      '94.4% (95% interval 91.9%–96.2%)',
    );
    expect(text(card(el, 'resolution').querySelector('[part=value]'))).to.equal(
      '100% (95% interval 99.1%–100%)',
    );
    expect(text(card(el, 'satisfaction').querySelector('[part=counts]'))).to.equal(
      '446 of 454 follow-ups satisfied',
    );
    expect(text(card(el, 'response').querySelector('[part=counts]'))).to.equal(
      '463 of 466 cases responded to in time',
    );
    expect(text(q(el, '.received'))).to.equal('466 cases received');
    // The interval is drawn on an axis from 90% (the lowest bound floored to 5%) to 100%.
    const band = card(el, 'satisfaction').querySelector('[part=interval] .band')!;
    expect(Number(band.getAttribute('x'))).to.be.closeTo((0.96562 - 0.9) * 1000, 0.01);
    expect(text(card(el, 'satisfaction').querySelector('.ends'))).to.equal('90%100%');
    // The months: a line on each card, and every month's figures in the table.
    expect(qa(el, '[part=sparkline]')).to.have.length(4);
    expect(text(card(el, 'satisfaction').querySelector('.trend-range'))).to.equal(
      'August 2026 to November 2026, scale 95%–100%',
    );
    const rows = qa(el, 'table tbody tr');
    expect(rows).to.have.length(4);
    expect(text(rows[3]!.querySelector('th'))).to.equal('November 2026');
    expect(text(rows[3]!.querySelector('td'))).to.include('24 of 25 follow-ups satisfied');
    expect(q(el, '[part=change]')).to.equal(null);
    await expectAccessible(el);
  });

  it('with compare="month" says the change on the month before, with Newcombe’s interval', async () => {
    const el = await fixture<SatisfactionPanel>(
      html`<satisfaction-panel
        lang="en"
        compare="month"
        .data=${await loadReport()}
      ></satisfaction-panel>`,
    );
    expect(text(q(el, '.compare-title'))).to.equal('November 2026 against October 2026');
    const change = card(el, 'satisfaction').querySelector('[part=change]')!;
    // 24 of 25 against 43 of 43: down 4 points, but the interval holds 0.
    expect(text(change)).to.equal(
      '-4.0 points on October 2026 (95% interval -19.5 to +4.8): could be chance.',
    );
    expect(change.getAttribute('data-verdict')).to.equal('inconclusive');
    await expectAccessible(el);
  });

  it('calls a change clear when the interval leaves 0 out', async () => {
    const report = withSatisfaction(await loadReport(), [30, 60], [58, 60]);
    const el = await fixture<SatisfactionPanel>(
      html`<satisfaction-panel lang="en" compare="month" .data=${report}></satisfaction-panel>`,
    );
    const change = card(el, 'satisfaction').querySelector('[part=change]')!;
    expect(change.getAttribute('data-verdict')).to.equal('higher');
    expect(text(change)).to.match(
      /^\+46\.7 points on October 2026 \(95% interval \+\d+\.\d to \+\d+\.\d\): a clear rise\.$/,
    );
    const fall = await fixture<SatisfactionPanel>(
      html`<satisfaction-panel
        lang="zh-CN"
        compare="month"
        .data=${withSatisfaction(report, [58, 60], [30, 60])}
      ></satisfaction-panel>`,
    );
    expect(text(card(fall, 'satisfaction').querySelector('[part=change]'))).to.match(/明显下降。$/);
    await expectAccessible(fall);
  });

  it('with compare="quarter" compares calendar quarters', async () => {
    const el = await fixture<SatisfactionPanel>(
      html`<satisfaction-panel
        lang="en"
        compare="quarter"
        .data=${await loadReport()}
      ></satisfaction-panel>`,
    );
    expect(text(q(el, '.compare-title'))).to.equal('Q4 2026 against Q3 2026');
    expect(text(card(el, 'response').querySelector('[part=change]'))).to.match(
      /^\+1\.2 points on Q3 2026/,
    );
  });

  it('speaks Chinese in a zh-CN page and switches when lang changes', async () => {
    const wrapper = await fixture(
      html`<div lang="zh-CN">
        <satisfaction-panel compare="month" .data=${await loadReport()}></satisfaction-panel>
      </div>`,
    );
    const el = wrapper.querySelector('satisfaction-panel')!;
    await el.updateComplete;
    expect(text(card(el, 'satisfaction').querySelector('[part=value]'))).to.equal(
      '98.2%（95% 区间 96.6%–99.1%）',
    );
    expect(text(card(el, 'satisfaction').querySelector('[part=counts]'))).to.equal(
      '454 次回访中 446 次满意',
    );
    expect(text(card(el, 'satisfaction').querySelector('[part=change]'))).to.equal(
      '比2026年10月 -4.0 个百分点（95% 区间 -19.5 至 +4.8）：可能只是偶然波动。',
    );
    expect(text(q(el, '.compare-title'))).to.equal('2026年11月对比2026年10月');
    await expectAccessible(el);
    wrapper.setAttribute('lang', 'en');
    await settle(el);
    expect(text(card(el, 'onTime').querySelector('.name'))).to.equal('On time');
  });

  it('takes a plain caseRates result: the rates without months, and a rate with no data', async () => {
    const { overall } = await loadReport();
    const none = { successes: 0, n: 0, rate: null, interval: [0, 1], confidence: 0.95 };
    const el = await fixture<SatisfactionPanel>(
      html`<satisfaction-panel
        lang="en"
        compare="month"
        .data=${{ ...overall, satisfaction: none }}
      ></satisfaction-panel>`,
    );
    expect(text(card(el, 'satisfaction').querySelector('[part=value]'))).to.equal(
      'No cases counted yet',
    );
    expect(card(el, 'satisfaction').querySelector('[part=interval]')).to.equal(null);
    expect(text(card(el, 'onTime').querySelector('[part=value]'))).to.include('94.4%');
    expect(qa(el, '[part=sparkline]')).to.have.length(0);
    expect(q(el, '[part=change]')).to.equal(null);
    await expectAccessible(el);
  });

  it('follows a live case book through a provider: a follow-up moves satisfaction', async () => {
    const { book, clock } = sampleBook(await exampleRules());
    const wrapper = await fixture(
      html`<lanewise-provider .book=${book}
        ><satisfaction-panel lang="en"></satisfaction-panel
      ></lanewise-provider>`,
    );
    const el = wrapper.querySelector('satisfaction-panel')!;
    await settle(el);
    expect(text(q(el, '.lw-empty-title'))).to.equal('No cases yet');
    await expectAccessible(el);
    const handle = (id: string, rating: 'satisfied' | 'unsatisfied', day: string) => {
      clock.set(`2025-03-${day}T09:00:00+08:00`);
      book.open({
        id,
        category: 'litter',
        title: 'Rubbish by gate 3',
        receivedAt: `2025-03-${day}T09:00:00+08:00`,
        channel: 'web',
        location: { address: 'Building 3' },
      });
      clock.set(`2025-03-${day}T09:30:00+08:00`);
      book.accept(id, { by: 'station-zhou' });
      clock.set(`2025-03-${day}T09:45:00+08:00`);
      book.act(id, {
        id: `${id}-a`,
        kind: 'service',
        type: 'clean-up',
        by: 'station-zhou',
        at: `2025-03-${day}T09:40:00+08:00`,
      });
      clock.set(`2025-03-${day}T10:00:00+08:00`);
      book.resolve(id, { by: 'station-zhou', outcome: 'resolved' });
      clock.set(`2025-03-${day}T11:00:00+08:00`);
      book.followUp(id, { rating, at: `2025-03-${day}T11:00:00+08:00` });
    };
    handle('c1', 'satisfied', '03');
    await settle(el);
    expect(text(card(el, 'satisfaction').querySelector('[part=counts]'))).to.equal(
      '1 of 1 follow-ups satisfied',
    );
    handle('c2', 'unsatisfied', '04');
    await settle(el);
    expect(text(card(el, 'satisfaction').querySelector('[part=counts]'))).to.equal(
      '1 of 2 follow-ups satisfied',
    );
    expect(text(card(el, 'satisfaction').querySelector('[part=value]'))).to.match(
      /^50% \(95% interval/,
    );
    const own = await fixture<SatisfactionPanel>(
      html`<satisfaction-panel lang="en" .book=${book}></satisfaction-panel>`,
    );
    expect(text(q(own, '.received'))).to.equal('2 cases received');
    await expectAccessible(own);
  });

  it('loads src and fires lw-load, and reads a provider’s document', async () => {
    const el = document.createElement('satisfaction-panel');
    el.lang = 'en';
    const loaded = oneEvent(el, 'lw-load');
    el.src = reportUrl;
    document.body.append(el);
    const event = await loaded;
    expect(event.detail.overall.received).to.equal(466);
    await el.updateComplete;
    expect(qa(el, '[part=rate]')).to.have.length(4);
    el.remove();
    const wrapper = await fixture(
      html`<lanewise-provider src=${reportUrl}
        ><satisfaction-panel lang="en"></satisfaction-panel
      ></lanewise-provider>`,
    );
    const inside = wrapper.querySelector('satisfaction-panel')!;
    await oneEvent(inside, 'lw-load');
    await inside.updateComplete;
    expect(text(q(inside, '.received'))).to.equal('466 cases received');
  });

  it('shows a skeleton while loading, the HTTP status and a retry that works from the keyboard', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { restore } = stubFetch({
      '/rates-flaky.json': [
        { status: 500, gate },
        { status: 200, body: await loadReport() },
      ],
    });
    try {
      const el = await fixture<SatisfactionPanel>(
        html`<satisfaction-panel lang="zh-CN" src="/rates-flaky.json"></satisfaction-panel>`,
      );
      expect(q(el, '[part=skeleton]')).to.exist;
      await expectAccessible(el);
      const failed = oneEvent(el, 'lw-error');
      open();
      await failed;
      await el.updateComplete;
      expect(text(q(el, '[role=alert] [part=error-message]'))).to.match(/500/);
      await expectAccessible(el);
      const retry = q(el, '[part=retry]') as HTMLButtonElement;
      retry.focus();
      expect(el.shadowRoot!.activeElement).to.equal(retry);
      const loaded = oneEvent(el, 'lw-load');
      retry.click();
      await loaded;
      await el.updateComplete;
      expect(qa(el, '[part=rate]')).to.have.length(4);
    } finally {
      restore();
    }
  });

  it('names the month and field of a bad document', async () => {
    const report = await loadReport();
    const bad = withSatisfaction(report, [50, 40], [24, 25]);
    const el = await fixture<SatisfactionPanel>(
      html`<satisfaction-panel lang="en" .data=${bad}></satisfaction-panel>`,
    );
    const message = text(q(el, '[role=alert] [part=error-message]'));
    expect(message).to.match(/^The data has a mistake: in byMonth, record 3/);
    expect(message).to.include('value.satisfaction');
    await expectAccessible(el);
  });

  it('shows a document’s month keys as text, whatever they hold', async () => {
    const report = await loadReport();
    await expectTextOnly((payload) =>
      fixture(
        html`<satisfaction-panel
          lang="en"
          compare="month"
          .data=${{
            ...report,
            byMonth: report.byMonth.map((month, i) =>
              i === 0 || i === 3 ? { ...month, key: payload } : month,
            ),
          }}
        ></satisfaction-panel>`,
      ),
    );
  });

  it('keeps its bands and lines at 3:1 against the cards and passes axe, in light and in dark', async () => {
    const report = withSatisfaction(await loadReport(), [30, 60], [58, 60]);
    for (const scheme of ['light', 'dark']) {
      const wrapper = await fixture(
        html`<div style="color-scheme: ${scheme}; background: Canvas; color: CanvasText">
          <satisfaction-panel lang="en" compare="month" .data=${report}></satisfaction-panel>
        </div>`,
      );
      const el = wrapper.querySelector('satisfaction-panel')!;
      await el.updateComplete;
      const rate = card(el, 'satisfaction');
      const background = getComputedStyle(rate).backgroundColor;
      const band = getComputedStyle(rate.querySelector('[part=interval] .band')!).fill;
      const point = getComputedStyle(rate.querySelector('[part=interval] .point')!).stroke;
      const line = getComputedStyle(rate.querySelector('[part=sparkline] .line')!).stroke;
      expect(contrastRatio(band, background), `${scheme} band`).to.be.at.least(3);
      expect(contrastRatio(point, band), `${scheme} point on band`).to.be.at.least(3);
      expect(contrastRatio(line, background), `${scheme} line`).to.be.at.least(3);
      await expectAccessible(el);
    }
  });
});
