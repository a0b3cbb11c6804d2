import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Ratio721Group, Ratio721Result, RatioKind } from '@lanewise/core/metrics';
import { LanewiseElement } from '../../base/lanewise-element.js';
import type { LiveSource } from '../../controllers/live-source.js';
import { SourceController } from '../../controllers/source-controller.js';
import { KINDS, renderMonthColumns, renderShareBar } from './ratio-chart.js';
import { checkRatioDocument, ratioOfLive, type RatioFigures } from './ratio-source.js';
import { ratioStyles } from './ratio-721.styles.js';
import { ratioTerms } from './ratio-721.terms.js';

type TermKey = keyof typeof ratioTerms.en & string;

/** The kind furthest from its target: what the status sentence speaks of. */
function furthest(result: Ratio721Result): RatioKind {
  return KINDS.reduce((worst, kind) =>
    Math.abs(result.deviation[kind]) > Math.abs(result.deviation[worst]) ? kind : worst,
  );
}

/**
 * The 721 ratio of a station: the shares of service, management and enforcement against the
 * 70/20/10 target (or the target the figures were judged against), each drawn as a bar with
 * its target marked; where the station stands, in words; how many more service actions would
 * bring service to its target; with `trend`, the shares month by month. The figures are also
 * in a table for screen readers.
 *
 * @summary The 721 ratio: service, management and enforcement against 70/20/10.
 *
 * @tag ratio-721
 *
 * @csspart base - The whole widget.
 * @csspart status - The status badge (on target, drifting, off target).
 * @csspart chart - The three bars with their labels and figures.
 * @csspart bar - One kind's bar (SVG).
 * @csspart advice - The sentence of service actions still needed.
 * @csspart trend - The monthly chart with its legend.
 * @csspart columns - The monthly columns (SVG).
 * @csspart table - The tables of figures (visually hidden).
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error box (`role="alert"`).
 *
 * @cssprop --lw-721-service - Tone of service (a green).
 * @cssprop --lw-721-manage - Tone of management (a blue).
 * @cssprop --lw-721-enforce - Tone of enforcement (an amber).
 * @cssprop --lw-color-surface-raised - Background of the bars' track.
 *
 * @event lw-load - The figures are in; `detail` is `{ overall, byMonth }`.
 * @event lw-error - The data could not be had; `detail.message` says why.
 *
 * @example
 * ```html
 * <ratio-721 src="/ratio721.json" trend></ratio-721>
 * ```
 */
export class Ratio721 extends LanewiseElement {
  /** The base styles and the widget's own. */
  static override styles = [...(LanewiseElement.styles as []), ratioStyles];

  /** Adds the shares month by month. */
  @property({ type: Boolean, reflect: true }) trend = false;

  /** URL of a JSON `ratio721` result, or of a report `{ overall, byMonth }`. */
  @property() src = '';

  /** A `ratio721` result or a report `{ overall, byMonth }`; the last source set wins. */
  @property({ attribute: false }) data: unknown;

  /** A live 721 tracker (`createRatioTracker`). */
  @property({ attribute: false }) tracker: LiveSource | undefined;

  /** A live case book: every action logged on its cases is counted (a `tracker` set too wins). */
  @property({ attribute: false }) book: LiveSource | undefined;

  private readonly feed = new SourceController<RatioFigures>(this, {
    check: checkRatioDocument,
    live: ['tracker', 'book'],
    fromLive: ratioOfLive,
    isEmpty: (figures) => figures.overall.total === 0,
  });

  private t(key: TermKey, values?: Record<string, string | number>) {
    return this.localize.term(ratioTerms, key, values);
  }

  /** A share with one decimal always, so that the three line up: `69.0%`, `4.4%`. */
  private pct(share: number) {
    return this.localize.number(share, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
  }

  /** A target as set: `70%`, or `12.5%`. */
  private aim(share: number) {
    return this.localize.percent(share, 1);
  }

  /** Percentage points with one decimal, the sign kept for differences. */
  private points(value: number, signed = false) {
    return this.localize.number(value, {
      maximumFractionDigits: 1,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
  }

  private monthName(key: string | null, month: 'short' | 'long') {
    // A key that is not a month (a document may hold any string) is shown as written.
    if (!key || !/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) return key ?? '';
    const day = new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1));
    return new Intl.DateTimeFormat(this.localize.locale, {
      month,
      ...(month === 'long' ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).format(day);
  }

  protected override render() {
    return this.feed.render({
      skeleton: { label: true, lines: 4, figure: this.trend },
      empty: { title: this.t('emptyTitle'), hint: this.t('emptyHint') },
      ready: (figures) => this.renderRatio(figures),
    });
  }

  private statusWords(result: Ratio721Result) {
    if (result.status === 'on-target')
      return this.t('onTargetWords', { tolerance: this.points(result.tolerance * 100) });
    const kind = furthest(result);
    return this.t('offWords', {
      kind: this.t(kind),
      points: this.points(Math.abs(result.deviation[kind])),
      direction: this.t(result.deviation[kind] > 0 ? 'above' : 'below'),
      target: this.aim(result.target[kind]),
    });
  }

  private renderRatio({ overall, byMonth }: RatioFigures) {
    const target = this.aim(overall.target.service);
    return html`<section part="base" class="ratio" aria-labelledby="title">
      <header class="head">
        <h2 id="title" class="title">${this.t('title')}</h2>
        <span part="status" class="status" data-status=${overall.status}
          >${this.t(overall.status)}</span
        >
      </header>
      <p class="words">${this.statusWords(overall)}</p>
      <div part="chart" class="chart" aria-hidden="true">
        ${KINDS.map(
          (kind) =>
            html`<div class="row" data-kind=${kind}>
              <span class="kind"><span class="swatch swatch-${kind}"></span>${this.t(kind)}</span>
              ${renderShareBar(kind, overall.shares[kind], overall.target[kind], overall.tolerance)}
              <span class="share lw-nowrap">${this.pct(overall.shares[kind])}</span>
              <span class="aim lw-nowrap"
                >${this.t('target', { target: this.aim(overall.target[kind]) })}</span
              >
            </div>`,
        )}
      </div>
      <p part="advice" class="advice">
        ${
          overall.serviceNeeded > 0
            ? this.localize.plural(ratioTerms, 'needed', overall.serviceNeeded, { target })
            : this.t('reached', { target })
        }
      </p>
      <p class="total">${this.localize.plural(ratioTerms, 'total', overall.total)}</p>
      ${this.renderTable(overall)} ${this.trend ? this.renderTrend(overall, byMonth) : nothing}
    </section>`;
  }

  private renderTable(overall: Ratio721Result) {
    return html`<table part="table" class="lw-visually-hidden figures">
      <caption>
        ${this.t('tableCaption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('kind')}</th>
          <th scope="col">${this.t('count')}</th>
          <th scope="col">${this.t('share')}</th>
          <th scope="col">${this.t('targetColumn')}</th>
          <th scope="col">${this.t('deviation')}</th>
        </tr>
      </thead>
      <tbody>
        ${KINDS.map(
          (kind) =>
            html`<tr>
              <th scope="row">${this.t(kind)}</th>
              <td>${this.localize.number(overall.counts[kind])}</td>
              <td>${this.pct(overall.shares[kind])}</td>
              <td>${this.aim(overall.target[kind])}</td>
              <td>${this.t('points', { points: this.points(overall.deviation[kind], true) })}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderTrend(overall: Ratio721Result, months: readonly Ratio721Group[] | undefined) {
    if (!months) return html`<p part="trend" class="trend-none">${this.t('noMonths')}</p>`;
    const target = overall.target.service;
    return html`<figure part="trend" class="trend">
      <figcaption class="trend-title">${this.t('byMonth')}</figcaption>
      <div class="plot" aria-hidden="true" style="--columns:${months.length}">
        <div class="area">
          ${renderMonthColumns(months, target)}
          <span class="target-label" style="inset-block-end:${target * 100}%"
            >${this.t('target', { target: this.aim(target) })}</span
          >
        </div>
        <div class="months">
          ${months.map((month) => html`<span>${this.monthName(month.key, 'short')}</span>`)}
        </div>
      </div>
      <ul class="legend" aria-hidden="true">
        ${KINDS.map(
          (kind) => html`<li><span class="swatch swatch-${kind}"></span>${this.t(kind)}</li>`,
        )}
      </ul>
      <table part="table" class="lw-visually-hidden months-table">
        <caption>
          ${this.t('monthCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('month')}</th>
            ${KINDS.map((kind) => html`<th scope="col">${this.t(kind)}</th>`)}
            <th scope="col">${this.t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${months.map(
            (month) =>
              html`<tr>
                <th scope="row">${this.monthName(month.key, 'long')}</th>
                ${KINDS.map((kind) => html`<td>${this.pct(month.shares[kind])}</td>`)}
                <td>${this.localize.number(month.total)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </figure>`;
  }
}
