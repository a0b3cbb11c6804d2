import { css } from 'lit';

export const walletStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .wallet {
    display: grid;
    gap: var(--_lw-space-4);
  }
  .title {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 600;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_lw-space-2);
  }
  .who {
    font-size: var(--_lw-font-size-small);
    font-weight: 400;
    color: var(--_lw-color-muted);
    overflow-wrap: anywhere;
  }
  .balances {
    margin: 0;
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--_lw-space-3);
  }
  .balance {
    min-inline-size: 0;
  }
  .balance.available {
    grid-column: 1 / -1;
    border-color: var(--_lw-color-accent);
  }
  .balance.available .value {
    font-size: var(--_lw-font-size-figure);
    color: var(--_lw-color-accent);
  }
  .balance .value.negative {
    color: var(--_lw-color-bad);
  }
  .unit {
    margin-inline-start: 0.25em;
    font-size: var(--_lw-font-size-small);
    font-weight: 400;
    color: var(--_lw-color-muted);
  }
  .notice {
    padding: var(--_lw-space-3) var(--_lw-space-4);
    border: 1px solid var(--_lw-color-warn);
    border-inline-start-width: 4px;
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface-raised);
  }
  .notice p,
  .expiring.quiet {
    margin: 0;
  }
  .notice-title {
    font-weight: 600;
  }
  .owing .notice-title {
    color: var(--_lw-color-bad);
  }
  .owing {
    border-color: var(--_lw-color-bad);
  }
  .notice-text,
  .expiring.quiet {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .owing .notice-text {
    color: var(--_lw-color-text);
  }
  .expiring-list {
    margin: var(--_lw-space-1) 0 0;
    padding-inline-start: 1.25em;
  }
  .history-box {
    display: grid;
    gap: var(--_lw-space-2);
  }
  .history-title {
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
  }
  .history {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface-raised);
    max-block-size: var(--lw-wallet-history-height, 28rem);
    overflow-y: auto;
  }
  .history:focus-visible {
    outline: 2px solid var(--_lw-color-focus);
    outline-offset: 2px;
  }
  .line {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_lw-space-3);
    padding: var(--_lw-space-2) var(--_lw-space-4);
    border-block-end: 1px solid var(--_lw-color-border);
  }
  .line:last-child {
    border-block-end: 0;
  }
  .what {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .kind {
    overflow-wrap: anywhere;
  }
  .when,
  .reason {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_lw-space-2);
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
    overflow-wrap: anywhere;
  }
  .badge {
    padding: 0 var(--_lw-space-2);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.75rem;
    line-height: 1.5;
  }
  .badge.pending {
    color: var(--_lw-color-warn);
  }
  .change {
    flex: none;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .change.in {
    color: var(--_lw-color-good);
  }
  .line.void .change {
    color: var(--_lw-color-muted);
    text-decoration: line-through;
  }
  .no-rows {
    margin: 0;
    padding: var(--_lw-space-4);
    text-align: center;
    color: var(--_lw-color-muted);
  }
  @container (min-width: 40rem) {
    .balances {
      grid-template-columns: 2fr 1fr 1fr;
    }
    .balance.available {
      grid-column: auto;
    }
  }
`;
