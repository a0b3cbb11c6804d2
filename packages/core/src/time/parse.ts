// Fast instant parsing for hot paths (routing, bulk metrics), where a zod parse (or a regular expression and
// Date.parse) per record would cost more than the metric itself. It accepts exactly what the
// core's `instantSchema` accepts, `YYYY-MM-DDTHH:mm:ss[.fff…](Z|±hh:mm)`, and gives what
// Date.parse gives; a property test keeps the three in step.
import type { ErrorPath } from '../errors/index.js';
import { invalidField } from '../schemas/parse.js';
import { daysFromCivil } from './civil.js';
import { MS_PER_DAY, inInstantRange } from './constants.js';

/** The two-digit number at `at`, or -1 when either character is not a digit. */
function twoDigits(text: string, at: number): number {
  const high = text.charCodeAt(at) - 48;
  const low = text.charCodeAt(at + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The instant's epoch milliseconds, or NaN when `value` is not an ISO instant with an offset
 * inside the supported range (`MIN_INSTANT_MS` to `MAX_INSTANT_MS`).
 */
export function instantMs(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const text = value;
  const length = text.length;
  if (
    length < 20 ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':' ||
    text[16] !== ':'
  ) {
    return NaN;
  }
  const century = twoDigits(text, 0);
  const yearInCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 0 || yearInCentury < 0 || month < 1 || month > 12 || day < 1) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const year = century * 100 + yearInCentury;
  if (day > daysInMonth(year, month)) return NaN;

  let at = 19;
  let millis = 0;
  if (text[at] === '.') {
    at += 1;
    const digitsFrom = at;
    while (at < length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) {
      if (at - digitsFrom < 3) millis = millis * 10 + (text.charCodeAt(at) - 48);
      at += 1;
    }
    const digits = at - digitsFrom;
    if (digits === 0) return NaN;
    if (digits === 1) millis *= 100;
    else if (digits === 2) millis *= 10;
  }
  let offsetMinutes = 0;
  if (text[at] === 'Z') {
    if (at + 1 !== length) return NaN;
  } else {
    const sign = text[at];
    if ((sign !== '+' && sign !== '-') || at + 6 !== length || text[at + 3] !== ':') return NaN;
    const offsetHours = twoDigits(text, at + 1);
    const offsetMins = twoDigits(text, at + 4);
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return NaN;
    offsetMinutes = (sign === '+' ? 1 : -1) * (offsetHours * 60 + offsetMins);
  }
  const local =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    millis;
  const ms = local - offsetMinutes * 60_000;
  return inInstantRange(ms) ? ms : NaN;
}

/**
 * Instants that are in range whatever their offset (under a day): a year from 1980 to 2899,
 * a day of the month up to the 28th, each other field in its range, in the shape `instantMs`
 * reads. Nearly every instant a ledger writes is one; one regular expression checks it
 * faster than reading its 20 to 30 characters one code at a time.
 */
const SURE_INSTANT =
  /^(?:19[89]|2[0-8]\d)\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Whether `value` is an instant: exactly when `instantMs` gives a number, for checks that
 * need no milliseconds (a document's guard, the bulk loops of the metrics). The days and years
 * near the edges are left to `instantMs`.
 */
export function isInstant(value: unknown): boolean {
  return typeof value === 'string' && (SURE_INSTANT.test(value) || !Number.isNaN(instantMs(value)));
}

/** The instant's epoch milliseconds; throws `INVALID_INPUT` at `path` when it is not one. */
export function requireInstantMs(value: unknown, path: ErrorPath): number {
  const ms = instantMs(value);
  if (Number.isNaN(ms)) {
    throw invalidField(path, 'must be an ISO 8601 instant with an offset', 'instant');
  }
  return ms;
}
