// Reads: from the three sums of a 721 count to the figures a station is judged by. Both
// `ratio721` and a tracker's snapshot are made here.
import type { TrackerState } from './apply.js';
import type { Ratio721Result, Ratio721Status, RatioByKind } from './types.js';

// Shares are compared with a little slack, so that 75 of 100 is exactly 5 points off 70%
// although 0.75 - 0.7 is 0.05000000000000004 in floating point.
const SLACK = 1e-9;

/**
 * The least `x ≥ 0` with `(service + x) / (total + x) ≥ target`: the service actions still
 * needed. The closed form is corrected by a step either way against rounding.
 */
export function serviceNeededFor(service: number, total: number, target: number): number {
  if (total === 0) return target > 0 ? 1 : 0;
  const reached = (x: number) => service + x >= target * (total + x) - SLACK * (total + x);
  let x = Math.max(0, Math.ceil((target * total - service) / (1 - target)));
  // Rounding moves the answer by one at most; the steps are bounded for absurd weights
  // (beyond 2^53, x + 1 is x).
  for (let step = 0; step < 3 && x > 0 && reached(x - 1); step++) x -= 1;
  for (let step = 0; step < 3 && !reached(x); step++) x += 1;
  return x;
}

/** The figures of the three sums against `target` and `tolerance`. */
export function summarize721(
  service: number,
  manage: number,
  enforce: number,
  target: RatioByKind,
  tolerance: number,
): Ratio721Result {
  const total = service + manage + enforce;
  const shares = {
    service: total > 0 ? service / total : 0,
    manage: total > 0 ? manage / total : 0,
    enforce: total > 0 ? enforce / total : 0,
  };
  const gaps = [
    Math.abs(shares.service - target.service),
    Math.abs(shares.manage - target.manage),
    Math.abs(shares.enforce - target.enforce),
  ];
  const status: Ratio721Status = gaps.some((gap) => gap > 2 * tolerance + SLACK)
    ? 'off-target'
    : gaps.every((gap) => gap <= tolerance + SLACK)
      ? 'on-target'
      : 'drifting';
  return {
    total,
    counts: { service, manage, enforce },
    shares,
    deviation: {
      service: (shares.service - target.service) * 100,
      manage: (shares.manage - target.manage) * 100,
      enforce: (shares.enforce - target.enforce) * 100,
    },
    status,
    serviceNeeded: serviceNeededFor(service, total, target.service),
    target: { service: target.service, manage: target.manage, enforce: target.enforce },
    tolerance,
  };
}

/** A tracker's snapshot: the 721 figures of its sums, deeply frozen (it is handed out as is). */
export function trackerSnapshot(
  state: TrackerState,
  target: RatioByKind,
  tolerance: number,
): Ratio721Result {
  const { service, manage, enforce } = state.sums;
  const result = summarize721(service, manage, enforce, target, tolerance);
  Object.freeze(result.counts);
  Object.freeze(result.shares);
  Object.freeze(result.deviation);
  Object.freeze(result.target);
  return Object.freeze(result);
}
