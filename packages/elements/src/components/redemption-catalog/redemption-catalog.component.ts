import { property } from 'lit/decorators.js';
// The redemption comes first: the bundle then keeps the point schemas ahead of the base
// element, the order that compresses best.
import { RedeemFlow } from './redeem-flow.js';
import { LanewiseElement } from '../../base/lanewise-element.js';
import type { LiveSource } from '../../controllers/live-source.js';
import { SourceController } from '../../controllers/source-controller.js';
import { dayOf } from '../points-wallet/as-of.js';
import {
  checkPointsDocument,
  pointsOfLive,
  type PointsDocument,
} from '../points-wallet/points-source.js';
import { renderStation } from './catalog-station.js';
import { catalogView, type CatalogView } from './catalog-view.js';
import { renderCatalog } from './catalog-volunteer.js';
import type { CatalogHost } from './catalog-words.js';
import { PickupDesk } from './pickup-desk.js';
import { catalogStyles } from './redemption-catalog.styles.js';
import { catalogTerms, type CatalogTerm } from './redemption-catalog.terms.js';

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

  private readonly feed = new SourceController<PointsDocument>(this, {
    check: checkPointsDocument,
    live: 'ledger',
    fromLive: pointsOfLive,
    isEmpty: (document) =>
      document.points.items.length === 0 && document.points.redemptions.length === 0,
  });

  /** The catalogue's words and its way to the events and the live ledger. */
  private readonly words: CatalogHost = {
    localize: this.localize,
    t: (key, values) => this.localize.term(catalogTerms, key, values),
    points: (count) => this.localize.plural(catalogTerms, 'points', count),
    live: () => this.feed.live,
    emit: (name, detail) => this.emitAction(name, detail),
    announce: (message) => this.announce(message),
  };

  private readonly flow = new RedeemFlow(this, {
    ...this.words,
    volunteer: () => this.volunteer,
    available: () => this.view?.available ?? 0,
  });

  private readonly desk = new PickupDesk(this, {
    ...this.words,
    by: () => this.actor || this.station,
  });

  /** The items and reservations shown now, or undefined before data is in. */
  get view(): CatalogView | undefined {
    const document = this.feed.value;
    if (!document) return undefined;
    return catalogView(document, {
      volunteer: this.volunteer,
      station: this.station,
      today: dayOf(this.asOf, document.points.timeZone),
      query: this.desk.query,
    });
  }

  private t(key: CatalogTerm) {
    return this.words.t(key);
  }

  protected override render() {
    return this.feed.render({
      skeleton: { label: true, rows: 4, columns: 3 },
      empty: { title: this.t('emptyTitle'), hint: this.t('emptyHint') },
      ready: (document) => {
        const view = this.view!;
        return this.role === 'station'
          ? renderStation(view, document.points.timeZone, this.station, this.desk, this.words)
          : renderCatalog(view, this.flow, this.words);
      },
    });
  }
}
