// The zod/mini schemas of a rule set and of what routing returns, exported for JSON Schemas.
// `compileRouting` parses a rule set piece by piece with them (checks.ts) and walks conditions
// by hand, so that deep or cyclic conditions are reported instead of overflowing the stack.
// A schema made by a method call (`.check`) is marked pure: a bundler cannot tell that such a
// call has no side effects, and would keep the schema in bundles that do not use it.
import * as z from 'zod/mini';
import { deadlineSpecSchema } from '../calendar/deadline.js';
import { idSchema, instantSchema } from '../schemas/common.js';
import { factPathProblem } from './facts.js';
import { MAX_PATTERN_LENGTH } from './patterns.js';
import { ROUTE_KINDS, ROUTING_OPERATORS, type RoutingOperator } from './types.js';
import type { RoutingCondition, RoutingLeaf } from './api.js';

/** One of `service`, `manage`, `enforce`. */
export const routeKindSchema = z.enum(ROUTE_KINDS);

// A BCP 47 tag such as `zh-CN` or `en`: this also keeps `__proto__` and `constructor` out.
const languageTagSchema = /* @__PURE__ */ z
  .string()
  .check(
    z.maxLength(35),
    z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as zh-CN or en'),
  );

/** Text in several languages, keyed by BCP 47 tag: `{ "zh-CN": "一般", "en": "Coordinated" }`. */
export const localizedTextSchema = /* @__PURE__ */ z
  .record(languageTagSchema, z.string().check(z.minLength(1), z.maxLength(500)))
  .check(
    z.refine((text) => Object.keys(text).length > 0, 'give the text in at least one language'),
  );

const factSchema = /* @__PURE__ */ z.string().check(
  z.minLength(1),
  z.maxLength(200),
  z.refine((path) => factPathProblem(path) === undefined, {
    error: (issue) => factPathProblem(String(issue.input)) ?? 'is not a fact path',
  }),
);

type Comparable = number | string;

const primitiveSchema = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'expected a string, number, boolean or null',
});
const comparableSchema = z.union([z.number(), z.string()], {
  error: 'expected a number or a string',
});

const eqLeaf = z.strictObject({
  fact: factSchema,
  op: z.enum(['eq', 'ne']),
  value: primitiveSchema,
});
const inLeaf = z.strictObject({
  fact: factSchema,
  op: z.enum(['in', 'nin']),
  value: z.array(primitiveSchema),
});
const compareLeaf = z.strictObject({
  fact: factSchema,
  op: z.enum(['lt', 'lte', 'gt', 'gte']),
  value: comparableSchema,
});
const betweenLeaf = z.strictObject({
  fact: factSchema,
  op: z.literal('between'),
  // `[low, high]`: a list of two rather than a tuple, which would bring its own code to bundles.
  value: z.array(comparableSchema).check(
    z.length(2, 'must be [low, high]'),
    z.refine(
      ([low, high]) => typeof low === typeof high,
      'both bounds must be numbers, or both strings',
    ),
    z.refine(
      ([low, high]) => (low as Comparable) <= (high as Comparable),
      'the low bound must not exceed the high bound',
    ),
  ),
});
const containsLeaf = z.strictObject({
  fact: factSchema,
  op: z.literal('contains'),
  value: primitiveSchema,
});
const startsWithLeaf = z.strictObject({
  fact: factSchema,
  op: z.literal('startsWith'),
  value: z.string(),
});
const matchesLeaf = z.strictObject({
  fact: factSchema,
  op: z.literal('matches'),
  value: z.string().check(z.maxLength(MAX_PATTERN_LENGTH)),
  flags: z.optional(z.string().check(z.regex(/^[imsuv]*$/, 'flags may only be i, m, s, u and v'))),
});
const existsLeaf = z.strictObject({
  fact: factSchema,
  op: z.literal('exists'),
  value: z.optional(z.boolean()),
});

/** The schema of a leaf with each operator: `compileRouting` checks `op`, then its schema. */
export const leafByOperator: Readonly<Record<RoutingOperator, z.ZodMiniType>> = {
  eq: eqLeaf,
  ne: eqLeaf,
  in: inLeaf,
  nin: inLeaf,
  lt: compareLeaf,
  lte: compareLeaf,
  gt: compareLeaf,
  gte: compareLeaf,
  between: betweenLeaf,
  contains: containsLeaf,
  startsWith: startsWithLeaf,
  matches: matchesLeaf,
  exists: existsLeaf,
};

/**
 * A leaf condition `{ fact, op, value }`, checked per operator. A `matches` pattern is checked
 * further by `compileRouting` (it must compile and pass the checks of docs/routing.md).
 */
export const routingLeafSchema = z.union(
  [eqLeaf, inLeaf, compareLeaf, betweenLeaf, containsLeaf, startsWithLeaf, matchesLeaf, existsLeaf],
  { error: `a leaf is { fact, op, value } with op one of ${ROUTING_OPERATORS.join(', ')}` },
) as z.ZodMiniType<RoutingLeaf>;

/** A condition tree; the recursion is lazy. */
export const routingConditionSchema: z.ZodMiniType<RoutingCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(routingConditionSchema) }),
    z.strictObject({ any: z.array(routingConditionSchema) }),
    z.strictObject({ not: routingConditionSchema }),
    routingLeafSchema,
  ]),
);

const handlersSchema = /* @__PURE__ */ z.array(idSchema).check(z.minLength(1));

/** What a matching rule (or the default) decides: the tier, and optionally overrides. */
export const routingThenSchema = z.strictObject({
  tier: idSchema,
  handlers: z.optional(handlersSchema),
  deadline: z.optional(deadlineSpecSchema),
  kind: z.optional(routeKindSchema),
  tags: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100)))),
});

/** A tier: who handles its cases and by when. The order of tiers is the escalation order. */
export const routingTierSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  description: z.optional(localizedTextSchema),
  handlers: handlersSchema,
  deadline: deadlineSpecSchema,
  kind: z.optional(routeKindSchema),
});

const ruleFields = {
  id: idSchema,
  description: z.optional(z.string().check(z.maxLength(2000))),
  priority: z.optional(z.int().check(z.minimum(-1_000_000), z.maximum(1_000_000))),
};

/** A rule: when `when` holds (or always, without `when`), `then` applies. */
export const routingRuleSchema = z.strictObject({
  ...ruleFields,
  when: z.optional(routingConditionSchema),
  then: routingThenSchema,
});

/** A rule with its `when` and `then` left for their own checks (not a wire format). */
export const ruleShell = z.strictObject({
  ...ruleFields,
  when: z.optional(z.unknown()),
  then: z.optional(z.unknown()),
});

/**
 * A category residents choose from (the value rules test as `category`), with its label and a
 * one-line description in several languages, for intake forms and boards.
 */
export const routingCategorySchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  description: z.optional(localizedTextSchema),
});

const configFields = {
  $schema: z.optional(z.string()),
  description: z.optional(z.string().check(z.maxLength(2000))),
  categories: z.optional(
    z
      .array(routingCategorySchema)
      .check(
        z.refine(
          (list) => new Set(list.map((category) => category.id)).size === list.length,
          'category ids must be unique',
        ),
      ),
  ),
};

/** A whole rule set, as a community writes it in JSON. */
export const routingConfigSchema = z.strictObject({
  ...configFields,
  tiers: z.array(routingTierSchema).check(z.minLength(1)),
  rules: z.optional(z.array(routingRuleSchema)),
  default: routingThenSchema,
});

/** A rule set with its parts left for their own checks (not a wire format). */
export const configShell = z.strictObject({
  ...configFields,
  tiers: z.array(z.unknown()).check(z.minLength(1)),
  rules: z.optional(z.array(z.unknown())),
  default: z.unknown().check(z.refine((value) => value !== undefined, 'a default is required')),
});

/** Where a case goes and by when: the record `route` returns. */
export const routeResultSchema = z.strictObject({
  tier: idSchema,
  handlers: z.array(idSchema),
  dueAt: instantSchema,
  deadline: deadlineSpecSchema,
  ruleId: z.union([idSchema, z.null()]),
  kind: routeKindSchema,
  tags: z.array(z.string()),
});
