import { css, html, nothing, type TemplateResult } from 'lit';

/**
 * The shape of a widget while it loads, so that the skeleton takes the room the content will
 * take: a label line, a large figure, text lines, and table rows of some columns.
 */
export interface SkeletonShape {
  /** A short line above, as a tile's label or a panel's title. */
  label?: boolean;
  /** A large figure, as a balance or a rate. */
  figure?: boolean;
  /** Lines of text. */
  lines?: number;
  /** Rows of a list or table. */
  rows?: number;
  /** Cells per row; 3 by default. */
  columns?: number;
}

/** The widths of the bars, varied so that the skeleton reads as text, not as a grid. */
const widths = ['88%', '64%', '76%', '52%', '70%'];

const bar = (kind: string, width?: string) =>
  html`<span
    class="lw-bar lw-bar-${kind}"
    style=${width ? `inline-size:${width}` : nothing}
  ></span>`;

/**
 * The loading state: grey bars of the widget's shape, announced once as "loading" to
 * assistive technology.
 */
export function renderSkeleton(shape: SkeletonShape, label: string): TemplateResult {
  const lines = Array.from({ length: shape.lines ?? 0 }, (_, i) =>
    bar('line', widths[i % widths.length]),
  );
  const columns = shape.columns ?? 3;
  const rows = Array.from(
    { length: shape.rows ?? 0 },
    (_, row) =>
      html`<span class="lw-skeleton-row"
        >${Array.from({ length: columns }, (_, col) =>
          bar('cell', col === 0 ? widths[row % widths.length] : undefined),
        )}</span
      >`,
  );
  return html`<div part="skeleton" class="lw-skeleton" role="status" aria-busy="true">
    <span class="lw-visually-hidden">${label}</span>
    ${shape.label ? bar('label') : nothing} ${shape.figure ? bar('figure') : nothing} ${lines}
    ${rows}
  </div>`;
}

/** The empty state: what will appear here, and how it gets here. */
export function renderEmpty(title: string, hint?: string): TemplateResult {
  return html`<div part="empty" class="lw-empty">
    <svg class="lw-state-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M3 13h5l1.5 2.5h5L16 13h5M5 5h14l2 8v6H3v-6z" />
    </svg>
    <p class="lw-empty-title" part="empty-title">${title}</p>
    ${hint ? html`<p class="lw-empty-hint" part="empty-hint">${hint}</p>` : nothing}
  </div>`;
}

/** The error state: `role="alert"`, a title, the readable message and, for a fetch, a retry. */
export function renderError(
  title: string,
  message: string,
  retry?: { label: string; run: () => void },
): TemplateResult {
  return html`<div part="error" class="lw-error" role="alert">
    <svg class="lw-state-icon" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5M12 16.2v.3" />
    </svg>
    <div class="lw-error-text">
      <p class="lw-error-title" part="error-title">${title}</p>
      <p class="lw-error-message" part="error-message">${message}</p>
      ${
        retry
          ? html`<button class="lw-button" part="retry" type="button" @click=${retry.run}>
              ${retry.label}
            </button>`
          : nothing
      }
    </div>
  </div>`;
}

/** The styles of the three states and of the shared helpers; part of every widget's styles. */
export const stateStyles = css`
  .lw-visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  /* A figure with its unit, or a duration: never broken across lines. */
  .lw-nowrap {
    white-space: nowrap;
  }
  .lw-skeleton {
    display: flex;
    flex-direction: column;
    gap: var(--_lw-space-2);
  }
  .lw-bar {
    display: block;
    block-size: 0.875em;
    inline-size: 100%;
    border-radius: calc(var(--_lw-radius) / 2);
    background: var(--_lw-color-skeleton);
    animation: lw-pulse 1.6s ease-in-out infinite;
  }
  .lw-bar-label {
    inline-size: 40%;
    block-size: 0.75em;
  }
  .lw-bar-figure {
    inline-size: 60%;
    block-size: calc(var(--_lw-font-size-figure) * 1.15);
  }
  .lw-skeleton-row {
    display: flex;
    gap: var(--_lw-space-3);
    padding-block: var(--_lw-space-2);
    border-block-end: 1px solid var(--_lw-color-border);
  }
  .lw-bar-cell {
    flex: 1 1 0;
  }
  @keyframes lw-pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .lw-bar {
      animation: none;
    }
  }
  .lw-empty {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_lw-space-1);
    padding: var(--_lw-space-4);
    text-align: center;
    color: var(--_lw-color-muted);
  }
  .lw-empty p,
  .lw-error p {
    margin: 0;
  }
  .lw-empty-title {
    color: var(--_lw-color-text);
    font-weight: 600;
  }
  .lw-empty-hint {
    font-size: var(--_lw-font-size-small);
    max-inline-size: 36em;
  }
  .lw-state-icon {
    inline-size: 1.75rem;
    block-size: 1.75rem;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .lw-error {
    display: flex;
    gap: var(--_lw-space-3);
    align-items: flex-start;
    padding: var(--_lw-space-3) var(--_lw-space-4);
    border: 1px solid var(--_lw-color-bad);
    border-radius: var(--_lw-radius);
    background: var(--_lw-color-bad-surface);
    color: var(--_lw-color-text);
    overflow-wrap: break-word;
  }
  .lw-error > .lw-state-icon {
    color: var(--_lw-color-bad);
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }
  .lw-error-text {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_lw-space-1);
    min-inline-size: 0;
  }
  .lw-error-title {
    font-weight: 600;
  }
  .lw-error-message {
    font-size: var(--_lw-font-size-small);
  }
  .lw-button {
    margin-block-start: var(--_lw-space-2);
    padding: var(--_lw-space-1) var(--_lw-space-3);
    min-block-size: 2.25rem;
    font: inherit;
    font-size: var(--_lw-font-size-small);
    color: var(--_lw-color-on-accent);
    background: var(--_lw-color-accent);
    border: 1px solid transparent;
    border-radius: var(--_lw-radius);
    cursor: pointer;
  }
  .lw-button:hover {
    filter: brightness(1.1);
  }
  .lw-button:focus-visible {
    outline: 2px solid var(--_lw-color-focus);
    outline-offset: 2px;
  }
`;
