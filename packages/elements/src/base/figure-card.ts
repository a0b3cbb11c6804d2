import { css } from 'lit';

/**
 * A figure in a card (`.lw-figure`): a `<dt>` label, a large `.value` and a small `.hint`,
 * on the raised surface. The ledger's totals and the wallet's balances are such cards; a
 * widget that shows them adds these styles beside its own.
 */
export const figureCardStyles = css`
  .lw-figure {
    padding: var(--_lw-space-3) var(--_lw-space-4);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface-raised);
  }
  .lw-figure dt,
  .lw-figure .hint {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .lw-figure dd {
    margin: 0;
  }
  .lw-figure .value {
    font-size: 1.5rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.3;
  }
`;
