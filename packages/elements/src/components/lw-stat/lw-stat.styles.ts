import { css } from 'lit';

export const statStyles = css`
  :host {
    display: inline-block;
    min-width: 10rem;
  }
  .tile {
    box-sizing: border-box;
    height: 100%;
    padding: var(--_lw-space-3) var(--_lw-space-4);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface-raised);
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-1);
  }
  .label {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .value {
    font-size: var(--_lw-font-size-figure);
    font-weight: 600;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
  }
  .value[data-tone='good'] {
    color: var(--_lw-color-good);
  }
  .value[data-tone='warn'] {
    color: var(--_lw-color-warn);
  }
  .value[data-tone='bad'] {
    color: var(--_lw-color-bad);
  }
  .unit {
    font-size: var(--_lw-font-size-small);
    font-weight: 400;
    margin-inline-start: var(--_lw-space-1);
    color: var(--_lw-color-muted);
  }
  .caption {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .lw-error {
    box-sizing: border-box;
    height: 100%;
  }
`;
