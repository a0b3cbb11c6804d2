import { defineElement } from '../../base/define.js';
import { RedemptionCatalog } from './redemption-catalog.component.js';

defineElement('redemption-catalog', RedemptionCatalog);

export { RedemptionCatalog };
export type { CancelDetail, FulfilDetail } from './pickup-desk.js';
export type { Blocked, CatalogItem, CatalogView, ReservationRow } from './catalog-view.js';

declare global {
  interface HTMLElementTagNameMap {
    'redemption-catalog': RedemptionCatalog;
  }
}
