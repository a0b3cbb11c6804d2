// The checks `compileRouting` makes on a rule set, collecting every problem so they can be
// reported at once: first that the input is plain JSON data of bounded size (no cycles, no
// prototypes), then each part against its schema, conditions walked by hand to a bounded
// depth, patterns for speed, and what no schema can see (tiers, ids, shadowing).
import { LanewiseError, type ErrorPath } from '../errors/error.js';
import type { FieldIssue } from '../errors/issues.js';
import { isPlainObject } from '../internal/plain.js';
import { parseInput } from '../schemas/parse.js';
import { isAlwaysFalse, isAlwaysTrue } from './analysis.js';
import { MAX_RULE_SET_PATTERN_COST, checkPattern } from './patterns.js';
import {
  configShell,
  leafByOperator,
  routingThenSchema,
  routingTierSchema,
  ruleShell,
} from './schemas.js';
import type {
  RoutingCategory,
  RoutingCondition,
  RoutingConfig,
  RoutingRule,
  RoutingTier,
} from './api.js';
import { ROUTING_OPERATORS, type RoutingOperator, type RoutingProblem } from './types.js';

/** How deep conditions may nest: `when` is depth 1, each `all`, `any` or `not` one more. */
export const MAX_CONDITION_DEPTH = 32;
/** How deep the JSON of a rule set may nest at all. */
export const MAX_RULES_JSON_DEPTH = 100;
/** How many values (objects, arrays, strings, numbers ...) the JSON of a rule set may hold. */
export const MAX_RULES_JSON_VALUES = 200_000;

type Path = (string | number)[];

/**
 * The first reason the input is not plain JSON data of bounded size, or undefined. Without it
 * a cyclic or very deep input would overflow the stack of the schema checks.
 */
function jsonProblem(input: unknown): RoutingProblem | undefined {
  let values = 0;
  const onPath = new Set<object>();
  const visit = (value: unknown, path: Path): RoutingProblem | undefined => {
    values += 1;
    if (values > MAX_RULES_JSON_VALUES) {
      return {
        code: 'TOO_LARGE',
        path,
        message: `a rule set may hold at most ${MAX_RULES_JSON_VALUES} values`,
      };
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
    if (typeof value === 'number') {
      return Number.isFinite(value)
        ? undefined
        : { code: 'SCHEMA', path, message: 'must be a finite number' };
    }
    if (!Array.isArray(value) && !isPlainObject(value)) {
      return {
        code: 'SCHEMA',
        path,
        message: 'must be JSON data: an object, a list, text, a number, true, false or null',
      };
    }
    if (onPath.has(value)) return { code: 'TOO_DEEP', path, message: 'this value contains itself' };
    if (path.length >= MAX_RULES_JSON_DEPTH) {
      return { code: 'TOO_DEEP', path, message: `nested more than ${MAX_RULES_JSON_DEPTH} deep` };
    }
    onPath.add(value);
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.keys(value).map((key) => [key, value[key]]);
    for (const [key, item] of entries) {
      const problem = visit(item, [...path, key]);
      if (problem !== undefined) return problem;
    }
    onPath.delete(value);
    return undefined;
  };
  return visit(input, []);
}

/** Parses one part of the rule set, adding its field issues as problems. */
function parsePart<T>(
  schema: Parameters<typeof parseInput>[0],
  input: unknown,
  at: Path,
  problems: RoutingProblem[],
): T | undefined {
  try {
    return parseInput(schema, input, at) as T;
  } catch (error) {
    if (!(error instanceof LanewiseError)) throw error;
    const issues = (error.details['issues'] ?? []) as readonly FieldIssue[];
    for (const issue of issues) {
      problems.push({ code: 'SCHEMA', path: issue.path, message: issue.message });
    }
    return undefined;
  }
}

const ownField = (value: unknown, key: string): unknown =>
  isPlainObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;

const OPERATOR_MESSAGE = `op must be one of ${ROUTING_OPERATORS.join(', ')}`;

const CONDITION_SHAPE =
  'a condition is { all: [...] }, { any: [...] }, { not: {...} } or { fact, op, value }';

/** Walks conditions by hand, checking depth, shape, leaves and patterns. */
class ConditionChecks {
  patternCost = 0;

  constructor(private readonly problems: RoutingProblem[]) {}

  /** The checked condition (a fresh copy), or undefined when it has problems. */
  check(node: unknown, path: Path, depth: number): RoutingCondition | undefined {
    const { problems } = this;
    if (depth > MAX_CONDITION_DEPTH) {
      problems.push({
        code: 'TOO_DEEP',
        path,
        message: `conditions may be nested at most ${MAX_CONDITION_DEPTH} deep`,
      });
      return undefined;
    }
    if (!isPlainObject(node)) {
      problems.push({ code: 'SCHEMA', path, message: CONDITION_SHAPE });
      return undefined;
    }
    const group = (['all', 'any', 'not'] as const).find((key) => Object.hasOwn(node, key));
    if (group === undefined) {
      if (!Object.hasOwn(node, 'fact') && !Object.hasOwn(node, 'op')) {
        problems.push({ code: 'SCHEMA', path, message: CONDITION_SHAPE });
        return undefined;
      }
      return this.leaf(node, path);
    }
    const extra = Object.keys(node).filter((key) => key !== group);
    for (const key of extra) {
      problems.push({ code: 'SCHEMA', path: [...path, key], message: 'is not a known field' });
    }
    const inner = node[group];
    if (group === 'not') {
      const child = this.check(inner, [...path, 'not'], depth + 1);
      return child === undefined || extra.length > 0 ? undefined : { not: child };
    }
    if (!Array.isArray(inner)) {
      problems.push({ code: 'SCHEMA', path: [...path, group], message: 'must be a list' });
      return undefined;
    }
    const children = inner.map((child, i) => this.check(child, [...path, group, i], depth + 1));
    if (extra.length > 0 || children.some((child) => child === undefined)) return undefined;
    return group === 'all'
      ? { all: children as RoutingCondition[] }
      : { any: children as RoutingCondition[] };
  }

  private leaf(node: Record<string, unknown>, path: Path): RoutingCondition | undefined {
    const op = Object.hasOwn(node, 'op') ? node['op'] : undefined;
    if (typeof op !== 'string' || !Object.hasOwn(leafByOperator, op)) {
      this.problems.push({ code: 'SCHEMA', path: [...path, 'op'], message: OPERATOR_MESSAGE });
      return undefined;
    }
    const schema = leafByOperator[op as RoutingOperator];
    const leaf = parsePart<RoutingCondition>(schema, node, path, this.problems);
    if (leaf === undefined || !('op' in leaf) || leaf.op !== 'matches') return leaf;
    const checked = checkPattern(leaf.value, leaf.flags);
    if (typeof checked !== 'number') {
      this.problems.push({
        code: checked.code,
        path: [...path, 'value'],
        message: checked.message,
      });
      return undefined;
    }
    this.patternCost += checked;
    if (this.patternCost > MAX_RULE_SET_PATTERN_COST) {
      this.problems.push({
        code: 'SLOW_PATTERN',
        path: [...path, 'value'],
        message: `the patterns of a rule set may try at most ${MAX_RULE_SET_PATTERN_COST} ways in all at each position of the text; this one goes over`,
      });
      return undefined;
    }
    return leaf;
  }
}

/** A rule with its place in the file. */
export interface PlacedRule {
  readonly rule: RoutingRule;
  readonly index: number;
}

/** Sorts by priority (higher first), then file order. */
export function inRoutingOrder(rules: readonly PlacedRule[]): PlacedRule[] {
  return [...rules].sort(
    (a, b) => (b.rule.priority ?? 0) - (a.rule.priority ?? 0) || a.index - b.index,
  );
}

/** Freezes a fresh tree of plain data, all the way down. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates a rule set and returns a frozen copy of it, or throws `INVALID_RULES` with every
 * problem in `details.problems` (see `RoutingProblem`).
 */
export function checkRoutingConfig(input: unknown): RoutingConfig {
  const broken = jsonProblem(input);
  if (broken !== undefined) throw rulesError([broken]);
  const problems: RoutingProblem[] = [];
  type Shell = {
    $schema?: string;
    description?: string;
    categories?: RoutingCategory[];
    tiers: unknown[];
    rules?: unknown[];
    default: unknown;
  };
  const shell = parsePart<Shell>(configShell, input, [], problems);
  if (shell === undefined) throw rulesError(problems);

  const tiers: RoutingTier[] = [];
  shell.tiers.forEach((raw, i) => {
    const tier = parsePart<RoutingTier>(routingTierSchema, raw, ['tiers', i], problems);
    if (tier !== undefined) tiers.push(tier);
  });
  const conditions = new ConditionChecks(problems);
  const placed: PlacedRule[] = [];
  const rawRules = shell.rules ?? [];
  rawRules.forEach((raw, index) => {
    const at = ['rules', index];
    type RuleShell = Omit<RoutingRule, 'when' | 'then'> & { when?: unknown; then: unknown };
    const rule = parsePart<RuleShell>(ruleShell, raw, at, problems);
    const rawWhen = ownField(raw, 'when');
    const when = rawWhen === undefined ? undefined : conditions.check(rawWhen, [...at, 'when'], 1);
    const then = parsePart<RoutingRule['then']>(
      routingThenSchema,
      ownField(raw, 'then'),
      [...at, 'then'],
      problems,
    );
    if (rule === undefined || then === undefined || (rawWhen !== undefined && when === undefined))
      return;
    const { when: _when, then: _then, ...fields } = rule;
    placed.push({ rule: { ...fields, ...(when === undefined ? {} : { when }), then }, index });
  });
  const fallback = parsePart<RoutingRule['then']>(
    routingThenSchema,
    shell.default,
    ['default'],
    problems,
  );

  const tierIds = duplicates(shell.tiers, 'tiers', 'tier', problems);
  duplicates(rawRules, 'rules', 'rule', problems);

  rawRules.forEach((raw, i) =>
    checkTier(ownField(raw, 'then'), tierIds, ['rules', i, 'then'], problems),
  );
  checkTier(shell.default, tierIds, ['default'], problems);
  for (const { rule, index } of placed) {
    if (isAlwaysFalse(rule.when)) {
      problems.push({
        code: 'NEVER_MATCHES',
        path: ['rules', index, 'when'],
        message: `rule "${rule.id}" can never match`,
      });
    }
  }

  let shadowedBy: RoutingRule | undefined;
  for (const { rule, index } of inRoutingOrder(placed)) {
    if (shadowedBy !== undefined) {
      problems.push({
        code: 'SHADOWED',
        path: ['rules', index],
        message: `rule "${rule.id}" can never fire: the unconditional rule "${shadowedBy.id}" comes first`,
      });
    } else if (isAlwaysTrue(rule.when)) {
      shadowedBy = rule;
    }
  }

  if (problems.length > 0 || fallback === undefined) throw rulesError(problems);
  return deepFreeze({
    ...(shell.$schema === undefined ? {} : { $schema: shell.$schema }),
    ...(shell.description === undefined ? {} : { description: shell.description }),
    ...(shell.categories === undefined ? {} : { categories: shell.categories }),
    tiers,
    rules: placed.map(({ rule }) => rule),
    default: fallback,
  });
}

/** Reports ids used twice, read from the raw input so that parts failing the schema count too. */
function duplicates(
  raws: readonly unknown[],
  list: 'tiers' | 'rules',
  noun: string,
  problems: RoutingProblem[],
): Set<string> {
  const seen = new Set<string>();
  raws.forEach((raw, i) => {
    const id = ownField(raw, 'id');
    if (typeof id !== 'string') return;
    if (seen.has(id)) {
      problems.push({
        code: 'DUPLICATE_ID',
        path: [list, i, 'id'],
        message: `${noun} id "${id}" is used twice`,
      });
    }
    seen.add(id);
  });
  return seen;
}

/** Checks the tier a `then` names, read from the raw input so that rules failing the schema are checked too. */
function checkTier(
  rawThen: unknown,
  tierIds: ReadonlySet<string>,
  at: Path,
  problems: RoutingProblem[],
): void {
  const tier = ownField(rawThen, 'tier');
  if (typeof tier === 'string' && !tierIds.has(tier)) {
    problems.push({
      code: 'UNKNOWN_TIER',
      path: [...at, 'tier'],
      message: `no tier "${tier}" is defined`,
    });
  }
}

function rulesError(problems: readonly RoutingProblem[]): LanewiseError {
  const first = problems[0];
  const where = first === undefined || first.path.length === 0 ? 'rules' : first.path.join('.');
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const path: ErrorPath = first?.path ?? [];
  return new LanewiseError(
    'INVALID_RULES',
    `${where}: ${first?.message ?? 'invalid rule set'}${more}`,
    {
      path,
      details: {
        problems: deepFreeze(problems.map((problem) => ({ ...problem, path: [...problem.path] }))),
      },
    },
  );
}
