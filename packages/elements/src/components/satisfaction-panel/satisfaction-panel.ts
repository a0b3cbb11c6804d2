import { defineElement } from '../../base/define.js';
import { SatisfactionPanel } from './satisfaction-panel.component.js';

defineElement('satisfaction-panel', SatisfactionPanel);

export { SatisfactionPanel };
export type { RatesFigures } from './rates-source.js';
export type { SatisfactionCompare } from './rates-compare.js';

declare global {
  interface HTMLElementTagNameMap {
    'satisfaction-panel': SatisfactionPanel;
  }
}
