// The programme started three ways from one log of a year of service (hours recorded and
// approved with their earns, items redeemed and fulfilled): the whole log replayed, the same
// with its SHA-256 chain verified, and a restore from a snapshot taken at 90% of the log
// followed by the chained replay of the rest, as a server loads a community.
//   npm run bench -- bench/program.bench.ts
import { createHash } from 'node:crypto';
import { manualClock } from '../packages/core/src/clock.js';
import {
  createVolunteerProgram,
  type ProgramEvent,
  type VolunteerProgramOptions,
} from '../packages/core/src/program/index.js';
import { runBench } from './harness.js';

const VOLUNTEERS = 200;
const DAYS = 300;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const policy = { pointsPerHour: 10, maxMinutesPerDay: 480, redemptionHoldMinutes: 1440 };
const clock = manualClock('2025-01-01T20:00:00+08:00');

// Every volunteer serves two hours a day; every tenth day each redeems a bar of soap.
const live = createVolunteerProgram({ now: clock.now, policy, hash: sha256 });
live.points.addItem({ id: 'soap', name: 'Soap', cost: 5, stock: 1_000_000, stationId: 'huana' });
for (let day = 0; day < DAYS; day++) {
  const date = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
  clock.set(`${date}T20:00:00+08:00`);
  for (let v = 0; v < VOLUNTEERS; v++) {
    const id = `e${day}-${v}`;
    live.hours.record({
      id,
      volunteerId: `v${v}`,
      activityId: 'tea-visits',
      start: `${date}T09:00:00+08:00`,
      end: `${date}T11:00:00+08:00`,
      recordedBy: 'org-wang',
    });
    live.hours.approve(id, { by: 'org-zhao' });
    if (day % 10 === 9) {
      live.points.redeem({ id: `r${day}-${v}`, volunteerId: `v${v}`, itemId: 'soap', quantity: 1 });
      live.points.fulfil(`r${day}-${v}`, { by: 'clerk-1' });
    }
  }
}
// As a store gives them back.
const events = JSON.parse(JSON.stringify(live.events())) as ProgramEvent[];
const cut = Math.floor(events.length * 0.9);
const options = (extra: Partial<VolunteerProgramOptions>) => ({ now: clock.now, policy, ...extra });
const early = createVolunteerProgram(options({ hash: sha256, events: events.slice(0, cut) }));
const restore = JSON.parse(
  JSON.stringify({ snapshot: early.snapshot(), checkpoint: early.checkpoint() }),
) as NonNullable<VolunteerProgramOptions['restore']>;
const tail = events.slice(cut);
const plain = events.map(({ hash: _hash, ...event }) => event) as ProgramEvent[];

await runBench(
  `programme: ${events.length.toLocaleString('en')} events, ${VOLUNTEERS} volunteers, ${DAYS} days`,
  [
    {
      name: 'replay the whole log, SHA-256 chain',
      ops: events.length,
      fn: () => createVolunteerProgram(options({ hash: sha256, events })),
    },
    {
      name: 'replay the whole log, unchained',
      ops: events.length,
      fn: () => createVolunteerProgram(options({ events: plain })),
    },
    {
      name: `restore from a snapshot at 90%, then the last ${tail.length.toLocaleString('en')} (chained)`,
      ops: events.length,
      fn: () => createVolunteerProgram(options({ hash: sha256, restore, events: tail })),
    },
  ],
  { iterations: 5 },
);
