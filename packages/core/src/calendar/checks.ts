// The checks the calendar's methods make on their arguments, by hand: they run for every
// deadline a case book computes, and a zod parse would cost more than the arithmetic.
import type { ErrorPath } from '../errors/error.js';
import { invalidField } from '../schemas/parse.js';
import { MAX_INSTANT_MS, inInstantRange } from '../time/constants.js';
import { instantMs } from '../time/parse.js';
import { dayNumber, inDayRange, looksLikeDay } from './days.js';
import { MAX_DEADLINE_HOURS, MAX_DEADLINE_WORKING_DAYS } from './deadline.js';
import type { DeadlineSpec } from './api.js';

/** The most working days `addWorkingDays` may step, either way. */
export const MAX_WORKING_DAY_STEP = 100_000;

const LAST = new Date(MAX_INSTANT_MS - 1).toISOString().slice(0, 10);

/** The epoch milliseconds of an instant argument (ISO string with an offset, or a Date). */
export function instantArgument(value: unknown, path: ErrorPath): number {
  const ms = value instanceof Date ? value.getTime() : instantMs(value);
  if (!inInstantRange(ms))
    throw invalidField(path, 'must be an ISO 8601 instant with an offset', 'instant');
  return ms;
}

/** The day number of a day argument (`YYYY-MM-DD` from 1970-01-01 to 2999-12-31). */
export function dayArgument(value: unknown, path: ErrorPath): number {
  const day = typeof value === 'string' ? dayNumber(value) : NaN;
  if (Number.isNaN(day)) {
    throw invalidField(path, `must be a day as YYYY-MM-DD, from 1970-01-01 to ${LAST}`, 'day');
  }
  return day;
}

/** The day number of a day or instant argument, the instant read through `dayOfMs`. */
export function dayOrInstantArgument(
  value: unknown,
  path: ErrorPath,
  dayOfMs: (ms: number) => number,
): number {
  if (typeof value === 'string' && looksLikeDay(value)) return dayArgument(value, path);
  if (typeof value !== 'string' && !(value instanceof Date)) {
    throw invalidField(
      path,
      'must be a day (YYYY-MM-DD), an ISO 8601 instant with an offset, or a Date',
    );
  }
  return inRange(dayOfMs(instantArgument(value, path)), path);
}

/** A computed day, or `INVALID_INPUT` at `path` (the argument that caused it) outside the range. */
export function inRange(day: number, path: ErrorPath): number {
  if (!inDayRange(day)) {
    throw invalidField(path, `gives a day outside the supported range, 1970-01-01 to ${LAST}`);
  }
  return day;
}

/** A whole number of working days to step. */
export function stepArgument(value: unknown, path: ErrorPath): number {
  if (!Number.isSafeInteger(value))
    throw invalidField(path, 'must be a whole number', 'whole_number');
  const n = value as number;
  if (Math.abs(n) > MAX_WORKING_DAY_STEP) {
    throw invalidField(path, `must be from -${MAX_WORKING_DAY_STEP} to ${MAX_WORKING_DAY_STEP}`);
  }
  return n;
}

/** A year for `covers`: a whole number. */
export function yearArgument(value: unknown, path: ErrorPath): number {
  if (!Number.isSafeInteger(value))
    throw invalidField(path, 'must be a whole number', 'whole_number');
  return value as number;
}

const DEADLINE_SHAPE = `a deadline is { workingDays: n } with n a whole number from 0 to ${MAX_DEADLINE_WORKING_DAYS}, or { hours: n } with 0 < n <= ${MAX_DEADLINE_HOURS}`;

/** A deadline: the same rule as `deadlineSpecSchema`, own keys only. */
export function deadlineArgument(value: unknown, path: ErrorPath): DeadlineSpec {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && Object.hasOwn(value, 'workingDays')) {
      const n = (value as { workingDays: unknown }).workingDays;
      if (
        Number.isSafeInteger(n) &&
        (n as number) >= 0 &&
        (n as number) <= MAX_DEADLINE_WORKING_DAYS
      )
        return { workingDays: n as number };
    }
    if (keys.length === 1 && Object.hasOwn(value, 'hours')) {
      const n = (value as { hours: unknown }).hours;
      if (typeof n === 'number' && n > 0 && n <= MAX_DEADLINE_HOURS) return { hours: n };
    }
  }
  throw invalidField(path, DEADLINE_SHAPE);
}
