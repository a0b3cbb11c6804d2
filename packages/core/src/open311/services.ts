// The GeoReport v2 service list of a rule set: the categories its rules test, each with the
// tier and deadline it is routed to.
import * as z from 'zod/mini';
import type { DeadlineSpec } from '../calendar/types.js';
import { compileRouting } from '../routing/index.js';
import type { Router, RoutingCondition, RoutingThen } from '../routing/index.js';
import { parseInput } from '../schemas/parse.js';
import type { CaseRouting } from '../cases/api.js';
import { isRouter } from '../cases/case-router.js';

const name = z.string().check(z.minLength(1), z.maxLength(200));

/** Service codes to categories: `{ "NOISE-01": "noise" }`, or a list of codes that are their own category. */
export const categoryMapSchema = z.union([z.record(name, name), z.array(name)], {
  error: 'must map service codes to categories ({ "NOISE-01": "noise" }) or list the categories',
});

/** Names by category, such as service names. */
export const nameMapSchema = z.record(name, z.string().check(z.maxLength(500)));

const servicesOptionsSchema = z.strictObject({
  locale: z.optional(z.string().check(z.minLength(1), z.maxLength(35))),
  categories: z.optional(categoryMapSchema),
  serviceNames: z.optional(nameMapSchema),
});

/** One entry of a GeoReport v2 service list (`GET services.json`). */
export interface Open311Service {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  /** Always `false`: the service needs no extra attributes from the resident. */
  readonly metadata: boolean;
  readonly type: 'realtime' | 'batch' | 'blackbox';
  /** Comma-separated keywords: the rule's tags. */
  readonly keywords?: string;
  /** The tier's name in the chosen language. */
  readonly group: string;
}

/** Options of `open311Services`. */
export interface Open311ServicesOptions {
  /** The language of tier names and descriptions: `zh-CN` (default) or `en`. */
  readonly locale?: string;
  /** Service codes to categories, as for `fromOpen311`; listed categories are added. */
  readonly categories?: Readonly<Record<string, string>> | readonly string[];
  /** Service names by category; the category by default. */
  readonly serviceNames?: Readonly<Record<string, string>>;
}

/** The categories a condition asks for with `eq` or `in` (never under `not`). */
function categoriesOf(condition: RoutingCondition | undefined, into: string[]): string[] {
  if (condition === undefined) return into;
  if ('all' in condition) for (const part of condition.all) categoriesOf(part, into);
  else if ('any' in condition) for (const part of condition.any) categoriesOf(part, into);
  else if ('fact' in condition && condition.fact === 'category') {
    if (condition.op === 'eq' && typeof condition.value === 'string') into.push(condition.value);
    if (condition.op === 'in')
      for (const value of condition.value) if (typeof value === 'string') into.push(value);
  }
  return into;
}

function within(deadline: DeadlineSpec, english: boolean): string {
  if ('hours' in deadline) {
    const hours = deadline.hours;
    return english ? `within ${hours} hour${hours === 1 ? '' : 's'}` : `${hours}小时内`;
  }
  const days = deadline.workingDays;
  if (days === 0) return english ? 'the same day' : '当日';
  return english ? `within ${days} working day${days === 1 ? '' : 's'}` : `${days}个工作日内`;
}

/** Builds the service list; see `open311Services`. */
export function routingCategories(
  routing: CaseRouting,
  options: Open311ServicesOptions,
): Open311Service[] {
  const router: Router = isRouter(routing) ? routing : compileRouting(routing);
  const settled = parseInput(servicesOptionsSchema, options, ['options']);
  const locale = settled.locale ?? 'zh-CN';
  const english = locale.startsWith('en');
  const codeOf = new Map<string, string>();
  const listed = settled.categories ?? [];
  const pairs = Array.isArray(listed)
    ? listed.map((category: string) => [category, category] as const)
    : Object.entries(listed as Readonly<Record<string, string>>);
  for (const [code, category] of pairs) if (!codeOf.has(category)) codeOf.set(category, code);

  // Rules in routing order: higher priority first, then file order (sort is stable).
  const rules = [...(router.config.rules ?? [])].sort(
    (a, b) => (b.priority ?? 0) - (a.priority ?? 0),
  );
  const thenOf = new Map<string, RoutingThen>();
  for (const rule of rules) {
    for (const category of categoriesOf(rule.when, []))
      if (!thenOf.has(category)) thenOf.set(category, rule.then);
  }
  for (const category of codeOf.keys())
    if (!thenOf.has(category)) thenOf.set(category, router.config.default);

  return [...thenOf].map(([category, then]) => {
    const tier = router.tier(then.tier);
    const names: Readonly<Record<string, string>> = tier?.name ?? {};
    const own = (key: string) => (Object.hasOwn(names, key) ? names[key] : undefined);
    const group =
      own(locale) ?? own(english ? 'en' : 'zh-CN') ?? Object.values(names)[0] ?? then.tier;
    const deadline = then.deadline ?? tier?.deadline ?? { workingDays: 0 };
    const service: { -readonly [K in keyof Open311Service]: Open311Service[K] } = {
      service_code: codeOf.get(category) ?? category,
      service_name:
        settled.serviceNames !== undefined && Object.hasOwn(settled.serviceNames, category)
          ? (settled.serviceNames[category] as string)
          : category,
      description: english
        ? `${group}, ${within(deadline, true)}`
        : `${group}，${within(deadline, false)}`,
      metadata: false,
      type: 'realtime',
      group,
    };
    if (then.tags !== undefined && then.tags.length > 0) service.keywords = then.tags.join(',');
    return service;
  });
}
