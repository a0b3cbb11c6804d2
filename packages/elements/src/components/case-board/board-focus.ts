import type { ReactiveElement } from 'lit';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { Lane } from './board-lanes.js';

/** The card that holds the roving tab stop. */
interface Active {
  lane: number;
  index: number;
  id: string;
}

/** The cards a lane has rendered, as the virtualizer last said. */
interface Range {
  first: number;
  last: number;
}

const MOVES: Record<string, true> = {
  ArrowDown: true,
  ArrowUp: true,
  ArrowLeft: true,
  ArrowRight: true,
  Home: true,
  End: true,
};

/**
 * The keyboard over the board: one card in the tab order, kept on its case when the data
 * changes; up, down, Home and End move in a lane, left and right to the next lane with cards.
 * A card scrolled out of its virtual lane hands the tab stop and the focus to the lane.
 */
export class BoardFocus {
  private active: Active | undefined;
  private readonly ranges = new Map<number, Range>();
  private inside = false;
  private pending = 0;

  constructor(
    private readonly host: ReactiveElement,
    private readonly lanes: () => Lane[] | undefined,
  ) {}

  private get root(): ShadowRoot {
    return this.host.renderRoot as ShadowRoot;
  }

  /** True for the card with the tab stop. */
  isActive(lane: number, index: number): boolean {
    const active = this.active;
    return !!active && active.lane === lane && active.index === index;
  }

  /** True when the lane itself is the tab stop: its active card is scrolled out of the page. */
  laneIsStop(lane: number): boolean {
    const active = this.active;
    const range = this.ranges.get(lane);
    return (
      !!active &&
      active.lane === lane &&
      (!range || active.index < range.first || active.index > range.last)
    );
  }

  /** Keeps the roving position on the same case when the data changes under it. */
  sync(lanes: Lane[]): void {
    const active = this.active;
    const lane = active ? lanes[active.lane] : undefined;
    if (active && lane?.cases[active.index]?.id === active.id) return;
    if (active && lane) {
      const index = lane.cases.findIndex((record) => record.id === active.id);
      if (index >= 0) {
        this.active = { ...active, index };
        return;
      }
      if (lane.cases.length > 0) {
        const at = Math.min(active.index, lane.cases.length - 1);
        this.active = { lane: active.lane, index: at, id: lane.cases[at]!.id };
        return;
      }
    }
    const first = lanes.findIndex((candidate) => candidate.cases.length > 0);
    this.active = first < 0 ? undefined : { lane: first, index: 0, id: lanes[first]!.cases[0]!.id };
  }

  private laneBody(lane: number): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`.lane-body[data-lane="${lane}"]`);
  }

  private activeCard(): HTMLElement | null {
    const active = this.active;
    if (!active) return null;
    return (
      this.laneBody(active.lane)?.querySelector<HTMLElement>(
        `.card[data-index="${active.index}"]`,
      ) ?? null
    );
  }

  /** Puts focus on the active card, waiting for the lane to render it after a scroll. */
  focusActive(tries = 30): void {
    const card = this.activeCard();
    if (card && card.dataset['id'] === this.active?.id) {
      card.focus({ preventScroll: true });
      this.pending = 0;
      return;
    }
    this.pending = tries;
    if (tries > 0) requestAnimationFrame(() => this.focusActive(tries - 1));
  }

  private async moveTo(lane: number, index: number, lanes: Lane[]): Promise<void> {
    const target = lanes[lane]?.cases[index];
    if (!target) return;
    this.active = { lane, index, id: target.id };
    this.host.requestUpdate();
    await this.host.updateComplete;
    const body = this.laneBody(lane) as (HTMLElement & { [virtualizerRef]?: unknown }) | null;
    const virtualizer = body?.[virtualizerRef] as
      | {
          element(i: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
        }
      | undefined;
    virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
    body?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    this.focusActive();
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    if (!MOVES[event.key] || event.altKey || event.ctrlKey || event.metaKey) return;
    const lanes = this.lanes();
    const active = this.active;
    if (!lanes || !active) return;
    const count = lanes[active.lane]?.cases.length ?? 0;
    let lane = active.lane;
    let index = active.index;
    switch (event.key) {
      case 'ArrowDown':
        index = Math.min(index + 1, count - 1);
        break;
      case 'ArrowUp':
        index = Math.max(index - 1, 0);
        break;
      case 'Home':
        index = 0;
        break;
      case 'End':
        index = count - 1;
        break;
      default: {
        const step = event.key === 'ArrowRight' ? 1 : -1;
        let next = lane + step;
        while (next >= 0 && next < lanes.length && lanes[next]!.cases.length === 0) next += step;
        if (next < 0 || next >= lanes.length) break;
        lane = next;
        index = Math.min(index, lanes[next]!.cases.length - 1);
      }
    }
    event.preventDefault();
    void this.moveTo(lane, index, lanes);
  };

  readonly onFocusIn = (event: FocusEvent): void => {
    this.inside = true;
    const card = (event.target as HTMLElement).closest?.('.card') as HTMLElement | null;
    if (!card) return;
    const lane = Number(card.dataset['lane']);
    const index = Number(card.dataset['index']);
    const id = card.dataset['id']!;
    const active = this.active;
    if (!active || active.lane !== lane || active.index !== index || active.id !== id) {
      this.active = { lane, index, id };
      this.host.requestUpdate();
    }
  };

  readonly onFocusOut = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    const next = event.relatedTarget as Node | null;
    if (next && this.root.contains(next)) return;
    requestAnimationFrame(() => {
      // A card scrolled out of its lane leaves the page with the focus: keep the focus in the
      // lane, so that the keys go on working from the same case. Anything else is the user
      // leaving the board.
      if (!target.isConnected && this.inside) this.keepFocusInLane();
      else if (!this.root.contains(this.root.activeElement)) this.inside = false;
    });
  };

  private keepFocusInLane(): void {
    if (this.root.activeElement || !this.active) return;
    this.laneBody(this.active.lane)?.focus({ preventScroll: true });
  }

  /** The virtualizer of `lane` rendered another range of cards. */
  onRange(lane: number, event: Event): void {
    const { first, last } = event as Event & Range;
    const before = this.ranges.get(lane);
    this.ranges.set(lane, { first, last });
    const active = this.active;
    if (!active || active.lane !== lane) return;
    const inside = (range?: Range) =>
      !!range && active.index >= range.first && active.index <= range.last;
    if (inside(before) !== inside({ first, last })) this.host.requestUpdate();
    requestAnimationFrame(() => {
      const root = this.root;
      if (!this.inside || this.pending > 0) return;
      if (!root.activeElement) this.keepFocusInLane();
      else if (root.activeElement === this.laneBody(lane) && this.activeCard()) this.focusActive(0);
    });
  }
}
