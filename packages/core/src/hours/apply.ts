// The reducer: each event applied to the state. The live calls apply their checked moves
// through these functions, and replay applies a log's events through them after the same
// checks (`commands.ts`), so a replayed ledger is the ledger that wrote the log.
import { invalidLog, LanewiseError, type ErrorPath } from '../errors/error.js';
import type { JournalEvent } from '../journal/types.js';
import { parseInput } from '../schemas/parse.js';
import { MS_PER_MINUTE } from '../time/constants.js';
import {
  checkApprove,
  checkClose,
  checkCorrect,
  checkRecord,
  requireRow,
  type CommandContext,
} from './commands.js';
import {
  hourEntryDraftSchema,
  hoursApprovedDataSchema,
  hoursClosedDataSchema,
  hoursCorrectedDataSchema,
} from './schemas.js';
import { chain } from './store/books.js';
import { draftOf } from './store/draft.js';
import { APPROVED, REJECTED, REVOKED, SUPERSEDED } from './store/entry-table.js';
import type { FastInput } from './store/fast-input.js';
import { approvedKey, closedKey, correctedKey, recordedKey } from './store/row-events.js';
import {
  activityBook,
  activityBookOf,
  bookOf,
  volunteerBook,
  type HoursState,
} from './store/state.js';
import type { HourEntryDraft } from './types.js';

/**
 * `hours.recorded` (and the new entry of `hours.corrected`): adds a pending row and returns
 * it. `at` is the index of the event's instant in the state's stamps; `corrects` the id of
 * the entry it corrects.
 */
export function applyRecorded(
  state: HoursState,
  draft: HourEntryDraft,
  startMs: number,
  endMs: number,
  at: number,
  corrects: string | undefined,
): number {
  const minutes = Math.floor((endMs - startMs) / MS_PER_MINUTE);
  const { table } = state;
  const volunteer = volunteerBook(state, draft.volunteerId);
  const activity = activityBook(state, draft.activityId);
  const row = table.size;
  const previousOfVolunteer = chain(volunteer, row);
  const previousOfActivity = chain(activity, row);
  table.add(
    draft,
    startMs,
    endMs,
    minutes,
    volunteer.number,
    activity.number,
    previousOfVolunteer,
    previousOfActivity,
    at,
    corrects,
  );
  state.ids.add(draft.id, row);
  state.lastId = draft.id;
  state.lastRow = row;
  volunteer.insert(startMs, endMs, row, state.days.dayKeyOf(startMs));
  return row;
}

/**
 * Adds `minutes` (negative to take away) to the totals of an approved row. (Its day's total
 * is kept in the live index, which it leaves when closed.)
 */
function count(state: HoursState, row: number, minutes: number): void {
  const volunteer = bookOf(state, row);
  const activity = activityBookOf(state, row);
  volunteer.credited += minutes;
  activity.credited += minutes;
  state.byActivity.add(volunteer.number, activity.number, minutes);
  state.credited += minutes;
}

/** `hours.approved`: a pending row approved for `minutes` by `by` at stamp `at`. */
export function applyApproved(
  state: HoursState,
  row: number,
  minutes: number,
  by: string,
  at: number,
): void {
  const { table } = state;
  table.approve(row, minutes, by, at);
  bookOf(state, row).setCredited(table.startMs(row), row, minutes);
  count(state, row, minutes);
}

/** Closes a live row: out of the overlap index, and out of the totals if it was approved. */
function close(
  state: HoursState,
  row: number,
  status: number,
  by: string,
  reason: string,
  at: number,
  supersededBy: string | undefined,
): void {
  const { table } = state;
  bookOf(state, row).remove(table.startMs(row), row);
  if (table.status(row) === APPROVED) count(state, row, -table.credited(row));
  table.close(row, status, { by, at, reason, supersededBy });
}

/** `hours.rejected` or `hours.revoked`. */
export function applyClosed(
  state: HoursState,
  row: number,
  type: 'hours.rejected' | 'hours.revoked',
  by: string,
  reason: string,
  at: number,
): void {
  close(state, row, type === 'hours.rejected' ? REJECTED : REVOKED, by, reason, at, undefined);
}

/** `hours.corrected`: the old row superseded, the new entry added; returns the new row. */
export function applyCorrected(
  state: HoursState,
  row: number,
  by: string,
  reason: string,
  at: number,
  draft: HourEntryDraft,
  startMs: number,
  endMs: number,
): number {
  close(state, row, SUPERSEDED, by, reason, at, draft.id);
  return applyRecorded(state, draft, startMs, endMs, at, state.table.id(row));
}

/** What replay needs besides the rules: the ledger's fast checks and its instant format. */
export interface ReplayContext extends CommandContext {
  readonly fast: FastInput;
  readonly format: (ms: number) => string;
}

const DATA: ErrorPath = ['data'];
const DATA_ENTRY: ErrorPath = ['data', 'entry'];

/**
 * The `INVALID_LOG` of event `index` for an error a check threw, with the check's path under
 * `prefix` and its code in `details.code`.
 */
function asInvalidLog(error: LanewiseError, index: number, prefix: ErrorPath): LanewiseError {
  const path =
    error.code === 'INVALID_TRANSITION'
      ? ['type']
      : [...prefix, ...(error.path.length > 0 ? error.path : ['id'])];
  const message = error.message;
  const issues = Array.isArray(error.details['issues'])
    ? (error.details['issues'] as { path: ErrorPath }[]).map((issue) => ({
        ...issue,
        path: ['events', index, ...prefix, ...issue.path],
      }))
    : [{ path: ['events', index, ...path], message, reason: 'invalid', params: { message } }];
  return invalidLog(index, path, message, { ...error.details, code: error.code, issues });
}

/**
 * Checks one event of a log handed to the factory and applies it; returns its log key (see
 * `row-events.ts`). The envelope is checked already (`checkEnvelopes`); here its data against
 * its schema, then the same checks as the live call that would have written it, with the
 * event's instant as now. A repeat (a retry that live calls answer without writing) is never
 * in a log, so it is refused. Throws `INVALID_LOG` at the event.
 */
export function replayEvent(
  context: ReplayContext,
  event: JournalEvent,
  index: number,
  atMs: number,
): number {
  const { state, fast, format } = context;
  const data: unknown = event.data;
  // Where the paths of the checks' errors start within the event.
  let prefix = DATA;
  try {
    const at = state.stamps.indexOfLogged(event.at, atMs);
    switch (event.type) {
      case 'hours.recorded': {
        const draft =
          fast.recordDraft(data, true) ?? draftOf(parseInput(hourEntryDraftSchema, data));
        const startMs = fast.instantMs(draft.start);
        const endMs = fast.instantMs(draft.end);
        if (checkRecord(context, draft, startMs, endMs, atMs, format) >= 0) {
          throw invalidLog(index, ['data', 'id'], `entry ${draft.id} is recorded twice`);
        }
        return recordedKey(applyRecorded(state, draft, startMs, endMs, at, undefined));
      }
      case 'hours.approved': {
        const parsed = fast.approvedData(data) ?? parseInput(hoursApprovedDataSchema, data);
        const row = requireRow(state, parsed.id);
        const minutes = checkApprove(context, row, parsed.by);
        if (parsed.creditedMinutes !== minutes) {
          throw invalidLog(
            index,
            ['data', 'creditedMinutes'],
            `the policy credits ${minutes} minutes, not ${parsed.creditedMinutes}`,
            { expected: minutes, found: parsed.creditedMinutes },
          );
        }
        applyApproved(state, row, minutes, parsed.by, at);
        return approvedKey(row);
      }
      case 'hours.rejected':
      case 'hours.revoked': {
        const parsed = fast.closedData(data) ?? parseInput(hoursClosedDataSchema, data);
        const row = requireRow(state, parsed.id);
        checkClose(context, row, event.type === 'hours.rejected' ? 'reject' : 'revoke');
        applyClosed(state, row, event.type, parsed.by, parsed.reason, at);
        return closedKey(row);
      }
      case 'hours.corrected': {
        const parsed = parseInput(hoursCorrectedDataSchema, data);
        const row = requireRow(state, parsed.id);
        prefix = DATA_ENTRY;
        const draft = fast.recordDraft(parsed.entry, true) ?? draftOf(parsed.entry);
        // A correction keeps the volunteer and is recorded by whoever corrects.
        if (draft.volunteerId !== bookOf(state, row).id) {
          throw invalidLog(
            index,
            ['data', 'entry', 'volunteerId'],
            'a correction keeps the volunteer',
          );
        }
        if (draft.recordedBy !== parsed.by) {
          throw invalidLog(index, ['data', 'entry', 'recordedBy'], 'must be who corrects (by)');
        }
        const startMs = fast.instantMs(draft.start);
        const endMs = fast.instantMs(draft.end);
        if (checkCorrect(context, row, draft, startMs, endMs, parsed.reason, atMs, format) >= 0) {
          throw invalidLog(index, ['data', 'entry', 'id'], `entry ${draft.id} is recorded twice`);
        }
        applyCorrected(state, row, parsed.by, parsed.reason, at, draft, startMs, endMs);
        return correctedKey(row);
      }
      default:
        throw invalidLog(index, ['type'], `unknown event type ${String(event.type)}`);
    }
  } catch (error) {
    if (error instanceof LanewiseError && error.code !== 'INVALID_LOG') {
      throw asInvalidLog(error, index, prefix);
    }
    throw error;
  }
}
