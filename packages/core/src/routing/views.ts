// What `explain` shows: every condition evaluated in full (no short cut), recording each
// fact's value and each result. Slower than `route`'s closures; it is for people, not loops.
import { compileOperator } from './compile.js';
import { compileFact } from './facts.js';
import type { RoutingCondition } from './api.js';
import type { ConditionTrace } from './types.js';

/** A compiled tracer. Its traces are frozen; `actual` is the case's own value, as it was read. */
export type CaseTracer = (input: unknown) => ConditionTrace;

/** Compiles a condition into a tracer for `explain`. */
export function compileTracer(condition: RoutingCondition): CaseTracer {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const parts = (isAll ? condition.all : condition.any).map(compileTracer);
    return (input) => {
      const children = Object.freeze(parts.map((part) => part(input)));
      const result = isAll
        ? children.every((child) => child.result)
        : children.some((child) => child.result);
      return Object.freeze({ type: isAll ? 'all' : 'any', result, children });
    };
  }
  if ('not' in condition) {
    const inner = compileTracer(condition.not);
    return (input) => {
      const child = inner(input);
      return Object.freeze({ type: 'not', result: !child.result, child });
    };
  }
  const get = compileFact(condition.fact);
  const test = compileOperator(condition);
  const { fact, op } = condition;
  const expected = condition.op === 'exists' ? (condition.value ?? true) : condition.value;
  return (input) => {
    const actual = get(input);
    return Object.freeze({ type: 'fact', fact, op, expected, actual, result: test(actual) });
  };
}
