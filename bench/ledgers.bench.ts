// The ledgers at issue size: the point ledger (1,000,000 transfers beside a floor of the
// unavoidable work), then the hour ledger and the program (1,000,000 entries recorded and
// approved, a 1,000,000-event program log replayed). Each part frees its ledgers before the next.
import { benchHours } from './ledgers/hours.js';
import { benchPoints } from './ledgers/points.js';

await benchPoints();
await benchHours();
