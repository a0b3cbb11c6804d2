import { css } from 'lit';

// The three tones keep 3:1 against the surface in both schemes (non-text contrast), and
// differ in lightness as well as hue, so that the stacked columns read without colour vision.
export const ratioStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_lw-721-service: var(--lw-721-service, light-dark(#0b6e4f, #3fb68b));
    --_lw-721-manage: var(--lw-721-manage, light-dark(#3b6fd4, #7fa8f5));
    --_lw-721-enforce: var(--lw-721-enforce, light-dark(#a35c00, #e0a040));
    --_lw-721-target: var(--_lw-color-text);
  }
  .ratio {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_lw-space-3);
    padding: var(--_lw-space-4);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_lw-space-2);
  }
  .title {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 600;
  }
  .status {
    padding: 0.125rem var(--_lw-space-2);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: var(--_lw-font-size-small);
    font-weight: 600;
    white-space: nowrap;
  }
  .status[data-status='on-target'] {
    color: var(--_lw-color-good);
  }
  .status[data-status='drifting'] {
    color: var(--_lw-color-warn);
  }
  .status[data-status='off-target'] {
    color: var(--_lw-color-bad);
  }
  p {
    margin: 0;
  }
  .words,
  .total {
    color: var(--_lw-color-muted);
    font-size: var(--_lw-font-size-small);
  }
  .chart {
    display: grid;
    grid-template-columns: auto minmax(6rem, 1fr) auto auto;
    align-items: center;
    gap: var(--_lw-space-2) var(--_lw-space-3);
  }
  .row {
    display: contents;
  }
  .kind {
    display: inline-flex;
    align-items: center;
    gap: var(--_lw-space-2);
  }
  .share {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .aim {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .bar {
    display: block;
    inline-size: 100%;
    block-size: 1.25rem;
  }
  .track {
    fill: var(--_lw-color-surface-raised);
  }
  .band {
    fill: var(--_lw-color-border);
    opacity: 0.6;
  }
  .target {
    stroke: var(--_lw-721-target);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  .columns .target {
    stroke-dasharray: 4 3;
  }
  .fill-service {
    fill: var(--_lw-721-service);
  }
  .fill-manage {
    fill: var(--_lw-721-manage);
  }
  .fill-enforce {
    fill: var(--_lw-721-enforce);
  }
  .columns .fill {
    stroke: var(--_lw-color-surface);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .swatch {
    display: inline-block;
    inline-size: 0.75rem;
    block-size: 0.75rem;
    border-radius: 2px;
    flex: none;
  }
  .swatch-service {
    background: var(--_lw-721-service);
  }
  .swatch-manage {
    background: var(--_lw-721-manage);
  }
  .swatch-enforce {
    background: var(--_lw-721-enforce);
  }
  .advice {
    font-weight: 600;
  }
  .trend {
    margin: 0;
    display: grid;
    gap: var(--_lw-space-2);
    padding-block-start: var(--_lw-space-3);
    border-block-start: 1px solid var(--_lw-color-border);
  }
  .trend-title {
    font-weight: 600;
  }
  .plot {
    position: relative;
    max-inline-size: 44rem;
    padding-inline-end: 4.5rem;
  }
  .columns {
    display: block;
    inline-size: 100%;
    block-size: 8rem;
  }
  .area {
    position: relative;
  }
  .target-label {
    position: absolute;
    inset-inline-start: calc(100% + var(--_lw-space-2));
    transform: translateY(50%);
    font-size: 0.75rem;
    color: var(--_lw-color-muted);
    white-space: nowrap;
  }
  .months {
    display: grid;
    grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
    block-size: 1.5rem;
    align-items: end;
    font-size: 0.75rem;
    color: var(--_lw-color-muted);
    text-align: center;
    white-space: nowrap;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_lw-space-1) var(--_lw-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_lw-font-size-small);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: var(--_lw-space-1);
  }
  @container (max-width: 26rem) {
    .chart {
      grid-template-columns: auto minmax(4rem, 1fr) auto;
    }
    .aim {
      display: none;
    }
    .plot {
      padding-inline-end: 4.25rem;
    }
    .months span:nth-child(even) {
      visibility: hidden;
    }
  }
`;
