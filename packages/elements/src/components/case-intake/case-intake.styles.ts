import { css } from 'lit';

export const intakeStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    max-inline-size: 44rem;
  }
  .intake {
    box-sizing: border-box;
    padding: var(--_lw-space-4);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface);
  }
  h2 {
    margin: 0 0 var(--_lw-space-1);
    font-size: 1.25rem;
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  .intro {
    margin: 0 0 var(--_lw-space-4);
    color: var(--_lw-color-muted);
    font-size: var(--_lw-font-size-small);
  }
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-3);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-1);
    min-inline-size: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  .required {
    color: var(--_lw-color-bad);
    margin-inline-start: 0.15em;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding: var(--_lw-space-2) var(--_lw-space-3);
    font: inherit;
    color: inherit;
    background: var(--_lw-color-surface);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
  }
  textarea {
    resize: vertical;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_lw-color-focus);
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--_lw-color-bad);
  }
  .hint {
    margin: 0;
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .hint:empty,
  .message:empty {
    display: none;
  }
  .count {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .message {
    margin: 0;
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-bad);
  }
  .form-error {
    margin: 0;
    padding: var(--_lw-space-2) var(--_lw-space-3);
    border: 1px solid var(--_lw-color-bad);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-bad-surface);
  }
  .with-button {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_lw-space-2);
  }
  .with-button input {
    flex: 1 1 12rem;
  }
  button.secondary {
    min-block-size: 2.5rem;
    padding: var(--_lw-space-1) var(--_lw-space-3);
    font: inherit;
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-text);
    background: var(--_lw-color-surface-raised);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    cursor: pointer;
  }
  button.link {
    padding: 0;
    margin-inline-start: var(--_lw-space-2);
    font: inherit;
    color: var(--_lw-color-accent);
    background: none;
    border: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  fieldset {
    margin: 0;
    padding: var(--_lw-space-3);
    border: 1px solid var(--_lw-color-border);
    border-radius: var(--_lw-radius);
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-3);
    min-inline-size: 0;
  }
  .pair {
    display: grid;
    gap: var(--_lw-space-3);
  }
  @container (min-width: 34rem) {
    .pair {
      grid-template-columns: 1fr 1fr;
    }
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--_lw-space-2);
    align-items: center;
  }
  .check input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_lw-color-accent);
  }
  .check label {
    font-weight: 400;
  }
  .check .hint {
    grid-column: 2;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: var(--_lw-space-3);
  }
  .actions .lw-button {
    margin: 0;
    min-block-size: 2.75rem;
    padding-inline: var(--_lw-space-4);
    font-size: var(--_lw-font-size);
  }
  .sent {
    margin: 0;
    color: var(--_lw-color-good);
  }
  .open-cases {
    padding: var(--_lw-space-3);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-surface-raised);
    border: 1px solid var(--_lw-color-border);
  }
  .open-cases.none {
    margin: 0;
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
  }
  .open-cases ul {
    margin: var(--_lw-space-2) 0 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-2);
  }
  .open-cases li {
    display: flex;
    flex-direction: column;
  }
  .open-title {
    overflow-wrap: anywhere;
  }
  .open-meta {
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-muted);
    overflow-wrap: anywhere;
  }
  .confirmation {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_lw-space-2);
    padding: var(--_lw-space-4);
    border-radius: var(--_lw-radius);
    border: 1px solid var(--_lw-color-good);
    background: var(--_lw-color-surface-raised);
  }
  .confirmation:focus {
    /* Focused by the form so that it is read out; it is not a control. */
    outline: none;
  }
  .confirmation p {
    margin: 0;
  }
  .case-number {
    font-size: 1.125rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .due {
    font-weight: 600;
  }
`;
