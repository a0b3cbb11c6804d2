// An hour ledger restored from a snapshot: each entry, in the order recorded, goes through the
// checks of the live call that made it (record or correct, approve, reject or revoke, with its
// own instant as now) and through the one reducer; the record the state then gives must be
// the entry exactly. A corrected entry stays live until the entry that corrects it, as it did.
// What a snapshot does not keep is the order of moves across entries: credits are checked
// against the caps (never more than the policy gives, no day over its cap), not replayed.
import { isLanewiseError } from '../errors/index.js';
import { firstDifference, type RestoreFailure } from '../internal/difference.js';
import { instantMs } from '../time/parse.js';
import { applyApproved, applyClosed, applyCorrected, applyRecorded } from './apply.js';
import {
  checkApprove,
  checkClose,
  checkCorrect,
  checkRecord,
  type CommandContext,
} from './commands.js';
import { creditFor } from './policy.js';
import { draftOf } from './store/draft.js';
import { rowOf } from './store/state.js';
import type { HourEntry, HoursSnapshot } from './types.js';
import { buildEntry } from './views.js';

/** The volunteer and day an entry's credit counts towards the daily cap of. */
const dayKey = (entry: HourEntry) => `${entry.volunteerId}\u0000${entry.day}`;

/** Milliseconds of an instant of the entry (NaN for anything else: the checks refuse it). */
const msOf = (text: string | undefined) => (text === undefined ? Number.NaN : instantMs(text));

/**
 * Builds `context.state` from the snapshot's entries (its policy and zone checked to be the
 * ledger's already). Throws through `fail` at the first entry no live ledger could have left.
 * An entry is read only through the checks and the record it is compared with, so a malformed
 * one is refused like any other.
 */
export function restoreHoursState(
  context: CommandContext,
  snapshot: HoursSnapshot,
  format: (ms: number) => string,
  fail: RestoreFailure,
): void {
  const { state, policy } = context;
  const { entries } = snapshot;
  const byId = new Map<string, HourEntry>();
  const dayTotals = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (byId.has(entry.id)) fail([i, 'id'], `entry ${entry.id} appears twice`);
    byId.set(entry.id, entry);
    const draft = draftOf(entry);
    const startMs = msOf(entry.start);
    const endMs = msOf(entry.end);
    const recordedMs = msOf(entry.recordedAt);
    const stamp = (text: string, ms: number) => state.stamps.indexOfLogged(text, ms);
    let row: number;
    try {
      if (entry.corrects === undefined) {
        checkRecord(context, draft, startMs, endMs, recordedMs, format);
        row = applyRecorded(
          state,
          draft,
          startMs,
          endMs,
          stamp(entry.recordedAt, recordedMs),
          undefined,
        );
      } else {
        const old = byId.get(entry.corrects);
        const oldRow = rowOf(state, entry.corrects);
        if (old === undefined || oldRow < 0)
          fail([i, 'corrects'], 'names no entry recorded before it');
        if (old.supersededBy !== entry.id || old.closedAt !== entry.recordedAt) {
          fail([i, 'corrects'], `entry ${old.id} is not superseded by it when it was recorded`);
        }
        if (old.volunteerId !== entry.volunteerId)
          fail([i, 'volunteerId'], 'a correction keeps the volunteer');
        if (old.closedBy !== entry.recordedBy)
          fail([i, 'recordedBy'], 'must be who corrected the entry');
        const reason = old.reason ?? '';
        if (checkCorrect(context, oldRow, draft, startMs, endMs, reason, recordedMs, format) >= 0) {
          fail([i, 'id'], `entry ${entry.id} appears twice`);
        }
        const when = stamp(entry.recordedAt, recordedMs);
        row = applyCorrected(state, oldRow, entry.recordedBy, reason, when, draft, startMs, endMs);
      }
      if (entry.approvedAt !== undefined) {
        const approvedMs = msOf(entry.approvedAt);
        if (!(approvedMs >= recordedMs))
          fail([i, 'approvedAt'], 'is before the entry was recorded');
        const most = checkApprove(context, row, entry.approvedBy ?? '');
        const credited = entry.creditedMinutes ?? -1;
        // The day's cap may have cut the credit; the order of that day's approvals is not kept.
        const allowed =
          policy.maxMinutesPerDay === null
            ? credited === most
            : credited >= 0 && credited <= creditFor(policy, state.table.durationMinutes(row), 0);
        if (!allowed) fail([i, 'creditedMinutes'], `is not what the policy credits (${most})`);
        applyApproved(state, row, credited, entry.approvedBy!, stamp(entry.approvedAt, approvedMs));
        if (entry.status === 'approved') {
          const key = dayKey(entry);
          dayTotals.set(key, (dayTotals.get(key) ?? 0) + credited);
        }
      }
      if (entry.status === 'rejected' || entry.status === 'revoked') {
        const closedMs = msOf(entry.closedAt);
        const from = entry.approvedAt === undefined ? recordedMs : msOf(entry.approvedAt);
        if (!(closedMs >= from)) fail([i, 'closedAt'], 'is before the move it closes');
        checkClose(context, row, entry.status === 'rejected' ? 'reject' : 'revoke');
        const type = entry.status === 'rejected' ? 'hours.rejected' : 'hours.revoked';
        applyClosed(
          state,
          row,
          type,
          entry.closedBy ?? '',
          entry.reason ?? '',
          stamp(entry.closedAt!, closedMs),
        );
      }
    } catch (error) {
      // A check of a live call refused the move: the entry is at fault, at the field named.
      if (isLanewiseError(error) && error.code !== 'INVALID_LOG') {
        fail([i, ...(error.path.length > 0 ? error.path : ['id'])], error.message);
      }
      throw error;
    }
  });
  entries.forEach((entry, i) => {
    // A superseded entry closes when the entry that corrects it is recorded.
    if (
      entry.status === 'superseded' &&
      byId.get(entry.supersededBy ?? '')?.corrects !== entry.id
    ) {
      fail([i, 'supersededBy'], 'names no entry that corrects it');
    }
    const found = firstDifference(buildEntry(state, i), entry);
    if (found !== undefined) fail([i, ...found], 'is not what the entry\u2019s moves give');
  });
  if (policy.maxMinutesPerDay !== null) {
    for (const [key, total] of dayTotals) {
      if (total > policy.maxMinutesPerDay) {
        // The last approval of the day is the one that went over.
        let i = entries.length - 1;
        while (i > 0 && !(entries[i]!.status === 'approved' && dayKey(entries[i]!) === key)) i -= 1;
        fail([i, 'creditedMinutes'], `the day's credits (${total}) exceed its cap`);
      }
    }
  }
}
