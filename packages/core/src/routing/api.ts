// The public interface of a compiled router and the types of its inputs: the rule set as a
// community writes it, the case, and the options.
import type { DeadlineSpec, WorkCalendar } from '../calendar/api.js';
import type { RouteExplanation, RouteKind, RouteResult } from './types.js';

/** Text in several languages, keyed by BCP 47 tag: `{ "zh-CN": "一般", "en": "Coordinated" }`. */
export type LocalizedText = Readonly<Record<string, string>>;

/** A value a leaf compares with: JSON's scalars. */
export type RoutingPrimitive = string | number | boolean | null;

/** A leaf condition `{ fact, op, value }`: `fact` is a dotted path into the case. */
export type RoutingLeaf =
  | { readonly fact: string; readonly op: 'eq' | 'ne'; readonly value: RoutingPrimitive }
  | {
      readonly fact: string;
      readonly op: 'in' | 'nin';
      readonly value: readonly RoutingPrimitive[];
    }
  | {
      readonly fact: string;
      readonly op: 'lt' | 'lte' | 'gt' | 'gte';
      readonly value: number | string;
    }
  | {
      readonly fact: string;
      readonly op: 'between';
      readonly value: readonly [number, number] | readonly [string, string];
    }
  | { readonly fact: string; readonly op: 'contains'; readonly value: RoutingPrimitive }
  | { readonly fact: string; readonly op: 'startsWith'; readonly value: string }
  | {
      readonly fact: string;
      readonly op: 'matches';
      /** A regular expression that passes the checks of "Patterns" in docs/routing.md. */
      readonly value: string;
      /** Any of `i`, `m`, `s`, `u`, `v`. */
      readonly flags?: string;
    }
  | { readonly fact: string; readonly op: 'exists'; readonly value?: boolean };

/** A condition: `all`, `any`, `not`, or a leaf; nested at most `MAX_CONDITION_DEPTH` deep. */
export type RoutingCondition =
  | { readonly all: readonly RoutingCondition[] }
  | { readonly any: readonly RoutingCondition[] }
  | { readonly not: RoutingCondition }
  | RoutingLeaf;

/** What a matching rule (or the default) decides: the tier, and optionally overrides. */
export interface RoutingThen {
  readonly tier: string;
  readonly handlers?: readonly string[];
  readonly deadline?: DeadlineSpec;
  readonly kind?: RouteKind;
  readonly tags?: readonly string[];
}

/** A tier: who handles its cases and by when. The order of tiers is the escalation order. */
export interface RoutingTier {
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly handlers: readonly string[];
  readonly deadline: DeadlineSpec;
  readonly kind?: RouteKind;
}

/** A rule: when `when` holds (or always, without `when`), `then` applies. */
export interface RoutingRule {
  readonly id: string;
  readonly description?: string;
  /** Higher first; 0 when left out. */
  readonly priority?: number;
  readonly when?: RoutingCondition;
  readonly then: RoutingThen;
}

/** A category residents choose from, with its label and a one-line description. */
export interface RoutingCategory {
  /** The value of the case's `category`. */
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
}

/**
 * A whole rule set, as a community writes it in JSON. `compileRouting` checks more than its
 * schema can: unknown tiers, duplicate ids, patterns, nesting, shadowed rules.
 */
export interface RoutingConfig {
  readonly $schema?: string;
  readonly description?: string;
  /** The categories residents choose from, in the order to offer them. */
  readonly categories?: readonly RoutingCategory[];
  readonly tiers: readonly RoutingTier[];
  readonly rules?: readonly RoutingRule[];
  readonly default: RoutingThen;
}

/**
 * The case fields routing reads: those of the case book's `open(...)`. Rules may test any
 * dotted path into it (`category`, `channel`, `attributes.reports`, `location.district`),
 * through own properties only.
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

/** Options of {@link compileRouting}. */
export interface CompileRoutingOptions {
  /** The working-day calendar for deadlines, made by `createWorkCalendar`; `cnCalendar` by default. */
  readonly calendar?: WorkCalendar;
  /** Index rules by the fact they most test for equality (default true). Off, every rule is tried in turn. */
  readonly indexed?: boolean;
}

/** A compiled rule set. It is frozen, and so is everything it returns. */
export interface Router {
  /** The validated rule set (a frozen copy of the input). */
  readonly config: RoutingConfig;
  /** The tiers in escalation order. */
  readonly tiers: readonly RoutingTier[];
  /** The calendar deadlines are counted in. */
  readonly calendar: WorkCalendar;
  /** The fact the rules are indexed by (usually `category`), or `null`. */
  readonly indexFact: string | null;
  /**
   * Routes a case: the first matching rule wins, else the default. Checks only what it reads
   * (the case is an object; `receivedAt`, or `options.now`, is an instant from 1970 to 2999,
   * and the due instant falls before 3000) and throws `INVALID_INPUT` otherwise.
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
  /** The tier with this id (own ids only: `tier('constructor')` is undefined). */
  tier(id: string): RoutingTier | undefined;
  /** The tier after this one (for escalation), or undefined for the last or an unknown tier. */
  nextTier(id: string): RoutingTier | undefined;
}
