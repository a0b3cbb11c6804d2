import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { HourEntry, HourEntryStatus, HoursSnapshot } from '@lanewise/core/hours';
import { recordHoursInputSchema, type RecordHoursInput } from '@lanewise/core/hours';
import { LanewiseElement } from '../../base/lanewise-element.js';
import { fromSchema } from '../../controllers/from-schema.js';
import type { LiveSource } from '../../controllers/live-source.js';
import { SourceController } from '../../controllers/source-controller.js';
import { entriesToCsv, type CsvHeadings } from './ledger-csv.js';
import { fieldOfError, renderRecordForm, type FormErrors, type FormField } from './ledger-form.js';
import { LEDGER_PERIODS, isLedgerPeriod, shiftAnchor, type LedgerPeriod } from './ledger-period.js';
import { renderRow, type RowContext } from './ledger-row.js';
import { checkLedgerDocument, hoursOfLive, hoursWriter } from './ledger-source.js';
import {
  distinctValues,
  ledgerView,
  type LedgerOrder,
  type LedgerView,
  type StatusFilter,
} from './ledger-view.js';
import { ledgerStyles } from './volunteer-ledger.styles.js';
import { ledgerTerms } from './volunteer-ledger.terms.js';
import { dayIn, instantFromLocal, localInputValue } from './zone-time.js';

const STATUSES: readonly HourEntryStatus[] = [
  'pending',
  'approved',
  'rejected',
  'revoked',
  'superseded',
];

/** Above this many rows the body scrolls and renders only the rows in view. */
const VIRTUAL_FROM = 60;

const checkRecord = fromSchema(recordHoursInputSchema);

type Action = 'approve' | 'reject' | 'revoke';

type TermKey = keyof typeof ledgerTerms.en & string;

/** The input a reason dialog is open for. */
interface PendingClose {
  readonly action: 'reject' | 'revoke';
  readonly ids: readonly string[];
}

/** The `detail` of `lw-approve`. */
export interface ApproveDetail {
  readonly id: string;
  readonly by: string;
}

/** The `detail` of `lw-reject` and `lw-revoke`. */
export interface CloseDetail {
  readonly id: string;
  readonly by: string;
  readonly reason: string;
}

/**
 * A volunteer's (or a team's) hour entries: credited hours for the period, the star level and
 * how far the next star is, a table of entries filtered by period and status and sorted by
 * date, CSV export; with `editable` a form to record hours, with `role="organizer"` approve,
 * reject and revoke on each row and approval of several selected rows at once. Long ledgers
 * render only the rows in view.
 *
 * @summary A volunteer-hour ledger: entries, totals, star level, approvals.
 *
 * @tag volunteer-ledger
 *
 * @csspart base - The whole widget.
 * @csspart summary - The figures above the table.
 * @csspart toolbar - The period, status and export controls.
 * @csspart form - The record form.
 * @csspart field - One field of the form, with its label and message.
 * @csspart field-error - The message beside a field.
 * @csspart submit - The record button.
 * @csspart table - The table of entries.
 * @csspart rows - The scrolling body of the table.
 * @csspart row - One entry.
 * @csspart badge - The status badge of an entry.
 * @csspart action - A row's approve, reject or revoke button.
 * @csspart dialog - The dialog that asks for a reason.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error box (`role="alert"`).
 *
 * @cssprop --lw-ledger-height - Height of the scrolling body of a long ledger (30rem).
 * @cssprop --lw-color-accent - Buttons, focus rings and the star.
 * @cssprop --lw-color-surface-raised - Background of the figures and the rows.
 *
 * @event lw-record - Before an entry is recorded; `detail` is the `RecordHoursInput`. Cancelable.
 * @event lw-approve - Before an entry is approved; `detail` is `{ id, by }`. Cancelable.
 * @event lw-reject - Before an entry is rejected; `detail` is `{ id, by, reason }`. Cancelable.
 * @event lw-revoke - Before an entry is revoked; `detail` is `{ id, by, reason }`. Cancelable.
 * @event lw-load - The document or live snapshot is in; `detail` is the hour-ledger snapshot.
 * @event lw-error - The data could not be had; `detail.message` says why.
 *
 * @example
 * ```html
 * <volunteer-ledger src="/hours.json" volunteer="v-li-hua" period="year"></volunteer-ledger>
 * ```
 */
export class VolunteerLedger extends LanewiseElement {
  /** The base styles and the ledger's own. */
  static override styles = [...(LanewiseElement.styles as []), ledgerStyles];

  /** One volunteer's id; without it, every volunteer's entries with a volunteer column. */
  @property() volunteer = '';

  /** The period shown: `week`, `month` (default), `year` or `all`. */
  @property() period: LedgerPeriod = 'month';

  /** A day in the period shown (`YYYY-MM-DD`); today in the ledger's zone by default. */
  @property() anchor = '';

  /** `volunteer` (default) reads; `organizer` also approves, rejects and revokes. */
  @property() override role: 'volunteer' | 'organizer' = 'volunteer';

  /** Shows the form that records hours. */
  @property({ type: Boolean }) editable = false;

  /**
   * Who acts: written as `recordedBy` of new entries and `by` of approvals. Without it a
   * recorded entry is recorded by the volunteer shown.
   */
  @property() actor = '';

  /** URL of a JSON hour-ledger or programme snapshot. */
  @property() src = '';

  /** An hour-ledger or programme snapshot; the last of `src`, `data` and `ledger` set wins. */
  @property({ attribute: false }) data: unknown;

  /** A live hour ledger or volunteer programme. */
  @property({ attribute: false }) ledger: LiveSource | undefined;

  @state() private status: StatusFilter = 'all';
  @state() private order: LedgerOrder = 'descending';
  @state() private selected: ReadonlySet<string> = new Set();
  @state() private focusIndex = 0;
  @state() private formErrors: FormErrors = {};
  @state() private actionError = '';
  @state() private closing: PendingClose | null = null;
  @state() private reasonError = '';

  private readonly feed = new SourceController<HoursSnapshot>(this, {
    check: checkLedgerDocument,
    live: 'ledger',
    fromLive: hoursOfLive,
    isEmpty: (snapshot) => snapshot.entries.length === 0,
  });

  private memo: { key: unknown[]; view: LedgerView } | undefined;
  private rowHadFocus = false;

  /** The rows and figures shown now; computed once per change of data or filter. */
  get view(): LedgerView | undefined {
    const snapshot = this.feed.value;
    if (!snapshot) return undefined;
    const key = [
      snapshot,
      this.volunteer,
      this.currentPeriod,
      this.currentAnchor(snapshot),
      this.status,
      this.order,
    ];
    if (this.memo && this.memo.key.every((part, i) => part === key[i])) return this.memo.view;
    const view = ledgerView(snapshot, {
      volunteer: this.volunteer,
      period: this.currentPeriod,
      anchor: this.currentAnchor(snapshot),
      status: this.status,
      order: this.order,
    });
    this.memo = { key, view };
    return view;
  }

  /**
   * The entries shown (period, volunteer and status filters applied, in the order shown) as
   * CSV with headings in the page's language; what the export button downloads.
   */
  toCSV(): string {
    const rows = this.view?.rows ?? [];
    const t = (key: TermKey) => this.t(key);
    const headings: CsvHeadings = {
      id: t('csvId'),
      day: t('date'),
      start: t('start'),
      end: t('end'),
      volunteerId: t('volunteer'),
      activityId: t('activity'),
      durationMinutes: t('csvDurationMinutes'),
      creditedMinutes: t('csvCreditedMinutes'),
      status: t('status'),
      recordedBy: t('recordedBy'),
      approvedBy: t('approvedBy'),
      reason: t('reason'),
      note: t('note'),
    };
    return entriesToCsv(rows, headings, (entry) => t(entry.status));
  }

  private t(key: TermKey, values?: Record<string, string | number>) {
    return this.localize.term(ledgerTerms, key, values);
  }

  private get currentPeriod(): LedgerPeriod {
    return isLedgerPeriod(this.period) ? this.period : 'month';
  }

  private currentAnchor(snapshot: HoursSnapshot): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.anchor)
      ? this.anchor
      : dayIn(Date.now(), snapshot.timeZone);
  }

  private get team(): boolean {
    return this.volunteer === '';
  }

  private get organizer(): boolean {
    return this.role === 'organizer';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('volunteer') || changed.has('period') || changed.has('anchor')) {
      this.focusIndex = 0;
      this.selected = new Set();
    }
  }

  protected override render() {
    return this.feed.render({
      skeleton: { label: true, figure: true, rows: 6, columns: 5 },
      empty: { title: this.t('emptyTitle'), hint: this.t('emptyHint') },
      ready: (snapshot) => this.renderLedger(snapshot),
    });
  }

  private renderLedger(snapshot: HoursSnapshot) {
    const view = this.view!;
    return html`<section part="base" class="ledger" aria-labelledby="title">
      <h2 id="title" class="title">
        ${this.team ? this.t('teamTitle') : this.t('title')}${
          this.team ? nothing : html`<span class="who">${this.volunteer}</span>`
        }
      </h2>
      ${this.renderSummary(view)} ${this.renderToolbar(snapshot, view)}
      ${this.editable ? this.renderForm(snapshot) : nothing}
      ${
        this.actionError
          ? html`<p class="action-error" role="alert" part="action-error">${this.actionError}</p>`
          : nothing
      }
      ${this.renderTable(snapshot, view)} ${this.renderDialog()}
    </section>`;
  }

  private renderSummary(view: LedgerView) {
    const star = view.star;
    return html`<dl part="summary" class="summary">
      <div class="figure">
        <dt>${this.t('credited')}</dt>
        <dd class="value">${this.localize.duration(view.creditedMinutes)}</dd>
      </div>
      <div class="figure">
        <dt>${this.t('entries')}</dt>
        <dd class="value">${this.localize.number(view.rows.length)}</dd>
      </div>
      ${
        star
          ? html`<div class="figure star">
              <dt>${this.t('star')}</dt>
              <dd class="value">
                <span
                  class="stars"
                  role="img"
                  aria-label=${this.localize.plural(ledgerTerms, 'starValue', star.level, {
                    max: star.maxLevel,
                  })}
                  >${Array.from(
                    { length: star.maxLevel },
                    (_, i) => html`<span class=${i < star.level ? 'on' : 'off'}>★</span>`,
                  )}</span
                >
              </dd>
              <dd class="hint">
                ${
                  star.minutesToNext === null
                    ? this.t('topStar')
                    : this.t('toNext', { duration: this.localize.duration(star.minutesToNext) })
                }
              </dd>
            </div>`
          : nothing
      }
    </dl>`;
  }

  private periodLabel(snapshot: HoursSnapshot, view: LedgerView): string {
    const range = view.range;
    if (!range) return this.t('all');
    const timeZone = 'UTC';
    const at = (day: string) => `${day}T12:00:00Z`;
    const locale = this.localize.locale === 'en' ? 'en-GB' : 'zh-CN';
    void snapshot;
    switch (this.currentPeriod) {
      case 'month':
        return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'long' }).format(
          new Date(at(range.from)),
        );
      case 'year':
        return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric' }).format(
          new Date(at(range.from)),
        );
      default:
        return `${this.localize.date(at(range.from), { timeZone })} – ${this.localize.date(
          at(range.to),
          { timeZone },
        )}`;
    }
  }

  private renderToolbar(snapshot: HoursSnapshot, view: LedgerView) {
    const all = this.currentPeriod === 'all';
    const selectedCount = this.selected.size;
    return html`<div part="toolbar" class="toolbar">
      <div class="period">
        <label class="lw-visually-hidden" for="period">${this.t('period')}</label>
        <select id="period" @change=${this.onPeriod}>
          ${LEDGER_PERIODS.map(
            (period) =>
              html`<option value=${period} ?selected=${period === this.currentPeriod}>
                ${this.t(period)}
              </option>`,
          )}
        </select>
        <button
          class="lw-button icon"
          part="previous"
          aria-label=${this.t('previous')}
          ?disabled=${all}
          @click=${() => this.move(snapshot, -1)}
        >
          ‹
        </button>
        <span class="range" aria-live="polite">${this.periodLabel(snapshot, view)}</span>
        <button
          class="lw-button icon"
          part="next"
          aria-label=${this.t('next')}
          ?disabled=${all}
          @click=${() => this.move(snapshot, 1)}
        >
          ›
        </button>
      </div>
      <div class="filters">
        <label class="lw-visually-hidden" for="status">${this.t('status')}</label>
        <select id="status" @change=${this.onStatus}>
          <option value="all" ?selected=${this.status === 'all'}>${this.t('allStatuses')}</option>
          ${STATUSES.map(
            (status) =>
              html`<option value=${status} ?selected=${status === this.status}>
                ${this.t(status)}
              </option>`,
          )}
        </select>
        ${
          this.organizer
            ? html`<button
                class="lw-button primary"
                part="approve-selected"
                ?disabled=${selectedCount === 0}
                @click=${() => this.approve([...this.selected])}
              >
                ${this.localize.plural(ledgerTerms, 'approveSelected', selectedCount)}
              </button>`
            : nothing
        }
        <button class="lw-button" part="export" @click=${this.download}>
          ${this.t('exportCsv')}
        </button>
      </div>
    </div>`;
  }

  private renderForm(snapshot: HoursSnapshot) {
    return renderRecordForm({
      team: this.team,
      errors: this.formErrors,
      activities: distinctValues(snapshot, 'activityId'),
      volunteers: this.team ? distinctValues(snapshot, 'volunteerId') : [],
      zoneNote: this.t('zone', { zone: snapshot.timeZone }),
      label: (key) => this.t(key),
      onSubmit: (event) => this.onRecord(event, snapshot),
    });
  }

  private rowContext(snapshot: HoursSnapshot): RowContext {
    const timeZone = snapshot.timeZone;
    return {
      team: this.team,
      organizer: this.organizer,
      focusIndex: this.focusIndex,
      selected: this.selected,
      date: (entry) => this.localize.date(entry.start, { timeZone }),
      time: (entry) =>
        `${localInputValue(Date.parse(entry.start), timeZone).slice(11)}–${localInputValue(
          Date.parse(entry.end),
          timeZone,
        ).slice(11)}`,
      duration: (minutes) => this.localize.duration(minutes),
      status: (status) => this.t(status),
      label: (key) => this.t(key),
      heading: (key) => this.t(key),
      selectLabel: (entry) =>
        this.t('selectRow', {
          date: this.localize.date(entry.start, { timeZone }),
          activity: entry.activityId,
        }),
      onSelect: (entry, on) => {
        const next = new Set(this.selected);
        if (on) next.add(entry.id);
        else next.delete(entry.id);
        this.selected = next;
      },
      onAct: (entry, action) => this.act(entry, action),
    };
  }

  private renderTable(snapshot: HoursSnapshot, view: LedgerView) {
    const rows = view.rows;
    const context = this.rowContext(snapshot);
    const virtual = rows.length > VIRTUAL_FROM;
    const order = this.order;
    const heading = (key: TermKey, cls: string) =>
      html`<span role="columnheader" class="cell ${cls}">${this.t(key)}</span>`;
    return html`<div
      role="table"
      part="table"
      class="table ${this.team ? 'team' : ''} ${this.organizer ? 'organizer' : ''}"
      aria-label=${this.t('table')}
      aria-rowcount=${rows.length + 1}
    >
      <div role="rowgroup" class="head">
        <div role="row" class="row header" aria-rowindex="1">
          ${
            this.organizer
              ? html`<span role="columnheader" class="cell select"
                  ><span class="lw-visually-hidden">${this.t('select')}</span></span
                >`
              : nothing
          }
          <span role="columnheader" class="cell date" aria-sort=${order}
            ><button
              class="sort"
              part="sort"
              aria-label=${this.t('sortBy', { order: this.t(order) })}
              @click=${this.toggleOrder}
            >
              ${this.t('date')}<span aria-hidden="true">${order === 'descending' ? '↓' : '↑'}</span>
            </button></span
          >
          ${heading('time', 'time')} ${this.team ? heading('volunteer', 'volunteer') : nothing}
          ${heading('activity', 'activity')} ${heading('duration', 'duration')}
          ${heading('creditedColumn', 'credited')} ${heading('status', 'status')}
          ${heading('recordedBy', 'recorded-by')} ${heading('approvedBy', 'approved-by')}
          ${this.organizer ? heading('actions', 'actions') : nothing}
        </div>
      </div>
      ${
        rows.length === 0
          ? html`<p class="no-rows" part="no-rows">${this.t('noRows')}</p>`
          : html`<div
              role="rowgroup"
              part="rows"
              class="body ${virtual ? 'virtual' : ''}"
              tabindex=${virtual ? 0 : -1}
              aria-label=${this.t('table')}
              @keydown=${this.onKeydown}
              @focusin=${this.onFocusIn}
              @focusout=${this.onFocusOut}
              @rangeChanged=${this.keepFocus}
            >
              ${
                virtual
                  ? virtualize({
                      items: rows as HourEntry[],
                      keyFunction: (entry: HourEntry) => entry.id,
                      renderItem: (entry: HourEntry, index: number) =>
                        renderRow(entry, index, context),
                      scroller: true,
                    })
                  : rows.map((entry, index) => renderRow(entry, index, context))
              }
            </div>`
      }
    </div>`;
  }

  private renderDialog() {
    const closing = this.closing;
    return html`<dialog
      part="dialog"
      class="reason"
      aria-labelledby="reason-title"
      @close=${this.onDialogClose}
    >
      <form method="dialog" @submit=${this.onReason} novalidate>
        <h3 id="reason-title">
          ${closing?.action === 'revoke' ? this.t('revokeTitle') : this.t('rejectTitle')}
        </h3>
        <label for="reason">${this.t('reason')}</label>
        <textarea
          id="reason"
          name="reason"
          rows="3"
          required
          maxlength="2000"
          aria-invalid=${this.reasonError ? 'true' : 'false'}
          aria-describedby=${this.reasonError ? 'reason-error' : nothing}
        ></textarea>
        ${
          this.reasonError
            ? html`<p class="field-error" id="reason-error">${this.reasonError}</p>`
            : nothing
        }
        <div class="dialog-buttons">
          <button class="lw-button" type="button" value="cancel" @click=${this.closeDialog}>
            ${this.t('cancel')}
          </button>
          <button class="lw-button danger" type="submit" value="confirm">
            ${this.t('confirm')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  // --- Controls ---

  private onPeriod = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (isLedgerPeriod(value)) this.period = value;
  };

  private onStatus = (event: Event) => {
    this.status = (event.target as HTMLSelectElement).value as StatusFilter;
    this.focusIndex = 0;
  };

  private toggleOrder = () => {
    this.order = this.order === 'descending' ? 'ascending' : 'descending';
    this.focusIndex = 0;
  };

  private move(snapshot: HoursSnapshot, steps: number) {
    this.anchor = shiftAnchor(this.currentPeriod, this.currentAnchor(snapshot), steps);
  }

  private download = () => {
    const blob = new Blob([this.toCSV()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.volunteer || 'hours'}-${this.currentPeriod}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url));
  };

  // --- Keyboard: one row in the tab order, arrows move it, focus survives recycling ---

  private get body():
    | (HTMLElement & {
        [virtualizerRef]?: {
          element(i: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } | undefined;
        };
      })
    | null {
    return this.renderRoot.querySelector('.body');
  }

  private onKeydown = (event: KeyboardEvent) => {
    const count = this.view?.rows.length ?? 0;
    const target = event.target as HTMLElement;
    const onRowOrBody = target.getAttribute('role') === 'row' || target === this.body;
    if (!onRowOrBody || count === 0) return;
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: 10,
      PageUp: -10,
    };
    let next: number;
    if (event.key in steps) next = this.focusIndex + steps[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (target === this.body && (event.key === 'Enter' || event.key === ' '))
      next = this.focusIndex;
    else return;
    event.preventDefault();
    void this.focusRow(Math.max(0, Math.min(count - 1, next)));
  };

  /** Moves the roving focus to row `index`, scrolling it into view first when virtual. */
  async focusRow(index: number): Promise<void> {
    this.focusIndex = index;
    await this.updateComplete;
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

  private onFocusIn = (event: FocusEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role=row]');
    if (!row) return;
    this.rowHadFocus = true;
    const index = Number(row.dataset.index);
    if (index !== this.focusIndex) this.focusIndex = index;
  };

  private onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    // Focus that leaves for somewhere else is gone; focus lost to a removed row is kept below.
    if (next && !this.renderRoot.contains(next)) this.rowHadFocus = false;
  };

  /** A focused row that scrolled out of the rendered range hands focus to the body. */
  private keepFocus = () => {
    requestAnimationFrame(() => {
      const body = this.body;
      if (!this.rowHadFocus || !body) return;
      const active = (this.renderRoot as ShadowRoot).activeElement;
      if (!active || !body.contains(active)) body.focus({ preventScroll: true });
    });
  };

  protected override updated(): void {
    this.keepFocus();
  }

  // --- Writes: a cancelable event first, then the live ledger ---

  private actorFor(): string | undefined {
    if (this.actor) return this.actor;
    if (!hoursWriter(this.feed.live)) return this.actor;
    this.actionError = this.t('noActor');
    return undefined;
  }

  private act(entry: HourEntry, action: Action) {
    this.focusIndex = this.view?.rows.indexOf(entry) ?? this.focusIndex;
    if (action === 'approve') {
      this.approve([entry.id]);
      return;
    }
    this.closing = { action, ids: [entry.id] };
    this.reasonError = '';
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
      const reason = dialog?.querySelector('textarea');
      if (reason) reason.value = '';
      dialog?.showModal();
    });
  }

  private approve(ids: readonly string[]) {
    const by = this.actorFor();
    if (by === undefined) return;
    const writer = hoursWriter(this.feed.live);
    this.actionError = '';
    let done = 0;
    for (const id of ids) {
      const detail: ApproveDetail = { id, by };
      if (!this.emitAction('lw-approve', detail)) continue;
      if (!writer) {
        done += 1;
        continue;
      }
      try {
        writer.approve(id, { by });
        done += 1;
      } catch (error) {
        this.actionError = this.localize.error(error);
        break;
      }
    }
    const left = new Set(this.selected);
    for (const id of ids) left.delete(id);
    this.selected = left;
    if (done > 0 && writer) this.announce(this.localize.plural(ledgerTerms, 'approvedCount', done));
  }

  private closeDialog = () => {
    this.renderRoot.querySelector('dialog')?.close();
  };

  private onDialogClose = () => {
    this.closing = null;
  };

  private onReason = (event: SubmitEvent) => {
    event.preventDefault();
    const closing = this.closing;
    if (!closing) return;
    const reason = this.renderRoot.querySelector<HTMLTextAreaElement>('#reason')!.value.trim();
    if (!reason) {
      this.reasonError = this.t('reasonNeeded');
      return;
    }
    const by = this.actorFor();
    if (by === undefined) {
      this.closeDialog();
      return;
    }
    const writer = hoursWriter(this.feed.live);
    this.actionError = '';
    for (const id of closing.ids) {
      const detail: CloseDetail = { id, by, reason };
      if (!this.emitAction(`lw-${closing.action}`, detail) || !writer) continue;
      try {
        writer[closing.action](id, { by, reason });
        this.announce(this.t(closing.action === 'reject' ? 'rejectedOne' : 'revokedOne'));
      } catch (error) {
        this.actionError = this.localize.error(error);
      }
    }
    this.closeDialog();
  };

  private onRecord(event: SubmitEvent, snapshot: HoursSnapshot) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const errors: FormErrors = {};
    // Native constraints first: a required field left empty.
    for (const control of Array.from(form.elements) as HTMLInputElement[]) {
      if (control.name && !control.checkValidity()) {
        errors[control.name as FormField] = control.validity.valueMissing
          ? this.t('needed')
          : control.validationMessage;
      }
    }
    const values = new FormData(form);
    const text = (name: FormField) => String(values.get(name) ?? '').trim();
    const volunteerId = this.team ? text('volunteer') : this.volunteer;
    const start = instantFromLocal(text('start'), snapshot.timeZone) ?? text('start');
    const end = instantFromLocal(text('end'), snapshot.timeZone) ?? text('end');
    const note = text('note');
    const input: RecordHoursInput = {
      id: `${volunteerId}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.slice(
        -120,
      ),
      volunteerId,
      activityId: text('activity'),
      start,
      end,
      recordedBy: this.actor || volunteerId,
      ...(note ? { note } : {}),
    };
    if (Object.keys(errors).length === 0) {
      try {
        checkRecord(input);
      } catch (error) {
        errors[fieldOfError(error)] = this.localize.error(error);
      }
    }
    this.formErrors = errors;
    if (Object.keys(errors).length > 0) {
      void this.focusFirstError();
      return;
    }
    if (!this.emitAction('lw-record', input)) return;
    const writer = hoursWriter(this.feed.live);
    if (!writer) {
      form.reset();
      return;
    }
    try {
      const entry = writer.record(input);
      form.reset();
      this.announce(
        this.t('recorded', {
          duration: this.localize.duration(entry.durationMinutes),
          activity: entry.activityId,
        }),
      );
    } catch (error) {
      this.formErrors = { [fieldOfError(error)]: this.localize.error(error) };
      void this.focusFirstError();
    }
  }

  private async focusFirstError() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }
}
