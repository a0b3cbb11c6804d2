import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { LanewiseElement } from '../../base/lanewise-element.js';
import { SourceController } from '../../controllers/source-controller.js';
import type { LiveSource } from '../../controllers/live-source.js';
import { statStyles } from './lw-stat.styles.js';
import { parseStatData, type StatData, type StatTone } from './stat-data.js';

/**
 * A labelled figure tile: a count, a rate, a balance. Set `label` and `value` as attributes,
 * or feed it a `src` URL, a `data` object or a live `source`.
 *
 * @summary A labelled figure.
 *
 * @tag lw-stat
 *
 * @slot caption - A line under the figure; replaces the `caption` attribute.
 *
 * @csspart base - The tile.
 * @csspart label - The label above the figure.
 * @csspart value - The figure.
 * @csspart unit - The unit after the figure.
 * @csspart caption - The line under the figure.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error box (`role="alert"`).
 * @csspart error-message - The sentence saying what went wrong.
 * @csspart retry - The retry button after a failed fetch.
 *
 * @cssprop --lw-color-surface-raised - Tile background.
 * @cssprop --lw-color-border - Tile border.
 * @cssprop --lw-font-size-figure - Size of the figure.
 *
 * @event lw-load - The data from `src`, `data` or `source` is in; `detail` is the stat.
 * @event lw-error - The data could not be had; `detail.message` says why.
 *
 * @example
 * ```html
 * <lw-stat label="Satisfaction" value="98.32" unit="%"></lw-stat>
 * ```
 */
export class LwStat extends LanewiseElement {
  /** The base styles and the tile's own. */
  static override styles = [...(LanewiseElement.styles as []), statStyles];

  /** What the figure is. */
  @property() label = '';

  /** The figure; a number is formatted in the page's language. */
  @property() value: string | number = '';

  /** The unit shown after the figure, such as `%` or `h`. */
  @property() unit = '';

  /** A short line under the figure. */
  @property() caption = '';

  /** Colours the figure. */
  @property() tone: StatTone = '';

  /** URL of a JSON {@link StatData}. */
  @property() src = '';

  /** A {@link StatData} object; the last of `src`, `data` and `source` set wins. */
  @property({ attribute: false }) data: StatData | undefined;

  /** A live object whose `snapshot()` is a {@link StatData}. */
  @property({ attribute: false }) source: LiveSource | undefined;

  private readonly feed = new SourceController<StatData>(this, {
    check: parseStatData,
    live: 'source',
  });

  private formatted(value: string | number): string {
    const number = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
    return Number.isFinite(number) ? this.localize.number(number) : String(value);
  }

  protected override render() {
    const { state } = this.feed;
    const views = {
      skeleton: { label: true, figure: true },
      empty: { title: '' },
      ready: () => nothing,
    };
    // The error box stands in for the tile, at the tile's place and size.
    if (state === 'error') return this.feed.render(views);
    if (state === 'loading')
      return html`<div part="base" class="tile">${this.feed.render(views)}</div>`;
    // Ready with fed data, or no source at all: the attributes.
    const fed = this.feed.value;
    const stat: StatData = {
      label: fed?.label ?? this.label,
      value: fed?.value ?? this.value,
      unit: fed?.unit ?? this.unit,
      caption: fed?.caption ?? this.caption,
    };
    const tone = fed?.tone ?? this.tone;
    return html`<div part="base" class="tile" role="group" aria-labelledby="label">
      <span part="label" class="label" id="label">${stat.label}</span>
      <span part="value" class="value" data-tone=${tone || nothing}
        >${this.formatted(stat.value)}${
          stat.unit ? html`<span part="unit" class="unit">${stat.unit}</span>` : nothing
        }</span
      >
      <slot name="caption"
        >${
          stat.caption ? html`<span part="caption" class="caption">${stat.caption}</span>` : nothing
        }</slot
      >
    </div>`;
  }
}
