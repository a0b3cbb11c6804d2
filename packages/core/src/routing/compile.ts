// Conditions compiled to closures. Operator semantics are strict: no type coercion, and a
// missing fact (undefined) only satisfies `ne`, `nin` and `exists: false`. Conditions and
// patterns must already have passed the checks of checks.ts.
import { compileFact } from './facts.js';
import { patternText } from './patterns.js';
import type { RoutingCondition, RoutingLeaf } from './api.js';

/** A compiled condition. */
export type CaseTest = (input: unknown) => boolean;

/** A predicate on a fact's value. */
export type ValueTest = (value: unknown) => boolean;

type Comparable = number | string;

/** A comparison that holds only between values of the same type (number with number, string with string). */
function compare(expected: Comparable, holds: (actual: Comparable) => boolean): ValueTest {
  const type = typeof expected;
  return (actual) => typeof actual === type && holds(actual as Comparable);
}

/** Compiles a leaf's operator and value. */
export function compileOperator(leaf: RoutingLeaf): ValueTest {
  switch (leaf.op) {
    case 'eq': {
      const expected = leaf.value;
      return (actual) => actual === expected;
    }
    case 'ne': {
      const expected = leaf.value;
      return (actual) => actual !== expected;
    }
    case 'in': {
      const set = new Set<unknown>(leaf.value);
      return (actual) => set.has(actual);
    }
    case 'nin': {
      const set = new Set<unknown>(leaf.value);
      return (actual) => !set.has(actual);
    }
    case 'lt': {
      const bound = leaf.value;
      return compare(bound, (actual) => actual < bound);
    }
    case 'lte': {
      const bound = leaf.value;
      return compare(bound, (actual) => actual <= bound);
    }
    case 'gt': {
      const bound = leaf.value;
      return compare(bound, (actual) => actual > bound);
    }
    case 'gte': {
      const bound = leaf.value;
      return compare(bound, (actual) => actual >= bound);
    }
    case 'between': {
      const [low, high] = leaf.value;
      return compare(low, (actual) => actual >= low && actual <= high);
    }
    case 'contains': {
      const needle = leaf.value;
      return (actual) => {
        if (Array.isArray(actual)) return actual.includes(needle);
        return typeof actual === 'string' && typeof needle === 'string' && actual.includes(needle);
      };
    }
    case 'startsWith': {
      const prefix = leaf.value;
      return (actual) => typeof actual === 'string' && actual.startsWith(prefix);
    }
    case 'matches': {
      // Flags are limited to i, m, s, u, v: no g or y, so `test` keeps no state between cases.
      const pattern = new RegExp(leaf.value, leaf.flags ?? '');
      return (actual) => typeof actual === 'string' && pattern.test(patternText(actual));
    }
    case 'exists': {
      const wanted = leaf.value ?? true;
      return (actual) => (actual !== undefined && actual !== null) === wanted;
    }
  }
}

const always: CaseTest = () => true;
const never: CaseTest = () => false;

/** Compiles a condition into a closure. */
export function compileCondition(condition: RoutingCondition): CaseTest {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    if (parts.length === 0) return always;
    if (parts.length === 1) return parts[0] ?? always;
    const [a, b] = parts as [CaseTest, CaseTest];
    if (parts.length === 2) return (input) => a(input) && b(input);
    return (input) => parts.every((part) => part(input));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    if (parts.length === 0) return never;
    if (parts.length === 1) return parts[0] ?? never;
    const [a, b] = parts as [CaseTest, CaseTest];
    if (parts.length === 2) return (input) => a(input) || b(input);
    return (input) => parts.some((part) => part(input));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (input) => !inner(input);
  }
  const get = compileFact(condition.fact);
  const test = compileOperator(condition);
  return (input) => test(get(input));
}
