// The memory of a program rebuilt from a 1,000,000-event log. Runs alone, without the
// optimising compiler (see benchProgramHeap): `npx tsx --expose-gc --no-turbofan
// bench/ledgers/program-heap.ts`.
import { benchProgramHeap } from './hours.js';

benchProgramHeap();
