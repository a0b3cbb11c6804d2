import { z } from 'zod';
import { deadlineSpecSchema } from '../calendar/schemas.js';
import { idSchema } from '../schemas/index.js';
import { factPathProblem } from './facts.js';
import { patternProblem } from './operators.js';

/** What a case's handling counts as in the 721 ratio: service, management or enforcement. */
export const ROUTE_KINDS = ['service', 'manage', 'enforce'] as const;

/** One of {@link ROUTE_KINDS}. */
export const routeKindSchema = z.enum(ROUTE_KINDS);

/** Text in several languages, keyed by BCP 47 tag: `{ "zh-CN": "一般", "en": "Coordinated" }`. */
export const localizedTextSchema = z
  .record(z.string().min(2).max(35), z.string().min(1).max(500))
  .refine((text) => Object.keys(text).length > 0, 'give the text in at least one language');

const factSchema = z
  .string()
  .min(1)
  .max(200)
  .superRefine((path, ctx) => {
    const problem = factPathProblem(path);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

const primitiveSchema = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'expected a string, number, boolean or null',
});
const comparableSchema = z.union([z.number(), z.string()], {
  error: 'expected a number or a string',
});

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

/** A leaf condition `{ fact, op, value }`, checked per operator. */
export const routingLeafSchema = z.discriminatedUnion(
  'op',
  [
    z.strictObject({ fact: factSchema, op: z.enum(['eq', 'ne']), value: primitiveSchema }),
    z.strictObject({
      fact: factSchema,
      op: z.enum(['in', 'nin']),
      value: z.array(primitiveSchema),
    }),
    z.strictObject({
      fact: factSchema,
      op: z.enum(['lt', 'lte', 'gt', 'gte']),
      value: comparableSchema,
    }),
    z.strictObject({
      fact: factSchema,
      op: z.literal('between'),
      value: z
        .tuple([comparableSchema, comparableSchema])
        .refine(
          ([low, high]) => typeof low === typeof high,
          'both bounds must be numbers, or both strings',
        )
        .refine(([low, high]) => low <= high, 'the low bound must not exceed the high bound'),
    }),
    z.strictObject({ fact: factSchema, op: z.literal('contains'), value: primitiveSchema }),
    z.strictObject({ fact: factSchema, op: z.literal('startsWith'), value: z.string() }),
    z
      .strictObject({
        fact: factSchema,
        op: z.literal('matches'),
        value: z.string().max(1000),
        flags: z
          .string()
          .regex(/^[imsuv]*$/, 'flags may only be i, m, s, u and v')
          .optional(),
      })
      .superRefine((leaf, ctx) => {
        const problem = patternProblem(leaf.value, leaf.flags);
        if (problem === undefined) return;
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: problem,
          params: { routingProblem: 'BAD_PATTERN' },
        });
      }),
    z.strictObject({ fact: factSchema, op: z.literal('exists'), value: z.boolean().optional() }),
  ],
  { error: `op must be one of ${ROUTING_OPERATORS.join(', ')}` },
);

/** A leaf condition. */
export type RoutingLeaf = z.infer<typeof routingLeafSchema>;

/** A condition: `all`, `any`, `not`, or a leaf. */
export type RoutingCondition =
  | { readonly all: readonly RoutingCondition[] }
  | { readonly any: readonly RoutingCondition[] }
  | { readonly not: RoutingCondition }
  | RoutingLeaf;

/** A condition tree; the recursion is lazy. */
export const routingConditionSchema: z.ZodType<RoutingCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(routingConditionSchema) }),
    z.strictObject({ any: z.array(routingConditionSchema) }),
    z.strictObject({ not: routingConditionSchema }),
    routingLeafSchema,
  ]),
);

/** What a matching rule (or the default) decides: the tier, and optionally overrides. */
export const routingThenSchema = z.strictObject({
  tier: idSchema,
  handlers: z.array(idSchema).min(1).optional(),
  deadline: deadlineSpecSchema.optional(),
  kind: routeKindSchema.optional(),
  tags: z.array(z.string().min(1).max(100)).optional(),
});

/** A tier: who handles its cases and by when. The order of tiers is the escalation order. */
export const routingTierSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  handlers: z.array(idSchema).min(1),
  deadline: deadlineSpecSchema,
  kind: routeKindSchema.optional(),
});

/** A rule: when `when` holds (or always, without `when`), `then` applies. */
export const routingRuleSchema = z.strictObject({
  id: idSchema,
  description: z.string().max(2000).optional(),
  priority: z.int().min(-1_000_000).max(1_000_000).optional(),
  when: routingConditionSchema.optional(),
  then: routingThenSchema,
});

/**
 * A whole rule set, as a community writes it in JSON. `compileRouting` checks more than this
 * schema can: unknown tiers, duplicate ids, bad patterns, shadowed rules.
 */
export const routingConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().max(2000).optional(),
  tiers: z.array(routingTierSchema).min(1),
  rules: z.array(routingRuleSchema).optional(),
  default: routingThenSchema,
});

/** A rule set: tiers, rules and the default. */
export type RoutingConfig = z.infer<typeof routingConfigSchema>;
/** One tier of a {@link RoutingConfig}. */
export type RoutingTier = z.infer<typeof routingTierSchema>;
/** One rule of a {@link RoutingConfig}. */
export type RoutingRule = z.infer<typeof routingRuleSchema>;
/** The decision of a rule or of the default. */
export type RoutingThen = z.infer<typeof routingThenSchema>;
/** One of `service`, `manage`, `enforce`. */
export type RouteKind = z.infer<typeof routeKindSchema>;
