// Point ledger: 1,000,000 transfers posted per call (goal 2,000,000/s), two-phase holds, a
// replay of the events, balance() on a small and a large ledger (constant time: the two
// should match), and the heap 1,000,000 transfers hold.
import {
  createPointsLedger,
  type PointsEvent,
  type PointsLedger,
} from '../packages/core/src/points/index.js';
import { heapMiB, runBench } from './harness.js';

const N = 1_000_000;
const VOLUNTEERS = 10_000;
const at = new Date('2025-01-24T01:00:00Z');
const now = () => at;
const volunteers = Array.from({ length: VOLUNTEERS }, (_, index) => `volunteer:v${index}`);
const ids = Array.from({ length: N }, (_, index) => `t${index}`);

/**
 * `count` transfers over 10,000 volunteers: three rounds of earning from `issuer`, then a
 * round of spending at a station, so that every other transfer checks a volunteer's balance.
 */
function fill(ledger: PointsLedger, count = N): PointsLedger {
  for (let index = 0; index < count; index++) {
    const volunteer = volunteers[index % VOLUNTEERS] as string;
    const id = ids[index] as string;
    if (Math.floor(index / VOLUNTEERS) % 4 === 3)
      ledger.transfer({ id, from: volunteer, to: 'station:s1', amount: 5, code: 'spend' });
    else ledger.transfer({ id, from: 'issuer', to: volunteer, amount: 10, code: 'earn' });
  }
  return ledger;
}

/** 500,000 holds, then each posted: 1,000,000 operations. */
function holdAndPost(ledger: PointsLedger): void {
  const half = N / 2;
  for (let index = 0; index < half; index++) {
    ledger.transfer({
      id: ids[index] as string,
      from: 'issuer',
      to: volunteers[index % VOLUNTEERS] as string,
      amount: 10,
      code: 'earn',
      pending: {},
    });
  }
  for (let index = 0; index < half; index++) ledger.post(ids[index] as string);
}

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
let sink = 0;

// Heap first, on its own, so the figure is not mixed with the timed runs' garbage.
const before = heapMiB();
let held: PointsLedger | undefined = fill(createPointsLedger({ now }));
const heap = heapMiB() - before;
console.log(
  `measured the heap over ${held.snapshot().transferCount.toLocaleString('en')} transfers`,
);
held = undefined;

// Writes, with nothing else held: the previous run's ledger is collected before each run.
let ledger = createPointsLedger({ now });
const fresh = () => {
  ledger = createPointsLedger({ now });
  collect();
};
await runBench('point ledger writes, 1,000,000 operations per call', [
  { name: 'transfer, posted', ops: N, setup: fresh, fn: () => fill(ledger) },
  { name: 'transfer pending + post', ops: N, setup: fresh, fn: () => holdAndPost(ledger) },
]);

// Reads and replay, over a ledger of 1,000,000 transfers.
const filled = fill(createPointsLedger({ now }));
const events: readonly PointsEvent[] = filled.events();
const small = fill(createPointsLedger({ now }), 10_000);
const balances = (target: PointsLedger) => () => {
  for (let index = 0; index < N; index++) {
    sink += target.balance(volunteers[index % VOLUNTEERS] as string).available;
  }
};
await runBench('point ledger reads and replay, 1,000,000 operations per call', [
  { name: 'balance(), ledger of 10k transfers', ops: N, fn: balances(small) },
  { name: 'balance(), ledger of 1M transfers', ops: N, fn: balances(filled) },
  {
    name: 'replay 1M transfer events',
    ops: N,
    setup: collect,
    fn: () => createPointsLedger({ now, events }),
  },
]);
console.log(`heap held by 1,000,000 transfers (ledger and its events): ${heap.toFixed(1)} MiB`);
if (sink < 0) console.log('unreachable');
