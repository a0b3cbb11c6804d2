import type { DeadlineSpec, WorkCalendar } from '../calendar/types.js';
import type { ConditionTrace } from './conditions.js';
import type { RouteKind, RoutingConfig, RoutingTier } from './schema.js';

/**
 * The case fields routing reads: those of the case book's `open(...)`. Rules may test any
 * dotted path into it (`category`, `channel`, `attributes.reports`, `location.district`).
 */
export interface RoutableCase {
  /** The case's id. */
  readonly id?: string;
  /** What kind of problem it is (`noise`, `street-stall`, ...): the fact rules test most. */
  readonly category?: string;
  /** A short title in the resident's words. */
  readonly title?: string;
  /** The longer account. */
  readonly description?: string;
  /** When the case came in: an ISO instant with an offset, or a Date. The deadline counts from it. */
  readonly receivedAt?: string | Date;
  /** Where it came in: a station, a corner shop, a hotline, an app. */
  readonly channel?: string;
  /** Who reported it. */
  readonly reporter?: unknown;
  /** Where the problem is. */
  readonly location?: unknown;
  /** Anything else rules may test, e.g. `{ reports: 3, households: 12 }`. */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** Options of {@link Router.route} and {@link Router.explain}. */
export interface RouteOptions {
  /**
   * Count the deadline from this instant (ISO with offset, or Date) instead of the case's
   * `receivedAt`: for a case re-routed when it is reopened or moved.
   */
  readonly now?: string | Date;
}

/** Where a case goes and by when. */
export interface RouteResult {
  /** The tier's id. */
  readonly tier: string;
  /** Who handles it: the rule's `handlers`, or the tier's. */
  readonly handlers: readonly string[];
  /** The due instant, an ISO string in the calendar's time zone. */
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

/** One rule tried by {@link Router.explain}. */
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

/** Options of {@link compileRouting}. */
export interface CompileRoutingOptions {
  /** The working-day calendar for deadlines; `cnCalendar` by default. */
  readonly calendar?: WorkCalendar;
  /** Index rules by the fact they most test for equality (default true). Off, every rule is tried in turn. */
  readonly indexed?: boolean;
}

/** A compiled rule set. */
export interface Router {
  /** The validated rule set. */
  readonly config: RoutingConfig;
  /** The tiers in escalation order. */
  readonly tiers: readonly RoutingTier[];
  /** The calendar deadlines are counted in. */
  readonly calendar: WorkCalendar;
  /** The fact the rules are indexed by (usually `category`), or `null`. */
  readonly indexFact: string | null;
  /**
   * Routes a case: the first matching rule wins, else the default. Checks only what it reads
   * (the case is an object; `receivedAt`, or `options.now`, is an instant) and throws
   * `INVALID_INPUT` otherwise.
   *
   * @example
   * ```ts
   * router.route({ category: 'fire', receivedAt: '2025-01-24T10:00:00+08:00' });
   * // { tier: 'joint', dueAt: '2025-01-24T11:00:00.000+08:00', ruleId: 'emergency', ... }
   * ```
   */
  route(caseInput: RoutableCase, options?: RouteOptions): RouteResult;
  /**
   * Routes a case and says why: each rule tried, each condition's fact value, expected value and result.
   *
   * @example
   * ```ts
   * const { trace, usedDefault } = router.explain({ category: 'noise', receivedAt, attributes: { reports: 2 } });
   * // trace[1].condition.children[1]: { type: 'fact', fact: 'attributes.reports', op: 'gte', expected: 3, actual: 2, result: false }
   * ```
   */
  explain(caseInput: RoutableCase, options?: RouteOptions): RouteExplanation;
  /** The tier with this id. */
  tier(id: string): RoutingTier | undefined;
  /** The tier after this one (for escalation), or undefined for the last or an unknown tier. */
  nextTier(id: string): RoutingTier | undefined;
}
