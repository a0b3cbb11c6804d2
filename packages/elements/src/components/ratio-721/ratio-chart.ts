import { html, svg, type TemplateResult } from 'lit';
import { RATIO_KINDS } from '@lanewise/core/metrics';
import type { Ratio721Group, Ratio721Result, RatioKind } from '@lanewise/core/metrics';

/** The kinds in the order the charts stack them: service at the bottom. */
export const KINDS: readonly RatioKind[] = RATIO_KINDS;

/** One segment of a month's column, in the chart's units (the column is 100 high). */
export interface ColumnSegment {
  readonly kind: RatioKind;
  readonly y: number;
  readonly height: number;
}

/**
 * The segments of one month's 100% column, service at the bottom; a month without actions
 * has none.
 */
export function columnSegments(figures: Ratio721Result): ColumnSegment[] {
  if (figures.total === 0) return [];
  const segments: ColumnSegment[] = [];
  let top = 100;
  for (const kind of KINDS) {
    const height = figures.shares[kind] * 100;
    top -= height;
    if (height > 0) segments.push({ kind, y: Math.max(0, top), height });
  }
  return segments;
}

/**
 * A bar of one kind's share on a 0-100% track, its target marked by a line and its
 * tolerance by a band. Drawn only: the figures are written beside it and in the table.
 */
export function renderShareBar(
  kind: RatioKind,
  share: number,
  target: number,
  tolerance: number,
): TemplateResult {
  const low = Math.max(0, target - tolerance) * 100;
  const high = Math.min(1, target + tolerance) * 100;
  return html`<svg
    data-lw-chart
    class="bar"
    part="bar"
    viewBox="0 0 100 10"
    preserveAspectRatio="none"
    aria-hidden="true"
    focusable="false"
  >
    ${svg`<rect class="track" x="0" y="0" width="100" height="10" />
      <rect class="band" x=${low} y="0" width=${high - low} height="10" />
      <rect class="fill fill-${kind}" x="0" y="1.5" width=${share * 100} height="7" />
      <line class="target" x1=${target * 100} x2=${target * 100} y1="0" y2="10" />`}
  </svg>`;
}

/**
 * The months as 100% columns of the three kinds, with the service target drawn across.
 * Drawn only: the month table says the same in words.
 */
export function renderMonthColumns(
  months: readonly Ratio721Group[],
  serviceTarget: number,
): TemplateResult {
  const width = 10;
  const line = 100 - serviceTarget * 100;
  return html`<svg
    data-lw-chart
    class="columns"
    part="columns"
    viewBox="0 0 ${months.length * width} 100"
    preserveAspectRatio="none"
    aria-hidden="true"
    focusable="false"
  >
    ${months.map(
      (month, index) =>
        svg`<rect class="track" x=${index * width + 1} y="0" width=${width - 2} height="100" />
        ${columnSegments(month).map(
          (segment) =>
            svg`<rect class="fill fill-${segment.kind}" x=${index * width + 1} y=${segment.y}
              width=${width - 2} height=${segment.height} />`,
        )}`,
    )}
    ${svg`<line class="target" x1="0" x2=${months.length * width} y1=${line} y2=${line} />`}
  </svg>`;
}
