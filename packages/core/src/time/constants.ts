// Milliseconds in the units the core counts in, and the instants it supports.

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/**
 * The supported range of instants, 1970-01-01T00:00:00Z up to (not including)
 * 3000-01-01T00:00:00Z. Inside it every zone's offset is a whole number of minutes, years have
 * four digits, and deadlines computed from an instant stay far from the limits of `Date`.
 */
export const MIN_INSTANT_MS = 0;
export const MAX_INSTANT_MS = 32_503_680_000_000;

/** Whether epoch milliseconds lie in the supported range. */
export function inInstantRange(ms: number): boolean {
  return ms >= MIN_INSTANT_MS && ms < MAX_INSTANT_MS;
}
