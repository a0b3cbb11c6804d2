// The metrics of a community city-management station, from the 721 ratio to the three rates.
// Every figure printed says what it is and in which unit.
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

const percent = (share) => (share === null ? 'no data' : `${(share * 100).toFixed(1)}%`);
const interval = ([lower, upper]) => `${percent(lower)} to ${percent(upper)}`;
const count = (value) => value.toLocaleString('en');
const hours = (minutes) =>
  minutes === null
    ? 'no resolved case'
    : `${(minutes / 60).toFixed(1)} hours (${count(minutes)} minutes)`;

// 1. Liuzhou's 2025 figures through a mapping of work types to the three kinds. Each record
//    carries the number of actions of its type as its weight.
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
console.log(
  '1. Liuzhou 2025, the 721 ratio (target: 70% service, 20% management, 10% enforcement)',
);
console.log(`   actions counted: ${count(liuzhou.total)}`);
console.log(
  `   share of service: ${percent(liuzhou.shares.service)} (${count(liuzhou.counts.service)} actions), ` +
    `management: ${percent(liuzhou.shares.manage)} (${count(liuzhou.counts.manage)}), ` +
    `enforcement: ${percent(liuzhou.shares.enforce)} (${count(liuzhou.counts.enforce)})`,
);
console.log(`   status against the target: ${liuzhou.status}`);
console.log(
  `   service share below its 70% target by: ${(-liuzhou.deviation.service).toFixed(1)} percentage points`,
);
console.log(
  `   further service actions needed to reach 70%: ${count(liuzhou.serviceNeeded)} actions`,
);
for (const { type, count: records, weight } of unmapped) {
  console.log(
    `   not counted (type "${type}" is not in the mapping): ${records} record, worth ${count(weight)} actions`,
  );
}

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
const today = tracker.snapshot();
console.log('\n2. station-1 today, live tracker');
console.log(`   actions added: ${tracker.size}`);
console.log(`   share of service: ${percent(today.shares.service)}; status: ${today.status}`);
console.log(`   log: ${tracker.events().length} events of type ${tracker.events()[0].type}`);

// 3. Satisfaction: Shangrao's 99.2% satisfied of 1,640 items, and what the interval says.
const answers = [
  ...Array.from({ length: 1400 }, () => ({ rating: 'satisfied' })),
  ...Array.from({ length: 227 }, () => ({ rating: 'basic' })),
  ...Array.from({ length: 13 }, () => ({ rating: 'unsatisfied' })),
];
const shangrao = satisfaction(answers);
console.log('\n3. Shangrao, follow-up survey (满意 / 基本满意 / 不满意)');
console.log(`   answers: ${count(shangrao.n)}`);
console.log(
  `   satisfied rate (满意 and 基本满意 count): ${percent(shangrao.rate)}, ` +
    `95% interval ${interval(shangrao.interval)}`,
);
const strict = satisfaction(answers, { satisfied: ['satisfied'] });
console.log(
  `   satisfied rate counting only 满意: ${percent(strict.rate)}, 95% interval ${interval(strict.interval)}`,
);
const nps = satisfaction([{ score: 10 }, { score: 9 }, { score: 9 }, { score: 7 }, { score: 4 }], {
  scale: 'nps',
});
console.log(`   a five-answer survey on the 0-10 scale:`);
console.log(
  `     Net Promoter Score: ${nps.nps.toFixed(0)} points (promoters ${nps.promoters}, passives ${nps.passives}, detractors ${nps.detractors})`,
);
console.log(`     mean score: ${nps.mean.toFixed(1)} out of 10`);
console.log(
  `     Bayesian mean score (pulled towards ${nps.prior} as if ${nps.priorWeight} more answers of ${nps.prior} had been given): ${nps.bayesianMean.toFixed(2)} out of 10`,
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
console.log(`\n4. June, three cases, figures taken at ${june.at}`);
console.log(`   cases received: ${june.received}`);
console.log(
  `   response rate (responded within 24 hours): ${percent(june.response.rate)} (${june.response.successes} of ${june.response.n} cases)`,
);
console.log(
  `   on-time rate (resolved by the due time): ${percent(june.onTime.rate)} (${june.onTime.successes} of ${june.onTime.n}), 95% interval ${interval(june.onTime.interval)}`,
);
console.log(
  `   resolution rate (closed as resolved or mediated): ${percent(june.resolution.rate)} (${june.resolution.successes} of ${june.resolution.n})`,
);
console.log(
  `   satisfaction rate (latest follow-up 满意 or 基本满意): ${percent(june.satisfaction.rate)} (${june.satisfaction.successes} of ${june.satisfaction.n})`,
);
console.log(`   cases open and past their due time: ${june.overdueOpen}`);
console.log(
  `   handling time from receipt to resolution, median of ${june.handlingMinutes.n} resolved cases: ${hours(june.handlingMinutes.median)}`,
);
console.log(
  `   cases received per handling unit (a case with two handlers counts for both): ${june.byUnit.map((unit) => `${unit.key} ${unit.received}`).join(', ')}`,
);

// 5. Is this month really better than last? Only if the interval of the difference says so.
const may = rateEstimate(1580, 1640);
const juneOnTime = rateEstimate(1633, 1640);
const change = compareRates(juneOnTime, may);
const points = (share) => `${(share * 100).toFixed(1)} percentage points`;
console.log('\n5. On-time rate, June (1,633 of 1,640) against May (1,580 of 1,640)');
console.log(`   difference: ${points(change.difference)}`);
console.log(
  `   95% interval of the difference: ${points(change.interval[0])} to ${points(change.interval[1])}`,
);
console.log(
  `   verdict: June is ${change.verdict === 'inconclusive' ? 'not shown to differ' : change.verdict}`,
);

// 6. A weekly series of the 721 ratio.
const weekly = trend(({ from, to }) => ratio721(actions, { from, to }).total, {
  period: 'week',
  from: '2025-12-22T00:00:00+08:00',
  to: '2026-01-05T00:00:00+08:00',
});
console.log('\n6. Actions counted per ISO week (Monday to Sunday, Asia/Shanghai)');
for (const point of weekly) {
  console.log(`   week ${point.key} (${point.from} to ${point.to}): ${count(point.value)} actions`);
}
