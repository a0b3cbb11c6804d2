// The hour ledger and the program: 1,000,000 entries recorded and approved over 10,000
// volunteers (with the overlap check), creditedMinutes for one volunteer on a small and a big
// ledger (constant time), the replay of a 1,000,000-event hour log with every check of the live
// calls (plain and chained with SHA-256), and the replay of a 1,000,000-event program log.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createHoursLedger, type HoursLedger } from '../../packages/core/src/hours/index.js';
import {
  createVolunteerProgram,
  type ProgramEvent,
} from '../../packages/core/src/program/index.js';
import { heapMiB, runBench } from '../harness.js';

const ENTRIES = 1_000_000;
const VOLUNTEERS = 10_000;
const PER_VOLUNTEER = ENTRIES / VOLUNTEERS;
// One instant for the clock, as in a burst of work: the ledger never reads the wall clock.
const at = new Date('2026-01-01T00:00:00+08:00');
const now = () => at;
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
    const id = ids[i]!;
    const k = (i / VOLUNTEERS) | 0;
    ledger.record({
      id,
      volunteerId: volunteers[i % VOLUNTEERS]!,
      activityId: 'repair-lane',
      start: starts[k]!,
      end: ends[k]!,
      recordedBy: 'org-wang',
    });
    ledger.approve(id, approval);
  }
}

/**
 * Heap in use and typed-array memory (the ledger's hash tables live there), in MiB. Twice:
 * a collection frees the memory of dead typed arrays only by the start of the next.
 */
function memoryMiB(): { heap: number; buffers: number } {
  heapMiB();
  const heap = heapMiB();
  return { heap, buffers: process.memoryUsage().arrayBuffers / 2 ** 20 };
}

/** Runs the hour ledger's and the program's benchmarks and prints their figures. */
export async function benchHours(): Promise<void> {
  // --- The hour ledger -------------------------------------------------------------------
  // The write task runs alone, so that the collector does not also trace the read ledgers.
  let ledger = createHoursLedger({ now, policy });
  await runBench('hour ledger: 1,000,000 entries over 10,000 volunteers', [
    {
      name: 'record + approve 1M entries',
      ops: ENTRIES,
      fn: () => fill(ledger, ENTRIES),
      setup: () => {
        ledger = createHoursLedger({ now, policy });
      },
    },
  ]);
  ledger = createHoursLedger({ now, policy });

  let small: HoursLedger | undefined = createHoursLedger({ now, policy });
  fill(small, 10_000);
  const before = memoryMiB();
  let big: HoursLedger | undefined = createHoursLedger({ now, policy });
  fill(big, ENTRIES);
  const after = memoryMiB();
  const bigBuffers = after.buffers - before.buffers;
  const bigHeap = after.heap - before.heap + bigBuffers;
  const READS = 1_000_000;
  const reads = (target: HoursLedger) => () => {
    let sum = 0;
    for (let i = 0; i < READS; i++) {
      sum += target.creditedMinutes({ volunteerId: volunteers[i % VOLUNTEERS]! });
    }
    return sum;
  };
  await runBench('creditedMinutes of one volunteer: constant time', [
    { name: 'creditedMinutes x1M, 10k-entry ledger', ops: READS, fn: reads(small) },
    { name: 'creditedMinutes x1M, 1M-entry ledger', ops: READS, fn: reads(big) },
  ]);
  console.log(
    `heap held by a 1,000,000-entry hour ledger: ${bigHeap.toFixed(1)} MiB` +
      ` (${bigBuffers.toFixed(1)} MiB of it in typed arrays outside the JS heap)`,
  );
  small = undefined;
  big = undefined;

  // --- Hour ledger replay: 1,000,000 events (500,000 entries recorded and approved) ----------
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  let source: HoursLedger | undefined = createHoursLedger({ now, policy });
  fill(source, ENTRIES / 2);
  const hourEvents = source.events();
  source = createHoursLedger({ now, policy, hash: sha256 });
  fill(source, ENTRIES / 2);
  const chainedEvents = source.events();
  source = undefined;
  await runBench('hour ledger: replay of 1,000,000 events, every live check', [
    {
      name: 'replay 1M hour events',
      ops: hourEvents.length,
      fn: () => createHoursLedger({ now, policy, events: hourEvents }),
    },
    {
      name: 'replay 1M hour events, SHA-256 chain',
      ops: chainedEvents.length,
      fn: () => createHoursLedger({ now, policy, events: chainedEvents, hash: sha256 }),
    },
  ]);

  await benchProgram();
}

const programPolicy = { ...policy, pointsPerHour: 10 };
/** Each served entry writes three events (recorded, earn, approved). */
const SERVED = Math.ceil(ENTRIES / 3);

/** The first 1,000,000 events of a program log written by live calls. */
export function programLog(): readonly ProgramEvent[] {
  const program = createVolunteerProgram({ now, policy: programPolicy });
  fill(program.hours, SERVED);
  return program.events().slice(0, ENTRIES);
}

/** The program: a log of 1,000,000 events, written by live calls, then replayed. */
export async function benchProgram(): Promise<void> {
  const events = programLog();
  let program = createVolunteerProgram({ now, policy: programPolicy });
  await runBench('program: 1,000,000-event log', [
    {
      name: `record + approve + earn ${SERVED.toLocaleString('en')} entries`,
      ops: SERVED,
      fn: () => fill(program.hours, SERVED),
      setup: () => {
        program = createVolunteerProgram({ now, policy: programPolicy });
      },
    },
    {
      name: 'replay 1M events',
      ops: events.length,
      fn: () => createVolunteerProgram({ now, policy: programPolicy, events }),
    },
  ]);
}

/**
 * Prints the memory a program rebuilt from the 1,000,000-event log holds. Run it in a process
 * without the optimising compiler (`--no-turbofan`, as bench/ledgers.bench.ts does): optimised
 * code can keep the last program it ran on reachable, so that the program that wrote the log
 * counts in the heap before the replay and the figure comes out near zero or negative.
 */
export function benchProgramHeap(): void {
  const events = programLog();
  const before = memoryMiB();
  const replayed = createVolunteerProgram({ now, policy: programPolicy, events });
  const after = memoryMiB();
  const buffers = after.buffers - before.buffers;
  console.log(
    `heap held by a program rebuilt from ${events.length.toLocaleString('en')} events: ${(after.heap - before.heap + buffers).toFixed(1)} MiB` +
      ` (${buffers.toFixed(1)} MiB of it in typed arrays;` +
      ` ${replayed.points.snapshot().transferCount.toLocaleString('en')} transfers,` +
      ` ${replayed.hours.snapshot().entries.length.toLocaleString('en')} entries, the log itself not counted)`,
  );
}

// Standalone: `npx tsx --expose-gc bench/ledgers/hours.ts`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchHours();
}
