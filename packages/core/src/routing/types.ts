// The records of routing: what `route` and `explain` return, and the problems of a rule set.
import type { DeadlineSpec } from '../calendar/api.js';

/** What a case's handling counts as in the 721 ratio: service, management or enforcement. */
export const ROUTE_KINDS = ['service', 'manage', 'enforce'] as const;

/** One of {@link ROUTE_KINDS}. */
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** The leaf operators. */
export const ROUTING_OPERATORS = [
  'eq',
  'ne',
  'in',
  'nin',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'contains',
  'startsWith',
  'matches',
  'exists',
] as const;

/** One of {@link ROUTING_OPERATORS}. */
export type RoutingOperator = (typeof ROUTING_OPERATORS)[number];

/** Where a case goes and by when. Frozen. */
export interface RouteResult {
  /** The tier's id. */
  readonly tier: string;
  /** Who handles it: the rule's `handlers`, or the tier's. */
  readonly handlers: readonly string[];
  /** The due instant, an ISO string with the calendar zone's offset. */
  readonly dueAt: string;
  /** The deadline that gave `dueAt`: the rule's, or the tier's. */
  readonly deadline: DeadlineSpec;
  /** The rule that matched, or `null` when the default applied. */
  readonly ruleId: string | null;
  /** What the handling counts as in the 721 ratio: the rule's `kind`, the tier's, or `service`. */
  readonly kind: RouteKind;
  /** The rule's tags (empty when none). */
  readonly tags: readonly string[];
}

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
      readonly op: RoutingOperator;
      /** The value in the rule (`true` for a bare `exists`). */
      readonly expected: unknown;
      /** The case's value at the fact's path (`undefined` when missing). */
      readonly actual: unknown;
      readonly result: boolean;
    };

/** One rule tried by `explain`. */
export interface RuleTrace {
  readonly ruleId: string;
  readonly priority: number;
  readonly matched: boolean;
  /** The condition's evaluation, or `null` for a rule without `when`. */
  readonly condition: ConditionTrace | null;
}

/** A route with the reasons. */
export interface RouteExplanation extends RouteResult {
  /** Every rule tried, in order (higher priority first, then file order), up to the one that matched. */
  readonly trace: readonly RuleTrace[];
  /** True when no rule matched and `default` applied. */
  readonly usedDefault: boolean;
  /** False when the calendar has no holiday data for the year of the due day (plain weekends were used). */
  readonly calendarCovers: boolean;
}

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
  /** A `matches` pattern that could take too long: see "Patterns" in docs/routing.md. */
  'SLOW_PATTERN',
  /** A condition nested deeper than `MAX_CONDITION_DEPTH`, or a value that contains itself. */
  'TOO_DEEP',
  /** A rule set with more than `MAX_RULES_JSON_VALUES` values. */
  'TOO_LARGE',
  /** A rule after an unconditional rule (higher priority, or same priority earlier in the file). */
  'SHADOWED',
  /** A rule whose condition can never hold (`any: []`, `not` of an unconditional condition). */
  'NEVER_MATCHES',
] as const;

/** One of {@link ROUTING_PROBLEM_CODES}. */
export type RoutingProblemCode = (typeof ROUTING_PROBLEM_CODES)[number];

/** One problem found in a rule set. */
export interface RoutingProblem {
  readonly code: RoutingProblemCode;
  /** Where in the rule set, e.g. `['rules', 3, 'when', 'all', 0, 'value']`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}
