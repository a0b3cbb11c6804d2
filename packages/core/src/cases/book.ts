// The case book: wires the commands, the reducer, the replay, the log and the listeners.
import * as z from 'zod/mini';
import { checkpointSchema, dispatcherSchema, functionSchema } from '../journal/schemas.js';
import type { WorkCalendar } from '../calendar/types.js';
import { readClock, type Clock } from '../clock.js';
import { createDispatcher, Subscribable } from '../internal/dispatch.js';
import { chainLink, checkpointOf, type ChainHash } from '../journal/chain.js';
import { invalidField, parseInput } from '../schemas/parse.js';
import { zoneOffsets } from '../time/zone.js';
import type { CaseBook, CaseBookOptions, CaseReviewEntry } from './api.js';
import { applyCaseEvent, type CaseState } from './apply.js';
import { createCaseRouter } from './case-router.js';
import {
  acceptCommand,
  actCommand,
  CHANGE_CHECKS,
  closeCommand,
  extendCommand,
  followUpCommand,
  markDuplicateCommand,
  openCommand,
  requireCase,
  resolveCommand,
  type CommandContext,
  type CommandResult,
} from './commands.js';
import { dueEscalations } from './escalation.js';
import { deepFreeze } from './json.js';
import { replayCaseLog } from './replay.js';
import { restoreCaseState } from './restore.js';
import { instantWriter } from './store/instants.js';
import { caseEscalationPolicySchema } from './schemas.js';
import { isOpenStatus } from './transitions.js';
import type {
  CaseEvent,
  CaseEventData,
  CaseEventType,
  CaseRecord,
  CaseSnapshot,
  SettledEscalationPolicy,
} from './types.js';
import { filterCases, instantOrDateMs, snapshotOf } from './views.js';

const fn = functionSchema;

const optionsSchema = z.strictObject({
  routing: z.custom<object>((value) => typeof value === 'object' && value !== null, {
    message: 'expected a rule set or a compiled router',
  }),
  calendar: z.custom<WorkCalendar>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Partial<WorkCalendar>).deadline === 'function' &&
      typeof (value as Partial<WorkCalendar>).timeZone === 'string',
    { message: 'expected a WorkCalendar (createWorkCalendar or cnCalendar)' },
  ),
  now: fn<Clock>('expected a clock: () => Date'),
  escalation: z.optional(caseEscalationPolicySchema),
  // Any value: the replay says what is wrong with it (INVALID_LOG).
  events: z.optional(z.unknown()),
  hash: z.optional(fn<ChainHash>('expected (text) => digest')),
  checkpoint: z.optional(checkpointSchema),
  restore: z.optional(z.strictObject({ snapshot: z.unknown(), checkpoint: checkpointSchema })),
  onListenerError: z.optional(fn<(error: unknown) => void>('expected (error) => void')),
  dispatcher: z.optional(dispatcherSchema),
});

/**
 * Creates a case book: the closed loop of a resident's problem from intake to closing, with
 * deadlines in working days and escalation of late cases. Pass `events` to rebuild a book from
 * its log; the rebuilt records equal the originals. Pass `restore` (a snapshot and the checkpoint
 * it was taken at) with the events after it to start from a snapshot instead of the whole log.
 *
 * @throws `INVALID_INPUT` for bad options, `INVALID_LOG` for a log no book could have written,
 * `INVALID_RULES` for a rule set that does not compile.
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
 * book.act('c-1', { id: 'a-1', kind: 'service', type: 'visit', by: 'officer-li', at: '2025-01-24T10:04:00+08:00' });
 * book.resolve('c-1', { by: 'officer-li', outcome: 'mediated' });
 * book.followUp('c-1', { rating: 'satisfied', at: '2025-01-25T10:00:00+08:00' });
 * book.close('c-1');
 * ```
 */
export function createCaseBook(options: CaseBookOptions): CaseBook {
  const settled = parseInput(optionsSchema, options);
  const calendar = settled.calendar;
  const policy: SettledEscalationPolicy =
    settled.escalation ?? parseInput(caseEscalationPolicySchema, {});
  const { format, write } = instantWriter(zoneOffsets(calendar.timeZone));
  const router = createCaseRouter(settled.routing as CaseBookOptions['routing'], calendar, write);
  const state: CaseState = new Map();
  const ctx: CommandContext & { readonly state: CaseState } = { state, router, format, write };
  const start = settled.restore?.checkpoint;
  if (settled.hash && start && start.seq > 0 && start.hash === undefined) {
    throw invalidField(['restore', 'checkpoint', 'hash'], 'is needed to continue a chained log');
  }
  if (settled.restore) restoreCaseState(settled.restore.snapshot, settled.restore.checkpoint, ctx);
  const log: CaseEvent[] =
    settled.events === undefined
      ? []
      : replayCaseLog(settled.events, ctx, {
          hash: settled.hash,
          checkpoint: settled.checkpoint,
          start,
        });
  const dispatcher = settled.dispatcher ?? createDispatcher(settled);
  const listeners = new Subscribable<CaseEvent>(dispatcher);
  let all: readonly CaseRecord[] | undefined;
  let snapshot: CaseSnapshot | undefined;
  let events: readonly CaseEvent[] | undefined;

  const clock = (): number => readClock(settled.now);
  let stampMs = Number.NaN;
  let stamp = '';

  /** Appends one checked event, folds it in; the listeners hear of it after the command. */
  const append = <T extends CaseEventType>(
    type: T,
    data: CaseEventData<T>,
    nowMs: number,
  ): CaseRecord => {
    // Most appends of a command (a review's escalations) share one instant: write it once.
    if (nowMs !== stampMs) {
      stampMs = nowMs;
      stamp = format(nowMs);
    }
    const fields = {
      seq: (start?.seq ?? 0) + log.length + 1,
      type,
      at: stamp,
      data: deepFreeze(data),
    };
    const previous = log[log.length - 1]?.hash ?? start?.hash ?? '';
    const event = Object.freeze(
      settled.hash ? { ...fields, hash: chainLink(settled.hash, previous, fields) } : fields,
    ) as unknown as CaseEvent;
    const record = applyCaseEvent(state, event);
    log.push(event);
    all = undefined;
    snapshot = undefined;
    events = undefined;
    listeners.emit(event);
    return record;
  };

  const commit = <T extends CaseEventType>(result: CommandResult<T>, type: T, nowMs: number) =>
    'unchanged' in result ? result.unchanged : append(type, result.data, nowMs);

  /** Runs a command on one case: finds it, reads the clock once, commits what it returns. */
  const onCase =
    <T extends CaseEventType, I>(
      type: T,
      command: (c: CommandContext, r: CaseRecord, input: I, nowMs: number) => CommandResult<T>,
    ) =>
    (id: string, input: I): CaseRecord =>
      dispatcher.run(() => {
        const record = requireCase(state, id);
        const nowMs = clock();
        return commit(command(ctx, record, input, nowMs), type, nowMs);
      });

  const list = (): readonly CaseRecord[] => (all ??= Object.freeze([...state.values()]));

  const review = (now?: Date | string): readonly CaseReviewEntry[] =>
    dispatcher.run(() => {
      const nowMs =
        now === undefined
          ? clock()
          : typeof now === 'string' || now instanceof Date
            ? instantOrDateMs(now, ['now'])
            : instantOrDateMs('', ['now']);
      // Every step is worked out before the first is written: one refused, none written.
      const thresholds = new Map<string, number>();
      const due = list()
        .filter((record) => isOpenStatus(record.status))
        .flatMap((record) => dueEscalations(record, nowMs, policy, calendar, router, thresholds));
      const applied: CaseReviewEntry[] = [];
      for (const step of due) {
        const before = state.get(step.id) as CaseRecord;
        CHANGE_CHECKS['cases.escalated'](ctx, before, step, nowMs);
        const changed = append('cases.escalated', step, nowMs);
        const escalation = changed.escalations[changed.escalations.length - 1];
        if (escalation !== undefined)
          applied.push(Object.freeze({ caseId: changed.id, ...escalation }));
      }
      return Object.freeze(applied);
    });

  return {
    open: (input) =>
      dispatcher.run(() => {
        const nowMs = clock();
        return commit(openCommand(ctx, input, nowMs), 'cases.opened', nowMs);
      }),
    accept: onCase('cases.accepted', acceptCommand),
    act: onCase('cases.acted', actCommand),
    extend: onCase('cases.extended', extendCommand),
    resolve: onCase('cases.resolved', resolveCommand),
    followUp: onCase('cases.followed_up', followUpCommand),
    close: (id) =>
      onCase('cases.closed', (c, r, _input: undefined, nowMs) => closeCommand(c, r, nowMs))(
        id,
        undefined,
      ),
    markDuplicate: onCase('cases.marked_duplicate', markDuplicateCommand),
    review,
    list: (filter) => (filter === undefined ? list() : filterCases(list(), filter)),
    get: (id) => (typeof id === 'string' ? state.get(id) : undefined),
    subscribe(listener) {
      if (typeof listener !== 'function') {
        throw invalidField(['listener'], 'must be a function', 'type', { expected: 'function' });
      }
      return listeners.subscribe(listener);
    },
    snapshot: () => (snapshot ??= snapshotOf(list())),
    events: () => (events ??= Object.freeze(log.slice())),
    checkpoint: () => checkpointOf(log, start),
    get size() {
      return state.size;
    },
    router: router.router,
    calendar,
    timeZone: calendar.timeZone,
  };
}
