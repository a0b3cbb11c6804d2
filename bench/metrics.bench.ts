// The metrics over a million records: the 721 ratio and satisfaction (goal: 20,000,000
// records a second), the tracker's add (constant time: as fast into a tracker holding a
// million actions as into an empty one), and caseRates over 100,000 cases.
import {
  caseRates,
  createRatioTracker,
  ratio721,
  satisfaction,
  type MetricsCase,
  type RatioAction,
  type RatioTracker,
  type SatisfactionLevel,
} from '../packages/core/src/metrics/index.js';
import { runBench } from './harness.js';

const N = 1_000_000;
const CASES = 100_000;
const TRACKED = 100_000;
const GOAL = 20_000_000;
const KINDS = [
  'service',
  'service',
  'service',
  'service',
  'service',
  'service',
  'service',
  'manage',
  'manage',
  'enforce',
] as const;
const LEVELS: SatisfactionLevel[] = ['satisfied', 'satisfied', 'basic', 'unsatisfied'];
const start = Date.parse('2025-01-01T00:00:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString();

// A deterministic spread of kinds, units and instants over a year.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

const actions: RatioAction[] = Array.from({ length: N }, (_, index) => ({
  at: iso(start + Math.floor((index / N) * 365 * 86_400_000)),
  kind: pick(KINDS),
  unit: `station-${index % 22}`,
}));
const ratings = Array.from({ length: N }, () => ({ rating: pick(LEVELS) }));
const scores = Array.from({ length: N }, () => ({ score: Math.floor(random() * 11) }));
const fivePoint = scores.map((answer) => ({ score: (answer.score % 5) + 1 }));

function makeCase(index: number): MetricsCase {
  const received = start + Math.floor(random() * 360 * 86_400_000);
  const status = pick([
    'closed',
    'closed',
    'closed',
    'resolved',
    'in_progress',
    'dispatched',
    'duplicate',
  ] as const);
  const handled = status === 'closed' || status === 'resolved';
  const accepted = status !== 'dispatched' && status !== 'duplicate';
  return {
    id: `case-${index}`,
    category: pick(['noise', 'parking', 'litter', 'stall', 'building']),
    receivedAt: iso(received),
    status,
    tier: pick(['simple', 'simple', 'general', 'major']),
    handlers: [`station-${index % 22}`],
    dueAt: iso(received + 3 * 86_400_000),
    ...(accepted ? { acceptedAt: iso(received + Math.floor(random() * 30) * 3_600_000) } : {}),
    ...(handled
      ? {
          resolvedAt: iso(received + Math.floor(random() * 100) * 3_600_000),
          outcome: pick(['resolved', 'mediated', 'referred'] as const),
        }
      : {}),
    followUps:
      status === 'closed' ? [{ rating: pick(LEVELS), at: iso(received + 5 * 86_400_000) }] : [],
    actions: accepted
      ? [
          {
            id: 'a1',
            kind: pick(KINDS),
            type: 'visit',
            by: `station-${index % 22}`,
            at: iso(received + 3_600_000),
          },
        ]
      : [],
  };
}
const cases = Array.from({ length: CASES }, (_, index) => makeCase(index));
const now = () => new Date('2026-01-01T00:00:00+08:00');

/** A bare loop that adds up the kinds without checking anything: the floor of any 721 count. */
function bareCount(list: readonly RatioAction[]): [number, number, number] {
  let service = 0;
  let manage = 0;
  let enforce = 0;
  for (let index = 0; index < list.length; index++) {
    const action = list[index] as RatioAction;
    const weight = action.weight ?? 1;
    if (action.kind === 'service') service += weight;
    else if (action.kind === 'manage') manage += weight;
    else enforce += weight;
  }
  return [service, manage, enforce];
}

const ratio = await runBench('721 ratio, 1,000,000 actions per call', [
  { name: 'bare loop adding kinds (floor)', ops: N, fn: () => bareCount(actions) },
  { name: 'ratio721', ops: N, fn: () => ratio721(actions) },
  { name: 'ratio721 groupBy unit', ops: N, fn: () => ratio721(actions, { groupBy: 'unit' }) },
  {
    name: 'ratio721 groupBy month (Shanghai)',
    ops: N,
    fn: () => ratio721(actions, { groupBy: 'month' }),
  },
  {
    name: 'ratio721 from/to (one quarter)',
    ops: N,
    fn: () =>
      ratio721(actions, { from: '2025-04-01T00:00:00+08:00', to: '2025-07-01T00:00:00+08:00' }),
  },
]);

const survey = await runBench('satisfaction, 1,000,000 answers per call', [
  { name: 'three-level (满意/基本满意/不满意)', ops: N, fn: () => satisfaction(ratings) },
  {
    name: 'five-point top-two-box',
    ops: N,
    fn: () => satisfaction(fivePoint, { scale: 'five-point' }),
  },
  { name: 'nps (0-10)', ops: N, fn: () => satisfaction(scores, { scale: 'nps' }) },
]);

let empty: RatioTracker = createRatioTracker({ now });
const full = createRatioTracker({ now });
for (const action of actions) full.add(action);
const addAll = (tracker: RatioTracker) => {
  for (let index = 0; index < TRACKED; index++) tracker.add(actions[index] as RatioAction);
};
await runBench('tracker add, 100,000 adds per call', [
  {
    name: 'add into an empty tracker',
    ops: TRACKED,
    fn: () => addAll(empty),
    setup: () => (empty = createRatioTracker({ now })),
  },
  { name: 'add into a tracker holding 1,000,000+', ops: TRACKED, fn: () => addAll(full) },
  {
    name: 'snapshot after each add (100,000)',
    ops: TRACKED,
    fn: () => {
      for (let index = 0; index < TRACKED; index++) {
        full.add(actions[index] as RatioAction);
        full.snapshot();
      }
    },
  },
]);

await runBench('caseRates, 100,000 cases per call', [
  { name: 'caseRates, whole year', ops: CASES, fn: () => caseRates(cases, { now }) },
  {
    name: 'caseRates, one month',
    ops: CASES,
    fn: () =>
      caseRates(cases, { now, from: '2025-06-01T00:00:00+08:00', to: '2025-07-01T00:00:00+08:00' }),
  },
]);

const goal = (figures: Map<string, { opsPerSecond: number }>, name: string) => {
  const rate = figures.get(name)?.opsPerSecond ?? 0;
  console.log(
    `${name}: ${Math.round(rate).toLocaleString('en')} records/s, goal ${GOAL.toLocaleString('en')}: ${rate >= GOAL ? 'met' : 'NOT met'}`,
  );
};
goal(ratio, 'ratio721');
goal(survey, 'three-level (满意/基本满意/不满意)');
goal(survey, 'nps (0-10)');
