// A validity check of instants for the bulk loops that do not need the instant's value (a
// 721 count without a window): the same answer as `!Number.isNaN(instantMs(text))`, without
// the arithmetic, so that checking every `at` costs little more than reading it. A property
// test keeps the two in step.
import { instantMs } from '../../time/parse.js';

/** The digit at `at` (0-9), or a number above 9 when it is not a digit. */
function digit(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) >>> 0;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True when `value` is an ISO 8601 instant with an offset inside the supported range, exactly
 * when `instantMs(value)` is a number.
 */
export function isInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const text = value;
  const length = text.length;
  if (
    length < 20 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58
  ) {
    return false;
  }
  const y0 = digit(text, 0);
  const y1 = digit(text, 1);
  const y2 = digit(text, 2);
  const y3 = digit(text, 3);
  const m0 = digit(text, 5);
  const m1 = digit(text, 6);
  const d0 = digit(text, 8);
  const d1 = digit(text, 9);
  const h0 = digit(text, 11);
  const h1 = digit(text, 12);
  const i0 = digit(text, 14);
  const i1 = digit(text, 15);
  const s0 = digit(text, 17);
  const s1 = digit(text, 18);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return false;
  if (h0 > 9 || h1 > 9 || i0 > 9 || i1 > 9 || s0 > 9 || s1 > 9) return false;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (h0 * 10 + h1 > 23 || i0 > 5 || s0 > 5) return false;
  let at = 19;
  if (text.charCodeAt(at) === 46) {
    // .fff…
    at += 1;
    const from = at;
    while (at < length && digit(text, at) <= 9) at += 1;
    if (at === from) return false;
  }
  const sign = text.charCodeAt(at);
  if (sign === 90) {
    // Z
    if (at + 1 !== length) return false;
  } else {
    if ((sign !== 43 && sign !== 45) || at + 6 !== length || text.charCodeAt(at + 3) !== 58) {
      return false;
    }
    const o0 = digit(text, at + 1);
    const o1 = digit(text, at + 2);
    const o2 = digit(text, at + 4);
    const o3 = digit(text, at + 5);
    if (o0 > 9 || o1 > 9 || o2 > 5 || o3 > 9 || o0 * 10 + o1 > 23) return false;
  }
  // Inside the supported range for sure; at its edges an offset decides, so ask exactly.
  if (year > 1970 && year < 2999) return true;
  return !Number.isNaN(instantMs(text));
}
