import { defineElement } from '../../base/define.js';
import { CaseBoard } from './case-board.component.js';

defineElement('case-board', CaseBoard);

export { CaseBoard };
export type { BoardGrouping } from './board-lanes.js';

declare global {
  interface HTMLElementTagNameMap {
    'case-board': CaseBoard;
  }
}
