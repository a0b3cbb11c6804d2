// Condition trees compiled to closures, traced for `explain`, and read statically for
// shadowing and for the equality index.
import { compileFact } from './facts.js';
import { compileOperator } from './operators.js';
import type { RoutingCondition, RoutingLeaf } from './schema.js';

/** A compiled condition. */
export type CaseTest = (input: unknown) => boolean;

/** What `explain` records for one condition. */
export type ConditionTrace =
  | {
      readonly type: 'all' | 'any';
      readonly result: boolean;
      readonly children: readonly ConditionTrace[];
    }
  | { readonly type: 'not'; readonly result: boolean; readonly child: ConditionTrace }
  | {
      readonly type: 'fact';
      readonly fact: string;
      readonly op: RoutingLeaf['op'];
      /** The value in the rule (`true` for a bare `exists`). */
      readonly expected: unknown;
      /** The case's value at the fact's path (`undefined` when missing). */
      readonly actual: unknown;
      readonly result: boolean;
    };

const always: CaseTest = () => true;
const never: CaseTest = () => false;

/** Compiles a condition into a closure. Patterns must already be valid. */
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

/** A compiled tracer: evaluates fully (no short cut), recording every fact value and result. */
export type CaseTracer = (input: unknown) => ConditionTrace;

/** Compiles a condition into a tracer for `explain`. Patterns must already be valid. */
export function compileTracer(condition: RoutingCondition): CaseTracer {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const parts = (isAll ? condition.all : condition.any).map(compileTracer);
    return (input) => {
      const children = parts.map((part) => part(input));
      const result = isAll
        ? children.every((child) => child.result)
        : children.some((child) => child.result);
      return { type: isAll ? 'all' : 'any', result, children };
    };
  }
  if ('not' in condition) {
    const inner = compileTracer(condition.not);
    return (input) => {
      const child = inner(input);
      return { type: 'not', result: !child.result, child };
    };
  }
  const get = compileFact(condition.fact);
  const test = compileOperator(condition);
  const { fact, op } = condition;
  const expected = condition.op === 'exists' ? (condition.value ?? true) : condition.value;
  return (input) => {
    const actual = get(input);
    return { type: 'fact', fact, op, expected, actual, result: test(actual) };
  };
}

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
