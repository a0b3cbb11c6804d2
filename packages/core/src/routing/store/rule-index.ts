// Rules indexed by the value they require of one fact (usually `category`), so a case only
// meets the rules that could match it. The lists keep routing order, so the first match is
// the same as in a plain scan.
import { equalityFacts, requiredValues } from '../analysis.js';
import type { RoutingCondition } from '../api.js';

/** A rule in routing order, with whatever the router needs of it. */
export interface Ordered<R> {
  readonly order: number;
  readonly when: RoutingCondition | undefined;
  readonly rule: R;
}

/** The lists a fact value selects; `others` for values no rule requires. */
export interface RuleIndex<R> {
  readonly fact: string;
  readonly byValue: ReadonlyMap<unknown, readonly R[]>;
  readonly others: readonly R[];
}

/** The fact that pins down the most rules (`category` wins ties), or undefined if none does. */
export function chooseIndexFact(
  conditions: readonly (RoutingCondition | undefined)[],
): string | undefined {
  const candidates: string[] = [];
  conditions.forEach((condition) => equalityFacts(condition, candidates));
  let best: string | undefined;
  let bestCount = 0;
  for (const fact of new Set(candidates)) {
    const count = conditions.filter(
      (condition) => requiredValues(condition, fact) !== undefined,
    ).length;
    if (count > bestCount || (count === bestCount && count > 0 && fact === 'category')) {
      best = fact;
      bestCount = count;
    }
  }
  return best;
}

/** Builds the index of rules already sorted in routing order. */
export function buildRuleIndex<R>(fact: string, rules: readonly Ordered<R>[]): RuleIndex<R> {
  const others: Ordered<R>[] = [];
  const pinned = new Map<unknown, Ordered<R>[]>();
  for (const entry of rules) {
    const values = requiredValues(entry.when, fact);
    if (values === undefined) {
      others.push(entry);
      continue;
    }
    for (const value of values) {
      const list = pinned.get(value) ?? [];
      list.push(entry);
      pinned.set(value, list);
    }
  }
  const byValue = new Map<unknown, readonly R[]>();
  for (const [value, list] of pinned)
    byValue.set(
      value,
      mergeInOrder(list, others).map((entry) => entry.rule),
    );
  return { fact, byValue, others: others.map((entry) => entry.rule) };
}

function mergeInOrder<R>(a: readonly Ordered<R>[], b: readonly Ordered<R>[]): Ordered<R>[] {
  const merged: Ordered<R>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (right === undefined || (left !== undefined && left.order < right.order)) {
      if (left !== undefined) merged.push(left);
      i += 1;
    } else {
      merged.push(right);
      j += 1;
    }
  }
  return merged;
}
