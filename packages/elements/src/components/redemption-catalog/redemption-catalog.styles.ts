import { css } from 'lit';

export const catalogStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .catalog,
  .station {
    display: grid;
    gap: var(--_lw-space-4);
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
    overflow-wrap: anywhere;
  }
  .balance {
    margin: 0;
    font-weight: 600;
    color: var(--_lw-color-accent);
  }
  p {
    margin: 0;
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(100%, var(--lw-catalog-min-card, 15rem)), 1fr)
    );
    gap: var(--_lw-space-3);
  }
  .item {
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
    font-size: 1rem;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .cost {
    font-size: 1.5rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    color: var(--_lw-color-accent);
    line-height: 1.2;
  }
  .is-blocked .cost {
    color: var(--_lw-color-muted);
  }
  .facts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.125rem;
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
    overflow-wrap: anywhere;
  }
  .act {
    margin-block-start: auto;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_lw-space-2);
  }
  .blocked {
    font-size: var(--_lw-font-size-small);
    font-weight: 600;
    color: var(--_lw-color-warn);
  }
  .lw-button {
    margin: 0;
  }
  .lw-button:not(.primary):not(.danger) {
    color: var(--_lw-color-text);
    background: var(--_lw-color-surface);
    border-color: var(--_lw-color-border);
  }
  .lw-button.danger {
    color: #fff;
    background: var(--_lw-color-bad);
  }
  .lw-button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
    filter: none;
  }
  input,
  textarea {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    background: var(--_lw-color-surface);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    min-block-size: 2.25rem;
    padding: var(--_lw-space-1) var(--_lw-space-2);
    inline-size: 100%;
  }
  input:focus-visible,
  textarea:focus-visible,
  .pickup:focus-visible {
    outline: 2px solid var(--_lw-color-focus);
    outline-offset: 2px;
  }
  [aria-invalid='true'] {
    border-color: var(--_lw-color-bad);
  }
  .field-error {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-bad);
  }
  label {
    font-size: var(--_lw-font-size-small);
    font-weight: 600;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(26rem, calc(100vw - 2rem));
    padding: var(--_lw-space-4);
    color: var(--_lw-color-text);
    background: var(--_lw-color-surface);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h3 {
    margin: 0 0 var(--_lw-space-1);
    font-size: 1rem;
    overflow-wrap: anywhere;
  }
  dialog form {
    display: grid;
    gap: var(--_lw-space-2);
  }
  .dialog-text,
  .total,
  .search-hint,
  .pickup-hint,
  .code-label {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .dialog-buttons,
  .pickup-buttons,
  .row-buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_lw-space-2);
  }
  .pickup {
    display: grid;
    gap: var(--_lw-space-1);
    justify-items: center;
    text-align: center;
    padding: var(--_lw-space-4);
    border: 2px solid var(--_lw-color-accent);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface-raised);
  }
  .pickup-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .pickup-buttons {
    justify-content: center;
    margin-block-start: var(--_lw-space-2);
  }
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: clamp(2rem, 9cqi, 3.25rem);
    font-weight: 700;
    letter-spacing: 0.12em;
    color: var(--_lw-color-accent);
    overflow-wrap: anywhere;
    user-select: all;
  }
  .copy-message {
    font-size: var(--_lw-font-size-small);
  }
  .search {
    display: grid;
    gap: var(--_lw-space-1);
    max-inline-size: 24rem;
  }
  .reservations {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface-raised);
  }
  .reservation {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--_lw-space-2);
    padding: var(--_lw-space-3) var(--_lw-space-4);
    border-block-end: 1px solid var(--_lw-color-border);
  }
  .reservation:last-child {
    border-block-end: 0;
  }
  .code.small {
    font-size: 1.375rem;
    letter-spacing: 0.08em;
  }
  .details {
    display: grid;
    gap: 0.125rem;
    min-inline-size: 0;
  }
  .what {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_lw-space-3);
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
    overflow-wrap: anywhere;
  }
  .row-buttons {
    justify-content: flex-start;
  }
  .no-rows {
    padding: var(--_lw-space-4);
    text-align: center;
    color: var(--_lw-color-muted);
  }
  @container (min-width: 40rem) {
    .reservation {
      grid-template-columns: 11rem 1fr auto;
      align-items: center;
    }
    .row-buttons {
      justify-content: flex-end;
    }
  }
`;
