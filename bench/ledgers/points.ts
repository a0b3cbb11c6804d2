// Point ledger: 1,000,000 transfers posted per call (goal 2,000,000/s) beside a floor (the
// work no ledger can skip, alone), two-phase holds, a replay of the events with every check a
// live transfer makes, the same replay of a SHA-256 chained log (every hash recomputed),
// balance() on a small and a large ledger (constant time: the two should match), and the memory
// 1,000,000 transfers hold. Runs alone with `npx tsx --expose-gc bench/ledgers/points.ts`.
import { hash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { IdIndex } from '../../packages/core/src/internal/id-index.js';
import {
  createPointsLedger,
  type PointsEvent,
  type PointsLedger,
  type PointsTransferInput,
} from '../../packages/core/src/points/index.js';
import { heapMiB, runBench } from '../harness.js';

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
function fill<L extends { transfer(input: PointsTransferInput): unknown }>(
  ledger: L,
  count = N,
): L {
  for (let index = 0; index < count; index++) {
    const volunteer = volunteers[index % VOLUNTEERS] as string;
    const id = ids[index] as string;
    if (Math.floor(index / VOLUNTEERS) % 4 === 3)
      ledger.transfer({ id, from: volunteer, to: 'station:s1', amount: 5, code: 'spend' });
    else ledger.transfer({ id, from: 'issuer', to: volunteer, amount: 10, code: 'earn' });
  }
  return ledger;
}

interface Totals {
  readonly number: number;
  debits: number;
  credits: number;
}

/**
 * The floor: what a transfer cannot skip, without validation, lots, history, listeners or
 * the building of events. Look the id up, find both accounts and check the balance, store
 * the row in typed columns and index its id, move the amount and return a view.
 */
function floor(): { transfer(input: PointsTransferInput): unknown } {
  const ids: string[] = [];
  const index = new IdIndex((row) => ids[row] as string);
  const accounts = new Map<string, Totals>();
  const account = (name: string): Totals => {
    let found = accounts.get(name);
    if (found === undefined) {
      found = { number: accounts.size, debits: 0, credits: 0 };
      accounts.set(name, found);
    }
    return found;
  };
  let debits = new Int32Array(1024);
  let credits = new Int32Array(1024);
  let amounts = new Float64Array(1024);
  let time = Number.NaN;
  let stamp = '';
  return {
    transfer({ id, from, to, amount, code }) {
      if (index.get(id) >= 0) throw new Error(`transfer ${id} exists`);
      const debit = account(from);
      const credit = account(to);
      if (from !== 'issuer' && debit.credits - debit.debits < amount) throw new Error('short');
      if (now().getTime() !== time) stamp = new Date((time = now().getTime())).toISOString();
      const row = ids.length;
      if (row === amounts.length) {
        const grow = <T extends Int32Array | Float64Array>(column: T, larger: T): T => {
          larger.set(column);
          return larger;
        };
        debits = grow(debits, new Int32Array(row * 2));
        credits = grow(credits, new Int32Array(row * 2));
        amounts = grow(amounts, new Float64Array(row * 2));
      }
      ids.push(id);
      debits[row] = debit.number;
      credits[row] = credit.number;
      amounts[row] = amount;
      index.add(id, row);
      debit.debits += amount;
      credit.credits += amount;
      return { id, from, to, amount, code, at: stamp, status: 'posted' };
    },
  };
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

/** SHA-256 in hex, the chain's hash. */
const sha256 = (text: string): string => hash('sha256', text, 'hex');

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
let sink = 0;

/** Runs the point ledger's benchmarks and prints their tables and memory figures. */
export async function benchPoints(): Promise<void> {
  // Memory first, on its own, so the figure is not mixed with the timed runs' garbage. The
  // columns, the id index and the history links live in typed arrays, outside the JavaScript
  // heap: count them. Then again once `events()` has built the event objects.
  const buffersMiB = () => process.memoryUsage().arrayBuffers / 2 ** 20;
  const before = heapMiB();
  const buffersBefore = buffersMiB();
  let held: PointsLedger | undefined = fill(createPointsLedger({ now }));
  const heap = heapMiB() - before;
  const buffers = buffersMiB() - buffersBefore;
  const built = held.events().length;
  const heapWithEvents = heapMiB() - before;
  console.log(`measured the heap over ${built.toLocaleString('en')} transfers`);
  held = undefined;

  // Writes, with nothing else held: the previous run's ledger is collected before each run.
  let ledger = createPointsLedger({ now });
  let bare = floor();
  const fresh = () => {
    ledger = createPointsLedger({ now });
    collect();
  };
  await runBench('point ledger writes, 1,000,000 operations per call', [
    { name: 'transfer, posted', ops: N, setup: fresh, fn: () => fill(ledger) },
    {
      name: 'floor: the unavoidable work alone',
      ops: N,
      setup: () => {
        bare = floor();
        collect();
      },
      fn: () => fill(bare),
    },
    { name: 'transfer pending + post', ops: N, setup: fresh, fn: () => holdAndPost(ledger) },
  ]);

  // Reads and replay, over a ledger of 1,000,000 transfers.
  const filled = fill(createPointsLedger({ now }));
  const events: readonly PointsEvent[] = filled.events();
  const chained = fill(createPointsLedger({ now, hash: sha256 })).events();
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
    {
      name: 'replay 1M transfer events, SHA-256 chain verified',
      ops: N,
      setup: collect,
      fn: () => createPointsLedger({ now, events: chained, hash: sha256 }),
    },
  ]);
  console.log(
    `heap held by 1,000,000 transfers: ${heap.toFixed(1)} MiB, ` +
      `and ${buffers.toFixed(1)} MiB in typed arrays; ` +
      `${heapWithEvents.toFixed(1)} MiB once events() has built the events`,
  );
  if (sink < 0) console.log('unreachable');
}

// Standalone: `npx tsx --expose-gc bench/ledgers/points.ts`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchPoints();
}
