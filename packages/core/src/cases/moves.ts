// The moves of the case life cycle. Each one parses its input, checks the status and the
// rules of the move, and only then commits one event: a refused move changes nothing.
import { LanewiseError } from '../errors.js';
import { parseInput } from '../schemas/parse.js';
import type { CaseBook } from './book-types.js';
import type { CaseBookCore } from './book.js';
import type { CaseDispatcher } from './dispatch.js';
import type { CaseIntake } from './events.js';
import {
  acceptCaseInputSchema,
  caseActionInputSchema,
  extendCaseInputSchema,
  followUpInputSchema,
  markDuplicateInputSchema,
  openCaseInputSchema,
  resolveCaseInputSchema,
} from './schemas.js';
import { assertMove } from './transitions.js';
import type { CaseRecord } from './types.js';
import { copyJson, defined, sameValue, utc } from './values.js';

type CaseMoves = Pick<
  CaseBook,
  'open' | 'accept' | 'act' | 'extend' | 'resolve' | 'followUp' | 'close' | 'markDuplicate'
>;

/** The fields of a record that came from its intake, to compare a repeated `open`. */
function intakeOf(record: CaseRecord): CaseIntake {
  const { id, category, title, description, receivedAt, channel, reporter, location, attributes } =
    record;
  return defined({
    id,
    category,
    title,
    description,
    receivedAt,
    channel,
    reporter,
    location,
    attributes,
  });
}

function conflict(id: string, what: string, path: readonly (string | number)[]): LanewiseError {
  return new LanewiseError('ID_CONFLICT', `${what} ${id} exists with other content`, {
    path,
    details: { id },
  });
}

/** The moves, bound to one book. */
export function caseMoves(core: CaseBookCore, dispatcher: CaseDispatcher): CaseMoves {
  const { state, calendar, commit } = core;

  return {
    open(input) {
      const parsed = parseInput(openCaseInputSchema, input);
      const intake: CaseIntake = defined({
        ...parsed,
        receivedAt: utc(parsed.receivedAt),
        reporter: parsed.reporter && defined(parsed.reporter),
        location: parsed.location && defined(parsed.location),
        // A deep copy: the caller may go on changing its own object.
        attributes: parsed.attributes && copyJson(parsed.attributes),
      });
      const existing = state.get(intake.id);
      if (existing !== undefined) {
        if (sameValue(intakeOf(existing), intake)) return existing;
        throw conflict(intake.id, 'case', ['id']);
      }
      return commit('case.opened', { intake, dispatch: dispatcher.dispatch(intake) });
    },

    accept(id, input) {
      const record = core.require(id);
      const { by } = parseInput(acceptCaseInputSchema, input);
      assertMove(record, 'accept');
      return commit('case.accepted', { id: record.id, by });
    },

    act(id, input) {
      const record = core.require(id);
      const parsed = parseInput(caseActionInputSchema, input);
      const action = defined({ ...parsed, at: utc(parsed.at) });
      const logged = record.actions.find((entry) => entry.id === action.id);
      if (logged !== undefined) {
        if (sameValue(logged, action)) return record;
        throw conflict(action.id, `action of case ${record.id}`, ['id']);
      }
      assertMove(record, 'act');
      return commit('case.acted', { id: record.id, action });
    },

    extend(id, input) {
      const record = core.require(id);
      const parsed = parseInput(extendCaseInputSchema, input);
      assertMove(record, 'extend');
      const now = core.now();
      if (now.getTime() > Date.parse(record.dueAt)) {
        throw new LanewiseError(
          'TOO_LATE',
          `case ${record.id} was due at ${record.dueAt}: too late to extend`,
          {
            details: { id: record.id, dueAt: record.dueAt, now: now.toISOString() },
          },
        );
      }
      const until = utc(parsed.until);
      if (Date.parse(until) <= Date.parse(record.dueAt)) {
        throw new LanewiseError(
          'INVALID_INPUT',
          `until: must be later than the deadline ${record.dueAt}`,
          {
            path: ['until'],
            details: { id: record.id, dueAt: record.dueAt },
          },
        );
      }
      return commit('case.extended', {
        id: record.id,
        until,
        reason: parsed.reason,
        by: parsed.by,
      });
    },

    resolve(id, input) {
      const record = core.require(id);
      const parsed = parseInput(resolveCaseInputSchema, input);
      assertMove(record, 'resolve');
      return commit('case.resolved', defined({ id: record.id, ...parsed }));
    },

    followUp(id, input) {
      const record = core.require(id);
      const parsed = parseInput(followUpInputSchema, input);
      assertMove(record, 'followUp');
      // One follow-up per resolution: each earlier round ended with one unsatisfied answer.
      if (record.followUps.length > record.reopenedCount) {
        throw new LanewiseError('INVALID_TRANSITION', `case ${record.id} was already followed up`, {
          details: { id: record.id, status: record.status, move: 'followUp' },
        });
      }
      const at = utc(parsed.at);
      if (record.resolvedAt !== undefined && at < record.resolvedAt) {
        throw new LanewiseError(
          'INVALID_INPUT',
          `at: the follow-up is before the resolution ${record.resolvedAt}`,
          {
            path: ['at'],
            details: { id: record.id, resolvedAt: record.resolvedAt },
          },
        );
      }
      const data = defined({ id: record.id, rating: parsed.rating, comment: parsed.comment, at });
      if (parsed.rating !== 'unsatisfied') return commit('case.followed_up', data);
      // Redone: a fresh deadline of the same length, counted from the reopening.
      const reopenedAt = Math.max(core.now().getTime(), Date.parse(at));
      const reopenDueAt = utc(calendar.deadline(new Date(reopenedAt), record.deadline));
      return commit('case.followed_up', { ...data, reopenDueAt });
    },

    close(id) {
      const record = core.require(id);
      assertMove(record, 'close');
      return commit('case.closed', { id: record.id });
    },

    markDuplicate(id, input) {
      const record = core.require(id);
      const { of } = parseInput(markDuplicateInputSchema, input);
      const target = core.require(of, ['of']);
      // Point at the original, so duplicates never form chains.
      const original = target.duplicateOf ?? target.id;
      if (original === record.id) {
        throw new LanewiseError('INVALID_INPUT', `of: case ${record.id} cannot duplicate itself`, {
          path: ['of'],
          details: { id: record.id, of },
        });
      }
      assertMove(record, 'markDuplicate');
      return commit('case.marked_duplicate', { id: record.id, of: original });
    },
  };
}
