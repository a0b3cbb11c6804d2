/**
 * Tiered routing rules: compile, route, explain.
 *
 * @module routing
 */
export { compileRouting } from './router.js';
export { MAX_CONDITION_DEPTH, MAX_RULES_JSON_DEPTH, MAX_RULES_JSON_VALUES } from './checks.js';
export {
  MAX_PATTERN_COST,
  MAX_PATTERN_LENGTH,
  MAX_RULE_SET_PATTERN_COST,
  PATTERN_TEXT_LIMIT,
} from './patterns.js';
export {
  localizedTextSchema,
  routeKindSchema,
  routeResultSchema,
  routingCategorySchema,
  routingConditionSchema,
  routingConfigSchema,
  routingLeafSchema,
  routingRuleSchema,
  routingThenSchema,
  routingTierSchema,
} from './schemas.js';
export {
  ROUTE_KINDS,
  ROUTING_OPERATORS,
  ROUTING_PROBLEM_CODES,
  type ConditionTrace,
  type RouteExplanation,
  type RouteKind,
  type RouteResult,
  type RoutingOperator,
  type RoutingProblem,
  type RoutingProblemCode,
  type RuleTrace,
} from './types.js';
export type {
  CompileRoutingOptions,
  LocalizedText,
  RoutableCase,
  RouteOptions,
  RoutingCategory,
  Router,
  RoutingCondition,
  RoutingConfig,
  RoutingLeaf,
  RoutingPrimitive,
  RoutingRule,
  RoutingThen,
  RoutingTier,
} from './api.js';
