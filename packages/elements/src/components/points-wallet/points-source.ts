import type { HourEntry, HoursSnapshot } from '@lanewise/core/hours';
import {
  pointsSnapshotSchema,
  type PointsLedger,
  type PointsSnapshot,
} from '@lanewise/core/points';
import { programSnapshotSchema } from '@lanewise/core/program';
import { fromSchema } from '../../controllers/from-schema.js';
import type { LiveSource } from '../../controllers/live-source.js';

/**
 * What the point widgets read: the point ledger's snapshot and, from a programme, its hour
 * entries, which name the activity each earning was for.
 */
export interface PointsDocument {
  readonly points: PointsSnapshot;
  /** Hour entries by id; empty for a bare point ledger. */
  readonly entries: ReadonlyMap<string, HourEntry>;
}

const checkPoints = fromSchema(pointsSnapshotSchema);
const checkProgram = fromSchema(programSnapshotSchema);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const noEntries: ReadonlyMap<string, HourEntry> = new Map();

// One index per hour snapshot: a live programme hands out the same snapshot until it changes.
const indexes = new WeakMap<HoursSnapshot, ReadonlyMap<string, HourEntry>>();

function entriesOf(hours: HoursSnapshot): ReadonlyMap<string, HourEntry> {
  let index = indexes.get(hours);
  if (!index) {
    index = new Map(hours.entries.map((entry) => [entry.id, entry]));
    indexes.set(hours, index);
  }
  return index;
}

function documentOf(snapshot: PointsSnapshot | { hours: HoursSnapshot; points: PointsSnapshot }) {
  return 'points' in snapshot
    ? { points: snapshot.points, entries: entriesOf(snapshot.hours) }
    : { points: snapshot, entries: noEntries };
}

/**
 * Reads a point document: a point ledger's snapshot, or a volunteer programme's (its `points`
 * part, with its hours for activity names), checked with the core's schema of each.
 */
export function checkPointsDocument(raw: unknown): PointsDocument {
  if (isRecord(raw) && 'hours' in raw) {
    const program = checkProgram(raw);
    return documentOf(program as unknown as { hours: HoursSnapshot; points: PointsSnapshot });
  }
  return documentOf(checkPoints(raw) as PointsSnapshot);
}

/** The document of a live point ledger or programme. */
export function pointsOfLive(live: LiveSource): PointsDocument {
  return documentOf(
    live.snapshot() as PointsSnapshot | { hours: HoursSnapshot; points: PointsSnapshot },
  );
}

/** The object that takes redemptions: the point ledger itself, or a programme's. */
export function pointsWriter(live: LiveSource | undefined): PointsLedger | undefined {
  if (!live) return undefined;
  const inner = (live as { points?: unknown }).points;
  if (isRecord(inner) && typeof inner.redeem === 'function')
    return inner as unknown as PointsLedger;
  return typeof (live as Partial<PointsLedger>).redeem === 'function'
    ? (live as PointsLedger)
    : undefined;
}
