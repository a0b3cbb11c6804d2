// Point ledger: 1,000,000 transfers posted per call (goal 2,000,000/s), balance() for one
// volunteer in a large ledger (constant time), and the heap 1,000,000 transfers hold.
import { createPointsLedger, type PointsLedger } from '../packages/core/src/points/index.js';
import { heapMiB, runBench } from './harness.js';

const N = 1_000_000;
const VOLUNTEERS = 10_000;
const at = new Date('2025-01-24T01:00:00Z');
const now = () => at;
const volunteers = Array.from({ length: VOLUNTEERS }, (_, index) => `volunteer:v${index}`);
const ids = Array.from({ length: N }, (_, index) => `t${index}`);

/** Earnings from issuer to 10,000 volunteers, then spending back: every transfer checks limits. */
const fill = (ledger: PointsLedger): PointsLedger => {
  for (let index = 0; index < N; index++) {
    const volunteer = volunteers[index % VOLUNTEERS] as string;
    if (Math.floor(index / VOLUNTEERS) % 4 === 3) ledger.transfer({ id: ids[index] as string, from: volunteer, to: 'station:s1', amount: 5, code: 'spend' });
    else ledger.transfer({ id: ids[index] as string, from: 'issuer', to: volunteer, amount: 10, code: 'earn' });
  }
  return ledger;
};

let ledger = fill(createPointsLedger({ now }));
const before = heapMiB();
const held = fill(createPointsLedger({ now }));
const heap = heapMiB() - before;

let sink = 0;
await runBench('point ledger', [
  { name: 'transfer 1M (posted)', ops: N, fn: () => fill(ledger), setup: () => (ledger = createPointsLedger({ now })) },
  {
    name: 'balance() x 1M, ledger of 1M',
    ops: N,
    fn: () => {
      for (let index = 0; index < N; index++) sink += held.balance(volunteers[index % VOLUNTEERS] as string).available;
    },
  },
]);
console.log(`heap held by 1,000,000 transfers: ${heap.toFixed(1)} MiB (${held.snapshot().transferCount.toLocaleString('en')} transfers)`);
if (sink < 0) console.log('unreachable');
