import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
// The row keys and the writes come first: the bundle then keeps the virtualizer and the hour
// schemas ahead of the base element, the order that compresses best.
import { RowFocus } from './row-focus.js';
import { LedgerWrites } from './ledger-writes.js';
import type { HourEntry, HoursSnapshot } from '@lanewise/core/hours';
import { figureCardStyles } from '../../base/figure-card.js';
import { LanewiseElement } from '../../base/lanewise-element.js';
import type { LiveSource } from '../../controllers/live-source.js';
import { SourceController } from '../../controllers/source-controller.js';
import { entriesToCsv, type CsvHeadings } from './ledger-csv.js';
import { renderRecordForm } from './ledger-form.js';
import { isLedgerPeriod, shiftAnchor, type LedgerPeriod } from './ledger-period.js';
import type { RowContext } from './ledger-row.js';
import { checkLedgerDocument, hoursOfLive } from './ledger-source.js';
import { renderSummary } from './ledger-summary.js';
import { renderTable } from './ledger-table.js';
import { renderToolbar } from './ledger-toolbar.js';
import {
  distinctValues,
  ledgerView,
  type LedgerOrder,
  type LedgerView,
  type StatusFilter,
} from './ledger-view.js';
import { renderReasonDialog } from './reason-dialog.js';
import { ledgerStyles } from './volunteer-ledger.styles.js';
import { ledgerTerms, type LedgerTerm } from './volunteer-ledger.terms.js';
import { dayIn, localInputValue } from './zone-time.js';

type Action = 'approve' | 'reject' | 'revoke';

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
  static override styles = [...(LanewiseElement.styles as []), figureCardStyles, ledgerStyles];

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

  private readonly feed = new SourceController<HoursSnapshot>(this, {
    check: checkLedgerDocument,
    live: 'ledger',
    fromLive: hoursOfLive,
    isEmpty: (snapshot) => snapshot.entries.length === 0,
  });

  private readonly rowFocus = new RowFocus(this, () => this.view?.rows.length ?? 0);

  private readonly writes = new LedgerWrites(this, {
    live: () => this.feed.live,
    actor: () => this.actor,
    volunteer: () => this.volunteer,
    localize: this.localize,
    t: (key, values) => this.t(key, values),
    emit: (name, detail) => this.emitAction(name, detail),
    announce: (message) => this.announce(message),
  });

  private memo: { key: unknown[]; view: LedgerView } | undefined;

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
    const t = (key: LedgerTerm) => this.t(key);
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

  /** Moves the roving focus to row `index`, scrolling it into view first when virtual. */
  focusRow(index: number): Promise<void> {
    return this.rowFocus.focus(index);
  }

  private t(key: LedgerTerm, values?: Record<string, string | number>) {
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
      this.rowFocus.index = 0;
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
    const t = (key: LedgerTerm, values?: Record<string, string>) => this.t(key, values);
    const actionError = this.writes.actionError;
    return html`<section part="base" class="ledger" aria-labelledby="title">
      <h2 id="title" class="title">
        ${this.team ? this.t('teamTitle') : this.t('title')}${
          this.team ? nothing : html`<span class="who">${this.volunteer}</span>`
        }
      </h2>
      ${renderSummary(view, this.localize, t)}
      ${renderToolbar({
        period: this.currentPeriod,
        range: view.range,
        status: this.status,
        organizer: this.organizer,
        selectedCount: this.selected.size,
        localize: this.localize,
        t,
        onPeriod: this.onPeriod,
        onStatus: this.onStatus,
        onMove: (steps) => this.move(snapshot, steps),
        onApproveSelected: () => this.approve([...this.selected]),
        onExport: this.download,
      })}
      ${this.editable ? this.renderForm(snapshot) : nothing}
      ${
        actionError
          ? html`<p class="action-error" role="alert" part="action-error">${actionError}</p>`
          : nothing
      }
      ${renderTable({
        rows: view.rows,
        row: this.rowContext(snapshot),
        order: this.order,
        focus: this.rowFocus,
        t,
        onToggleOrder: this.toggleOrder,
      })}
      ${renderReasonDialog(this.writes, t)}
    </section>`;
  }

  private renderForm(snapshot: HoursSnapshot) {
    return renderRecordForm({
      team: this.team,
      errors: this.writes.formErrors,
      activities: distinctValues(snapshot, 'activityId'),
      volunteers: this.team ? distinctValues(snapshot, 'volunteerId') : [],
      zoneNote: this.t('zone', { zone: snapshot.timeZone }),
      label: (key) => this.t(key),
      onSubmit: (event) => this.writes.record(event, snapshot.timeZone),
    });
  }

  private rowContext(snapshot: HoursSnapshot): RowContext {
    const timeZone = snapshot.timeZone;
    return {
      team: this.team,
      organizer: this.organizer,
      focusIndex: this.rowFocus.index,
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

  // --- Controls ---

  private onPeriod = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (isLedgerPeriod(value)) this.period = value;
  };

  private onStatus = (event: Event) => {
    this.status = (event.target as HTMLSelectElement).value as StatusFilter;
    this.rowFocus.index = 0;
  };

  private toggleOrder = () => {
    this.order = this.order === 'descending' ? 'ascending' : 'descending';
    this.rowFocus.index = 0;
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

  // --- Writes: a cancelable event first, then the live ledger ---

  private act(entry: HourEntry, action: Action) {
    this.rowFocus.set(this.view?.rows.indexOf(entry) ?? this.rowFocus.index);
    if (action === 'approve') this.approve([entry.id]);
    else this.writes.ask(action, [entry.id]);
  }

  private approve(ids: readonly string[]) {
    if (!this.writes.approve(ids)) return;
    const left = new Set(this.selected);
    for (const id of ids) left.delete(id);
    this.selected = left;
  }
}
