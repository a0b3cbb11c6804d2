import { LanewiseError } from '../errors.js';
import { APPROVED, PENDING, REJECTED, REVOKED, SUPERSEDED } from './entry-table.js';
import { addEntry, approveEntry, closeEntry, rowOf, statusOf, type HoursState } from './state.js';
import type { CompactLog } from '../internal/compact-log.js';
import type { HoursEvent } from './types.js';

// Folding the events of a given log (a replay) into the state, checking that they hold
// together: each applies through the same functions as the ledger's own moves.

function rowOfEvent(state: HoursState, event: HoursEvent): number {
  const row = rowOf(state, event.data.id);
  if (row < 0) {
    throw new LanewiseError('INVALID_INPUT', `event ${event.seq}: unknown entry ${event.data.id}`, {
      path: ['events', event.seq - 1, 'data', 'id'],
    });
  }
  return row;
}

function expect(
  state: HoursState,
  event: HoursEvent,
  row: number,
  allowed: number,
  alsoAllowed = allowed,
): void {
  const status = state.table.status(row);
  if (status !== allowed && status !== alsoAllowed) {
    throw new LanewiseError(
      'INVALID_INPUT',
      `event ${event.seq}: entry ${state.table.id(row)} is ${statusOf(state, row)}`,
      {
        path: ['events', event.seq - 1, 'type'],
      },
    );
  }
}

function expectNew(state: HoursState, event: HoursEvent, id: string, path: string[]): void {
  if (rowOf(state, id) >= 0) {
    throw new LanewiseError('INVALID_INPUT', `event ${event.seq}: duplicate entry id`, {
      path: ['events', event.seq - 1, 'data', ...path],
    });
  }
}

/**
 * Folds one event of a given log into the state (mutating it) and returns the row it made or
 * moved (the new one for a correction). Its checks catch a log that was tampered with or
 * mixed up. The ledger's own moves, checked before, call {@link addEntry},
 * {@link approveEntry} and {@link closeEntry} directly, so as not to build their events.
 */
export function applyHoursEvent(state: HoursState, event: HoursEvent): number {
  switch (event.type) {
    case 'hours.recorded':
      expectNew(state, event, event.data.id, ['id']);
      return addEntry(state, event.data, state.stamps.indexOfText(event.at), undefined);
    case 'hours.approved': {
      const row = rowOfEvent(state, event);
      expect(state, event, row, PENDING);
      const at = state.stamps.indexOfText(event.at);
      approveEntry(state, row, event.data.creditedMinutes, event.data.by, at);
      return row;
    }
    case 'hours.rejected':
    case 'hours.revoked': {
      const row = rowOfEvent(state, event);
      const rejected = event.type === 'hours.rejected';
      expect(state, event, row, rejected ? PENDING : APPROVED);
      const { by, reason } = event.data;
      const closure = { by, at: event.at, reason, supersededBy: undefined };
      closeEntry(state, row, rejected ? REJECTED : REVOKED, closure);
      return row;
    }
    case 'hours.corrected': {
      const row = rowOfEvent(state, event);
      expect(state, event, row, PENDING, APPROVED);
      const { by, reason, entry } = event.data;
      expectNew(state, event, entry.id, ['entry', 'id']);
      closeEntry(state, row, SUPERSEDED, { by, at: event.at, reason, supersededBy: entry.id });
      const at = state.stamps.indexOfText(event.at);
      return addEntry(state, entry, at, event.data.id);
    }
    default: {
      const unknown = event as { seq: number; type: unknown };
      throw new LanewiseError('INVALID_INPUT', `event ${unknown.seq}: unknown type`, {
        path: ['events', unknown.seq - 1, 'type'],
      });
    }
  }
}

/**
 * Logs the given events as they are and applies them, checking their order as a journal
 * does: `seq` from 1 without gaps.
 */
export function replayInto(
  state: HoursState,
  log: CompactLog<HoursEvent>,
  events: readonly HoursEvent[],
): void {
  for (const [index, event] of events.entries()) {
    if (event.seq !== index + 1) {
      throw new LanewiseError(
        'INVALID_INPUT',
        `event ${index} has seq ${event.seq}, expected ${index + 1}`,
        { path: ['events', index, 'seq'] },
      );
    }
    log.push(event);
  }
  for (const event of events) applyHoursEvent(state, event);
}
