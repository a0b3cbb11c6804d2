import { css } from 'lit';

export const boardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_lane-height: var(--lw-board-lane-height, 28rem);
    --_lane-width: var(--lw-board-lane-width, 12rem);
  }
  .board {
    box-sizing: border-box;
    padding: var(--_lw-space-4);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface);
    min-inline-size: 0;
  }
  @container (max-width: 30rem) {
    .board {
      padding: var(--_lw-space-3) var(--_lw-space-2);
    }
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_lw-space-2);
    margin-block: var(--_lw-space-1) var(--_lw-space-3);
  }
  .total {
    color: var(--_lw-color-muted);
    font-size: var(--_lw-font-size-small);
  }
  .lanes {
    display: flex;
    gap: var(--_lw-space-2);
    overflow-x: auto;
    scroll-snap-type: x proximity;
    padding-block-end: var(--_lw-space-2);
  }
  .lane {
    flex: 1 0 min(var(--_lane-width), 86%);
    scroll-snap-align: start;
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface-raised);
    border: 1px solid var(--_lw-color-border);
  }
  .lane-title {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_lw-space-2);
    margin: 0;
    padding: var(--_lw-space-2) var(--_lw-space-3);
    font-size: var(--_lw-font-size-small);
    font-weight: 600;
    border-block-end: 1px solid var(--_lw-color-border);
  }
  .count {
    font-weight: 400;
    color: var(--_lw-color-muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .lane-body {
    block-size: var(--_lane-height);
    overflow-y: auto;
    padding: var(--_lw-space-2);
    box-sizing: border-box;
    contain: strict;
  }
  .lane-body:focus-visible,
  .card:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--_lw-color-focus);
    outline-offset: 1px;
  }
  .lane-empty {
    margin: 0;
    padding: var(--_lw-space-4) var(--_lw-space-3);
    color: var(--_lw-color-muted);
    font-size: var(--_lw-font-size-small);
    text-align: center;
  }
  .slot {
    inline-size: 100%;
    padding-block-end: var(--_lw-space-2);
    box-sizing: border-box;
  }
  .card {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.125rem;
    inline-size: 100%;
    box-sizing: border-box;
    padding: var(--_lw-space-2) var(--_lw-space-3);
    font: inherit;
    text-align: start;
    color: var(--_lw-color-text);
    background: var(--_lw-color-surface);
    border: 1px solid var(--_lw-color-border);
    border-inline-start: 3px solid var(--_lw-color-border);
    border-radius: calc(var(--_lw-radius) * 0.75);
    cursor: pointer;
  }
  .card:hover {
    border-color: var(--_lw-color-accent);
  }
  .card[data-tone='bad'] {
    border-inline-start-color: var(--_lw-color-bad);
  }
  .card[data-tone='warn'] {
    border-inline-start-color: var(--_lw-color-warn);
  }
  .card-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .card-meta {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .card-foot {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_lw-space-1) var(--_lw-space-2);
    align-items: center;
    font-size: var(--_lw-font-size-small);
  }
  .due[data-tone='bad'] {
    color: var(--_lw-color-bad);
    font-weight: 600;
  }
  .due[data-tone='warn'] {
    color: var(--_lw-color-warn);
  }
  .badge {
    padding: 0 var(--_lw-space-2);
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.75rem;
    line-height: 1.5;
  }
  .badge[data-tone='warn'] {
    color: var(--_lw-color-warn);
  }
  .badge[data-tone='bad'] {
    color: var(--_lw-color-bad);
  }
  button.secondary {
    min-block-size: 2.25rem;
    padding: var(--_lw-space-1) var(--_lw-space-3);
    font: inherit;
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-text);
    background: var(--_lw-color-surface);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    cursor: pointer;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(40rem, calc(100vw - 1rem));
    max-block-size: calc(100vh - 2rem);
    padding: var(--_lw-space-4);
    color: var(--_lw-color-text);
    background: var(--_lw-color-surface);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-head {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: var(--_lw-space-3);
  }
  .dialog-head h3 {
    margin: 0;
    font-size: 1.125rem;
    overflow-wrap: anywhere;
  }
  .muted {
    margin: 0;
    color: var(--_lw-color-muted);
    font-size: var(--_lw-font-size-small);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
    gap: var(--_lw-space-2) var(--_lw-space-4);
    margin: var(--_lw-space-3) 0;
  }
  .facts dt {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .description {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  h4 {
    margin: var(--_lw-space-3) 0 var(--_lw-space-2);
    font-size: 1rem;
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0 0 0 var(--_lw-space-3);
    border-inline-start: 2px solid var(--_lw-color-border);
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-2);
  }
  .timeline li {
    display: flex;
    flex-direction: column;
  }
  .timeline time {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
    font-variant-numeric: tabular-nums;
  }
  .timeline .words,
  .timeline .note {
    overflow-wrap: anywhere;
  }
  .timeline .note {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .station {
    margin-block-start: var(--_lw-space-4);
    padding-block-start: var(--_lw-space-2);
    border-block-start: 1px solid var(--_lw-color-border);
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-3);
  }
  .command-form {
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    padding: var(--_lw-space-2) var(--_lw-space-3);
  }
  .command-form summary {
    cursor: pointer;
    font-weight: 600;
  }
  .command-form[open] summary {
    margin-block-end: var(--_lw-space-2);
  }
  .station form {
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-2);
    align-items: stretch;
  }
  .station form > .lw-button,
  .command .lw-button {
    align-self: flex-start;
    margin: 0;
  }
  .station h4 {
    margin: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-1);
  }
  .field label {
    font-size: var(--_lw-font-size-small);
    font-weight: 600;
  }
  .field input,
  .field select,
  .field textarea {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.25rem;
    padding: var(--_lw-space-1) var(--_lw-space-2);
    font: inherit;
    color: inherit;
    background: var(--_lw-color-surface);
    border: 1px solid var(--_lw-color-border);
    border-radius: calc(var(--_lw-radius) * 0.75);
  }
  [aria-invalid='true'] {
    border-color: var(--_lw-color-bad);
  }
  .message {
    margin: 0;
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-bad);
  }
  .message:empty {
    display: none;
  }
`;
