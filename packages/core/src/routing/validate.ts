// Parses a rule set piece by piece, so one bad rule does not hide the problems of the others,
// then checks what the schema cannot: tiers, ids, patterns, shadowing.
import { z } from 'zod';
import { LanewiseError } from '../errors.js';
import { isAlwaysFalse, isAlwaysTrue } from './conditions.js';
import { schemaProblems, type RoutingProblem } from './problems.js';
import {
  routingRuleSchema,
  routingThenSchema,
  routingTierSchema,
  type RoutingConfig,
  type RoutingRule,
  type RoutingTier,
} from './schema.js';

const shellSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().max(2000).optional(),
  tiers: z.array(z.unknown()).min(1),
  rules: z.array(z.unknown()).optional(),
  default: z.unknown().refine((value) => value !== undefined, 'a default is required'),
});

type Path = (string | number)[];

function parsePart<T>(
  schema: z.ZodType<T>,
  input: unknown,
  at: Path,
  problems: RoutingProblem[],
): T | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  problems.push(...schemaProblems(result.error.issues, input, at));
  return undefined;
}

/** Checks the tier a `then` names, read from the raw input so that rules failing the schema are checked too. */
function checkTier(
  rawThen: unknown,
  tierIds: ReadonlySet<string>,
  at: Path,
  problems: RoutingProblem[],
): void {
  const tier = (rawThen as { tier?: unknown } | null | undefined)?.tier;
  if (typeof tier === 'string' && !tierIds.has(tier)) {
    problems.push({
      code: 'UNKNOWN_TIER',
      path: [...at, 'tier'],
      message: `no tier "${tier}" is defined`,
    });
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

/**
 * Validates a rule set and returns it parsed, or throws `INVALID_RULES` with every problem in
 * `details.problems` (see `RoutingProblem`).
 */
export function validateRoutingConfig(input: unknown): RoutingConfig {
  const problems: RoutingProblem[] = [];
  const shell = parsePart(shellSchema, input, [], problems);
  if (shell === undefined) throw rulesError(problems);

  const tiers: RoutingTier[] = [];
  shell.tiers.forEach((raw, i) => {
    const tier = parsePart(routingTierSchema, raw, ['tiers', i], problems);
    if (tier !== undefined) tiers.push(tier);
  });
  const placed: PlacedRule[] = [];
  (shell.rules ?? []).forEach((raw, index) => {
    const rule = parsePart(routingRuleSchema, raw, ['rules', index], problems);
    if (rule !== undefined) placed.push({ rule, index });
  });
  const fallback = parsePart(routingThenSchema, shell.default, ['default'], problems);

  const tierIds = new Set<string>();
  shell.tiers.forEach((raw, i) => {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (tierIds.has(id))
      problems.push({
        code: 'DUPLICATE_ID',
        path: ['tiers', i, 'id'],
        message: `tier id "${id}" is used twice`,
      });
    tierIds.add(id);
  });
  const ruleIds = new Set<string>();
  (shell.rules ?? []).forEach((raw, i) => {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (ruleIds.has(id))
      problems.push({
        code: 'DUPLICATE_ID',
        path: ['rules', i, 'id'],
        message: `rule id "${id}" is used twice`,
      });
    ruleIds.add(id);
  });

  (shell.rules ?? []).forEach((raw, i) => {
    checkTier((raw as { then?: unknown } | null)?.then, tierIds, ['rules', i, 'then'], problems);
  });
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
  return {
    ...(shell.$schema === undefined ? {} : { $schema: shell.$schema }),
    ...(shell.description === undefined ? {} : { description: shell.description }),
    tiers,
    rules: placed.map(({ rule }) => rule),
    default: fallback,
  };
}

function rulesError(problems: readonly RoutingProblem[]): LanewiseError {
  const first = problems[0];
  const where = first === undefined || first.path.length === 0 ? 'rules' : first.path.join('.');
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new LanewiseError(
    'INVALID_RULES',
    `${where}: ${first?.message ?? 'invalid rule set'}${more}`,
    {
      path: first?.path ?? [],
      details: { problems },
    },
  );
}
