// Each leaf operator compiled to a predicate on the fact's value. Semantics are strict: no type
// coercion, and a missing fact (undefined) only satisfies `ne`, `nin` and `exists: false`.
import type { RoutingLeaf } from './schema.js';

/** A predicate on a fact's value. */
export type ValueTest = (value: unknown) => boolean;

type Comparable = number | string;

/** A comparison that holds only between values of the same type (number with number, string with string). */
function compare(expected: Comparable, holds: (actual: Comparable) => boolean): ValueTest {
  const type = typeof expected;
  return (actual) => typeof actual === type && holds(actual as Comparable);
}

/** Compiles a leaf's operator and value; `matches` patterns must already be known to be valid. */
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
      const pattern = new RegExp(leaf.value, leaf.flags ?? '');
      return (actual) => typeof actual === 'string' && pattern.test(actual);
    }
    case 'exists': {
      const wanted = leaf.value ?? true;
      return (actual) => (actual !== undefined && actual !== null) === wanted;
    }
  }
}

/** The problem with a `matches` pattern, or undefined when it compiles. */
export function patternProblem(pattern: string, flags: string | undefined): string | undefined {
  try {
    new RegExp(pattern, flags ?? '');
    return undefined;
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message}`;
  }
}
