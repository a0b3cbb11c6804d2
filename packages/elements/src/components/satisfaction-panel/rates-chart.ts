import { html, nothing, svg, type TemplateResult } from 'lit';
import type { RateEstimate } from '@lanewise/core/metrics';

/**
 * Where a rate axis starts: the lowest of `values` floored to a multiple of 5%, so that rates
 * near 99% are not squeezed against the end of a 0-100% axis. 0 when there is nothing.
 */
export function axisStart(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return 0;
  const lowest = Math.min(...finite);
  return Math.max(0, Math.min(0.95, Math.floor((lowest - 1e-9) * 20) / 20));
}

/** `value` on an axis from `start` to 100%, as 0 to 100. */
export const onAxis = (value: number, start: number): number =>
  ((value - start) / (1 - start)) * 100;

/**
 * A rate's interval drawn on an axis from `start` to 100%: the band is the interval, the
 * line the rate. Drawn only: the same figures are written beside it.
 */
export function renderInterval(estimate: RateEstimate, start: number): TemplateResult {
  const [lower, upper] = estimate.interval;
  const low = onAxis(lower, start);
  const high = onAxis(upper, start);
  return html`<svg
    data-lw-chart
    class="interval"
    part="interval"
    viewBox="0 0 100 12"
    preserveAspectRatio="none"
    aria-hidden="true"
    focusable="false"
  >
    ${svg`<rect class="track" x="0" y="4" width="100" height="4" />`}
    ${
      estimate.rate === null
        ? nothing
        : svg`<rect class="band" x=${low} y="2" width=${Math.max(0.5, high - low)} height="8" />
          <line class="point" x1=${onAxis(estimate.rate, start)} x2=${onAxis(estimate.rate, start)}
            y1="2" y2="10" />`
    }
  </svg>`;
}

/**
 * The monthly rates as a line on an axis from `start` to 100%, broken where a month has no
 * data. Drawn only: the month table says the same in words.
 */
export function renderSparkline(rates: readonly (number | null)[], start: number): TemplateResult {
  const step = rates.length > 1 ? 100 / (rates.length - 1) : 0;
  const runs: string[] = [];
  let run: string[] = [];
  rates.forEach((rate, index) => {
    if (rate === null) {
      if (run.length > 0) runs.push(run.join(' '));
      run = [];
      return;
    }
    const y = 30 - (onAxis(rate, start) / 100) * 28 - 1;
    run.push(`${(index * step).toFixed(2)},${y.toFixed(2)}`);
  });
  if (run.length > 0) runs.push(run.join(' '));
  return html`<svg
    data-lw-chart
    class="spark"
    part="sparkline"
    viewBox="0 0 100 30"
    preserveAspectRatio="none"
    aria-hidden="true"
    focusable="false"
  >
    ${svg`<line class="base" x1="0" x2="100" y1="29" y2="29" />`}
    ${runs.map((points) =>
      points.includes(' ')
        ? svg`<polyline class="line" points=${points} />`
        : svg`<polyline class="line dot" points=${`${points} ${points}`} />`,
    )}
  </svg>`;
}
