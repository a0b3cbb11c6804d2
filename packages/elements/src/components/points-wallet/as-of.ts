import { dayIn } from '../volunteer-ledger/zone-time.js';

/**
 * The day an `as-of` attribute names (`YYYY-MM-DD`, or an instant), or today, in the
 * ledger's zone: the day the point widgets count expiry and limits from.
 */
export function dayOf(asOf: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return asOf;
  const ms = asOf ? Date.parse(asOf) : NaN;
  return dayIn(Number.isNaN(ms) ? Date.now() : ms, timeZone);
}
