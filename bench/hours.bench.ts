// The hour ledger and the program: 1,000,000 entries recorded and approved over 10,000
// volunteers (with the overlap check), creditedMinutes for one volunteer on a small and a big
// ledger (constant time), and the replay of a 1,000,000-event program log.
import { createHoursLedger, type HoursLedger } from '../packages/core/src/hours/index.js';
import { createVolunteerProgram, type ProgramEvent } from '../packages/core/src/program/index.js';
import { heapMiB, runBench } from './harness.js';

const ENTRIES = 1_000_000;
const VOLUNTEERS = 10_000;
const PER_VOLUNTEER = ENTRIES / VOLUNTEERS;
const now = () => new Date('2026-01-01T00:00:00+08:00');
const policy = { unitMinutes: 15, maxMinutesPerDay: 480 };

// Entry k of every volunteer runs 09:00 to 10:30 on day k of 2025: 100 distinct instants,
// shared by all volunteers, so that the loop measures the ledger, not string formatting.
const day = (k: number) => new Date(Date.UTC(2025, 0, 1 + k)).toISOString().slice(0, 10);
const starts = Array.from({ length: PER_VOLUNTEER }, (_, k) => `${day(k)}T09:00:00+08:00`);
const ends = Array.from({ length: PER_VOLUNTEER }, (_, k) => `${day(k)}T10:30:00+08:00`);
const volunteers = Array.from({ length: VOLUNTEERS }, (_, v) => `v${v}`);
const ids = Array.from({ length: ENTRIES }, (_, i) => `e${i}`);
const approval = { by: 'org-zhao' };

/** Records and approves `count` entries, round-robin over the volunteers. */
function fill(ledger: Pick<HoursLedger, 'record' | 'approve'>, count: number): void {
  for (let i = 0; i < count; i++) {
    const v = i % VOLUNTEERS;
    const k = (i / VOLUNTEERS) | 0;
    const id = ids[i]!;
    ledger.record({
      id,
      volunteerId: volunteers[v]!,
      activityId: 'repair-lane',
      start: starts[k]!,
      end: ends[k]!,
      recordedBy: 'org-wang',
    });
    ledger.approve(id, approval);
  }
}

let ledger = createHoursLedger({ now, policy });
const fresh = () => {
  ledger = createHoursLedger({ now, policy });
};

// Ledgers for the constant-time reads: 10,000 entries and 1,000,000 entries.
const small = createHoursLedger({ now, policy });
fill(small, 10_000);
const before = heapMiB();
const big = createHoursLedger({ now, policy });
fill(big, ENTRIES);
const bigHeap = heapMiB() - before;
const READS = 1_000_000;
const reads = (target: HoursLedger) => () => {
  let sum = 0;
  for (let i = 0; i < READS; i++) sum += target.creditedMinutes({ volunteerId: volunteers[i % VOLUNTEERS]! });
  return sum;
};

// A program log of 1,000,000 events: each served entry writes recorded, earn, approved.
const program = createVolunteerProgram({ now, policy: { ...policy, pointsPerHour: 10 } });
const served = Math.ceil(ENTRIES / 3);
fill(program.hours, served);
const events: readonly ProgramEvent[] = program.events().slice(0, ENTRIES);
const programPolicy = { ...policy, pointsPerHour: 10 };
const heapBeforeReplay = heapMiB();
const replayed = createVolunteerProgram({ now, policy: programPolicy, events });
const replayHeap = heapMiB() - heapBeforeReplay;

await runBench('hour ledger and program', [
  { name: 'record + approve 1M entries (10k volunteers)', ops: ENTRIES, fn: () => fill(ledger, ENTRIES), setup: fresh },
  { name: 'creditedMinutes, 1M calls, 10k-entry ledger', ops: READS, fn: reads(small) },
  { name: 'creditedMinutes, 1M calls, 1M-entry ledger', ops: READS, fn: reads(big) },
  {
    name: 'program replay of 1M events',
    ops: events.length,
    fn: () => createVolunteerProgram({ now, policy: programPolicy, events }),
  },
]);
console.log(`heap held by a 1,000,000-entry hour ledger: ${bigHeap.toFixed(1)} MiB`);
console.log(
  `heap held by a program rebuilt from ${events.length.toLocaleString('en')} events: ${replayHeap.toFixed(1)} MiB` +
    ` (${replayed.points.snapshot().transferCount.toLocaleString('en')} transfers)`,
);
