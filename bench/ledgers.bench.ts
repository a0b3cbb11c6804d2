// The ledgers of issue-sized work: the point ledger (1,000,000 transfers beside a floor of
// the unavoidable work) and the hour ledger with the program (1,000,000 entries recorded and
// approved, replay of a 1,000,000-event log). Each part frees its ledgers before the next.
import { benchPoints } from './ledgers/points.js';

await benchPoints();
