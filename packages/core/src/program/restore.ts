// A program restored from a snapshot (`restore: { snapshot, checkpoint }`): the snapshot is
// parsed by its schema, each ledger is built from its part through the checks of its live
// calls (see `hours/restore.ts` and `points/restore.ts`), and the program's own rule is
// checked between them: every approval that earns has its earn, every revocation or
// correction of an entry that earned has its reverse, each as the program writes it, and no
// other transfer has the program's ids. The first bad field is INVALID_LOG at
// `['restore', 'snapshot', ...]`; the events after the snapshot are then replayed as usual.
import * as z from 'zod/mini';
import { invalidSnapshot, isLanewiseError, type ErrorPath } from '../errors/index.js';
import type { HoursRestoreHook } from '../hours/ledger.js';
import { restoreHoursState } from '../hours/restore.js';
import { firstDifference } from '../internal/difference.js';
import type { Checkpoint } from '../journal/chain.js';
import { checkpointSchema } from '../journal/schemas.js';
import { restorePointsState } from '../points/restore.js';
import type { PointsRestoreHook } from '../points/ledger.js';
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

/** The `restore` option, parsed: the snapshot by its schema, its counts against its checkpoint. */
export function parseRestore(value: unknown, chained: boolean): ProgramRestore & { fail: Fail } {
  const { snapshot, checkpoint } = parseInput(restoreSchema, value, ['restore']);
  if (chained && checkpoint.seq > 0 && checkpoint.hash === undefined) {
    throw invalidField(['restore', 'checkpoint', 'hash'], 'is needed to continue a chained log');
  }
  const fail: Fail = (path, message) => {
    throw invalidSnapshot(checkpoint.seq, ['snapshot', ...path], message);
  };
  let parsed: ProgramSnapshot;
  try {
    parsed = parseInput(programSnapshotSchema, snapshot, ['snapshot']) as ProgramSnapshot;
  } catch (error) {
    if (!isLanewiseError(error)) throw error;
    throw invalidSnapshot(checkpoint.seq, error.path, error.message, error.details);
  }
  if (parsed.version !== checkpoint.seq) {
    fail(['version'], `must be ${checkpoint.seq}, the event the snapshot was taken at`);
  }
  if (parsed.hours.version + parsed.points.version !== parsed.version) {
    fail(['version'], 'must be the events of both ledgers');
  }
  return { snapshot: parsed, checkpoint, fail };
}

/** Refuses a part of the snapshot taken under another zone or policy than the program's. */
function checkSettings(part: 'hours' | 'points', given: object, own: object, fail: Fail): void {
  const found = firstDifference(own, given);
  if (found !== undefined) fail([part, ...found], 'is not the program\u2019s setting');
}

/** What the hour ledger runs to start from the snapshot. */
export function hoursRestore(restore: ProgramRestore & { fail: Fail }): HoursRestoreHook {
  const { hours } = restore.snapshot;
  const fail = restore.fail;
  return (context, format, timeZone) => {
    const own = { timeZone, policy: context.policy };
    checkSettings('hours', { timeZone: hours.timeZone, policy: hours.policy }, own, fail);
    restoreHoursState(context, hours, format, (path, message) =>
      fail(['hours', 'entries', ...path], message),
    );
    return hours.version;
  };
}

/** What the point ledger runs to start from the snapshot. */
export function pointsRestore(restore: ProgramRestore & { fail: Fail }): PointsRestoreHook {
  const { points } = restore.snapshot;
  const fail = restore.fail;
  return (state, own) => {
    checkSettings('points', { timeZone: points.timeZone, policy: points.policy }, own, fail);
    const hold = own.policy.redemptionHoldMinutes ?? undefined;
    restorePointsState(state, points, hold, (path, message) => fail(['points', ...path], message));
  };
}

/** The fields of `transfer` that the program writes, to compare with what it wrote. */
const writtenFields = (transfer: PointsTransfer) => {
  const { id, from, to, amount, code, ref, pending, reversal } = transfer;
  return { id, from, to, amount, code, ref, pending, reversal };
};

/**
 * Takes the snapshot's entries into the program's reducer and checks that its earns and
 * reverses are the ones the program writes for them.
 */
export function settleRestored(
  restore: ProgramRestore & { fail: Fail },
  settlement: Settlement,
  earning: ProgramEarningRules,
): void {
  const { hours, points } = restore.snapshot;
  const fail = restore.fail;
  const rows = new Map(points.transfers.map((transfer, row) => [transfer.id, row]));
  let owned = 0;
  /** The transfer the program wrote for an entry's move at `at`, as `want` gives it. */
  const expect = (i: number, field: string, want: object, at: string | undefined) => {
    const id = (want as { id: string }).id;
    const row = rows.get(id) ?? fail(['hours', 'entries', i, field], `has no transfer ${id}`);
    owned += 1;
    const transfer = points.transfers[row]!;
    const found = firstDifference(writtenFields(transfer), want);
    if (found !== undefined || transfer.at !== at || transfer.status !== 'posted') {
      fail(
        ['points', 'transfers', row, ...(found ?? ['at'])],
        `is not the transfer ${id} the program writes`,
      );
    }
  };
  hours.entries.forEach((entry, i) => {
    settlement.adopt(entry as never, (path, message) =>
      fail(['hours', 'entries', i, ...path], message),
    );
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
