import { defineElement } from '../../base/define.js';
import { VolunteerLedger } from './volunteer-ledger.component.js';

defineElement('volunteer-ledger', VolunteerLedger);

export { VolunteerLedger };
export type { ApproveDetail, CloseDetail } from './ledger-writes.js';
export type { LedgerPeriod } from './ledger-period.js';
export type { LedgerOrder, StatusFilter } from './ledger-view.js';

declare global {
  interface HTMLElementTagNameMap {
    'volunteer-ledger': VolunteerLedger;
  }
}
