import {
  hoursSnapshotSchema,
  isHoursSnapshot,
  type HoursLedger,
  type HoursSnapshot,
} from '@lanewise/core/hours';
import { programSnapshotSchema } from '@lanewise/core/program';
import { fromSchema } from '../../controllers/from-schema.js';
import type { LiveSource } from '../../controllers/live-source.js';

const checkHours = fromSchema(hoursSnapshotSchema);
const checkProgram = fromSchema(programSnapshotSchema);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Reads a ledger document: an hour ledger's snapshot, or a volunteer programme's (whose
 * `hours` part is the hour ledger's), checked with the core's schema of each. A large hour
 * ledger that passes the core's fast check needs no second pass; anything else goes through
 * the schema, which names the bad field.
 */
export function checkLedgerDocument(raw: unknown): HoursSnapshot {
  if (isRecord(raw) && 'hours' in raw) return checkProgram(raw).hours as HoursSnapshot;
  if (isHoursSnapshot(raw)) return raw;
  return checkHours(raw) as HoursSnapshot;
}

/** The hour-ledger part of a live ledger's or programme's snapshot. */
export function hoursOfLive(live: LiveSource): HoursSnapshot {
  const snapshot = live.snapshot() as HoursSnapshot | { hours: HoursSnapshot };
  return 'hours' in snapshot ? snapshot.hours : snapshot;
}

/** The object that takes writes: the ledger itself, or a programme's hour ledger. */
export function hoursWriter(live: LiveSource | undefined): HoursLedger | undefined {
  if (!live) return undefined;
  const inner = (live as { hours?: unknown }).hours;
  if (isRecord(inner) && typeof inner.record === 'function') return inner as unknown as HoursLedger;
  return typeof (live as Partial<HoursLedger>).record === 'function'
    ? (live as HoursLedger)
    : undefined;
}
