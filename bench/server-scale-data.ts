// The data of the scale bench: CASES cases with their events over COMMUNITIES communities,
// made by the core's case book under the server's starter rules (so that the server replays
// them as its own), chained with the server's hash, and appended through the server's own
// event store. Run with the core's sources: node --conditions=source --import tsx.
//   node ... bench/server-scale-data.ts DATABASE_URL|pglite:DATA_DIR CASES COMMUNITIES
import { cnCalendar } from '@lanewise/core/calendar';
import { createCaseBook } from '@lanewise/core/cases';
import { manualClock } from '@lanewise/core/clock';
import { sha256, STARTER_RULES } from '../packages/server/src/communities/settings.js';
import {
  createEventStore,
  migrate,
  openPglite,
  openPostgres,
} from '../packages/server/src/index.js';

const [url, casesText, communitiesText] = process.argv.slice(2);
const CASES = Number(casesText);
const COMMUNITIES = Number(communitiesText);
const CATEGORIES = ['litter', 'noise', 'street-light', 'parking', 'enquiry', 'water'];
const RATINGS = ['satisfied', 'satisfied', 'satisfied', 'basic', 'unsatisfied'] as const;
const HOUR = 3_600_000;
/** Receipts spread over the first eleven months of 2026, in Shanghai. */
const START = Date.parse('2026-01-05T01:00:00Z');

/** The events of one community's cases: most through to closing, some still open. */
function communityEvents(community: number, count: number) {
  const clock = manualClock(new Date(START).toISOString());
  const book = createCaseBook({
    routing: STARTER_RULES as never,
    calendar: cnCalendar,
    now: clock.now,
    hash: sha256,
  });
  for (let i = 0; i < count; i += 1) {
    const received = START + ((i * 331 + community * 17) % 320) * 86_400_000 + (i % 9) * HOUR;
    clock.set(received);
    const { id } = book.open({
      id: `case-${community}-${i}`,
      category: CATEGORIES[(i + community) % CATEGORIES.length]!,
      title: `问题 ${i}`,
      channel: i % 3 === 0 ? 'hotline' : 'app',
      receivedAt: new Date(received).toISOString(),
    });
    if (i % 10 === 9) continue; // still waiting for its station
    clock.set(received + HOUR / 2);
    book.accept(id, { by: 'station-staff' });
    if (i % 10 === 8) continue; // in progress
    clock.set(received + HOUR);
    book.act(id, {
      id: 'a1',
      kind: 'service',
      type: 'visit',
      by: 'station-staff',
      at: new Date(received + HOUR).toISOString(),
    });
    clock.set(received + 1.5 * HOUR);
    book.resolve(id, { by: 'station-staff', outcome: 'resolved' });
    const rating = RATINGS[i % RATINGS.length]!;
    clock.set(received + 24 * HOUR);
    book.followUp(id, { rating, at: new Date(received + 24 * HOUR).toISOString() });
    if (rating !== 'unsatisfied') book.close(id);
  }
  return book.events();
}

const db = url!.startsWith('pglite:')
  ? await openPglite({ dataDir: url!.slice('pglite:'.length) })
  : openPostgres(url!, 4);
await migrate(db);
const store = createEventStore(db);
let events = 0;
const started = performance.now();
const inFlight = new Set<Promise<unknown>>();
for (let community = 0; community < COMMUNITIES; community += 1) {
  const count = Math.floor(CASES / COMMUNITIES) + (community < CASES % COMMUNITIES ? 1 : 0);
  const log = communityEvents(community, count);
  events += log.length;
  const append = store.appendCommunity(`scale-${community}`, 0, [
    { stream: 'cases', expected: 0, events: log as never },
  ]);
  inFlight.add(append);
  void append.finally(() => inFlight.delete(append));
  // Bounded: appends of many communities go in one statement, a few statements at a time.
  if (inFlight.size >= 64) await Promise.race(inFlight);
}
await Promise.all(inFlight);
await db.close();
console.log(
  JSON.stringify({
    cases: CASES,
    communities: COMMUNITIES,
    events,
    seconds: (performance.now() - started) / 1000,
  }),
);
