import { defineElement } from '../../base/define.js';
import { CaseIntake } from './case-intake.component.js';

defineElement('case-intake', CaseIntake);

export { CaseIntake };
export type { IntakeFields } from './intake-input.js';

declare global {
  interface HTMLElementTagNameMap {
    'case-intake': CaseIntake;
  }
}
