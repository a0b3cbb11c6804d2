// The indexed router, the plain scan (indexed: false) and a naive interpreter written here from
// the spec agree on random rule sets and random cases.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compileRouting,
  type RoutableCase,
  type RoutingCondition,
  type RoutingConfig,
  type RoutingLeaf,
} from '../../src/routing/index.js';
import { FRIDAY, TIERS } from './fixtures.js';

const CATEGORIES = ['noise', 'litter', 'stall', 'parking', 'fire', 'water'];
const CHANNELS = ['station', 'shop', 'hotline', 'app'];
const WORDS = ['noise', 'night', '油烟', 'stall', 'park'];
const PATTERNS = ['^no', 'ght$', '油', 'st(a|o)ll', '^$'];

const primitive = fc.oneof(
  fc.constantFrom(...CATEGORIES, ...CHANNELS),
  fc.integer({ min: 0, max: 6 }),
  fc.boolean(),
  fc.constant(null),
);
const fact = fc.constantFrom(
  'category',
  'channel',
  'attributes.reports',
  'attributes.tags',
  'title',
  'location.district',
  'missing.path',
);

const leaf: fc.Arbitrary<RoutingLeaf> = fc.oneof(
  fc.record({ fact, op: fc.constantFrom('eq' as const, 'ne' as const), value: primitive }),
  fc.record({
    fact: fc.constant('category'),
    op: fc.constant('eq' as const),
    value: fc.constantFrom(...CATEGORIES),
  }),
  fc.record({
    fact,
    op: fc.constantFrom('in' as const, 'nin' as const),
    value: fc.array(primitive, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    fact,
    op: fc.constantFrom('lt' as const, 'lte' as const, 'gt' as const, 'gte' as const),
    value: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({
    fact,
    op: fc.constant('between' as const),
    value: fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
  }),
  fc.record({
    fact,
    op: fc.constant('contains' as const),
    value: fc.constantFrom(...WORDS, 'elderly', 2),
  }),
  fc.record({
    fact,
    op: fc.constant('startsWith' as const),
    value: fc.constantFrom('no', 'st', '油', ''),
  }),
  fc.record({ fact, op: fc.constant('matches' as const), value: fc.constantFrom(...PATTERNS) }),
  fc.record({ fact, op: fc.constant('exists' as const), value: fc.boolean() }),
);

const { condition } = fc.letrec<{ condition: RoutingCondition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: leaf }),
  ),
}));

const ruleSet: fc.Arbitrary<RoutingConfig> = fc
  .array(
    fc.record({
      priority: fc.integer({ min: 0, max: 3 }),
      when: condition,
      tier: fc.constantFrom('onsite', 'coordinated', 'joint'),
    }),
    { maxLength: 25 },
  )
  .map((rules) => ({
    tiers: TIERS,
    rules: rules.map((rule, index) => ({
      id: `r${index}`,
      priority: rule.priority,
      when: rule.when,
      then: { tier: rule.tier },
    })),
    default: { tier: 'coordinated' },
  }));

const caseInput = fc.record(
  {
    category: fc.oneof(
      fc.constantFrom(...CATEGORIES),
      fc.constant('unknown'),
      fc.integer({ min: 0, max: 3 }),
    ),
    channel: fc.constantFrom(...CHANNELS),
    title: fc.constantFrom('noise at night', 'stall', '油烟', '', 'park'),
    attributes: fc.record(
      {
        reports: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant('3')),
        tags: fc.array(fc.constantFrom(...WORDS, 'elderly'), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    location: fc.record(
      { district: fc.constantFrom('chengzhong', 'yufeng', null) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['category'] },
);

// The reference: a direct reading of the spec, sharing no code with the router.
function valueAt(input: unknown, path: string): unknown {
  let value = input;
  for (const key of path.split('.'))
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined;
  return value;
}
function sameTypeCompare(
  a: unknown,
  b: unknown,
  ok: (x: number | string, y: number | string) => boolean,
): boolean {
  return (
    (typeof a === 'number' || typeof a === 'string') &&
    typeof a === typeof b &&
    ok(a, b as number | string)
  );
}
function holds(node: RoutingCondition, input: unknown): boolean {
  if ('all' in node) return node.all.every((child) => holds(child, input));
  if ('any' in node) return node.any.some((child) => holds(child, input));
  if ('not' in node) return !holds(node.not, input);
  const actual = valueAt(input, node.fact);
  switch (node.op) {
    case 'eq':
      return actual === node.value;
    case 'ne':
      return actual !== node.value;
    case 'in':
      return node.value.some((value) => value === actual);
    case 'nin':
      return !node.value.some((value) => value === actual);
    case 'lt':
      return sameTypeCompare(actual, node.value, (x, y) => x < y);
    case 'lte':
      return sameTypeCompare(actual, node.value, (x, y) => x <= y);
    case 'gt':
      return sameTypeCompare(actual, node.value, (x, y) => x > y);
    case 'gte':
      return sameTypeCompare(actual, node.value, (x, y) => x >= y);
    case 'between':
      return (
        sameTypeCompare(actual, node.value[0], (x, y) => x >= y) &&
        sameTypeCompare(actual, node.value[1], (x, y) => x <= y)
      );
    case 'contains':
      return Array.isArray(actual)
        ? actual.includes(node.value)
        : typeof actual === 'string' &&
            typeof node.value === 'string' &&
            actual.includes(node.value);
    case 'startsWith':
      return typeof actual === 'string' && actual.startsWith(node.value);
    case 'matches':
      return typeof actual === 'string' && new RegExp(node.value, node.flags ?? '').test(actual);
    case 'exists':
      return (actual !== undefined && actual !== null) === (node.value ?? true);
  }
}
function referenceRuleId(config: RoutingConfig, input: unknown): string | null {
  const ordered = (config.rules ?? []).map((rule, index) => ({ rule, index }));
  ordered.sort((a, b) => (b.rule.priority ?? 0) - (a.rule.priority ?? 0) || a.index - b.index);
  return (
    ordered.find(({ rule }) => rule.when === undefined || holds(rule.when, input))?.rule.id ?? null
  );
}

describe('routing properties', () => {
  it('the indexed router, the plain scan and the reference agree', () => {
    fc.assert(
      fc.property(
        ruleSet,
        fc.array(caseInput, { minLength: 1, maxLength: 30 }),
        (config, cases) => {
          const indexed = compileRouting(config);
          const plain = compileRouting(config, { indexed: false });
          assert.equal(plain.indexFact, null);
          for (const fields of cases) {
            // Categories are sometimes numbers on purpose: rules must cope with data of any type.
            const input = { ...fields, receivedAt: FRIDAY } as unknown as RoutableCase;
            const expected = referenceRuleId(config, input);
            const routed = indexed.route(input);
            assert.equal(routed.ruleId, expected);
            assert.deepEqual(plain.route(input), routed);
            assert.equal(indexed.explain(input).ruleId, expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('indexes by category when rules pin it down', () => {
    const config: RoutingConfig = {
      tiers: TIERS,
      rules: [
        { id: 'a', when: { fact: 'channel', op: 'eq', value: 'app' }, then: { tier: 'onsite' } },
        {
          id: 'b',
          when: {
            all: [
              { fact: 'category', op: 'in', value: ['noise', 'stall'] },
              { fact: 'channel', op: 'ne', value: 'app' },
            ],
          },
          then: { tier: 'joint' },
        },
        {
          id: 'c',
          when: {
            any: [
              { fact: 'category', op: 'eq', value: 'fire' },
              { fact: 'category', op: 'eq', value: 'water' },
            ],
          },
          then: { tier: 'joint' },
        },
      ],
      default: { tier: 'coordinated' },
    };
    assert.equal(compileRouting(config).indexFact, 'category');
  });
});
