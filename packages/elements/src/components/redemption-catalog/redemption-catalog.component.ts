import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  redemptionInputSchema,
  type Redemption,
  type RedemptionInput,
} from '@lanewise/core/points';
import { LanewiseElement } from '../../base/lanewise-element.js';
import { fromSchema } from '../../controllers/from-schema.js';
import type { LiveSource } from '../../controllers/live-source.js';
import { SourceController } from '../../controllers/source-controller.js';
import { dayOf } from '../points-wallet/as-of.js';
import {
  checkPointsDocument,
  pointsOfLive,
  pointsWriter,
  type PointsDocument,
} from '../points-wallet/points-source.js';
import {
  catalogView,
  type Blocked,
  type CatalogItem,
  type CatalogView,
  type ReservationRow,
} from './catalog-view.js';
import { catalogStyles } from './redemption-catalog.styles.js';
import { catalogTerms } from './redemption-catalog.terms.js';

const checkRedemption = fromSchema(redemptionInputSchema);

type TermKey = keyof typeof catalogTerms.en & string;
type Values = Record<string, string | number>;

/** The `detail` of `lw-fulfil`. */
export interface FulfilDetail {
  readonly id: string;
  readonly by: string;
}

/** The `detail` of `lw-cancel`. */
export interface CancelDetail {
  readonly id: string;
  readonly reason: string;
}

/** What the widget shows after a redemption went out. */
type Outcome =
  | { readonly kind: 'reserved'; readonly redemption: Redemption; readonly itemName: string }
  | { readonly kind: 'sent'; readonly input: RedemptionInput; readonly itemName: string };

/** A redemption id no other call makes: the volunteer, the time and a random tail. */
function newRedemptionId(volunteer: string): string {
  const tail = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return `${volunteer.slice(0, 180)}-${tail}`;
}

/**
 * The redemption catalogue. For a volunteer: each item with its cost, stock, station and what
 * the volunteer may still take this period; redeeming asks to confirm, then shows the pickup
 * code large with a copy button; an item that cannot be taken says why ("还差 40 积分", out
 * of stock, limit reached for this quarter). With `role="station"`: the station's open
 * reservations, found by pickup code, to hand out or cancel.
 *
 * @summary Points redemption: the catalogue, pickup codes, and a station's pickups.
 *
 * @tag redemption-catalog
 *
 * @csspart base - The whole widget.
 * @csspart items - The list of items.
 * @csspart item - One item.
 * @csspart cost - An item's cost.
 * @csspart redeem - An item's redeem button.
 * @csspart blocked - Why an item cannot be taken.
 * @csspart dialog - The confirm and cancel dialogs.
 * @csspart field-error - The message beside a field.
 * @csspart pickup - The pickup code panel after a redemption.
 * @csspart code - The pickup code.
 * @csspart copy - The copy button.
 * @csspart search - The pickup-code search box.
 * @csspart reservations - The station's list of open reservations.
 * @csspart reservation - One open reservation.
 * @csspart fulfil - A reservation's hand-out button.
 * @csspart cancel - A reservation's cancel button.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error box (`role="alert"`).
 *
 * @cssprop --lw-color-accent - Buttons, costs and the pickup code.
 * @cssprop --lw-color-surface-raised - Background of the item cards.
 * @cssprop --lw-catalog-min-card - Narrowest width of an item card (15rem).
 *
 * @event lw-redeem - Before a redemption; `detail` is the `RedemptionInput` (`{ id, volunteerId, itemId, quantity }`). Cancelable.
 * @event lw-fulfil - Before a station hands an item out; `detail` is `{ id, by }`. Cancelable.
 * @event lw-cancel - Before a station cancels a reservation; `detail` is `{ id, reason }`. Cancelable.
 * @event lw-load - The document or live snapshot is in; `detail` is the point document.
 * @event lw-error - The data could not be had; `detail.message` says why.
 *
 * @example
 * ```html
 * <redemption-catalog src="/points.json" volunteer="v-li-hua"></redemption-catalog>
 * <redemption-catalog src="/points.json" role="station" station="huana-station"></redemption-catalog>
 * ```
 */
export class RedemptionCatalog extends LanewiseElement {
  /** The base styles and the catalogue's own. */
  static override styles = [...(LanewiseElement.styles as []), catalogStyles];

  /** The volunteer who redeems; without it, items are shown but cannot be redeemed. */
  @property() volunteer = '';

  /** Only this station's items (and, for `role="station"`, its reservations). */
  @property() station = '';

  /** `volunteer` (default) redeems; `station` hands out and cancels reservations. */
  @property() override role: 'volunteer' | 'station' = 'volunteer';

  /** Who hands items out, written as `by` of a fulfilment; the station by default. */
  @property() actor = '';

  /** The day limits are counted on (`YYYY-MM-DD` or an instant); today by default. */
  @property({ attribute: 'as-of' }) asOf = '';

  /** URL of a JSON point-ledger or programme snapshot. */
  @property() src = '';

  /** A point-ledger or programme snapshot; the last of `src`, `data` and `ledger` set wins. */
  @property({ attribute: false }) data: unknown;

  /** A live point ledger or volunteer programme: redemptions go through it. */
  @property({ attribute: false }) ledger: LiveSource | undefined;

  @state() private confirming: CatalogItem | null = null;
  @state() private quantity = 1;
  @state() private quantityError = '';
  @state() private outcome: Outcome | null = null;
  @state() private copyMessage = '';
  @state() private query = '';
  @state() private cancelling: ReservationRow | null = null;
  @state() private reasonError = '';
  @state() private rowErrors: ReadonlyMap<string, string> = new Map();

  private readonly feed = new SourceController<PointsDocument>(this, {
    check: checkPointsDocument,
    live: 'ledger',
    fromLive: pointsOfLive,
    isEmpty: (document) =>
      document.points.items.length === 0 && document.points.redemptions.length === 0,
  });

  /** The items and reservations shown now, or undefined before data is in. */
  get view(): CatalogView | undefined {
    const document = this.feed.value;
    if (!document) return undefined;
    return catalogView(document, {
      volunteer: this.volunteer,
      station: this.station,
      today: dayOf(this.asOf, document.points.timeZone),
      query: this.query,
    });
  }

  private t(key: TermKey, values?: Values) {
    return this.localize.term(catalogTerms, key, values);
  }

  private points(count: number) {
    return this.localize.plural(catalogTerms, 'points', count);
  }

  private get isStation(): boolean {
    return this.role === 'station';
  }

  protected override render() {
    return this.feed.render({
      skeleton: { label: true, rows: 4, columns: 3 },
      empty: { title: this.t('emptyTitle'), hint: this.t('emptyHint') },
      ready: (document) => {
        const view = this.view!;
        return this.isStation ? this.renderStation(document, view) : this.renderCatalog(view);
      },
    });
  }

  // --- Volunteer: the catalogue ---

  private blockedText(blocked: Blocked): string {
    switch (blocked.reason) {
      case 'points':
        return this.localize.plural(catalogTerms, 'needPoints', blocked.missing);
      case 'stock':
        return this.t('outOfStock');
      case 'limit':
        return this.t(
          blocked.per === 'month'
            ? 'limitMonth'
            : blocked.per === 'quarter'
              ? 'limitQuarter'
              : 'limitYear',
        );
      case 'volunteer':
        return this.t('needVolunteer');
    }
  }

  private renderCatalog(view: CatalogView) {
    return html`<section part="base" class="catalog" aria-labelledby="title">
      <div class="head">
        <h2 id="title" class="title">${this.t('title')}</h2>
        ${
          view.available === null
            ? nothing
            : html`<p class="balance">
                ${this.t('available', { points: this.points(view.available) })}
              </p>`
        }
      </div>
      ${this.outcome ? this.renderOutcome(this.outcome) : nothing}
      ${
        view.items.length === 0
          ? html`<p class="no-rows">${this.t('noItems')}</p>`
          : html`<ul part="items" class="items">
              ${view.items.map((entry, index) => this.renderItem(entry, index))}
            </ul>`
      }
      ${this.renderConfirm(view)}
    </section>`;
  }

  private renderItem(entry: CatalogItem, index: number) {
    const { item, remaining, blocked } = entry;
    const reasonId = `blocked-${index}`;
    return html`<li part="item" class="item ${blocked ? 'is-blocked' : ''}">
      <h3 class="name">${item.name}</h3>
      <p part="cost" class="cost">${this.points(item.cost)}</p>
      <ul class="facts">
        <li>${this.t('stock', { count: this.localize.number(item.stock) })}</li>
        <li>${this.t('station', { station: item.stationId })}</li>
        ${
          item.limit && remaining !== null
            ? html`<li>
                ${this.t('limitLeft', {
                  count: item.limit.count,
                  per: this.t(item.limit.per),
                  left: remaining,
                })}
              </li>`
            : nothing
        }
      </ul>
      <div class="act">
        <button
          class="lw-button primary"
          part="redeem"
          type="button"
          ?disabled=${blocked !== undefined}
          aria-label=${this.t('redeemItem', { item: item.name })}
          aria-describedby=${blocked ? reasonId : nothing}
          @click=${() => this.openConfirm(entry)}
        >
          ${this.t('redeem')}
        </button>
        ${
          blocked
            ? html`<p part="blocked" class="blocked" id=${reasonId}>
                ${this.blockedText(blocked)}
              </p>`
            : nothing
        }
      </div>
    </li>`;
  }

  private renderConfirm(view: CatalogView) {
    const entry = this.confirming;
    const item = entry?.item;
    const total = item ? item.cost * this.quantity : 0;
    return html`<dialog
      part="dialog"
      class="confirm"
      aria-labelledby="confirm-title"
      @close=${this.onConfirmClose}
    >
      ${
        item
          ? html`<form
              method="dialog"
              novalidate
              @submit=${(event: SubmitEvent) => this.onRedeem(event)}
            >
              <h3 id="confirm-title">${this.t('confirmTitle', { item: item.name })}</h3>
              <p class="dialog-text">
                ${this.t('confirmText', {
                  cost: this.points(item.cost),
                  available: this.points(view.available ?? 0),
                })}
              </p>
              <label for="quantity">${this.t('quantity')}</label>
              <input
                id="quantity"
                name="quantity"
                type="number"
                inputmode="numeric"
                min="1"
                step="1"
                required
                .value=${String(this.quantity)}
                aria-invalid=${this.quantityError ? 'true' : 'false'}
                aria-describedby=${this.quantityError ? 'quantity-error total' : 'total'}
                @input=${this.onQuantity}
              />
              ${
                this.quantityError
                  ? html`<p class="field-error" part="field-error" id="quantity-error" role="alert">
                      ${this.quantityError}
                    </p>`
                  : nothing
              }
              <p class="total" id="total">
                ${this.t('total', { points: this.points(Number.isFinite(total) ? total : 0) })}
              </p>
              <div class="dialog-buttons">
                <button class="lw-button" type="button" @click=${this.closeConfirm}>
                  ${this.t('cancel')}
                </button>
                <button class="lw-button primary" type="submit">${this.t('confirm')}</button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }

  private renderOutcome(outcome: Outcome) {
    if (outcome.kind === 'sent') {
      return html`<div part="pickup" class="pickup sent" tabindex="-1">
        <p class="pickup-title">
          ${this.t('sent', { item: outcome.itemName, quantity: outcome.input.quantity })}
        </p>
        <button class="lw-button" type="button" @click=${this.closeOutcome}>
          ${this.t('close')}
        </button>
      </div>`;
    }
    const { redemption, itemName } = outcome;
    return html`<div
      part="pickup"
      class="pickup"
      tabindex="-1"
      role="group"
      aria-labelledby="pickup-title"
    >
      <p class="pickup-title" id="pickup-title">
        ${this.t('pickupTitle', { item: itemName, quantity: redemption.quantity })}
      </p>
      <p class="code-label">${this.t('pickupCode')}</p>
      <p part="code" class="code" translate="no">${redemption.pickupCode}</p>
      <p class="pickup-hint">${this.t('pickupHint', { station: redemption.stationId })}</p>
      <div class="pickup-buttons">
        <button class="lw-button primary" part="copy" type="button" @click=${this.copyCode}>
          ${this.t('copy')}
        </button>
        <button class="lw-button" type="button" @click=${this.closeOutcome}>
          ${this.t('close')}
        </button>
      </div>
      ${this.copyMessage ? html`<p class="copy-message">${this.copyMessage}</p>` : nothing}
    </div>`;
  }

  private openConfirm(entry: CatalogItem) {
    this.confirming = entry;
    this.quantity = 1;
    this.quantityError = '';
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
      if (dialog && !dialog.open) dialog.showModal();
      this.renderRoot.querySelector<HTMLInputElement>('#quantity')?.focus();
    });
  }

  private closeConfirm = () => {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm')?.close();
  };

  private onConfirmClose = () => {
    this.confirming = null;
  };

  private onQuantity = (event: Event) => {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    this.quantity = Number.isFinite(value) ? value : NaN;
    this.quantityError = '';
  };

  private onRedeem(event: SubmitEvent) {
    event.preventDefault();
    const entry = this.confirming;
    if (!entry) return;
    const { item } = entry;
    const field = this.renderRoot.querySelector<HTMLInputElement>('#quantity');
    if (field && field.value.trim() === '') {
      this.quantityError = this.t('needed');
      return;
    }
    const input: RedemptionInput = {
      id: newRedemptionId(this.volunteer),
      volunteerId: this.volunteer,
      itemId: item.id,
      quantity: this.quantity,
    };
    try {
      checkRedemption(input);
    } catch (error) {
      this.quantityError = this.localize.error(error);
      return;
    }
    const message = this.quantityProblem(entry, input.quantity);
    if (message) {
      this.quantityError = message;
      return;
    }
    if (!this.emitAction('lw-redeem', input)) return;
    const writer = pointsWriter(this.feed.live);
    if (!writer) {
      this.showOutcome({ kind: 'sent', input, itemName: item.name });
      this.announce(this.t('sent', { item: item.name, quantity: input.quantity }));
      return;
    }
    try {
      const redemption = writer.redeem(input);
      this.showOutcome({ kind: 'reserved', redemption, itemName: item.name });
      this.announce(this.t('redeemed', { item: item.name, code: redemption.pickupCode }));
    } catch (error) {
      this.quantityError = this.localize.error(error);
    }
  }

  /**
   * What the catalogue shown already says against this quantity: stock, the period's limit,
   * the points. The core checks again when it redeems, against the ledger as it is then.
   */
  private quantityProblem(entry: CatalogItem, quantity: number): string {
    const { item, remaining } = entry;
    if (quantity > item.stock) return this.t('stockOnly', { count: item.stock });
    if (remaining !== null && quantity > remaining) {
      return this.t('limitOnly', { count: remaining, per: this.t(item.limit!.per) });
    }
    const missing = item.cost * quantity - (this.view?.available ?? 0);
    return missing > 0 ? this.localize.plural(catalogTerms, 'needPoints', missing) : '';
  }

  private showOutcome(outcome: Outcome) {
    this.outcome = outcome;
    this.copyMessage = '';
    this.closeConfirm();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part=pickup]')?.focus(),
    );
  }

  private closeOutcome = () => {
    this.outcome = null;
  };

  private copyCode = async () => {
    const outcome = this.outcome;
    if (outcome?.kind !== 'reserved') return;
    const code = outcome.redemption.pickupCode;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      this.copyMessage = this.t('copied');
    } catch {
      this.copyMessage = this.t('copyFailed');
      // Select the code, so that copying by hand is one keystroke away.
      const node = this.renderRoot.querySelector('[part=code]');
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }
    this.announce(this.copyMessage);
  };

  // --- Station: open reservations ---

  private renderStation(document: PointsDocument, view: CatalogView) {
    const timeZone = document.points.timeZone;
    const title = this.station
      ? this.t('stationTitle', { station: this.station })
      : this.t('allStationsTitle');
    return html`<section part="base" class="station" aria-labelledby="title">
      <h2 id="title" class="title">${title}</h2>
      <div class="search">
        <label for="search">${this.t('search')}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="search-hint"
          .value=${this.query}
          @input=${this.onSearch}
        />
        <p class="search-hint" id="search-hint">${this.t('searchHint')}</p>
      </div>
      ${
        view.reservations.length === 0
          ? html`<p class="no-rows" role="status">
              ${this.query ? this.t('noMatch', { query: this.query }) : this.t('noReservations')}
            </p>`
          : html`<ul part="reservations" class="reservations" aria-label=${this.t('reservations')}>
              ${view.reservations.map((row) => this.renderReservation(row, timeZone))}
            </ul>`
      }
      ${this.renderCancel()}
    </section>`;
  }

  private renderReservation(row: ReservationRow, timeZone: string) {
    const { redemption } = row;
    const error = this.rowErrors.get(redemption.id);
    const errorId = `row-error-${redemption.id}`;
    return html`<li part="reservation" class="reservation">
      <p class="code small" translate="no">
        <span class="lw-visually-hidden">${this.t('code')} </span>${redemption.pickupCode}
      </p>
      <div class="details">
        <p class="what">${row.itemName} × ${redemption.quantity}</p>
        <p class="meta">
          <span>${this.t('volunteerIs', { volunteer: redemption.volunteerId })}</span>
          <span>${this.points(redemption.amount)}</span>
          <span
            >${this.t('reservedOn', {
              time: this.localize.dateTime(redemption.reservedAt, { timeZone }),
            })}</span
          >
          ${
            row.timeoutAt
              ? html`<span
                  >${this.t('holdUntil', {
                    time: this.localize.dateTime(row.timeoutAt, { timeZone }),
                  })}</span
                >`
              : nothing
          }
        </p>
        ${error ? html`<p class="field-error" part="field-error" id=${errorId} role="alert">${error}</p>` : nothing}
      </div>
      <div class="row-buttons">
        <button
          class="lw-button primary"
          part="fulfil"
          type="button"
          aria-label=${this.t('fulfilItem', { item: row.itemName, code: redemption.pickupCode })}
          aria-describedby=${error ? errorId : nothing}
          @click=${() => this.fulfil(row)}
        >
          ${this.t('fulfil')}
        </button>
        <button
          class="lw-button"
          part="cancel"
          type="button"
          aria-label=${this.t('cancelItem', { code: redemption.pickupCode })}
          @click=${() => this.openCancel(row)}
        >
          ${this.t('cancelReservation')}
        </button>
      </div>
    </li>`;
  }

  private renderCancel() {
    const row = this.cancelling;
    return html`<dialog
      part="dialog"
      class="cancel"
      aria-labelledby="cancel-title"
      @close=${this.onCancelClose}
    >
      ${
        row
          ? html`<form method="dialog" novalidate @submit=${this.onCancel}>
              <h3 id="cancel-title">
                ${this.t('cancelTitle', { code: row.redemption.pickupCode })}
              </h3>
              <label for="reason">${this.t('reason')}</label>
              <textarea
                id="reason"
                name="reason"
                rows="3"
                required
                maxlength="1000"
                aria-invalid=${this.reasonError ? 'true' : 'false'}
                aria-describedby=${this.reasonError ? 'reason-error' : nothing}
              ></textarea>
              ${
                this.reasonError
                  ? html`<p class="field-error" part="field-error" id="reason-error" role="alert">
                      ${this.reasonError}
                    </p>`
                  : nothing
              }
              <div class="dialog-buttons">
                <button class="lw-button" type="button" @click=${this.closeCancel}>
                  ${this.t('keep')}
                </button>
                <button class="lw-button danger" type="submit">${this.t('confirmCancel')}</button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }

  private onSearch = (event: Event) => {
    this.query = (event.target as HTMLInputElement).value;
  };

  private setRowError(id: string, message: string) {
    const next = new Map(this.rowErrors);
    if (message) next.set(id, message);
    else next.delete(id);
    this.rowErrors = next;
  }

  private fulfil(row: ReservationRow) {
    const { redemption } = row;
    const detail: FulfilDetail = {
      id: redemption.id,
      by: this.actor || this.station || redemption.stationId,
    };
    this.setRowError(redemption.id, '');
    if (!this.emitAction('lw-fulfil', detail)) return;
    const writer = pointsWriter(this.feed.live);
    if (!writer) return;
    try {
      writer.fulfil(detail.id, { by: detail.by });
      this.announce(this.t('fulfilled', { item: row.itemName, code: redemption.pickupCode }));
    } catch (error) {
      this.setRowError(redemption.id, this.localize.error(error));
    }
  }

  private openCancel(row: ReservationRow) {
    this.cancelling = row;
    this.reasonError = '';
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.cancel');
      const reason = dialog?.querySelector('textarea');
      if (reason) reason.value = '';
      if (dialog && !dialog.open) dialog.showModal();
    });
  }

  private closeCancel = () => {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.cancel')?.close();
  };

  private onCancelClose = () => {
    this.cancelling = null;
  };

  private onCancel = (event: SubmitEvent) => {
    event.preventDefault();
    const row = this.cancelling;
    if (!row) return;
    const reason = this.renderRoot.querySelector<HTMLTextAreaElement>('#reason')!.value.trim();
    if (!reason) {
      this.reasonError = this.t('reasonNeeded');
      return;
    }
    const { redemption } = row;
    const detail: CancelDetail = { id: redemption.id, reason };
    if (!this.emitAction('lw-cancel', detail)) {
      this.closeCancel();
      return;
    }
    const writer = pointsWriter(this.feed.live);
    if (writer) {
      try {
        writer.cancel(detail.id, { reason });
        this.announce(this.t('cancelled', { code: redemption.pickupCode }));
      } catch (error) {
        this.reasonError = this.localize.error(error);
        return;
      }
    }
    this.closeCancel();
  };
}
