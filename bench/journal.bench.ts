// Journal append and replay of 1,000,000 events.
import { createJournal, replay, type JournalEvent } from '../packages/core/src/journal/index.js';
import { heapMiB, runBench } from './harness.js';

type Earned = JournalEvent<'earned', { account: number; amount: number }>;
const N = 1_000_000;
const at = new Date('2025-01-24T01:00:00Z');
const now = () => at;

let filled = createJournal<Earned>({ now });
const fill = () => {
  filled = createJournal<Earned>({ now });
  for (let i = 0; i < N; i++) filled.append('earned', { account: i % 10_000, amount: 10 });
};
fill();
const before = heapMiB();
const held = createJournal<Earned>({ now });
for (let i = 0; i < N; i++) held.append('earned', { account: i % 10_000, amount: 10 });
const heap = heapMiB() - before;

const balances = (state: Map<number, number>, event: Earned) =>
  state.set(event.data.account, (state.get(event.data.account) ?? 0) + event.data.amount);

await runBench('journal, 1,000,000 events per call', [
  { name: 'append 1M events', ops: N, fn: fill },
  {
    name: 'replay 1M events into balances',
    ops: N,
    fn: () => replay(filled.events(), balances, new Map()),
  },
]);
console.log(
  `heap held by 1,000,000 events: ${heap.toFixed(1)} MiB (${held.size.toLocaleString('en')} events)`,
);
