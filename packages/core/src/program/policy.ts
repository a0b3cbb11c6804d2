import { isPlainObject } from '../internal/plain.js';
import { invalidField, parseInput } from '../schemas/parse.js';
import {
  EARNING_SCALE,
  multiplierSchema,
  multiplierTagSchema,
  pointsPerHourSchema,
} from './schemas.js';
import type { ProgramEarningRules } from './types.js';

/** The keys of a program policy that are the program's own; the point ledger's two follow. */
export const EARNING_KEYS: ReadonlySet<string> = new Set(['pointsPerHour', 'multipliers']);
export const POINTS_POLICY_KEYS: ReadonlySet<string> = new Set([
  'expireAfterMonths',
  'redemptionHoldMinutes',
]);

/** The multipliers as own keys of a prototype-free object: no tag reaches `Object.prototype`. */
function resolveMultipliers(given: unknown): Readonly<Record<string, number>> {
  const at = ['policy', 'multipliers'];
  const pairs: [unknown, unknown][] =
    given instanceof Map
      ? [...(given as Map<unknown, unknown>)]
      : isPlainObject(given)
        ? Object.keys(given).map((key) => [key, given[key]])
        : [];
  if (!(given instanceof Map) && !isPlainObject(given)) {
    throw invalidField(at, 'must be a Map or an object of multipliers by tag', 'type', {
      expected: 'object',
    });
  }
  const multipliers = Object.create(null) as Record<string, number>;
  for (const [tag, value] of pairs) {
    const key = parseInput(multiplierTagSchema, tag, at);
    multipliers[key] = parseInput(multiplierSchema, value, [...at, key]);
  }
  return Object.freeze(multipliers);
}

/** Checks the program's own policy keys and fills in the defaults: 10 points an hour, no multipliers. */
export function resolveEarning(policy: Readonly<Record<string, unknown>>): ProgramEarningRules {
  const pointsPerHour =
    policy.pointsPerHour === undefined
      ? 10
      : parseInput(pointsPerHourSchema, policy.pointsPerHour, ['policy', 'pointsPerHour']);
  const multipliers =
    policy.multipliers === undefined
      ? Object.freeze(Object.create(null) as Record<string, number>)
      : resolveMultipliers(policy.multipliers);
  return Object.freeze({ pointsPerHour, multipliers });
}

/** Splits a program policy into the program's, the hour ledger's and the point ledger's parts. */
export function splitPolicy(policy: unknown): {
  earning: Record<string, unknown>;
  hours: Record<string, unknown>;
  points: Record<string, unknown>;
} {
  const earning: Record<string, unknown> = {};
  const hours: Record<string, unknown> = {};
  const points: Record<string, unknown> = {};
  if (policy === undefined) return { earning, hours, points };
  if (!isPlainObject(policy)) {
    throw invalidField(['policy'], 'must be an object', 'type', { expected: 'object' });
  }
  for (const key of Object.keys(policy)) {
    const part = EARNING_KEYS.has(key) ? earning : POINTS_POLICY_KEYS.has(key) ? points : hours;
    // defineProperty: `__proto__` as a key stays a key, so that the ledger names it.
    Object.defineProperty(part, key, { value: policy[key], enumerable: true, writable: true });
  }
  return { earning, hours, points };
}

/** The largest multiplier among the tags, or 1 when no tag has one. */
export function multiplierFor(rules: ProgramEarningRules, tags: readonly string[]): number {
  let best: number | undefined;
  for (const tag of tags) {
    const multiplier = Object.hasOwn(rules.multipliers, tag) ? rules.multipliers[tag] : undefined;
    if (multiplier !== undefined && (best === undefined || multiplier > best)) best = multiplier;
  }
  return best ?? 1;
}

/**
 * `floor(minutes * pointsPerHour * multiplier / 60)`, computed on scaled integers, so that
 * floating point never costs a volunteer a point (9 h at 10 points and x0.7 are 63, not 62).
 *
 * @example
 * ```ts
 * pointsForMinutes({ pointsPerHour: 0.5, multipliers: {} }, 240); // 2: Huangyan, 2 h = 1 point
 * pointsForMinutes({ pointsPerHour: 10, multipliers: { elderly: 1.5 } }, 90, ['elderly']); // 22
 * ```
 */
export function pointsForMinutes(
  rules: ProgramEarningRules,
  creditedMinutes: number,
  tags: readonly string[] = [],
): number {
  const rate = Math.round(rules.pointsPerHour * EARNING_SCALE);
  const multiplier = Math.round(multiplierFor(rules, tags) * EARNING_SCALE);
  const numerator = creditedMinutes * rate * multiplier;
  const denominator = 60 * EARNING_SCALE * EARNING_SCALE;
  // Remainder first: a float division could round k - 1e-10 up to k.
  if (Number.isSafeInteger(numerator)) return (numerator - (numerator % denominator)) / denominator;
  const exact = (BigInt(creditedMinutes) * BigInt(rate) * BigInt(multiplier)) / BigInt(denominator);
  return Number(exact);
}
