import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { RateDifference, RateEstimate } from '@lanewise/core/metrics';
import { LanewiseElement } from '../../base/lanewise-element.js';
import type { LiveSource } from '../../controllers/live-source.js';
import { SourceController } from '../../controllers/source-controller.js';
import { axisStart, renderInterval, renderSparkline } from './rates-chart.js';
import {
  RATE_KEYS,
  comparePeriods,
  isMonthKey,
  type PeriodComparison,
  type RateKey,
  type SatisfactionCompare,
} from './rates-compare.js';
import { checkRatesDocument, ratesOfLive, type RatesFigures } from './rates-source.js';
import { panelStyles } from './satisfaction-panel.styles.js';
import { panelTerms } from './satisfaction-panel.terms.js';

type TermKey = keyof typeof panelTerms.en & string;

const COUNTS: Record<RateKey, TermKey> = {
  satisfaction: 'satisfactionCounts',
  onTime: 'onTimeCounts',
  resolution: 'resolutionCounts',
  response: 'responseCounts',
};

/**
 * A station's satisfaction, on-time, resolution and response rates: each with its Wilson
 * interval drawn and written, the counts behind it and a small monthly trend; with
 * `compare`, the change against the previous month or quarter with Newcombe's interval, and
 * whether that change is clear or could be chance.
 *
 * @summary Satisfaction, on-time, resolution and response rates with their intervals.
 *
 * @tag satisfaction-panel
 *
 * @csspart base - The whole widget.
 * @csspart rate - One rate's card.
 * @csspart value - A rate's figure with its interval in words.
 * @csspart interval - A rate's interval (SVG).
 * @csspart counts - The counts behind a rate.
 * @csspart sparkline - A rate's monthly trend (SVG).
 * @csspart change - The change against the previous period, in words.
 * @csspart table - The table of monthly rates (visually hidden).
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error box (`role="alert"`).
 *
 * @cssprop --lw-color-accent - The interval bands and the trend lines.
 * @cssprop --lw-color-surface-raised - Background of the cards.
 *
 * @event lw-load - The figures are in; `detail` is `{ overall, byMonth }`.
 * @event lw-error - The data could not be had; `detail.message` says why.
 *
 * @example
 * ```html
 * <satisfaction-panel src="/satisfaction.json" compare="month"></satisfaction-panel>
 * ```
 */
export class SatisfactionPanel extends LanewiseElement {
  /** The base styles and the panel's own. */
  static override styles = [...(LanewiseElement.styles as []), panelStyles];

  /** Adds each rate's change against the previous `month` or `quarter`. */
  @property({ reflect: true }) compare: SatisfactionCompare | '' = '';

  /** URL of a JSON `caseRates` result, or of a report `{ overall, byMonth }`. */
  @property() src = '';

  /** A `caseRates` result or a report `{ overall, byMonth }`; the last source set wins. */
  @property({ attribute: false }) data: unknown;

  /** A live case book: the rates are computed by the core as of now, on every change. */
  @property({ attribute: false }) book: LiveSource | undefined;

  private readonly feed = new SourceController<RatesFigures>(this, {
    check: checkRatesDocument,
    live: 'book',
    fromLive: (live) => ratesOfLive(live),
    isEmpty: (figures) => figures.overall.received + figures.overall.duplicates === 0,
  });

  private t(key: TermKey, values?: Record<string, string | number>) {
    return this.localize.term(panelTerms, key, values);
  }

  private pct(value: number) {
    return this.localize.percent(value, 1);
  }

  private signed(value: number) {
    return this.localize.number(value, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
  }

  /** `2026-03` as `2026年3月` or `March 2026`; `2026-Q1` as `2026年第1季度` or `Q1 2026`. */
  private periodName(key: string) {
    if (/^\d{4}-Q[1-4]$/.test(key))
      return this.t('quarter', { year: key.slice(0, 4), quarter: key.slice(6) });
    // A key that is not a month (a document may hold any string) is shown as written.
    if (!isMonthKey(key)) return key;
    const [year = '', part = ''] = key.split('-');
    return new Intl.DateTimeFormat(this.localize.locale, {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(Number(year), Number(part) - 1, 1)));
  }

  /** The interval in words: "（95% 区间 96.1%–99.3%）" / " (95% interval 96.1%–99.3%)". */
  private range(estimate: RateEstimate): string {
    return this.t('range', {
      confidence: this.pct(estimate.confidence),
      lower: this.pct(estimate.interval[0]),
      upper: this.pct(estimate.interval[1]),
    });
  }

  /** "98.3%（95% 区间 96.1%–99.3%）" / "98.3% (95% interval 96.1%–99.3%)". */
  written(estimate: RateEstimate): string {
    if (estimate.rate === null) return this.t('noData');
    return `${this.pct(estimate.rate)}${this.range(estimate)}`;
  }

  protected override render() {
    return this.feed.render({
      skeleton: { label: true, figure: true, lines: 3, rows: 2, columns: 2 },
      empty: { title: this.t('emptyTitle'), hint: this.t('emptyHint') },
      ready: (figures) => this.renderPanel(figures),
    });
  }

  private renderPanel({ overall, byMonth }: RatesFigures) {
    const start = axisStart(
      RATE_KEYS.filter((rate) => overall[rate].n > 0).map((rate) => overall[rate].interval[0]),
    );
    const comparison =
      (this.compare === 'month' || this.compare === 'quarter') && byMonth
        ? comparePeriods(byMonth, this.compare)
        : undefined;
    return html`<section part="base" class="panel" aria-labelledby="title">
      <header class="head">
        <h2 id="title" class="title">${this.t('title')}</h2>
        <p class="received">${this.localize.plural(panelTerms, 'received', overall.received)}</p>
      </header>
      ${
        comparison
          ? html`<p class="compare-title">
              ${this.t('compareTitle', {
                current: this.periodName(comparison.current.key),
                previous: this.periodName(comparison.previous.key),
              })}
            </p>`
          : nothing
      }
      <ul class="rates">
        ${RATE_KEYS.map((rate) => this.renderRate(rate, overall[rate], start, byMonth, comparison))}
      </ul>
      ${byMonth && byMonth.length > 0 ? this.renderTable(byMonth) : nothing}
    </section>`;
  }

  private renderRate(
    rate: RateKey,
    estimate: RateEstimate,
    start: number,
    byMonth: RatesFigures['byMonth'],
    comparison: PeriodComparison | undefined,
  ) {
    const monthly = byMonth?.map((month) => month.value[rate].rate) ?? [];
    const low = axisStart(monthly.filter((value): value is number => value !== null));
    const hasData = estimate.rate !== null;
    return html`<li part="rate" class="rate" data-rate=${rate}>
      <h3 class="name">${this.t(rate)}</h3>
      <p part="value" class="written">
        ${
          hasData
            ? html`<span class="value">${this.pct(estimate.rate!)}</span
                ><span class="range">${this.range(estimate)}</span>`
            : html`<span class="none">${this.t('noData')}</span>`
        }
      </p>
      ${
        hasData
          ? html`<div class="scale">
              ${renderInterval(estimate, start)}
              <span class="ends" aria-hidden="true"
                ><span>${this.pct(start)}</span><span>${this.pct(1)}</span></span
              >
            </div>`
          : nothing
      }
      <p part="counts" class="counts">
        ${this.t(COUNTS[rate], {
          successes: this.localize.number(estimate.successes),
          n: this.localize.number(estimate.n),
        })}
      </p>
      ${
        monthly.length > 1
          ? html`<div class="trend">
              ${renderSparkline(monthly, low)}
              <span class="trend-range"
                >${this.t('trendOf', {
                  first: this.periodName(byMonth![0]!.key),
                  last: this.periodName(byMonth!.at(-1)!.key),
                  low: this.pct(low),
                  high: this.pct(1),
                })}</span
              >
            </div>`
          : nothing
      }
      ${comparison ? this.renderChange(comparison, rate) : nothing}
    </li>`;
  }

  private renderChange(comparison: PeriodComparison, rate: RateKey) {
    const change: RateDifference = comparison.changes[rate];
    const previous = this.periodName(comparison.previous.key);
    const words =
      change.difference === null
        ? this.t('noCompare', { current: this.periodName(comparison.current.key), previous })
        : this.t('changeWords', {
            change: this.t('points', { points: this.signed(change.difference * 100) }),
            previous,
            confidence: this.pct(change.confidence),
            lower: this.signed(change.interval[0] * 100),
            upper: this.signed(change.interval[1] * 100),
            verdict: this.t(change.verdict),
          });
    return html`<p part="change" class="change" data-verdict=${change.verdict}>${words}</p>`;
  }

  private renderTable(byMonth: NonNullable<RatesFigures['byMonth']>) {
    return html`<table part="table" class="lw-visually-hidden">
      <caption>
        ${this.t('monthCaption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('month')}</th>
          ${RATE_KEYS.map((rate) => html`<th scope="col">${this.t(rate)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${byMonth.map(
          (month) =>
            html`<tr>
              <th scope="row">${this.periodName(month.key)}</th>
              ${RATE_KEYS.map(
                (rate) =>
                  html`<td>
                    ${this.written(month.value[rate])};
                    ${this.t(COUNTS[rate], {
                      successes: this.localize.number(month.value[rate].successes),
                      n: this.localize.number(month.value[rate].n),
                    })}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
