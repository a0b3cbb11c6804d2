// Routing throughput: a 40-rule set through the Lanewise router (1,000,000 cases per call) and,
// in the same run, through json-rules-engine with the same rules translated (10,000 cases per
// call: it is async and much slower). Both are checked to pick the same rule first.
import {
  compileRouting,
  type RoutingConfig,
  type RoutingRule,
} from '../packages/core/src/routing/index.js';
import { jreEngine, jreRoute } from './jre-translate.js';
import { runBench } from './harness.js';

const CATEGORIES = [
  'noise',
  'cooking-fumes',
  'street-stall',
  'litter',
  'clutter',
  'fly-posting',
  'shared-bikes',
  'parking',
  'illegal-building',
  'facility-damage',
  'green-damage',
  'street-light',
  'muck-transport',
  'water-leak',
  'gas-leak',
  'fire',
  'enquiry',
  'help-request',
  'pets',
  'outdoor-ads',
  'manhole',
  'road-damage',
  'tree-fall',
  'flooding',
  'elevator',
  'heating',
  'property-dispute',
  'neighbour-dispute',
  'market',
  'other',
];
const CHANNELS = ['station', 'corner-shop', 'hotline', 'app'];
const DISTRICTS = ['chengzhong', 'yufeng', 'liunan', 'liubei', 'yufeng-north'];

/** 40 rules of the shapes a community writes: categories, repeat reports, channels, words, areas. */
function fortyRules(): RoutingConfig {
  const rules: RoutingRule[] = [
    {
      id: 'emergency',
      priority: 100,
      when: {
        any: [
          { fact: 'category', op: 'in', value: ['gas-leak', 'fire', 'tree-fall'] },
          { fact: 'title', op: 'matches', value: '(燃气|煤气).{0,6}泄漏' },
        ],
      },
      then: { tier: 'joint', deadline: { hours: 1 } },
    },
    {
      id: 'wide-impact',
      priority: 50,
      when: { fact: 'attributes.households', op: 'gte', value: 50 },
      then: { tier: 'joint' },
    },
    {
      id: 'vip-area',
      priority: 40,
      when: {
        all: [
          { fact: 'location.district', op: 'startsWith', value: 'yufeng' },
          { fact: 'attributes.reports', op: 'gte', value: 5 },
        ],
      },
      then: { tier: 'joint' },
    },
  ];
  CATEGORIES.slice(0, 28).forEach((category, i) => {
    const tier = i % 3 === 0 ? 'onsite' : i % 3 === 1 ? 'coordinated' : 'joint';
    const when =
      i % 4 === 0
        ? {
            all: [
              { fact: 'category', op: 'eq' as const, value: category },
              { fact: 'attributes.reports', op: 'gte' as const, value: 2 },
            ],
          }
        : i % 4 === 1
          ? {
              all: [
                { fact: 'category', op: 'eq' as const, value: category },
                { fact: 'channel', op: 'in' as const, value: ['hotline', 'app'] },
              ],
            }
          : i % 4 === 2
            ? {
                all: [
                  { fact: 'category', op: 'eq' as const, value: category },
                  {
                    not: {
                      fact: 'attributes.hour',
                      op: 'between' as const,
                      value: [8, 18] as [number, number],
                    },
                  },
                ],
              }
            : { fact: 'category', op: 'eq' as const, value: category };
    rules.push({ id: `category-${category}`, when, then: { tier } });
  });
  rules.push(
    {
      id: 'night-noise',
      when: {
        all: [
          { fact: 'attributes.hour', op: 'gte', value: 22 },
          { fact: 'title', op: 'contains', value: '噪音' },
        ],
      },
      then: { tier: 'coordinated', kind: 'manage' },
    },
    {
      id: 'shop-intake',
      when: { fact: 'channel', op: 'eq', value: 'corner-shop' },
      then: { tier: 'onsite' },
    },
    {
      id: 'anonymous',
      when: { not: { fact: 'reporter.phone', op: 'exists' } },
      then: { tier: 'coordinated' },
    },
    {
      id: 'elderly',
      when: { fact: 'attributes.tags', op: 'contains', value: 'elderly' },
      then: { tier: 'onsite', tags: ['一老一小'] },
    },
    {
      id: 'liunan-repeat',
      when: {
        all: [
          { fact: 'location.district', op: 'eq', value: 'liunan' },
          { fact: 'attributes.reports', op: 'gt', value: 3 },
        ],
      },
      then: { tier: 'coordinated' },
    },
    {
      id: 'low-priority',
      priority: -10,
      when: { fact: 'category', op: 'nin', value: ['other'] },
      then: { tier: 'coordinated' },
    },
    {
      id: 'app-photos',
      priority: -5,
      when: { fact: 'attributes.photos', op: 'lte', value: 0 },
      then: { tier: 'onsite' },
    },
    {
      id: 'title-park',
      priority: -20,
      when: { fact: 'title', op: 'matches', value: '停车|车位' },
      then: { tier: 'onsite' },
    },
    {
      id: 'market-days',
      priority: -30,
      when: {
        any: [
          { fact: 'category', op: 'eq', value: 'market' },
          { fact: 'attributes.market', op: 'eq', value: true },
        ],
      },
      then: { tier: 'coordinated' },
    },
  );
  return {
    tiers: [
      { id: 'onsite', name: { 'zh-CN': '简易' }, handlers: ['station'], deadline: { hours: 2 } },
      {
        id: 'coordinated',
        name: { 'zh-CN': '一般' },
        handlers: ['section', 'squad', 'community'],
        deadline: { workingDays: 3 },
      },
      {
        id: 'joint',
        name: { 'zh-CN': '重大' },
        handlers: ['district-bureau', 'subdistrict', 'departments'],
        deadline: { workingDays: 7 },
      },
    ],
    rules,
    default: { tier: 'coordinated' },
  };
}

/** A small deterministic generator, so every run routes the same cases. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const TITLES = [
  '夜间噪音扰民',
  '楼下烧烤油烟',
  '小区车位被占',
  '路灯不亮',
  '燃气管道泄漏',
  '垃圾堆放',
  '咨询办事流程',
];

function makeCases(count: number): Record<string, unknown>[] {
  const random = generator(4);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `case-${i}`,
    category: pick(CATEGORIES),
    title: pick(TITLES),
    channel: pick(CHANNELS),
    receivedAt: new Date(start + Math.floor(random() * 365 * 86_400_000)).toISOString(),
    reporter: random() < 0.8 ? { phone: '1380000' } : {},
    location: { district: pick(DISTRICTS) },
    attributes: {
      reports: Math.floor(random() * 7),
      hour: Math.floor(random() * 24),
      households: Math.floor(random() * 60),
      photos: Math.floor(random() * 3),
      tags: random() < 0.1 ? ['elderly'] : [],
    },
  }));
}

const config = fortyRules();
if ((config.rules ?? []).length !== 40)
  throw new Error(`expected 40 rules, have ${(config.rules ?? []).length}`);
const router = compileRouting(config);
const plainScan = compileRouting(config, { indexed: false });
const engine = jreEngine(config);

const ROUTES = 1_000_000;
const JRE_ROUTES = 10_000;
const POOL = 100_000;
const cases = makeCases(POOL);

// Same first match on every case the peer sees: the comparison is of equal work.
let disagreements = 0;
for (const input of cases.slice(0, JRE_ROUTES))
  if ((await jreRoute(engine, input)) !== router.route(input).ruleId) disagreements += 1;
if (disagreements > 0)
  throw new Error(`json-rules-engine and the router disagree on ${disagreements} cases`);

let sink = 0;
const routeAll = (target: typeof router) => () => {
  for (let i = 0; i < ROUTES; i++) sink += target.route(cases[i % POOL] as never).dueAt.length;
};

const figures = await runBench(
  `routing, 40 rules (${POOL.toLocaleString('en')} distinct cases, cycled)`,
  [
    {
      name: `json-rules-engine, ${JRE_ROUTES.toLocaleString('en')} cases`,
      ops: JRE_ROUTES,
      fn: async () => {
        for (let i = 0; i < JRE_ROUTES; i++)
          if ((await jreRoute(engine, cases[i] as never)) !== null) sink += 1;
      },
    },
    {
      name: `router.route, ${ROUTES.toLocaleString('en')} cases`,
      ops: ROUTES,
      fn: routeAll(router),
    },
    {
      name: `router.route, plain scan (indexed: false), ${ROUTES.toLocaleString('en')}`,
      ops: ROUTES,
      fn: routeAll(plainScan),
    },
    {
      name: 'router.explain, 100,000 cases',
      ops: 100_000,
      fn: () => {
        for (let i = 0; i < 100_000; i++) sink += router.explain(cases[i] as never).trace.length;
      },
    },
  ],
);

const peer =
  figures.get(`json-rules-engine, ${JRE_ROUTES.toLocaleString('en')} cases`)?.opsPerSecond ?? NaN;
const ours = figures.get(`router.route, ${ROUTES.toLocaleString('en')} cases`)?.opsPerSecond ?? NaN;
console.log(
  `index fact: ${router.indexFact}; the two engines agree on the first ${JRE_ROUTES.toLocaleString('en')} cases`,
);
console.log(
  `router vs json-rules-engine: ${(ours / peer).toFixed(0)}x (goal 100x): ${ours / peer >= 100 ? 'met' : 'NOT met'}`,
);
console.log(
  `router: ${Math.round(ours).toLocaleString('en')} routes/s (goal 1,000,000): ${ours >= 1_000_000 ? 'met' : 'NOT met'}`,
);
if (sink === -1) console.log(sink);
