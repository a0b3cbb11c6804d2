/**
 * The clock every stateful object takes. The core never reads the wall clock itself, so
 * tests and replays are exact.
 *
 * @module clock
 */
import { LanewiseError } from './errors/error.js';
import { inInstantRange, MS_PER_SECOND } from './time/constants.js';
import { instantMs } from './time/parse.js';

/**
 * Returns the current instant. In an app, pass a function that returns the current `Date`;
 * in tests and replays, a fixed or stepped clock such as {@link manualClock}.
 */
export type Clock = () => Date;

/** A start for {@link manualClock}: an ISO instant with an offset, a `Date`, or epoch ms. */
export type ClockStart = Date | string | number;

function startMs(value: ClockStart, path: string): number {
  const ms =
    typeof value === 'string'
      ? instantMs(value)
      : value instanceof Date
        ? value.getTime()
        : typeof value === 'number'
          ? value
          : NaN;
  if (!Number.isFinite(ms) || !inInstantRange(ms)) {
    throw new LanewiseError(
      'INVALID_INPUT',
      `${path}: must be an ISO 8601 instant with an offset, for example 2025-01-24T09:00:00+08:00, a Date or epoch milliseconds between 1970 and 2999`,
      {
        path: [path],
        details: {
          issues: [{ path: [path], message: 'must be an instant', reason: 'instant', params: {} }],
        },
      },
    );
  }
  return ms;
}

/**
 * One reading of a clock as epoch milliseconds. A clock that returns anything but a valid
 * `Date` inside the supported range is `INVALID_INPUT` at `['now']`, so a broken clock never
 * writes a bad instant.
 */
export function readClock(now: Clock): number {
  const reading: unknown = now();
  const ms = reading instanceof Date ? reading.getTime() : NaN;
  if (!Number.isFinite(ms) || !inInstantRange(ms)) {
    throw new LanewiseError('INVALID_INPUT', 'now: the clock did not return a valid date', {
      path: ['now'],
      details: {
        issues: [
          { path: ['now'], message: 'must return a valid date', reason: 'instant', params: {} },
        ],
      },
    });
  }
  return ms;
}

/**
 * A clock that stands still at `start` until moved: handy in tests and demos. A string must
 * carry its offset: `2025-03-01T18:00:00` alone is rejected, since the machine's zone would
 * decide what it means.
 *
 * @example
 * ```ts
 * const clock = manualClock('2025-03-01T09:00:00+08:00');
 * clock.advance({ minutes: 30 });
 * clock.now().toISOString(); // '2025-03-01T01:30:00.000Z'
 * ```
 */
export function manualClock(start: ClockStart): {
  now: Clock;
  set(to: ClockStart): void;
  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number }): void;
} {
  let current = startMs(start, 'start');
  return {
    now: () => new Date(current),
    set(to) {
      current = startMs(to, 'to');
    },
    advance({ days = 0, hours = 0, minutes = 0, seconds = 0 }) {
      const next = current + (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * MS_PER_SECOND;
      current = startMs(next, 'by');
    },
  };
}
