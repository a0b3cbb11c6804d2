import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { cnCalendar, type WorkCalendar } from '@lanewise/core/calendar';
import { caseSnapshotSchema } from '@lanewise/core/cases';
import type { CaseBook, CaseRecord, CaseSnapshot } from '@lanewise/core/cases';
import type { Router, RoutingConfig } from '@lanewise/core/routing';
import { LanewiseElement } from '../../base/lanewise-element.js';
import { SourceController } from '../../controllers/source-controller.js';
import { fromSchema } from '../../controllers/from-schema.js';
import { fetchJson } from '../../controllers/fetch-json.js';
import { categoryName, formatDeadline, tierName } from '../case-intake/case-words.js';
import { checkRuleSet } from '../case-intake/rule-set.js';
import { laneCases, type BoardGrouping, type Lane } from './board-lanes.js';
import { boardStyles } from './case-board.styles.js';
import { boardTerms as terms, type BoardTerm } from './case-board.terms.js';
import { renderCaseDialog, type DialogHost } from './case-dialog.js';
import { escalationMarks, timeLeft } from './time-left.js';
import { StationActions } from './station-actions.js';

type Values = Record<string, string | number>;

interface Active {
  lane: number;
  index: number;
  id: string;
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
 * The station's board: every case in lanes by status, tier or handler, each lane with its
 * count, each card with its title, category, tier and the time left (`剩 2 个工作日`; late ones
 * `超期 1 天` in the danger tone, chased and noticed ones marked). Opening a card shows its whole
 * history in words in a dialog. With `role="station"` the dialog handles the case (accept, log
 * an action, extend, resolve, close, mark duplicate) and the toolbar runs the review, each
 * through a cancelable event and then the live book. Arrow keys move between cards and lanes;
 * lanes are virtualized, so 10,000 cases stay quick.
 *
 * @summary A board of cases in lanes, for the station.
 *
 * @tag case-board
 *
 * @csspart base - The board's frame.
 * @csspart toolbar - The heading, the total and the review button.
 * @csspart lane - Each lane.
 * @csspart lane-count - The count in a lane's heading.
 * @csspart card - Each card.
 * @csspart due - The time left (or late) on a card.
 * @csspart badge - The chased and noticed marks.
 * @csspart dialog - The dialog of an opened card.
 * @csspart timeline - The history in the dialog.
 * @csspart field-error - A message beside a field of the station's forms.
 * @csspart error - The error box of the whole widget (`role="alert"`).
 * @csspart skeleton - The loading placeholder.
 * @csspart retry - The retry button after a failed fetch.
 *
 * @cssprop --lw-board-lane-height - The height of a lane's scrolling list (28rem).
 * @cssprop --lw-board-lane-width - The least width of a lane (12rem).
 * @cssprop --lw-color-bad - Late cases.
 * @cssprop --lw-color-warn - Chased cases.
 *
 * @event lw-case-accept - Before a case is accepted; `detail` is `{ id, by }`.
 * @event lw-case-act - Before an action is logged; `detail` is `{ id, action }`.
 * @event lw-case-extend - Before a deadline is extended; `detail` is `{ id, until, reason, by }`.
 * @event lw-case-resolve - Before a case is resolved; `detail` is `{ id, by, outcome, note? }`.
 * @event lw-case-close - Before a case is closed; `detail` is `{ id }`.
 * @event lw-case-duplicate - Before a case is marked a duplicate; `detail` is `{ id, of }`.
 * @event lw-case-review - Before the review chases and gives notice; `detail` is `{ now? }`.
 * @event lw-load - The cases are in; `detail` is the case book snapshot.
 * @event lw-error - The cases could not be had; `detail.message` says why.
 *
 * @example
 * ```html
 * <case-board src="data/cases.json" rules-src="rules/liuzhou.json" group-by="tier"></case-board>
 * ```
 */
export class CaseBoard extends LanewiseElement implements DialogHost {
  static override styles = [...(LanewiseElement.styles as []), boardStyles];

  /** URL of a case book snapshot's JSON. */
  @property() src = '';

  /** A case book snapshot (`book.snapshot()`); the last of `src`, `data` and `book` set wins. */
  @property({ attribute: false }) data: CaseSnapshot | undefined;

  /** A live case book: the board follows it, and the station's actions go to it. */
  @property({ attribute: false }) book: CaseBook | undefined;

  /** A rule set or router, for tier and category names when the board has no live book. */
  @property({ attribute: false }) rules: RoutingConfig | Router | undefined;

  /** URL of a rule set's JSON, for the names, when `rules` is not set. */
  @property({ attribute: 'rules-src' }) rulesSrc = '';

  /** Lanes by `status` (default), `tier` or `handler`. */
  @property({ attribute: 'group-by' }) groupBy: BoardGrouping = 'status';

  /** Only the cases of this handling unit. */
  @property() handler = '';

  /** `viewer` (default) reads; `station` also handles cases (see decisions.md on `role`). */
  @property() override role: 'viewer' | 'station' = 'viewer';

  /** Who acts in the station's commands; the `handler`, else `station`. */
  @property() actor = '';

  /** The time the board counts from (ISO instant with offset); the clock's when empty. */
  @property() now = '';

  /** The card that holds the roving tab stop; moved by the keys, kept on its case. */
  private active: Active | undefined;
  @state() openId: string | undefined;

  /** @internal The station's forms: their values, messages and the commands they run. */
  readonly station = new StationActions(this);

  private readonly feed = new SourceController<CaseSnapshot>(this, {
    check: fromSchema(caseSnapshotSchema) as (raw: unknown) => CaseSnapshot,
    live: 'book',
    isEmpty: (snapshot) => snapshot.cases.length === 0,
  });

  private fetchedRules: { url: string; rules: unknown } | undefined;
  private lanesMemo: { key: unknown[]; lanes: Lane[] } | undefined;
  private rulesMemo: { from: unknown; config: RoutingConfig | undefined } | undefined;
  private ranges = new Map<number, { first: number; last: number }>();
  private focusInside = false;
  private pendingFocus = 0;

  /** @internal The live book in force: the widget's own or its provider's. */
  get liveBook(): CaseBook | undefined {
    return this.feed.live as CaseBook | undefined;
  }

  /** @internal The rule set for names: the live book's, else `rules`. */
  get config(): RoutingConfig | undefined {
    const book = this.liveBook;
    if (book?.router) return book.router.config;
    const rules =
      this.rules ??
      (this.fetchedRules?.url === this.rulesSrc ? this.fetchedRules.rules : undefined);
    if (this.rulesMemo?.from !== rules) {
      let config: RoutingConfig | undefined;
      try {
        config = rules ? checkRuleSet(rules) : undefined;
      } catch {
        config = undefined; // names fall back to ids
      }
      this.rulesMemo = { from: rules, config };
    }
    return this.rulesMemo?.config;
  }

  /** @internal The calendar deadlines are counted in. */
  get calendar(): WorkCalendar {
    return this.liveBook?.calendar ?? cnCalendar;
  }

  /** @internal The zone times are shown in. */
  get timeZone(): string {
    return this.liveBook?.timeZone ?? this.calendar.timeZone;
  }

  /** @internal The instant the board counts from, in milliseconds. */
  get nowMs(): number {
    const ms = this.now ? Date.parse(this.now) : NaN;
    return Number.isNaN(ms) ? Date.now() : ms;
  }

  /** @internal Who acts in the station's commands. */
  get by(): string {
    return this.actor || this.handler || 'station';
  }

  /** @internal */
  t(key: BoardTerm, values?: Values): string {
    return this.localize.term(terms, key, values);
  }

  /** @internal */
  plural(key: BoardTerm, count: number, values?: Values): string {
    return this.localize.plural(terms, key, count, values);
  }

  /** @internal */
  get l() {
    return this.localize;
  }

  /** @internal Says something through the live region (for the station's commands). */
  say(message: string): void {
    this.announce(message);
  }

  /** @internal Fires a cancelable `lw-case-*` event; false when a listener cancelled it. */
  fire<T>(name: `lw-case-${string}`, detail: T): boolean {
    return this.emitAction(name, detail);
  }

  /** @internal The case with this id in the current data. */
  caseById(id: string): CaseRecord | undefined {
    const book = this.liveBook;
    if (typeof book?.get === 'function') return book.get(id);
    return this.feed.value?.cases.find((record) => record.id === id);
  }

  private lanes(snapshot: CaseSnapshot): Lane[] {
    const tiers = this.config?.tiers.map((tier) => tier.id);
    const key = [snapshot.cases, this.groupBy, this.handler, tiers?.join()];
    const memo = this.lanesMemo;
    if (memo && memo.key.every((part, i) => part === key[i])) return memo.lanes;
    const grouping: BoardGrouping = ['tier', 'handler'].includes(this.groupBy)
      ? this.groupBy
      : 'status';
    const lanes = laneCases(snapshot.cases, {
      grouping,
      ...(this.handler ? { handler: this.handler } : {}),
      ...(tiers ? { tiers } : {}),
    });
    this.lanesMemo = { key, lanes };
    return lanes;
  }

  private laneName(key: string): string {
    const grouping = this.groupBy;
    if (grouping === 'tier') return tierName(this.config, key, this.localize.locale);
    if (grouping === 'handler') return key;
    return this.t(`status_${key}` as BoardTerm);
  }

  /** @internal The time-left words of a card, with their tone. */
  dueText(record: CaseRecord): { text: string; tone: 'bad' | 'warn' | '' } {
    const left = timeLeft(record, this.nowMs, this.calendar);
    switch (left.kind) {
      case 'days-left':
        return { text: this.plural('daysLeft', left.count), tone: left.count <= 1 ? 'warn' : '' };
      case 'hours-left':
        return { text: this.plural('hoursLeft', left.count), tone: 'warn' };
      case 'due-soon':
        return { text: this.t('dueSoon'), tone: 'warn' };
      case 'days-late':
        return { text: this.plural('daysLate', left.count), tone: 'bad' };
      case 'hours-late':
        return { text: this.plural('hoursLate', left.count), tone: 'bad' };
      case 'done':
        return {
          text: this.t('doneOn', {
            date: this.localize.date(left.at, { timeZone: this.timeZone }),
          }),
          tone: '',
        };
    }
  }

  /** @internal A deadline in words, in the book's zone. */
  deadline(dueAt: string): string {
    return formatDeadline(dueAt, this.localize.locale, this.timeZone);
  }

  /** @internal */
  categoryLabel(id: string): string {
    return categoryName(this.config, id, this.localize.locale);
  }

  /** @internal */
  tierLabel(id: string): string {
    return tierName(this.config, id, this.localize.locale);
  }

  protected override updated(): void {
    const url = this.rulesSrc;
    if (!url || this.rules || this.fetchedRules?.url === url) return;
    this.fetchedRules = { url, rules: undefined };
    // Names only: a rule set that cannot be had leaves the ids showing.
    fetchJson(url, new AbortController().signal).then(
      (rules) => {
        if (this.fetchedRules?.url !== url) return;
        this.fetchedRules = { url, rules };
        this.requestUpdate();
      },
      () => undefined,
    );
  }

  /** Keeps the roving position on the same case when the data changes under it. */
  private syncActive(lanes: Lane[]): void {
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
    return this.renderRoot.querySelector<HTMLElement>(`.lane-body[data-lane="${lane}"]`);
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
  private focusActive(tries = 30): void {
    const card = this.activeCard();
    if (card && card.dataset['id'] === this.active?.id) {
      card.focus({ preventScroll: true });
      this.pendingFocus = 0;
      return;
    }
    this.pendingFocus = tries;
    if (tries > 0) requestAnimationFrame(() => this.focusActive(tries - 1));
  }

  private async moveTo(lane: number, index: number, lanes: Lane[]): Promise<void> {
    const target = lanes[lane]?.cases[index];
    if (!target) return;
    this.active = { lane, index, id: target.id };
    this.requestUpdate();
    await this.updateComplete;
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

  private onKeydown(event: KeyboardEvent): void {
    if (!MOVES[event.key] || event.altKey || event.ctrlKey || event.metaKey) return;
    const snapshot = this.feed.value;
    const active = this.active;
    if (!snapshot || !active) return;
    const lanes = this.lanes(snapshot);
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
  }

  private onFocusIn(event: FocusEvent): void {
    this.focusInside = true;
    const card = (event.target as HTMLElement).closest?.('.card') as HTMLElement | null;
    if (!card) return;
    const lane = Number(card.dataset['lane']);
    const index = Number(card.dataset['index']);
    const id = card.dataset['id']!;
    const active = this.active;
    if (!active || active.lane !== lane || active.index !== index || active.id !== id) {
      this.active = { lane, index, id };
      this.requestUpdate();
    }
  }

  private onFocusOut(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    const next = event.relatedTarget as Node | null;
    if (next && this.renderRoot.contains(next)) return;
    requestAnimationFrame(() => {
      // A card scrolled out of its lane leaves the page with the focus: keep the focus in the
      // lane, so that the keys go on working from the same case. Anything else is the user
      // leaving the board.
      if (!target.isConnected && this.focusInside) this.keepFocusInLane();
      else if (!this.renderRoot.contains((this.renderRoot as ShadowRoot).activeElement))
        this.focusInside = false;
    });
  }

  private keepFocusInLane(): void {
    const root = this.renderRoot as ShadowRoot;
    if (root.activeElement || !this.active) return;
    this.laneBody(this.active.lane)?.focus({ preventScroll: true });
  }

  private onRange(lane: number, event: Event): void {
    const { first, last } = event as Event & { first: number; last: number };
    const before = this.ranges.get(lane);
    this.ranges.set(lane, { first, last });
    const active = this.active;
    if (!active || active.lane !== lane) return;
    const inside = (range?: { first: number; last: number }) =>
      !!range && active.index >= range.first && active.index <= range.last;
    if (inside(before) !== inside({ first, last })) this.requestUpdate();
    requestAnimationFrame(() => {
      const root = this.renderRoot as ShadowRoot;
      if (!this.focusInside || this.pendingFocus > 0) return;
      if (!root.activeElement) this.keepFocusInLane();
      else if (root.activeElement === this.laneBody(lane) && this.activeCard()) this.focusActive(0);
    });
  }

  /** Opens the dialog of the case with this id. */
  openCase(id: string): void {
    this.openId = id;
    this.station.reset();
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
    });
  }

  /** Closes the dialog and gives the focus back to the card. */
  closeCase(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private onDialogClose(): void {
    this.openId = undefined;
    this.focusActive();
  }

  private review(): void {
    this.station.review();
  }

  private renderCard(record: CaseRecord, lane: number, index: number) {
    const active = this.active;
    const isActive = !!active && active.lane === lane && active.index === index;
    const due = this.dueText(record);
    const marks = escalationMarks(record);
    return html`<div role="listitem" class="slot">
      <button
        type="button"
        class="card"
        part="card"
        data-id=${record.id}
        data-lane=${lane}
        data-index=${index}
        data-tone=${due.tone || nothing}
        tabindex=${isActive ? 0 : -1}
        aria-haspopup="dialog"
        @click=${() => this.openCase(record.id)}
      >
        <span class="card-title">${record.title}</span>
        <span class="card-meta"
          >${this.categoryLabel(record.category)} · ${this.tierLabel(record.tier)}</span
        >
        <span class="card-foot">
          <span class="due" part="due" data-tone=${due.tone || nothing}>${due.text}</span>
          ${
            marks.chased
              ? html`<span class="badge" part="badge" data-tone="warn">${this.t('chased')}</span>`
              : nothing
          }
          ${
            marks.noticed
              ? html`<span class="badge" part="badge" data-tone="bad">${this.t('noticed')}</span>`
              : nothing
          }
        </span>
      </button>
    </div>`;
  }

  private renderLane(lane: Lane, index: number) {
    const headingId = `lane-${index}`;
    const count = this.plural('laneCount', lane.cases.length);
    const active = this.active;
    const range = this.ranges.get(index);
    // When the active card is scrolled out of the page, the lane itself is the tab stop.
    const laneIsStop =
      !!active &&
      active.lane === index &&
      (!range || active.index < range.first || active.index > range.last);
    return html`<section class="lane" part="lane" aria-labelledby=${headingId}>
      <h3 class="lane-title" id=${headingId}>
        <span>${this.laneName(lane.key)}</span>
        <span class="count" part="lane-count">${count}</span>
      </h3>
      ${
        lane.cases.length === 0
          ? html`<p class="lane-empty">${this.t('laneEmpty')}</p>`
          : html`<div
              class="lane-body"
              role="list"
              aria-labelledby=${headingId}
              aria-describedby="board-keys"
              data-lane=${index}
              tabindex=${laneIsStop ? 0 : -1}
              @rangeChanged=${(event: Event) => this.onRange(index, event)}
            >
              ${virtualize({
                items: lane.cases as CaseRecord[],
                // While a lane shrinks, the virtualizer may still ask for an index past its end.
                keyFunction: (record: CaseRecord | undefined, at: number) => record?.id ?? at,
                renderItem: (record: CaseRecord | undefined, at: number) =>
                  record ? this.renderCard(record, index, at) : html``,
                scroller: true,
                // Given here rather than loaded on first use, so that the CDN file stays one file.
                layout: flow(),
              })}
            </div>`
      }
    </section>`;
  }

  private renderBoard(snapshot: CaseSnapshot) {
    const lanes = this.lanes(snapshot);
    this.syncActive(lanes);
    const total = lanes.reduce((sum, lane) => sum + lane.cases.length, 0);
    const shown =
      this.groupBy === 'handler' ? new Set(lanes.flatMap((lane) => lane.cases)).size : total;
    const record = this.openId ? this.caseById(this.openId) : undefined;
    return html`<div class="toolbar" part="toolbar">
        <span class="total">${this.plural('total', shown)}</span>
        ${
          this.role === 'station'
            ? html`<span class="review">
                <button
                  type="button"
                  class="secondary"
                  aria-describedby="review-hint"
                  @click=${this.review}
                >
                  ${this.t('review')}
                </button>
                <span class="lw-visually-hidden" id="review-hint">${this.t('reviewHint')}</span>
              </span>`
            : nothing
        }
      </div>
      <p class="lw-visually-hidden" id="board-keys">${this.t('keyboardHint')}</p>
      <div
        class="lanes"
        @keydown=${this.onKeydown}
        @focusin=${this.onFocusIn}
        @focusout=${this.onFocusOut}
      >
        ${repeat(
          lanes,
          (lane) => lane.key,
          (lane, index) => this.renderLane(lane, index),
        )}
      </div>
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose}>
        ${record ? renderCaseDialog(this, record) : nothing}
      </dialog>`;
  }

  protected override render() {
    const heading = this.handler
      ? this.t('headingHandler', { handler: this.handler })
      : this.t('heading');
    return html`<section part="base" class="board" aria-labelledby="board-heading">
      <h2 id="board-heading">${heading}</h2>
      ${this.feed.render({
        skeleton: { rows: 5, columns: 3 },
        empty: { title: this.t('emptyTitle'), hint: this.t('emptyHint') },
        ready: (snapshot) => this.renderBoard(snapshot),
      })}
    </section>`;
  }
}
