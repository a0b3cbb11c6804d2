import { css } from 'lit';

export const ledgerStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .ledger {
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
  }
  .summary {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: var(--_lw-space-3);
  }
  .stars {
    letter-spacing: 0.1em;
  }
  .stars .on {
    color: var(--_lw-color-warn);
  }
  .stars .off {
    color: var(--_lw-color-border);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_lw-space-2);
  }
  .period,
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_lw-space-2);
  }
  /* Tighter, so that a month in English and its arrows share one line at 360 px. */
  .period {
    gap: var(--_lw-space-1);
  }
  .range {
    min-inline-size: 8rem;
    text-align: center;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  select,
  input,
  textarea {
    box-sizing: border-box;
    font: inherit;
    font-size: var(--_lw-font-size-small);
    color: inherit;
    background: var(--_lw-color-surface);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    min-block-size: 2.25rem;
    padding: var(--_lw-space-1) var(--_lw-space-2);
  }
  select:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  .row:focus-visible,
  .body:focus-visible,
  .sort:focus-visible {
    outline: 2px solid var(--_lw-color-focus);
    outline-offset: -2px;
  }
  .lw-button {
    margin: 0;
  }
  .lw-button.quiet,
  .lw-button:not(.primary):not(.danger) {
    color: var(--_lw-color-text);
    background: var(--_lw-color-surface);
    border-color: var(--_lw-color-border);
  }
  .lw-button.danger {
    color: #fff;
    background: var(--_lw-color-bad);
  }
  .lw-button.icon {
    min-inline-size: 2.25rem;
    padding-inline: 0;
    font-size: 1.25rem;
    line-height: 1;
  }
  .lw-button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .record {
    padding: var(--_lw-space-4);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface-raised);
  }
  .form-title {
    margin: 0 0 var(--_lw-space-3);
    font-size: 1rem;
  }
  .fields {
    display: grid;
    /* Wide enough for a date-and-time field in any locale's picker. */
    grid-template-columns: repeat(auto-fit, minmax(min(15rem, 100%), 1fr));
    gap: var(--_lw-space-3);
  }
  .field {
    display: grid;
    gap: var(--_lw-space-1);
    align-content: start;
    min-inline-size: 0;
  }
  .field > :is(input, select, textarea) {
    inline-size: 100%;
    min-inline-size: 0;
  }
  .field[data-field='note'] {
    grid-column: 1 / -1;
  }
  .field label,
  dialog label {
    font-size: var(--_lw-font-size-small);
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--_lw-color-bad);
  }
  .field-error,
  .action-error {
    margin: 0;
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-bad);
  }
  .action-error {
    padding: var(--_lw-space-2) var(--_lw-space-3);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-bad-surface);
  }
  .form-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_lw-space-2);
    margin-block-start: var(--_lw-space-3);
  }
  .zone-note {
    margin: 0;
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }

  /* The table: one grid per row, the columns set by the view. */
  .table {
    --columns: 7.5rem 6.5rem minmax(8rem, 1fr) 6rem 6rem 6rem 7rem 7rem;
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    overflow: hidden;
    font-size: var(--_lw-font-size-small);
  }
  .table.team {
    --columns: 7.5rem 6.5rem 7rem minmax(8rem, 1fr) 6rem 6rem 6rem 7rem 7rem;
  }
  .table.organizer {
    --columns: 1.5rem 8rem 6.5rem minmax(8rem, 1fr) 5.5rem 5.5rem 5.5rem 6rem 6rem 9rem;
  }
  .table.team.organizer {
    --columns: 1.5rem 8rem 6.5rem 6.5rem minmax(7rem, 1fr) 5.5rem 5.5rem 5.5rem 6rem 6rem 9rem;
  }
  .row {
    display: grid;
    grid-template-columns: var(--columns);
    align-items: center;
    gap: var(--_lw-space-2);
    box-sizing: border-box;
    inline-size: 100%;
    padding: var(--_lw-space-2) var(--_lw-space-3);
    border-block-end: 1px solid var(--_lw-color-border);
    background: var(--_lw-color-surface);
  }
  .row[aria-selected='true'] {
    background: color-mix(in srgb, var(--_lw-color-accent) 10%, var(--_lw-color-surface));
  }
  .row.header {
    font-weight: 600;
    color: var(--_lw-color-muted);
    background: var(--_lw-color-surface-raised);
  }
  .body {
    display: block;
  }
  .body.virtual {
    block-size: var(--lw-ledger-height, 30rem);
    overflow: auto;
    /* A scrollbar that appears must not narrow the rows and re-wrap them. */
    scrollbar-gutter: stable;
  }
  .body:not(.virtual) .row:last-child {
    border-block-end: 0;
  }
  .cell {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .duration,
  .credited {
    font-variant-numeric: tabular-nums;
  }
  .activity-name {
    display: block;
    font-weight: 600;
  }
  .note {
    display: block;
    color: var(--_lw-color-muted);
  }
  .reason::before {
    content: '— ';
  }
  .actions {
    display: flex;
    gap: var(--_lw-space-1);
  }
  .actions .lw-button {
    min-block-size: 2rem;
    padding-inline: var(--_lw-space-2);
  }
  .sort {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    display: inline-flex;
    gap: 0.25em;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    font-size: 0.8125rem;
    white-space: nowrap;
    border: 1px solid currentColor;
  }
  .badge[data-status='approved'] {
    color: var(--_lw-color-good);
  }
  .badge[data-status='pending'] {
    color: var(--_lw-color-warn);
  }
  .badge[data-status='rejected'],
  .badge[data-status='revoked'] {
    color: var(--_lw-color-bad);
  }
  .badge[data-status='superseded'] {
    color: var(--_lw-color-muted);
  }
  .no-rows {
    margin: 0;
    padding: var(--_lw-space-4);
    text-align: center;
    color: var(--_lw-color-muted);
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(28rem, calc(100vw - 2rem));
    padding: var(--_lw-space-4);
    color: var(--_lw-color-text);
    background: var(--_lw-color-surface);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
  }
  dialog h3 {
    margin: 0 0 var(--_lw-space-3);
    font-size: 1rem;
  }
  dialog form {
    display: grid;
    gap: var(--_lw-space-2);
  }
  dialog textarea {
    inline-size: 100%;
  }
  .dialog-buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_lw-space-2);
  }

  /* Narrow: each row is a card, labels before the figures. */
  @container (max-width: 47.99rem) {
    /* Only the date's sort button stays of the header row. */
    .table .row.header > :not(.date) {
      display: none;
    }
    .table.organizer .row,
    .row {
      display: flex;
      flex-wrap: wrap;
      column-gap: var(--_lw-space-3);
      row-gap: var(--_lw-space-1);
      padding: var(--_lw-space-3);
    }
    .select {
      order: -2;
    }
    .date {
      font-weight: 600;
    }
    .status {
      margin-inline-start: auto;
    }
    .activity {
      order: 1;
      flex-basis: 100%;
    }
    .volunteer,
    .duration,
    .credited,
    .recorded-by,
    .approved-by {
      order: 2;
    }
    .recorded-by,
    .approved-by {
      color: var(--_lw-color-muted);
    }
    [data-label]::before {
      content: attr(data-label) ' ';
      color: var(--_lw-color-muted);
    }
    .actions {
      order: 3;
      flex-basis: 100%;
    }
    .actions:empty {
      display: none;
    }
  }
`;
