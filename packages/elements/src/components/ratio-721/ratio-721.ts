import { defineElement } from '../../base/define.js';
import { Ratio721 } from './ratio-721.component.js';

defineElement('ratio-721', Ratio721);

export { Ratio721 };
export type { RatioFigures } from './ratio-source.js';

declare global {
  interface HTMLElementTagNameMap {
    'ratio-721': Ratio721;
  }
}
