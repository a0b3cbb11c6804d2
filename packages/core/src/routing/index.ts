/**
 * Tiered routing rules: compile, route, explain.
 *
 * @module routing
 */
export { compileRouting } from './router.js';
export {
  ROUTE_KINDS,
  ROUTING_OPERATORS,
  routeKindSchema,
  localizedTextSchema,
  routingConditionSchema,
  routingConfigSchema,
  routingLeafSchema,
  routingRuleSchema,
  routingThenSchema,
  routingTierSchema,
  type RouteKind,
  type RoutingCondition,
  type RoutingConfig,
  type RoutingLeaf,
  type RoutingRule,
  type RoutingThen,
  type RoutingTier,
} from './schema.js';
export { ROUTING_PROBLEM_CODES, type RoutingProblem } from './problems.js';
export type { ConditionTrace } from './conditions.js';
export type {
  CompileRoutingOptions,
  RoutableCase,
  RouteExplanation,
  RouteOptions,
  RouteResult,
  Router,
  RuleTrace,
} from './types.js';
