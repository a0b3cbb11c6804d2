// Translates a Lanewise rule set into json-rules-engine rules, for the side-by-side benchmark.
// Each rule fires an event carrying its id and its place in routing order; as json-rules-engine
// runs every rule, the first match is the successful rule with the lowest order.
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { RoutingCondition, RoutingConfig } from '../packages/core/src/routing/index.js';

// Built-in operators where json-rules-engine means the same (its comparisons also accept numeric
// strings; the benchmark's cases hold numbers only). The rest are custom operators below.
const BUILT_IN = {
  eq: 'equal',
  ne: 'notEqual',
  in: 'in',
  nin: 'notIn',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
} as const;

/** A dotted fact becomes a top-level fact and a JSONPath: `attributes.reports` → `attributes`, `$.reports`. */
/** A condition inside a rule (json-rules-engine does not export its name for this). */
type NestedCondition =
  TopLevelCondition | { fact: string; operator: string; value: unknown; path?: string };

function factAndPath(fact: string): { fact: string; path?: string } {
  const [head = fact, ...rest] = fact.split('.');
  return rest.length === 0 ? { fact: head } : { fact: head, path: `$.${rest.join('.')}` };
}

function translate(condition: RoutingCondition): NestedCondition {
  if ('all' in condition) return { all: condition.all.map(translate) };
  if ('any' in condition) return { any: condition.any.map(translate) };
  if ('not' in condition) return { not: translate(condition.not) };
  const target = factAndPath(condition.fact);
  if (condition.op in BUILT_IN) {
    return {
      ...target,
      operator: BUILT_IN[condition.op as keyof typeof BUILT_IN],
      value: condition.value,
    };
  }
  if (condition.op === 'matches')
    return { ...target, operator: 'lwMatches', value: [condition.value, condition.flags ?? ''] };
  if (condition.op === 'exists')
    return { ...target, operator: 'lwExists', value: condition.value ?? true };
  return {
    ...target,
    operator: `lw${condition.op[0]?.toUpperCase()}${condition.op.slice(1)}`,
    value: condition.value,
  };
}

function topLevel(condition: RoutingCondition | undefined): TopLevelCondition {
  if (condition === undefined) return { all: [] };
  const nested = translate(condition);
  return 'all' in nested || 'any' in nested || 'not' in nested
    ? (nested as TopLevelCondition)
    : { all: [nested] };
}

/** The rules of a Lanewise rule set in json-rules-engine's format. */
export function toJreRules(config: RoutingConfig): RuleProperties[] {
  const ordered = (config.rules ?? [])
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => (b.rule.priority ?? 0) - (a.rule.priority ?? 0) || a.index - b.index);
  return ordered.map(({ rule }, order) => ({
    name: rule.id,
    // json-rules-engine wants priorities of 1 and more.
    priority: (rule.priority ?? 0) + 1_000_001,
    conditions: topLevel(rule.when),
    event: { type: 'routed', params: { ruleId: rule.id, tier: rule.then.tier, order } },
  }));
}

/** An engine loaded with the translated rules and the operators Lanewise has and it lacks. */
export function jreEngine(config: RoutingConfig): Engine {
  const engine = new Engine(toJreRules(config), { allowUndefinedFacts: true });
  engine.addOperator(
    'lwBetween',
    (actual: unknown, [low, high]: [number, number]) =>
      typeof actual === typeof low && (actual as number) >= low && (actual as number) <= high,
  );
  engine.addOperator('lwContains', (actual: unknown, needle: unknown) =>
    Array.isArray(actual)
      ? actual.includes(needle)
      : typeof actual === 'string' && typeof needle === 'string' && actual.includes(needle),
  );
  engine.addOperator(
    'lwStartsWith',
    (actual: unknown, prefix: string) => typeof actual === 'string' && actual.startsWith(prefix),
  );
  const patterns = new Map<string, RegExp>();
  engine.addOperator('lwMatches', (actual: unknown, [source, flags]: [string, string]) => {
    const key = `${flags}/${source}`;
    const pattern = patterns.get(key) ?? patterns.set(key, new RegExp(source, flags)).get(key)!;
    return typeof actual === 'string' && pattern.test(actual);
  });
  engine.addOperator(
    'lwExists',
    (actual: unknown, wanted: boolean) => (actual !== undefined && actual !== null) === wanted,
  );
  return engine;
}

/** Runs the engine on one case and returns the first matching rule's id, or null. */
export async function jreRoute(
  engine: Engine,
  facts: Record<string, unknown>,
): Promise<string | null> {
  const { events } = await engine.run(facts);
  let best: { ruleId: string; order: number } | undefined;
  for (const event of events) {
    const params = event.params as { ruleId: string; order: number };
    if (best === undefined || params.order < best.order) best = params;
  }
  return best?.ruleId ?? null;
}
