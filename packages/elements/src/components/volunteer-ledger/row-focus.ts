import type { ReactiveController, ReactiveElement } from 'lit';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';

/** The scrolling body of the table, with the virtualizer a long ledger puts on it. */
type Body = HTMLElement & {
  [virtualizerRef]?: {
    element(i: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } | undefined;
  };
};

const STEPS: Readonly<Record<string, number>> = {
  ArrowDown: 1,
  ArrowUp: -1,
  PageDown: 10,
  PageUp: -10,
};

/**
 * The keyboard over the ledger's rows: one row in the tab order, the arrows, Page Up/Down,
 * Home and End move it, and focus survives the virtualizer recycling the row it was on.
 */
export class RowFocus implements ReactiveController {
  /** The row in the tab order, counted in the rows shown. */
  index = 0;
  private hadFocus = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly count: () => number,
  ) {
    host.addController(this);
  }

  /** Puts the tab stop on row `index` without focusing it. */
  set(index: number): void {
    if (index === this.index) return;
    this.index = index;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    this.keep();
  }

  private get body(): Body | null {
    return this.host.renderRoot.querySelector('.body');
  }

  readonly onKeydown = (event: KeyboardEvent) => {
    const count = this.count();
    const target = event.target as HTMLElement;
    const onRowOrBody = target.getAttribute('role') === 'row' || target === this.body;
    if (!onRowOrBody || count === 0) return;
    let next: number;
    if (event.key in STEPS) next = this.index + STEPS[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (target === this.body && (event.key === 'Enter' || event.key === ' '))
      next = this.index;
    else return;
    event.preventDefault();
    void this.focus(Math.max(0, Math.min(count - 1, next)));
  };

  /** Moves the tab stop to row `index` and focuses it, scrolling it into view first when virtual. */
  async focus(index: number): Promise<void> {
    this.set(index);
    await this.host.updateComplete;
    const body = this.body;
    if (!body) return;
    const find = () => body.querySelector<HTMLElement>(`[role=row][data-index="${index}"]`);
    let row = find();
    if (!row) {
      // A virtual row out of view is not in the DOM: scroll to it, then wait for it to render.
      body[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'nearest' });
      for (let frame = 0; frame < 30 && !(row = find()); frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }
    if (row) {
      row.scrollIntoView({ block: 'nearest' });
      row.focus({ preventScroll: true });
    }
  }

  readonly onFocusIn = (event: FocusEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role=row]');
    if (!row) return;
    this.hadFocus = true;
    this.set(Number(row.dataset.index));
  };

  readonly onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    // Focus that leaves for somewhere else is gone; focus lost to a removed row is kept below.
    if (next && !this.host.renderRoot.contains(next)) this.hadFocus = false;
  };

  /** A focused row that scrolled out of the rendered range hands focus to the body. */
  readonly keep = () => {
    requestAnimationFrame(() => {
      const body = this.body;
      if (!this.hadFocus || !body) return;
      const active = (this.host.renderRoot as ShadowRoot).activeElement;
      if (!active || !body.contains(active)) body.focus({ preventScroll: true });
    });
  };
}
