// The metrics of a community city-management station, from the 721 ratio to the three rates.
// Run after a build: `npx rollup -c && node examples/node/metrics.mjs`.
import {
  caseRates,
  classifyActions,
  compareRates,
  createRatioTracker,
  rateEstimate,
  ratio721,
  satisfaction,
  trend,
} from '@lanewise/core/metrics';

const percent = (share) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const interval = ([lower, upper]) => `[${percent(lower)}, ${percent(upper)}]`;

// 1. Liuzhou's 2025 figures through a mapping of work types to the three kinds.
const year = '2025-12-31T12:00:00+08:00';
const workLog = [
  { at: year, type: 'calls-visits-complaints', weight: 251 },
  { at: year, type: 'publicity', weight: 146 },
  { at: year, type: 'community-help', weight: 184 },
  { at: year, type: 'joint-meeting', weight: 65 },
  { at: year, type: 'violation-handled', weight: 3362 },
  { at: year, type: 'patrol', weight: 12 },
];
const { actions, unmapped } = classifyActions(workLog, {
  'calls-visits-complaints': 'service',
  publicity: 'service',
  'community-help': 'service',
  'joint-meeting': 'manage',
  'violation-handled': 'enforce',
});
const liuzhou = ratio721(actions);
console.log('Liuzhou 2025, the 721 ratio');
console.log(
  `  service ${percent(liuzhou.shares.service)}, management ${percent(liuzhou.shares.manage)}, ` +
    `enforcement ${percent(liuzhou.shares.enforce)}: ${liuzhou.status}`,
);
console.log(`  service is ${(-liuzhou.deviation.service).toFixed(1)} points short of 70%;`);
console.log(`  ${liuzhou.serviceNeeded.toLocaleString('en')} more service actions would reach it`);
console.log(`  not counted: ${unmapped.map((u) => `${u.type} (${u.count})`).join(', ')}`);

// 2. A live tracker for one station, fed as the work happens.
const tracker = createRatioTracker({ now: () => new Date('2025-06-02T09:00:00+08:00') });
tracker.subscribe(() => {});
for (const kind of [
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
]) {
  tracker.add({ kind, unit: 'station-1' });
}
console.log(`\nstation-1 today: ${tracker.snapshot().status} after ${tracker.size} actions`);

// 3. Satisfaction: Shangrao's 99.2% satisfied of 1,640 items, and what the interval says.
const answers = [
  ...Array.from({ length: 1400 }, () => ({ rating: 'satisfied' })),
  ...Array.from({ length: 227 }, () => ({ rating: 'basic' })),
  ...Array.from({ length: 13 }, () => ({ rating: 'unsatisfied' })),
];
const shangrao = satisfaction(answers);
console.log(
  `\nShangrao: ${percent(shangrao.rate)} satisfied of ${shangrao.n}, 95% interval ${interval(shangrao.interval)}`,
);
const strict = satisfaction(answers, { satisfied: ['satisfied'] });
console.log(`  counting only 满意: ${percent(strict.rate)} ${interval(strict.interval)}`);
const nps = satisfaction([{ score: 10 }, { score: 9 }, { score: 9 }, { score: 7 }, { score: 4 }], {
  scale: 'nps',
});
console.log(
  `  a five-answer NPS survey: NPS ${nps.nps.toFixed(0)}, mean ${nps.mean}, Bayesian mean ${nps.bayesianMean.toFixed(2)}`,
);

// 4. The three rates over a small case ledger.
const at = (day, time) => `2025-06-${day}T${time}:00+08:00`;
const cases = [
  {
    id: 'c1',
    category: 'noise',
    tier: 'onsite',
    handlers: ['station-1'],
    status: 'closed',
    receivedAt: at('02', '09:00'),
    acceptedAt: at('02', '09:20'),
    dueAt: at('02', '11:00'),
    resolvedAt: at('02', '10:40'),
    outcome: 'resolved',
    followUps: [{ rating: 'satisfied', at: at('03', '10:00') }],
    actions: [],
  },
  {
    id: 'c2',
    category: 'parking',
    tier: 'coordinated',
    handlers: ['section', 'squad'],
    status: 'closed',
    receivedAt: at('03', '14:00'),
    acceptedAt: at('04', '16:00'),
    dueAt: at('06', '18:00'),
    resolvedAt: at('09', '09:00'),
    outcome: 'mediated',
    followUps: [{ rating: 'basic', at: at('10', '10:00') }],
    actions: [],
  },
  {
    id: 'c3',
    category: 'stall',
    tier: 'onsite',
    handlers: ['station-1'],
    status: 'dispatched',
    receivedAt: at('20', '08:00'),
    dueAt: at('20', '10:00'),
    followUps: [],
    actions: [],
  },
];
const june = caseRates(cases, { now: () => new Date(at('30', '12:00')) });
console.log('\nJune, three cases');
console.log(
  `  response ${percent(june.response.rate)} (${june.response.successes} of ${june.response.n})`,
);
console.log(`  on time ${percent(june.onTime.rate)} ${interval(june.onTime.interval)}`);
console.log(
  `  resolution ${percent(june.resolution.rate)}, satisfaction ${percent(june.satisfaction.rate)}`,
);
console.log(
  `  overdue and open: ${june.overdueOpen}; median handling ${june.handlingMinutes.median} minutes`,
);
console.log(`  by unit: ${june.byUnit.map((unit) => `${unit.key} ${unit.received}`).join(', ')}`);

// 5. Is this month really better than last? Only if the interval of the difference says so.
const may = rateEstimate(1580, 1640);
const juneOnTime = rateEstimate(1633, 1640);
const change = compareRates(juneOnTime, may);
const points = (share) => (share * 100).toFixed(1);
console.log(
  `\non time, June vs May: ${points(change.difference)} points, ` +
    `95% interval [${points(change.interval[0])}, ${points(change.interval[1])}]: ${change.verdict}`,
);

// 6. A weekly series of the 721 ratio.
const weekly = trend((window) => ratio721(actions, window).total, {
  period: 'week',
  from: '2025-12-22T00:00:00+08:00',
  to: '2026-01-05T00:00:00+08:00',
});
console.log(`\nweekly totals: ${weekly.map((point) => `${point.key}: ${point.value}`).join(', ')}`);
