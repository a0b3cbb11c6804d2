// The factory: checks a rule set (checks.ts), compiles its conditions (compile.ts, views.ts),
// indexes its rules (store/rule-index.ts) and returns a frozen router.
import type { DeadlineSpec, WorkCalendar } from '../calendar/api.js';
import { engineOf } from '../calendar/frozen-calendar.js';
import { cnCalendar } from '../calendar/cn.js';
import type { CalendarEngine } from '../calendar/engine.js';
import type { ErrorPath } from '../errors/error.js';
import { invalidField } from '../schemas/parse.js';
import { inInstantRange } from '../time/constants.js';
import { instantMs } from '../time/parse.js';
import { checkRoutingConfig, inRoutingOrder } from './checks.js';
import { compileCondition, type CaseTest } from './compile.js';
import { compileFact } from './facts.js';
import { buildRuleIndex, chooseIndexFact } from './store/rule-index.js';
import { compileTracer } from './views.js';
import type {
  CompileRoutingOptions,
  RoutableCase,
  RouteOptions,
  Router,
  RoutingThen,
  RoutingTier,
} from './api.js';
import type { RouteKind, RouteResult, RuleTrace } from './types.js';

/** A rule's decision, settled at compile time; only `dueAt` is left for routing time. */
interface Decision {
  readonly ruleId: string | null;
  readonly tier: string;
  readonly handlers: readonly string[];
  readonly deadline: DeadlineSpec;
  readonly kind: RouteKind;
  readonly tags: readonly string[];
}

interface CompiledRule {
  readonly test: CaseTest;
  readonly decision: Decision;
}

const OPTION_KEYS = new Set(['calendar', 'indexed']);

/** The options, checked: own known keys, a calendar made by `createWorkCalendar`. */
function settleOptions(options: unknown): {
  calendar: WorkCalendar;
  engine: CalendarEngine;
  indexed: boolean;
} {
  if (options === undefined)
    return { calendar: cnCalendar, engine: engineOf(cnCalendar) as CalendarEngine, indexed: true };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidField(['options'], 'must be an object', 'type', { expected: 'object' });
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key))
      throw invalidField(['options', key], 'is not a known field', 'unknown_key', { key });
  }
  const { calendar = cnCalendar, indexed = true } = options as Record<string, unknown>;
  const engine = engineOf(calendar);
  if (engine === undefined) {
    throw invalidField(['options', 'calendar'], 'must be a calendar made by createWorkCalendar');
  }
  if (typeof indexed !== 'boolean') {
    throw invalidField(['options', 'indexed'], 'must be true or false', 'type', {
      expected: 'boolean',
    });
  }
  return { calendar: calendar as WorkCalendar, engine, indexed };
}

/** Epoch ms of an instant argument (ISO string with an offset, or a Date) in the supported range. */
function instantArgument(value: unknown, path: ErrorPath): number {
  const ms = value instanceof Date ? value.getTime() : instantMs(value);
  if (!inInstantRange(ms)) {
    throw invalidField(path, 'must be an ISO 8601 instant with an offset, or a Date', 'instant');
  }
  return ms;
}

function decide(
  then: RoutingThen,
  tiers: ReadonlyMap<string, RoutingTier>,
  ruleId: string | null,
): Decision {
  const tier = tiers.get(then.tier) as RoutingTier; // checked: every tier named exists
  return Object.freeze({
    ruleId,
    tier: tier.id,
    handlers: then.handlers ?? tier.handlers,
    deadline: then.deadline ?? tier.deadline,
    kind: then.kind ?? tier.kind ?? 'service',
    tags: then.tags ?? Object.freeze([]),
  });
}

/**
 * Compiles a rule set into a {@link Router}. Rules are tried by priority (higher first), then
 * in file order; the first that matches decides, else `default`. Conditions become plain
 * closures and rules are indexed by the fact they test for equality (usually `category`).
 *
 * @param config - The rule set, typically parsed JSON; checked here and kept as a frozen copy.
 * @throws `INVALID_RULES` listing every problem in `details.problems`: schema errors with
 *   paths, unknown tiers, duplicate ids, bad or slow patterns, conditions nested too deep or
 *   containing themselves, shadowed rules, rules that never match. `INVALID_INPUT` for bad options.
 * @example
 * ```ts
 * const router = compileRouting({
 *   tiers: [
 *     { id: 'onsite', name: { en: 'On the spot' }, handlers: ['station'], deadline: { hours: 2 } },
 *     { id: 'coordinated', name: { en: 'Coordinated' }, handlers: ['section'], deadline: { workingDays: 3 } },
 *   ],
 *   rules: [{ id: 'litter', when: { fact: 'category', op: 'eq', value: 'litter' }, then: { tier: 'onsite' } }],
 *   default: { tier: 'coordinated' },
 * });
 * router.route({ category: 'noise', receivedAt: '2025-01-24T10:00:00+08:00' });
 * // { tier: 'coordinated', handlers: ['section'], dueAt: '2025-02-05T23:59:59.999+08:00', ruleId: null, kind: 'service', ... }
 * ```
 */
export function compileRouting(config: unknown, options?: CompileRoutingOptions): Router {
  const { calendar, engine, indexed } = settleOptions(options);
  const settled = checkRoutingConfig(config);

  const tiersById = new Map(settled.tiers.map((tier) => [tier.id, tier]));
  const ordered = inRoutingOrder((settled.rules ?? []).map((rule, index) => ({ rule, index })));
  const decisions = ordered.map(({ rule }) => decide(rule.then, tiersById, rule.id));
  const compiled = ordered.map(({ rule }, order) => ({
    order,
    when: rule.when,
    rule: {
      test: rule.when ? compileCondition(rule.when) : () => true,
      decision: decisions[order],
    } as CompiledRule,
  }));
  const fallback = decide(settled.default, tiersById, null);
  const explained = ordered.map(({ rule }, order) => ({
    rule,
    trace: rule.when ? compileTracer(rule.when) : undefined,
    decision: decisions[order] as Decision,
  }));

  const indexFact = indexed ? chooseIndexFact(ordered.map(({ rule }) => rule.when)) : undefined;
  const index = indexFact === undefined ? undefined : buildRuleIndex(indexFact, compiled);
  const readIndexFact = indexFact === undefined ? undefined : compileFact(indexFact);
  const allRules = compiled.map((entry) => entry.rule);

  const candidates = (input: RoutableCase): readonly CompiledRule[] =>
    index && readIndexFact ? (index.byValue.get(readIndexFact(input)) ?? index.others) : allRules;

  /** The instant the deadline counts from, and the path that gave it. */
  const startOf = (input: unknown, routeOptions: unknown): [number, string] => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw invalidField([], 'a case must be an object', 'type', { expected: 'object' });
    }
    if (routeOptions !== undefined) {
      if (
        typeof routeOptions !== 'object' ||
        routeOptions === null ||
        Array.isArray(routeOptions)
      ) {
        throw invalidField(['options'], 'must be an object', 'type', { expected: 'object' });
      }
      for (const key of Object.keys(routeOptions)) {
        if (key !== 'now')
          throw invalidField(['options', key], 'is not a known field', 'unknown_key', { key });
      }
      const now = (routeOptions as RouteOptions).now;
      if (now !== undefined) return [instantArgument(now, ['now']), 'now'];
    }
    const receivedAt = Object.hasOwn(input, 'receivedAt')
      ? (input as RoutableCase).receivedAt
      : undefined;
    return [instantArgument(receivedAt, ['receivedAt']), 'receivedAt'];
  };

  const decisionFor = (input: RoutableCase): Decision => {
    for (const rule of candidates(input)) if (rule.test(input)) return rule.decision;
    return fallback;
  };

  const result = (decision: Decision, [from, path]: [number, string]): RouteResult => {
    const dueAt = engine.dueAt(from, decision.deadline);
    if (dueAt === undefined) {
      throw invalidField([path], 'gives a due instant after 2999, outside the supported range');
    }
    return Object.freeze({
      tier: decision.tier,
      handlers: decision.handlers,
      dueAt,
      deadline: decision.deadline,
      ruleId: decision.ruleId,
      kind: decision.kind,
      tags: decision.tags,
    });
  };

  const tierId = (id: unknown): string => {
    if (typeof id !== 'string')
      throw invalidField(['id'], 'must be text', 'type', { expected: 'string' });
    return id;
  };

  const router: Router = {
    config: settled,
    tiers: settled.tiers,
    calendar,
    indexFact: indexFact ?? null,
    route(input, routeOptions) {
      const from = startOf(input, routeOptions);
      return result(decisionFor(input), from);
    },
    explain(input, routeOptions) {
      const from = startOf(input, routeOptions);
      const trace: RuleTrace[] = [];
      let decision = fallback;
      for (const entry of explained) {
        const condition = entry.trace ? entry.trace(input) : null;
        const matched = condition === null || condition.result;
        trace.push(
          Object.freeze({
            ruleId: entry.rule.id,
            priority: entry.rule.priority ?? 0,
            matched,
            condition,
          }),
        );
        if (matched) {
          decision = entry.decision;
          break;
        }
      }
      const routed = result(decision, from);
      return Object.freeze({
        ...routed,
        trace: Object.freeze(trace),
        usedDefault: decision === fallback,
        calendarCovers: calendar.covers(Number(routed.dueAt.slice(0, 4))),
      });
    },
    tier: (id) => tiersById.get(tierId(id)),
    nextTier(id) {
      const at = settled.tiers.findIndex((tier) => tier.id === tierId(id));
      return at < 0 ? undefined : settled.tiers[at + 1];
    },
  };
  return Object.freeze(router);
}
