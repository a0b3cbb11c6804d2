import { parseInput } from '@lanewise/core/schemas';
import { routingConfigSchema } from '@lanewise/core/routing';
import type { Router, RoutingConfig } from '@lanewise/core/routing';

/** True when `value` is a compiled router rather than a rule set. */
function isRouter(value: unknown): value is Router {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Router).route === 'function' &&
    typeof (value as Router).config === 'object'
  );
}

/**
 * The rule set of `raw`: a compiled router's own (already checked by the core), or a rule set
 * document checked with the core's schema, so that a bad one names its field. Only the schema
 * is needed to show tiers and categories; compiling is the book's work.
 */
export function checkRuleSet(raw: unknown): RoutingConfig {
  if (isRouter(raw)) return raw.config;
  return parseInput(routingConfigSchema, raw) as RoutingConfig;
}
