import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
// The lanes and their keys come first: the bundle then keeps the virtualizer beside Lit, the
// order that compresses best.
import { renderLane, type LaneHost } from './board-lane.js';
import { BoardFocus } from './board-focus.js';
import { cnCalendar, type WorkCalendar } from '@lanewise/core/calendar';
import { caseSnapshotSchema } from '@lanewise/core/cases';
import type { CaseBook, CaseRecord, CaseSnapshot } from '@lanewise/core/cases';
import type { Router, RoutingConfig } from '@lanewise/core/routing';
import { LanewiseElement } from '../../base/lanewise-element.js';
import { SourceController } from '../../controllers/source-controller.js';
import { fromSchema } from '../../controllers/from-schema.js';
import { RuleNames } from './rule-names.js';
import { categoryName, formatDeadline, tierName } from '../case-intake/case-words.js';
import { laneCases, type BoardGrouping, type Lane } from './board-lanes.js';
import { boardStyles } from './case-board.styles.js';
import { boardTerms as terms, type BoardTerm } from './case-board.terms.js';
import { renderCaseDialog, type DialogHost } from './case-dialog.js';
import { timeLeft } from './time-left.js';
import { StationActions } from './station-actions.js';

type Values = Record<string, string | number>;

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
export class CaseBoard extends LanewiseElement implements DialogHost, LaneHost {
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

  @state() openId: string | undefined;

  /** @internal The station's forms: their values, messages and the commands they run. */
  readonly station = new StationActions(this);

  private readonly feed = new SourceController<CaseSnapshot>(this, {
    check: fromSchema(caseSnapshotSchema) as (raw: unknown) => CaseSnapshot,
    live: 'book',
    isEmpty: (snapshot) => snapshot.cases.length === 0,
  });

  /** The card that holds the roving tab stop; moved by the keys, kept on its case. */
  private readonly cards = new BoardFocus(this, () => {
    const snapshot = this.feed.value;
    return snapshot ? this.lanes(snapshot) : undefined;
  });

  private readonly ruleNames = new RuleNames(
    this,
    () => this.rules,
    () => this.rulesSrc,
  );

  private lanesMemo: { key: unknown[]; lanes: Lane[] } | undefined;

  /** @internal The live book in force: the widget's own or its provider's. */
  get liveBook(): CaseBook | undefined {
    return this.feed.live as CaseBook | undefined;
  }

  /** @internal The rule set for names: the live book's, else `rules`. */
  get config(): RoutingConfig | undefined {
    const book = this.liveBook;
    if (book?.router) return book.router.config;
    return this.ruleNames.config;
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
    this.cards.focusActive();
  }

  private review(): void {
    this.station.review();
  }

  private renderBoard(snapshot: CaseSnapshot) {
    const lanes = this.lanes(snapshot);
    this.cards.sync(lanes);
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
        @keydown=${this.cards.onKeydown}
        @focusin=${this.cards.onFocusIn}
        @focusout=${this.cards.onFocusOut}
      >
        ${repeat(
          lanes,
          (lane) => lane.key,
          (lane, index) => renderLane(this, this.cards, lane, index, this.laneName(lane.key)),
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
