// Conditions read by their shape alone, without a case: for shadowed rules, rules that never
// match, and the equality index. Conditions must already have passed the checks.
import type { RoutingCondition } from './api.js';

/** True when the condition holds for every case, by its shape alone (`all: []`, ...). */
export function isAlwaysTrue(condition: RoutingCondition | undefined): boolean {
  if (condition === undefined) return true;
  if ('all' in condition) return condition.all.every(isAlwaysTrue);
  if ('any' in condition) return condition.any.some(isAlwaysTrue);
  if ('not' in condition) return isAlwaysFalse(condition.not);
  return false;
}

/** True when the condition holds for no case, by its shape alone (`any: []`, ...). */
export function isAlwaysFalse(condition: RoutingCondition | undefined): boolean {
  if (condition === undefined) return false;
  if ('all' in condition) return condition.all.some(isAlwaysFalse);
  if ('any' in condition) return condition.any.every(isAlwaysFalse);
  if ('not' in condition) return isAlwaysTrue(condition.not);
  return condition.op === 'in' && condition.value.length === 0;
}

/**
 * The values `fact` must take (by `eq` or `in`) for the condition to hold, or undefined when the
 * condition does not pin the fact down. Sound, not complete: it may say undefined too often.
 */
export function requiredValues(
  condition: RoutingCondition | undefined,
  fact: string,
): Set<unknown> | undefined {
  if (condition === undefined) return undefined;
  if ('all' in condition) {
    let narrowest: Set<unknown> | undefined;
    for (const child of condition.all) {
      const values = requiredValues(child, fact);
      if (values !== undefined && (narrowest === undefined || values.size < narrowest.size))
        narrowest = values;
    }
    return narrowest;
  }
  if ('any' in condition) {
    const union = new Set<unknown>();
    for (const child of condition.any) {
      const values = requiredValues(child, fact);
      if (values === undefined) return undefined;
      for (const value of values) union.add(value);
    }
    return union;
  }
  if ('not' in condition || condition.fact !== fact) return undefined;
  if (condition.op === 'eq') return new Set([condition.value]);
  if (condition.op === 'in') return new Set(condition.value);
  return undefined;
}

/** The facts a condition tests for equality (`eq`, `in`), outside any `not`. */
export function equalityFacts(condition: RoutingCondition | undefined, into: string[]): void {
  if (condition === undefined) return;
  if ('all' in condition) return condition.all.forEach((child) => equalityFacts(child, into));
  if ('any' in condition) return condition.any.forEach((child) => equalityFacts(child, into));
  if ('not' in condition) return;
  if (condition.op === 'eq' || condition.op === 'in') into.push(condition.fact);
}
