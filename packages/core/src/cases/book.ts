// The case book: validates each move, turns it into an event, and folds the event into the
// records through the same reducer a replay uses.
import { z } from 'zod';
import type { WorkCalendar } from '../calendar/types.js';
import { instantOrDateSchema } from '../calendar/schemas.js';
import type { Clock } from '../clock.js';
import { LanewiseError } from '../errors.js';
import type { ChainHash } from '../journal/chain.js';
import { createJournal } from '../journal/journal.js';
import { idSchema } from '../schemas/common.js';
import { parseInput } from '../schemas/parse.js';
import type { CaseBook, CaseBookOptions, CaseReviewEntry } from './book-types.js';
import { createDispatcher } from './dispatch.js';
import { dueEscalations } from './escalation.js';
import type { CaseEvent, CaseEventType } from './events.js';
import { filterCases } from './filter.js';
import { caseMoves } from './moves.js';
import { applyCaseEvent, type CaseState } from './reducer.js';
import { checkCaseEvents } from './replay-check.js';
import { escalationPolicySchema } from './schemas.js';
import { isOpenStatus } from './transitions.js';
import type { CaseRecord, CaseSnapshot } from './types.js';
import { utc } from './values.js';

const optionsSchema = z.object({
  routing: z.custom<object>((value) => typeof value === 'object' && value !== null, {
    error: 'expected a rule set or a compiled router',
  }),
  calendar: z.custom<WorkCalendar>(
    (value) => typeof (value as Partial<WorkCalendar> | null)?.deadline === 'function',
    { error: 'expected a WorkCalendar (createWorkCalendar or cnCalendar)' },
  ),
  now: z.custom<Clock>((value) => typeof value === 'function', {
    error: 'expected a clock: () => Date',
  }),
  escalation: escalationPolicySchema.optional(),
  events: z.array(z.unknown()).optional(),
  hash: z
    .custom<ChainHash>((value) => typeof value === 'function', {
      error: 'expected (text) => digest',
    })
    .optional(),
});

/** What the moves need from the book: the records, the clock, the calendar and the log. */
export interface CaseBookCore {
  readonly state: CaseState;
  readonly calendar: WorkCalendar;
  readonly now: Clock;
  /** The record, or `NOT_FOUND` (with the path of the argument that named it). */
  require(id: unknown, path?: readonly (string | number)[]): CaseRecord;
  /** Appends an event, folds it in, tells the listeners; returns the changed record. */
  commit<T extends CaseEventType>(
    type: T,
    data: Extract<CaseEvent, { type: T }>['data'],
    at?: string,
  ): CaseRecord;
}

/**
 * Creates a case book: the closed loop of a resident's problem from intake to closing, with
 * deadlines in working days and escalation of late cases. Pass `events` to rebuild a book from
 * its log; the rebuilt records equal the originals.
 *
 * @throws `INVALID_INPUT` for bad options or events, `INVALID_RULES` for a rule set that does not compile.
 * @example
 * ```ts
 * import { cnCalendar, createCaseBook, manualClock } from '@lanewise/core';
 *
 * // In an app, `now` returns the current time; a fixed clock keeps this example repeatable.
 * const { now } = manualClock('2025-01-24T10:05:00+08:00');
 * const book = createCaseBook({ routing: rules, calendar: cnCalendar, now });
 * const opened = book.open({
 *   id: 'c-1',
 *   category: 'noise',
 *   title: 'Loud music after 22:00',
 *   receivedAt: '2025-01-24T10:00:00+08:00',
 *   channel: 'hotline',
 * });
 * opened.status; // 'dispatched', with opened.tier, opened.handlers and opened.dueAt
 * book.accept('c-1', { by: 'officer-li' });
 * book.act('c-1', { id: 'a-1', kind: 'service', type: 'visit', by: 'officer-li', at: '2025-01-24T15:00:00+08:00' });
 * book.resolve('c-1', { by: 'officer-li', outcome: 'mediated' });
 * book.followUp('c-1', { rating: 'satisfied', at: '2025-01-25T10:00:00+08:00' });
 * book.close('c-1');
 * ```
 */
export function createCaseBook(options: CaseBookOptions): CaseBook {
  const settled = parseInput(optionsSchema, options);
  const calendar = settled.calendar;
  const policy = escalationPolicySchema.parse(settled.escalation ?? {});
  const dispatcher = createDispatcher(options.routing, calendar);
  const initial = checkCaseEvents(settled.events ?? []);
  // The journal checks the order (and the hash chain) before anything is folded in.
  const journal = createJournal<CaseEvent>({
    now: settled.now,
    events: initial,
    ...(settled.hash === undefined ? {} : { hash: settled.hash }),
  });
  const state: CaseState = new Map();
  for (const event of initial) applyCaseEvent(state, event);
  const listeners = new Set<(event: CaseEvent) => void>();
  let all: readonly CaseRecord[] | undefined;
  let snapshot: CaseSnapshot | undefined;

  const core: CaseBookCore = {
    state,
    calendar,
    now: settled.now,
    require(id, path = ['id']) {
      const known = typeof id === 'string' ? state.get(id) : undefined;
      if (known !== undefined) return known;
      const key = parseInput(idSchema, id, path);
      const record = state.get(key);
      if (record === undefined) {
        throw new LanewiseError('NOT_FOUND', `no case with id ${key}`, {
          path,
          details: { id: key },
        });
      }
      return record;
    },
    commit(type, data, at) {
      const event = journal.append(type, data as never, at) as CaseEvent;
      applyCaseEvent(state, event);
      all = undefined;
      snapshot = undefined;
      for (const listener of listeners) listener(event);
      const id = event.type === 'case.opened' ? event.data.intake.id : event.data.id;
      return state.get(id) as CaseRecord;
    },
  };
  const list = (): readonly CaseRecord[] => (all ??= Object.freeze([...state.values()]));

  const review = (now?: Date | string): readonly CaseReviewEntry[] => {
    const instant =
      now === undefined ? settled.now() : parseInput(instantOrDateSchema, now, ['now']);
    const at = utc(instant);
    const nowMs = Date.parse(at);
    const applied: CaseReviewEntry[] = [];
    const thresholds = new Map<string, number>();
    for (const record of list()) {
      if (!isOpenStatus(record.status)) continue;
      const due = dueEscalations(record, nowMs, policy, calendar, dispatcher.tiers, thresholds);
      for (const step of due) {
        const changed = core.commit('case.escalated', step, at);
        const escalation = changed.escalations[changed.escalations.length - 1];
        if (escalation !== undefined) applied.push({ caseId: changed.id, ...escalation });
      }
    }
    return applied;
  };

  return {
    ...caseMoves(core, dispatcher),
    review,
    list: (filter) => (filter === undefined ? list() : filterCases(list(), filter)),
    get: (id) => state.get(id),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    snapshot: () => (snapshot ??= Object.freeze({ cases: list() })),
    events: () => journal.events(),
    get size() {
      return state.size;
    },
    router: dispatcher.router,
    calendar,
  };
}
