import { css } from 'lit';

// Bands and lines use the accent, which keeps 3:1 against the cards in both schemes; the
// rate's own mark is a notch of the surface colour cut into the band, 3:1 against the accent.
export const panelStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .panel {
    display: grid;
    gap: var(--_lw-space-3);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_lw-space-2);
  }
  .title {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  .received,
  .compare-title {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  /* Four rates: one, two or four to a row, never three and one left over. */
  .rates {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--_lw-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  @container (min-width: 32rem) {
    .rates {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @container (min-width: 60rem) {
    .rates {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
  .rate {
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-2);
    padding: var(--_lw-space-3) var(--_lw-space-4);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface-raised);
    min-inline-size: 0;
  }
  .name {
    margin: 0;
    font-size: var(--_lw-font-size-small);
    font-weight: 600;
    color: var(--_lw-color-muted);
  }
  .value {
    display: block;
    font-size: var(--_lw-font-size-figure);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }
  .range,
  .counts,
  .trend-range,
  .none {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .scale {
    display: grid;
    gap: 0.125rem;
  }
  .interval {
    display: block;
    inline-size: 100%;
    block-size: 0.875rem;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    font-size: 0.75rem;
    color: var(--_lw-color-muted);
  }
  .track {
    fill: var(--_lw-color-border);
  }
  .band {
    fill: var(--_lw-color-accent);
  }
  .point {
    stroke: var(--_lw-color-surface);
    stroke-width: 3;
    vector-effect: non-scaling-stroke;
  }
  .trend {
    display: grid;
    gap: 0.125rem;
  }
  .spark {
    display: block;
    inline-size: 100%;
    block-size: 2.25rem;
    overflow: visible;
  }
  .spark .base {
    stroke: var(--_lw-color-border);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .spark .line {
    fill: none;
    stroke: var(--_lw-color-accent);
    stroke-width: 2;
    stroke-linejoin: round;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  .change {
    padding-block-start: var(--_lw-space-2);
    border-block-start: 1px solid var(--_lw-color-border);
    font-size: var(--_lw-font-size-small);
  }
  .change[data-verdict='higher'] {
    color: var(--_lw-color-good);
  }
  .change[data-verdict='lower'] {
    color: var(--_lw-color-bad);
  }
`;
