import { defineElement } from '../../base/define.js';
import { LwStat } from './lw-stat.component.js';

defineElement('lw-stat', LwStat);

export { LwStat };
export type { StatData, StatTone } from './stat-data.js';

declare global {
  interface HTMLElementTagNameMap {
    'lw-stat': LwStat;
  }
}
