// Collects everything wrong with a rule set, so `compileRouting` can report it all at once.
import type { z } from 'zod';

/** The kinds of problem `compileRouting` reports in `details.problems`. */
export const ROUTING_PROBLEM_CODES = [
  /** The JSON does not match the schema (a missing field, a wrong type, an unknown key). */
  'SCHEMA',
  /** A rule, the default or a tier names a tier that is not defined. */
  'UNKNOWN_TIER',
  /** Two tiers or two rules share an id. */
  'DUPLICATE_ID',
  /** A `matches` pattern that is not a valid regular expression. */
  'BAD_PATTERN',
  /** A rule after an unconditional rule (higher priority, or same priority earlier in the file). */
  'SHADOWED',
  /** A rule whose condition can never hold (`any: []`, `not` of an unconditional condition). */
  'NEVER_MATCHES',
] as const;

/** One problem found in a rule set. */
export interface RoutingProblem {
  readonly code: (typeof ROUTING_PROBLEM_CODES)[number];
  /** Where in the rule set, e.g. `['rules', 3, 'when', 'all', 0, 'value']`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

type Path = (string | number)[];
type Issue = z.core.$ZodIssue;

const CONDITION_KEYS = ['all', 'any', 'not'] as const;

/** The value at `path` inside `root`, or undefined. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The zod issues of one parse, as problems. A failed condition union is narrowed to the branch
 * the author meant (the one whose key is present), so the message says what is really wrong.
 */
export function schemaProblems(
  issues: readonly Issue[],
  input: unknown,
  at: Path,
): RoutingProblem[] {
  const problems: RoutingProblem[] = [];
  const visit = (list: readonly Issue[], base: Path) => {
    for (const issue of list) {
      const path = [
        ...base,
        ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      ];
      if (issue.code === 'invalid_union' && isConditionPath(path)) {
        const node = valueAt(input, path.slice(at.length));
        const branch = conditionBranch(node);
        const chosen = branch === undefined ? undefined : issue.errors[branch];
        if (chosen !== undefined) {
          visit(chosen, path);
          continue;
        }
        problems.push({
          code: 'SCHEMA',
          path,
          message:
            'a condition is { all: [...] }, { any: [...] }, { not: {...} } or { fact, op, value }',
        });
        continue;
      }
      const special =
        issue.code === 'custom'
          ? (issue.params as { routingProblem?: unknown } | undefined)?.routingProblem
          : undefined;
      const code = special === 'BAD_PATTERN' ? 'BAD_PATTERN' : 'SCHEMA';
      problems.push({ code, path, message: issue.message });
    }
  };
  visit(issues, at);
  return problems;
}

/** True when a path points at a condition: `when`, `not`, or an element of `all` / `any`. */
function isConditionPath(path: Path): boolean {
  const last = path[path.length - 1];
  const previous = path[path.length - 2];
  return (
    last === 'when' ||
    last === 'not' ||
    (typeof last === 'number' && (previous === 'all' || previous === 'any'))
  );
}

/** Which branch of the condition union a node is written as: 0 all, 1 any, 2 not, 3 leaf. */
function conditionBranch(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const index = CONDITION_KEYS.findIndex((key) => key in node);
  if (index >= 0) return index;
  return 'fact' in node || 'op' in node ? 3 : undefined;
}
