// A program restored from a snapshot (`restore: { snapshot, checkpoint }`): each ledger is
// built from its part of the snapshot through the checks of its live calls (see
// `hours/restore.ts` and `points/restore.ts`), and the program's own rule is checked between
// them: every approval that earns has its earn, every revocation or
// correction of an entry that earned has its reverse, each as the program writes it, and no
// other transfer has the program's ids. The first bad field is INVALID_LOG at
// `['restore', 'snapshot', ...]`; the events after the snapshot are then replayed as usual.
import * as z from 'zod/mini';
import {
  invalidSnapshot,
  isLanewiseError,
  type ErrorPath,
  type LanewiseError,
} from '../errors/index.js';
import type { HoursRestoreHook } from '../hours/ledger.js';
import { restoreHoursState } from '../hours/restore.js';
import { firstDifference } from '../internal/difference.js';
import { isPlainObject } from '../internal/plain.js';
import type { Checkpoint } from '../journal/chain.js';
import { checkpointSchema } from '../journal/schemas.js';
import { restorePointsState } from '../points/restore.js';
import type { PointsRestoreHook } from '../points/ledger.js';
import type { PointsTransferInput } from '../points/api.js';
import type { PointsTransfer } from '../points/types.js';
import { invalidField, parseInput } from '../schemas/parse.js';
import type { Settlement } from './apply.js';
import { EARN_PREFIX, REVERSE_PREFIX, earnTransfer, reverseTransfer } from './commands.js';
import { pointsForMinutes } from './policy.js';
import { programSnapshotSchema } from './schemas.js';
import type { ProgramEarningRules, ProgramSnapshot } from './types.js';

/** A program's starting point: a snapshot and the checkpoint it was taken at. */
export interface ProgramRestore {
  readonly snapshot: ProgramSnapshot;
  readonly checkpoint: Checkpoint;
}

const restoreSchema = z.strictObject({ snapshot: z.unknown(), checkpoint: checkpointSchema });

/** Throws the snapshot's INVALID_LOG at `path` under `['restore', 'snapshot']`. */
type Fail = (path: ErrorPath, message: string) => never;

/** A parsed `restore` option, with the ways to refuse its snapshot. */
export interface CheckedRestore extends ProgramRestore {
  readonly fail: Fail;
  /** The error to throw for a refusal met while restoring (see {@link parseRestore}). */
  readonly explain: (error: unknown) => LanewiseError;
}

const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;
const POINT_LISTS = ['transfers', 'accounts', 'pending', 'items', 'redemptions'] as const;

/** Whether `value` has exactly these keys. */
const hasKeys = (value: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(value).length === keys.length && keys.every((key) => Object.hasOwn(value, key));

/** Whether the snapshot has the parts a restore walks (the rest it checks as it goes). */
function hasParts(snapshot: unknown): snapshot is ProgramSnapshot {
  if (!isPlainObject(snapshot) || !hasKeys(snapshot, ['version', 'hours', 'points'])) return false;
  const { version, hours, points } = snapshot;
  return (
    isCount(version) &&
    isPlainObject(hours) &&
    isPlainObject(points) &&
    hasKeys(hours, ['version', 'timeZone', 'policy', 'entries']) &&
    hasKeys(points, ['version', 'timeZone', 'policy', 'transferCount', ...POINT_LISTS]) &&
    isCount(hours.version) &&
    isCount(points.version) &&
    Array.isArray(hours.entries) &&
    POINT_LISTS.every((list) => Array.isArray(points[list]))
  );
}

/**
 * The `restore` option, parsed. The snapshot is not run through its schema first: the restore
 * checks every record against what the ledgers build from it, which is stricter, and a
 * schema pass over every record would cost as much as the restore. Only when the restore
 * refuses does the schema run, to say more exactly what is wrong with a malformed snapshot.
 */
export function parseRestore(value: unknown, chained: boolean): CheckedRestore {
  const { snapshot, checkpoint } = parseInput(restoreSchema, value, ['restore']);
  if (chained && checkpoint.seq > 0 && checkpoint.hash === undefined) {
    throw invalidField(['restore', 'checkpoint', 'hash'], 'is needed to continue a chained log');
  }
  const fail: Fail = (path, message) => {
    throw invalidSnapshot(checkpoint.seq, ['snapshot', ...path], message);
  };
  const explain = (error: unknown): LanewiseError => {
    try {
      parseInput(programSnapshotSchema, snapshot, ['snapshot']);
    } catch (refusal) {
      if (isLanewiseError(refusal)) {
        return invalidSnapshot(checkpoint.seq, refusal.path, refusal.message, refusal.details);
      }
    }
    if (isLanewiseError(error)) return error;
    return invalidSnapshot(checkpoint.seq, ['snapshot'], 'cannot be read');
  };
  if (!hasParts(snapshot)) throw explain(undefined);
  if (snapshot.version !== checkpoint.seq) {
    fail(['version'], `must be ${checkpoint.seq}, the event the snapshot was taken at`);
  }
  if (snapshot.hours.version + snapshot.points.version !== snapshot.version) {
    fail(['version'], 'must be the events of both ledgers');
  }
  return { snapshot, checkpoint, fail, explain };
}

/** Runs a part of the restore; any refusal (or a record it cannot read) is explained. */
function explained<T>(restore: CheckedRestore, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw restore.explain(error);
  }
}

/** Refuses a part of the snapshot taken under another zone or policy than the program's. */
function checkSettings(part: 'hours' | 'points', given: object, own: object, fail: Fail): void {
  const found = firstDifference(own, given);
  if (found !== undefined) fail([part, ...found], 'is not the program\u2019s setting');
}

/** What the hour ledger runs to start from the snapshot. */
export function hoursRestore(restore: CheckedRestore): HoursRestoreHook {
  const { hours } = restore.snapshot;
  const fail = restore.fail;
  return (context, format, timeZone) =>
    explained(restore, () => {
      const own = { timeZone, policy: context.policy };
      checkSettings('hours', { timeZone: hours.timeZone, policy: hours.policy }, own, fail);
      restoreHoursState(context, hours, format, (path, message) =>
        fail(['hours', 'entries', ...path], message),
      );
      return hours.version;
    });
}

/** What the point ledger runs to start from the snapshot. */
export function pointsRestore(restore: CheckedRestore): PointsRestoreHook {
  const { points } = restore.snapshot;
  const fail = restore.fail;
  return (state, own) =>
    explained(restore, () => {
      checkSettings('points', { timeZone: points.timeZone, policy: points.policy }, own, fail);
      const hold = own.policy.redemptionHoldMinutes ?? undefined;
      restorePointsState(state, points, hold, (path, message) =>
        fail(['points', ...path], message),
      );
    });
}

/** The fields of `transfer` that the program writes, to compare with what it wrote. */
const writtenFields = (transfer: PointsTransfer) => {
  const { id, from, to, amount, code, ref, pending, reversal } = transfer;
  return { id, from, to, amount, code, ref, pending, reversal };
};

/** Whether `transfer` is exactly `want`, posted at `at` (checked without copying). */
const isWritten = (transfer: PointsTransfer, want: PointsTransferInput, at: string | undefined) =>
  transfer.from === want.from &&
  transfer.to === want.to &&
  transfer.amount === want.amount &&
  transfer.code === want.code &&
  transfer.ref === want.ref &&
  transfer.reversal === want.reversal &&
  transfer.pending === undefined &&
  transfer.at === at &&
  transfer.status === 'posted';

/**
 * Takes the snapshot's entries into the program's reducer and checks that its earns and
 * reverses are the ones the program writes for them.
 */
export function settleRestored(
  restore: CheckedRestore,
  settlement: Settlement,
  earning: ProgramEarningRules,
): void {
  const { hours, points } = restore.snapshot;
  const fail = restore.fail;
  const rows = new Map(points.transfers.map((transfer, row) => [transfer.id, row]));
  let owned = 0;
  /** The transfer the program wrote for an entry's move at `at`, as `want` gives it. */
  const expect = (i: number, field: string, want: PointsTransferInput, at: string | undefined) => {
    const id = want.id;
    const row = rows.get(id) ?? fail(['hours', 'entries', i, field], `has no transfer ${id}`);
    owned += 1;
    const transfer = points.transfers[row]!;
    if (!isWritten(transfer, want, at)) {
      const found = firstDifference(writtenFields(transfer), want);
      fail(
        ['points', 'transfers', row, ...(found ?? ['at'])],
        `is not the transfer ${id} the program writes`,
      );
    }
  };
  hours.entries.forEach((entry, i) => {
    // What the program keeps of an entry, copied: the caller's snapshot is not kept.
    const { id, volunteerId, start, end } = entry;
    const draft = Object.freeze({
      id,
      volunteerId,
      start,
      end,
      tags: Object.freeze([...entry.tags]),
    });
    settlement.adopt(draft, (path, message) => fail(['hours', 'entries', i, ...path], message));
    if (entry.approvedAt === undefined) return;
    const amount = pointsForMinutes(earning, entry.creditedMinutes ?? 0, entry.tags);
    if (amount === 0) return;
    expect(i, 'approvedAt', earnTransfer(entry.id, entry.volunteerId, amount), entry.approvedAt);
    if (entry.status === 'revoked' || entry.status === 'superseded') {
      expect(i, 'closedAt', reverseTransfer(entry.id, entry.volunteerId, amount), entry.closedAt);
    }
  });
  // Every other transfer with the program's ids was not written by the program.
  const ours = points.transfers.filter(
    ({ id }) => id.startsWith(EARN_PREFIX) || id.startsWith(REVERSE_PREFIX),
  );
  if (ours.length !== owned) {
    const row = points.transfers.findIndex(
      ({ id }) => (id.startsWith(EARN_PREFIX) || id.startsWith(REVERSE_PREFIX)) && !isExpected(id),
    );
    fail(
      ['points', 'transfers', row, 'id'],
      'is the program\u2019s id, for no move of its entries',
    );
  }
  function isExpected(id: string): boolean {
    const entryId = id.slice(id.indexOf(':') + 1);
    const entry = hours.entries.find((candidate) => candidate.id === entryId);
    if (entry?.approvedAt === undefined) return false;
    const earns = pointsForMinutes(earning, entry.creditedMinutes ?? 0, entry.tags) > 0;
    if (id.startsWith(EARN_PREFIX)) return earns;
    return earns && (entry.status === 'revoked' || entry.status === 'superseded');
  }
}
