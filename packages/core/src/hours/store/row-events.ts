// Every event the ledger writes itself, kept in its log as a number (a row and a kind) and
// built from the row when read. Each kind happens at most once to a row and what it wrote
// never changes after, so a build equals the event the move would have made.
import { openDraft } from './draft.js';
import { REJECTED } from './entry-table.js';
import { activityOf, volunteerOf, type HoursState } from './state.js';
import type { HourEntryDraft, HoursEvent } from '../types.js';

const RECORDED = 0;
const APPROVED = 1;
/** `hours.rejected` or `hours.revoked`, as the row's status says. */
const CLOSED = 2;
/** `hours.corrected`, kept on the row it superseded. */
const CORRECTED = 3;
const KINDS = 4;

/** The log key of a row's `hours.recorded` event. */
export const recordedKey = (row: number): number => row * KINDS + RECORDED;
/** The log key of a row's `hours.approved` event. */
export const approvedKey = (row: number): number => row * KINDS + APPROVED;
/** The log key of the event that rejected or revoked a row. */
export const closedKey = (row: number): number => row * KINDS + CLOSED;
/** The log key of the `hours.corrected` event that superseded a row. */
export const correctedKey = (row: number): number => row * KINDS + CORRECTED;

/** The event logged under `key`, which has number `seq`. */
export function buildRowEvent(state: HoursState, key: number, seq: number): HoursEvent {
  const row = Math.floor(key / KINDS);
  switch (key % KINDS) {
    case RECORDED: {
      const at = state.stamps.text(state.table.recordedAt(row));
      return Object.freeze({ seq, type: 'hours.recorded', at, data: draftAt(state, row) });
    }
    case APPROVED:
      return approvedEvent(state, row, seq);
    case CLOSED:
      return closedEvent(state, row, seq);
    default:
      return correctedEvent(state, row, seq);
  }
}

/** The draft of a row, as `draftOf` made it when it was recorded. */
export function draftAt(state: HoursState, row: number): HourEntryDraft {
  const { table } = state;
  const fields = {
    id: table.id(row),
    volunteerId: volunteerOf(state, row),
    activityId: activityOf(state, row),
    start: table.start(row),
    end: table.end(row),
    recordedBy: table.recordedBy(row),
    note: table.note(row),
  };
  return Object.freeze(openDraft(fields, table.tagsOf(row)));
}

function approvedEvent(state: HoursState, row: number, seq: number): HoursEvent {
  const { table } = state;
  const data = Object.freeze({
    id: table.id(row),
    by: table.approvedBy(row)!,
    creditedMinutes: table.credited(row),
  });
  const at = state.stamps.text(table.approvedAt(row));
  return Object.freeze({ seq, type: 'hours.approved', at, data });
}

function closedEvent(state: HoursState, row: number, seq: number): HoursEvent {
  const { table } = state;
  const { by, at, reason } = table.closure(row)!;
  const data = Object.freeze({ id: table.id(row), by, reason });
  const type = table.status(row) === REJECTED ? 'hours.rejected' : 'hours.revoked';
  return Object.freeze({ seq, type, at: state.stamps.text(at), data });
}

function correctedEvent(state: HoursState, row: number, seq: number): HoursEvent {
  const { table } = state;
  const { by, at, reason, supersededBy } = table.closure(row)!;
  const entry = draftAt(state, state.ids.get(supersededBy!));
  const data = Object.freeze({ id: table.id(row), by, reason, entry });
  return Object.freeze({ seq, type: 'hours.corrected', at: state.stamps.text(at), data });
}
