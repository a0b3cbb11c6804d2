// The live case book both framework pages use: the Liuzhou rule set, the State Council's
// working-day calendar and the page's clock. Each page binds it to the widgets its own way.
import { createCaseBook } from '@lanewise/core/cases';
import { cnCalendar } from '@lanewise/core/calendar';
import rules from '../../rules/liuzhou.json';

/** A new, empty case book routed by the Liuzhou rules. */
export function createStation() {
  return createCaseBook({ routing: rules, calendar: cnCalendar, now: () => new Date() });
}

export { rules };
