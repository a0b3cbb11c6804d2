/**
 * The clock every stateful object takes. The core never reads the wall clock itself, so
 * tests and replays are exact.
 *
 * @module clock
 */

/**
 * Returns the current instant. In an app, pass a function that returns the current `Date`;
 * in tests and replays, a fixed or stepped clock such as {@link manualClock}.
 */
export type Clock = () => Date;

/**
 * A clock that stands still at `start` until moved: handy in tests and demos.
 *
 * @example
 * ```ts
 * const clock = manualClock('2025-03-01T09:00:00+08:00');
 * clock.advance({ minutes: 30 });
 * clock.now().toISOString(); // '2025-03-01T01:30:00.000Z'
 * ```
 */
export function manualClock(start: Date | string | number): {
  now: Clock;
  set(to: Date | string | number): void;
  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number }): void;
} {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new RangeError(`manualClock: not a date: ${String(start)}`);
  return {
    now: () => new Date(current),
    set(to) {
      current = new Date(to).getTime();
    },
    advance({ days = 0, hours = 0, minutes = 0, seconds = 0 }) {
      current += (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
    },
  };
}
