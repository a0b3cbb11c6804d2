// 100,000 cases through the whole life cycle (open, accept, act, resolve, follow up, close),
// then a replay of their events, the same with a SHA-256 chain beside a restore from a snapshot
// taken at 90% of the log (as the server loads a case book), and a review that chases 100,000
// late cases.
import { createHash } from 'node:crypto';
import { chainLink } from '../packages/core/src/journal/index.js';
import { cnCalendar } from '../packages/core/src/calendar/index.js';
import { manualClock } from '../packages/core/src/clock.js';
import { createCaseBook, type CaseBook, type CaseEvent } from '../packages/core/src/cases/index.js';
import { compileRouting, type RoutingConfig } from '../packages/core/src/routing/index.js';
import { heapMiB, runBench } from './harness.js';

const N = 100_000;
const CATEGORIES = ['noise', 'litter', 'stall', 'parking', 'fire', 'water', 'lighting', 'pets'];
const RATINGS = ['satisfied', 'satisfied', 'satisfied', 'basic', 'unsatisfied'] as const;

const rules: RoutingConfig = {
  tiers: [
    { id: 'onsite', name: { en: 'On the spot' }, handlers: ['station'], deadline: { hours: 2 } },
    {
      id: 'coordinated',
      name: { en: 'Coordinated' },
      handlers: ['section', 'squad', 'community'],
      deadline: { workingDays: 3 },
    },
    {
      id: 'joint',
      name: { en: 'Joint' },
      handlers: ['district-bureau', 'subdistrict'],
      deadline: { workingDays: 7 },
    },
  ],
  rules: [
    {
      id: 'emergency',
      priority: 100,
      when: { fact: 'category', op: 'in', value: ['fire'] },
      then: { tier: 'joint', deadline: { hours: 1 } },
    },
    {
      id: 'stall',
      when: { fact: 'category', op: 'eq', value: 'stall' },
      then: { tier: 'onsite', kind: 'enforce' },
    },
    {
      id: 'repeat-noise',
      when: {
        all: [
          { fact: 'category', op: 'eq', value: 'noise' },
          { fact: 'attributes.reports', op: 'gte', value: 3 },
        ],
      },
      then: { tier: 'coordinated', kind: 'manage' },
    },
  ],
  default: { tier: 'coordinated' },
};
const router = compileRouting(rules, { calendar: cnCalendar });

// Inputs made once, outside the timing; receipts spread over 2025 in Shanghai.
const start = Date.parse('2025-01-02T01:00:00Z');
const HOUR = 3_600_000;
const inputs = Array.from({ length: N }, (_, i) => {
  const receivedMs = start + (i % 300) * 86_400_000 + (i % 600) * 60_000;
  return {
    id: `case-${i}`,
    category: CATEGORIES[i % CATEGORIES.length] as string,
    title: `Problem ${i}`,
    receivedAt: new Date(receivedMs).toISOString(),
    channel: i % 3 === 0 ? 'hotline' : 'app',
    attributes: { reports: i % 5 },
  };
});
// When each step happens: handled within the day, followed up the next day.
const times = inputs.map((input) => {
  const receivedMs = Date.parse(input.receivedAt);
  return {
    receivedMs,
    actedMs: receivedMs + 2 * HOUR,
    actedAt: new Date(receivedMs + 2 * HOUR).toISOString(),
    resolvedMs: receivedMs + 3 * HOUR,
    followedUpAt: new Date(receivedMs + 24 * HOUR).toISOString(),
  };
});

const clock = manualClock('2025-01-02T02:00:00Z');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const newBook = (
  events?: readonly CaseEvent[],
  chain: Partial<Pick<Parameters<typeof createCaseBook>[0], 'hash' | 'restore'>> = {},
) =>
  createCaseBook({
    routing: router,
    calendar: cnCalendar,
    now: clock.now,
    ...(events ? { events } : {}),
    ...chain,
  });

let book: CaseBook = newBook();
const lifeCycle = () => {
  book = newBook();
  for (let i = 0; i < N; i++) {
    const input = inputs[i]!;
    const time = times[i]!;
    clock.set(time.receivedMs);
    const { id } = book.open(input);
    book.accept(id, { by: 'officer' });
    clock.set(time.actedMs);
    book.act(id, { id: 'a1', kind: 'service', type: 'visit', by: 'officer', at: time.actedAt });
    clock.set(time.resolvedMs);
    book.resolve(id, { by: 'officer', outcome: 'resolved' });
    const rating = RATINGS[i % RATINGS.length]!;
    book.followUp(id, { rating, at: time.followedUpAt });
    if (rating !== 'unsatisfied') book.close(id);
  }
};
lifeCycle();
const events = book.events();
const eventCount = events.length;

// The same log chained, and a snapshot at 90% of it through JSON, as a store keeps them.
let previous = '';
const chained = events.map((event) => {
  previous = chainLink(sha256, previous, event);
  return { ...event, hash: previous };
}) as CaseEvent[];
const cut = Math.floor(eventCount * 0.9);
const early = newBook(chained.slice(0, cut), { hash: sha256 });
const restore = JSON.parse(
  JSON.stringify({ snapshot: early.snapshot(), checkpoint: early.checkpoint() }),
) as NonNullable<Parameters<typeof createCaseBook>[0]['restore']>;
const tail = chained.slice(cut);

let late: CaseBook = newBook();
const openAll = () => {
  // After the last receipt: a case may not be received after the clock.
  clock.set('2025-12-31T12:00:00+08:00');
  late = newBook();
  for (const input of inputs) late.open(input);
};

const figures = await runBench(
  `cases: ${N.toLocaleString('en')} cases`,
  [
    { name: 'whole life cycle (open..close), per case', ops: N, fn: lifeCycle },
    { name: 'open (validate, route, dispatch), per case', ops: N, fn: openAll },
    {
      name: `replay ${eventCount.toLocaleString('en')} events, per event`,
      ops: eventCount,
      fn: () => newBook(events),
    },
    {
      name: `replay ${eventCount.toLocaleString('en')} events, SHA-256 chain`,
      ops: eventCount,
      fn: () => newBook(chained, { hash: sha256 }),
    },
    {
      name: `restore from a snapshot at 90%, then the last ${tail.length.toLocaleString('en')} (chained)`,
      ops: eventCount,
      fn: () => newBook(tail, { hash: sha256, restore }),
    },
    {
      name: 'review: chase every late case, per case',
      ops: N,
      setup: openAll,
      fn: () => late.review('2026-06-01T09:00:00+08:00'),
    },
  ],
  { iterations: 3 },
);

const before = heapMiB();
const held = newBook(events);
const heap = heapMiB() - before;
const perCase = figures.get('whole life cycle (open..close), per case');
console.log(
  `${eventCount.toLocaleString('en')} events for ${N.toLocaleString('en')} cases; ` +
    `moves per second in the life cycle: ${Math.round(((perCase?.opsPerSecond ?? NaN) * eventCount) / N).toLocaleString('en')}; ` +
    `heap held by the replayed book: ${heap.toFixed(1)} MiB (${held.size.toLocaleString('en')} cases)`,
);
