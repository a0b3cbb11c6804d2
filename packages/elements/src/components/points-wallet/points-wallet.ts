import { defineElement } from '../../base/define.js';
import { PointsWallet } from './points-wallet.component.js';

defineElement('points-wallet', PointsWallet);

export { PointsWallet };
export type { WalletLine, WalletLineKind, WalletView, ExpiringLot } from './wallet-view.js';
export type { PointsDocument } from './points-source.js';

declare global {
  interface HTMLElementTagNameMap {
    'points-wallet': PointsWallet;
  }
}
