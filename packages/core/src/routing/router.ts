import { cnCalendar } from '../calendar/cn.js';
import { engineOf } from '../calendar/work-calendar.js';
import type { DeadlineSpec, WorkCalendar } from '../calendar/types.js';
import { LanewiseError } from '../errors.js';
import { instantMs } from '../time/parse.js';
import { compileCondition, compileTracer, type CaseTest } from './conditions.js';
import { compileFact } from './facts.js';
import { buildRuleIndex, chooseIndexFact } from './rule-index.js';
import { inRoutingOrder, validateRoutingConfig } from './validate.js';
import type { RouteKind, RoutingConfig, RoutingThen, RoutingTier } from './schema.js';
import type {
  CompileRoutingOptions,
  RoutableCase,
  RouteOptions,
  RouteResult,
  Router,
  RuleTrace,
} from './types.js';

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

function instantMsOf(value: unknown, path: string): number {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'string' ? instantMs(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new LanewiseError(
      'INVALID_INPUT',
      `${path}: expected an ISO instant with an offset, or a Date`,
      { path: [path] },
    );
  }
  return ms;
}

function decide(
  then: RoutingThen,
  tiers: ReadonlyMap<string, RoutingTier>,
  ruleId: string | null,
): Decision {
  const tier = tiers.get(then.tier) as RoutingTier; // validated: every tier named exists
  return Object.freeze({
    ruleId,
    tier: tier.id,
    handlers: Object.freeze([...(then.handlers ?? tier.handlers)]),
    deadline: Object.freeze({ ...(then.deadline ?? tier.deadline) }),
    kind: then.kind ?? tier.kind ?? 'service',
    tags: Object.freeze([...(then.tags ?? [])]),
  });
}

/**
 * Compiles a rule set into a {@link Router}. Rules are tried by priority (higher first), then
 * in file order; the first that matches decides, else `default`. Conditions become plain
 * closures and rules are indexed by the fact they test for equality (usually `category`).
 *
 * @param config - The rule set, typically parsed JSON; validated here.
 * @throws `INVALID_RULES` listing every problem in `details.problems`: schema errors with
 *   paths, unknown tiers, duplicate ids, bad patterns, shadowed rules, rules that never match.
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
export function compileRouting(config: unknown, options: CompileRoutingOptions = {}): Router {
  const settled: RoutingConfig = validateRoutingConfig(config);
  const calendar: WorkCalendar = options.calendar ?? cnCalendar;
  const engine = engineOf(calendar);
  const dueAt = engine
    ? engine.dueAt
    : (receivedMs: number, spec: DeadlineSpec) => calendar.deadline(new Date(receivedMs), spec);

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
  // explain walks every rule in order with tracers: slower, but it is for people, not loops.
  const explained = ordered.map(({ rule }, order) => ({
    rule,
    trace: rule.when ? compileTracer(rule.when) : undefined,
    decision: decisions[order] as Decision,
  }));

  const indexFact =
    options.indexed === false ? undefined : chooseIndexFact(ordered.map(({ rule }) => rule.when));
  const index = indexFact === undefined ? undefined : buildRuleIndex(indexFact, compiled);
  const readIndexFact = indexFact === undefined ? undefined : compileFact(indexFact);
  const allRules = compiled.map((entry) => entry.rule);

  const candidates = (input: RoutableCase): readonly CompiledRule[] =>
    index && readIndexFact ? (index.byValue.get(readIndexFact(input)) ?? index.others) : allRules;

  const startMs = (input: RoutableCase, routeOptions: RouteOptions | undefined): number => {
    if (typeof input !== 'object' || input === null) {
      throw new LanewiseError('INVALID_INPUT', 'input: a case must be an object', { path: [] });
    }
    if (routeOptions?.now !== undefined) return instantMsOf(routeOptions.now, 'now');
    return instantMsOf(input.receivedAt, 'receivedAt');
  };

  const decisionFor = (input: RoutableCase): Decision => {
    for (const rule of candidates(input)) if (rule.test(input)) return rule.decision;
    return fallback;
  };

  const result = (decision: Decision, from: number): RouteResult => ({
    tier: decision.tier,
    handlers: decision.handlers,
    dueAt: dueAt(from, decision.deadline),
    deadline: decision.deadline,
    ruleId: decision.ruleId,
    kind: decision.kind,
    tags: decision.tags,
  });

  const router: Router = {
    config: settled,
    tiers: Object.freeze([...settled.tiers]),
    calendar,
    indexFact: indexFact ?? null,
    route(input, routeOptions) {
      const from = startMs(input, routeOptions);
      return result(decisionFor(input), from);
    },
    explain(input, routeOptions) {
      const from = startMs(input, routeOptions);
      const trace: RuleTrace[] = [];
      let decision = fallback;
      for (const entry of explained) {
        const condition = entry.trace ? entry.trace(input) : null;
        const matched = condition === null || condition.result;
        trace.push({
          ruleId: entry.rule.id,
          priority: entry.rule.priority ?? 0,
          matched,
          condition,
        });
        if (matched) {
          decision = entry.decision;
          break;
        }
      }
      const routed = result(decision, from);
      return {
        ...routed,
        trace,
        usedDefault: decision === fallback,
        calendarCovers: calendar.covers(Number(routed.dueAt.slice(0, 4))),
      };
    },
    tier: (id) => tiersById.get(id),
    nextTier(id) {
      const at = settled.tiers.findIndex((tier) => tier.id === id);
      return at < 0 ? undefined : settled.tiers[at + 1];
    },
  };
  return Object.freeze(router);
}
