import * as z from 'zod/mini';
import { checkpointSchema } from '../journal/schemas.js';
import { readClock, type Clock } from '../clock.js';
import { invalidLog } from '../errors/error.js';
import { createDispatcher, Subscribable, type Dispatcher } from '../internal/dispatch.js';
import { CompactLog } from '../internal/compact-log.js';
import { isId } from '../internal/plain.js';
import { chainLink, type ChainHash, type Checkpoint } from '../journal/chain.js';
import { checkEnvelopes } from '../journal/check.js';
import { idSchema, timeZoneSchema } from '../schemas/common.js';
import { invalidField, parseInput } from '../schemas/parse.js';
import { createZoneDays } from '../time/days.js';
import { instantMs } from '../time/parse.js';
import { zoneOffsets } from '../time/zone.js';
import type { HoursLedger, HoursLedgerOptions } from './api.js';
import { applyApproved, applyClosed, applyCorrected, applyRecorded, replayEvent } from './apply.js';
import {
  checkApprove,
  checkClose,
  checkCorrect,
  checkRecord,
  requireRow,
  type CommandContext,
} from './commands.js';
import { DEFAULT_HOURS_TIME_ZONE, resolveHoursPolicy } from './policy.js';
import {
  approveHoursInputSchema,
  closeHoursInputSchema,
  correctHoursInputSchema,
  recordHoursInputSchema,
} from './schemas.js';
import { draftOf } from './store/draft.js';
import { EntryViews } from './store/entry-views.js';
import { createFastInput } from './store/fast-input.js';
import {
  approvedKey,
  buildRowEvent,
  closedKey,
  correctedKey,
  recordedKey,
} from './store/row-events.js';
import { emptyHoursState, rowOf } from './store/state.js';
import type { HourEntry, HoursEvent, HoursSnapshot } from './types.js';
import {
  allEntries,
  buildEntry,
  certify,
  listEntries,
  starLevelFor,
  summarise,
  sumCredited,
  type QueryContext,
} from './views.js';

/**
 * Lets the program act on a checked move before it is written: the hook may throw, and then
 * nothing is written. Internal to the core.
 */
export interface HoursCommitHook {
  (type: HoursEvent['type'], data: HoursEvent['data'], before: HourEntry | undefined): void;
}

/**
 * Lets the program start the ledger from a snapshot: builds the state through the checks and
 * returns the number of the snapshot's last event, which the log carries on from. Internal.
 */
export interface HoursRestoreHook {
  (context: CommandContext, format: (ms: number) => string, timeZone: string): number;
}

/** The event types of the hour ledger's log. */
const HOURS_EVENT_TYPES: ReadonlySet<string> = new Set([
  'hours.recorded',
  'hours.approved',
  'hours.rejected',
  'hours.revoked',
  'hours.corrected',
]);

const OPTION_KEYS = new Set([
  'policy',
  'now',
  'timeZone',
  'events',
  'hash',
  'checkpoint',
  'onListenerError',
  'dispatcher',
]);

const timeZoneOptionSchema = z.optional(timeZoneSchema);
const optionalCheckpointSchema = z.optional(checkpointSchema);

/** A function option, or undefined; `INVALID_INPUT` at its key otherwise. */
function optionalFunction<F>(value: unknown, key: string): F | undefined {
  if (value === undefined || typeof value === 'function') return value as F | undefined;
  throw invalidField([key], 'must be a function', 'type', { expected: 'function' });
}

/** The options of a ledger, checked: every bad one is `INVALID_INPUT` at its key. */
function readOptions(options: unknown) {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidField([], 'the options must be an object with at least `now`', 'type', {
      expected: 'object',
    });
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!OPTION_KEYS.has(key)) {
      throw invalidField([key], `${key} is not an option`, 'unknown_key', { key });
    }
  }
  const policy = resolveHoursPolicy(given['policy'] as never);
  const timeZone =
    parseInput(timeZoneOptionSchema, given['timeZone'], ['timeZone']) ?? DEFAULT_HOURS_TIME_ZONE;
  const now = optionalFunction<Clock>(given['now'], 'now');
  if (now === undefined) {
    throw invalidField(['now'], 'is required: a clock function', 'required');
  }
  const hash = optionalFunction<ChainHash>(given['hash'], 'hash');
  const checkpoint: Checkpoint | undefined = parseInput(
    optionalCheckpointSchema,
    given['checkpoint'],
    ['checkpoint'],
  );
  const onListenerError = optionalFunction<(error: unknown) => void>(
    given['onListenerError'],
    'onListenerError',
  );
  const dispatcher = given['dispatcher'] as Dispatcher | undefined;
  if (
    dispatcher !== undefined &&
    (typeof dispatcher !== 'object' ||
      dispatcher === null ||
      typeof dispatcher.run !== 'function' ||
      typeof dispatcher.notify !== 'function')
  ) {
    throw invalidField(['dispatcher'], 'must be a dispatcher', 'invalid');
  }
  return { policy, timeZone, now, hash, checkpoint, onListenerError, dispatcher };
}

/**
 * Creates a volunteer-hour ledger.
 *
 * @example
 * ```ts
 * const ledger = createHoursLedger({ now: manualClock('2025-03-01T18:00:00+08:00').now, policy: { unitMinutes: 30 } });
 * ledger.record({
 *   id: 'e1', volunteerId: 'v-li', activityId: 'repair-lane-2025-03-01',
 *   start: '2025-03-01T09:00:00+08:00', end: '2025-03-01T11:10:00+08:00', recordedBy: 'org-wang',
 * });
 * ledger.approve('e1', { by: 'org-zhao' }).creditedMinutes; // 120
 * ledger.starLevel('v-li'); // 0
 * ```
 */
export function createHoursLedger(options: HoursLedgerOptions): HoursLedger {
  return createHoursLedgerWith(options);
}

/** {@link createHoursLedger} with a hook run before each write. Internal to the core. */
export function createHoursLedgerWith(
  options: HoursLedgerOptions,
  beforeCommit?: HoursCommitHook,
  restore?: HoursRestoreHook,
): HoursLedger {
  const { policy, timeZone, now, hash, checkpoint, onListenerError, dispatcher } =
    readOptions(options);
  const zone = zoneOffsets(timeZone);
  const days = createZoneDays(timeZone);
  const format = zone.format;
  const state = emptyHoursState(days, zone);
  const fast = createFastInput();
  const commands: CommandContext = { state, policy };
  const start = restore === undefined ? 0 : restore(commands, format, timeZone);
  // The ledger's own moves are logged as keys (a row and a kind) and built from the row when
  // read; so are the events of a replayed log, once checked.
  // A chained log keeps each event's hash by seq, and adds it when the event is built.
  const hashes: string[] = [];
  const log = new CompactLog<HoursEvent>((key, seq) => {
    const event = buildRowEvent(state, key, seq);
    return hash === undefined ? event : Object.freeze({ ...event, hash: hashes[seq - 1 - start]! });
  }, start);
  let lastHash = '';

  // Replay: the envelopes, then each event through the checks and the reducer. Any error
  // leaves nothing behind: the state is this call's own until it returns.
  // `null` is not "no log": only a missing one is.
  const passed: unknown = (options as { events?: unknown }).events;
  const given: unknown = passed === undefined ? [] : passed;
  checkEnvelopes(given, { types: HOURS_EVENT_TYPES, checkpoint });
  const replay = { state, policy, fast, format };
  let lastAt = '';
  let lastAtMs = Number.NaN;
  for (let index = 0; index < given.length; index += 1) {
    const event = given[index]!;
    if (hash === undefined && event.hash !== undefined) {
      throw invalidLog(index, ['hash'], 'is a chained event: pass the hash function to read it');
    }
    // Runs of events share an instant: parse each run's once.
    if (event.at !== lastAt) {
      lastAt = event.at;
      lastAtMs = instantMs(event.at);
    }
    const key = replayEvent(replay, event, index, lastAtMs);
    if (hash === undefined) {
      log.pushKey(key);
      continue;
    }
    // The event as this ledger holds it must hash as the one given: so it is the same event.
    const link = chainLink(hash, lastHash, buildRowEvent(state, key, start + index + 1));
    if (link !== event.hash) throw invalidLog(index, ['hash'], 'does not match its hash');
    hashes.push(link);
    log.pushKey(key);
    lastHash = link;
  }

  const views = new EntryViews((row) => buildEntry(state, row));
  const queries: QueryContext = { state, views, policy, days, now, fast };
  const run = dispatcher ?? createDispatcher({ onListenerError });
  const listeners = new Subscribable<HoursEvent>(run);
  let cached: HoursSnapshot | undefined;
  let frozenEvents: readonly HoursEvent[] = Object.freeze([]);

  /** Whether a move must build its event's data now: for the hook or the listeners. */
  const eventful = () => beforeCommit !== undefined || listeners.listening;
  /** Whether a command can skip the dispatcher: nobody hears of it, and it touches no other object. */
  const alone = () => beforeCommit === undefined && !listeners.listening;
  /** The entry a move starts from, for the hook. */
  const before = (row: number) => views.peek(row) ?? buildEntry(state, row);

  /**
   * Logs a move, applied already, as its key; or, when someone needs the event now, built
   * (around `data` when the move had it built), chained, and told to the listeners.
   */
  const commit = (key: number, type: HoursEvent['type'], at: number, data: unknown) => {
    const seq = log.size + 1;
    if (!listeners.listening) {
      if (hash !== undefined) {
        lastHash = chainLink(hash, lastHash, buildRowEvent(state, key, seq));
        hashes.push(lastHash);
      }
      log.pushKey(key);
      return;
    }
    let event =
      data === undefined
        ? buildRowEvent(state, key, seq)
        : (Object.freeze({ seq, type, at: state.stamps.text(at), data }) as HoursEvent);
    if (hash !== undefined) {
      lastHash = chainLink(hash, lastHash, event);
      hashes.push(lastHash);
      event = Object.freeze({ ...event, hash: lastHash });
    }
    log.push(event);
    listeners.emit(event);
  };

  const record = (input: unknown): HourEntry => {
    const draft = fast.recordDraft(input) ?? draftOf(parseInput(recordHoursInputSchema, input));
    const startMs = fast.instantMs(draft.start);
    const endMs = fast.instantMs(draft.end);
    const nowMs = readClock(now);
    const existing = checkRecord(commands, draft, startMs, endMs, nowMs, format);
    if (existing >= 0) return views.current(existing);
    // The draft is this call's own: made for it, frozen only when it goes into an event now.
    const data = eventful() ? Object.freeze(draft) : undefined;
    if (beforeCommit) beforeCommit('hours.recorded', data!, undefined);
    const at = state.stamps.indexOfTime(nowMs);
    const row = applyRecorded(state, draft, startMs, endMs, at, undefined);
    const entry = views.moved(row);
    commit(recordedKey(row), 'hours.recorded', at, data);
    return entry;
  };

  const parseId = (id: unknown): string => (isId(id) ? id : parseInput(idSchema, id, ['id']));

  const approve = (id: unknown, input: unknown): HourEntry => {
    const entryId = parseId(id);
    const by = fast.approveBy(input) ?? parseInput(approveHoursInputSchema, input).by;
    const row = requireRow(state, entryId);
    const creditedMinutes = checkApprove(commands, row, by);
    const nowMs = readClock(now);
    const data = eventful() ? Object.freeze({ id: entryId, by, creditedMinutes }) : undefined;
    if (beforeCommit) beforeCommit('hours.approved', data!, before(row));
    const at = state.stamps.indexOfTime(nowMs);
    applyApproved(state, row, creditedMinutes, by, at);
    const entry = views.moved(row);
    commit(approvedKey(row), 'hours.approved', at, data);
    return entry;
  };

  const close = (action: 'reject' | 'revoke', id: unknown, input: unknown): HourEntry => {
    const entryId = parseId(id);
    const { by, reason } = fast.closeInput(input) ?? parseInput(closeHoursInputSchema, input);
    const row = requireRow(state, entryId);
    checkClose(commands, row, action);
    const nowMs = readClock(now);
    const type = action === 'reject' ? 'hours.rejected' : 'hours.revoked';
    const data = Object.freeze({ id: entryId, by, reason });
    beforeCommit?.(type, data, before(row));
    const at = state.stamps.indexOfTime(nowMs);
    applyClosed(state, row, type, by, reason, at);
    const entry = views.moved(row);
    commit(closedKey(row), type, at, data);
    return entry;
  };

  const correct = (id: unknown, input: unknown): HourEntry => {
    const entryId = parseId(id);
    const parsed = parseInput(correctHoursInputSchema, input);
    const row = requireRow(state, entryId);
    const old = before(row);
    const draft = draftOf({
      id: parsed.id,
      volunteerId: old.volunteerId,
      activityId: parsed.activityId ?? old.activityId,
      // The old entry's instants as it logged them, so that a correction changes only what it says.
      start: parsed.start ?? state.table.start(row),
      end: parsed.end ?? state.table.end(row),
      recordedBy: parsed.by,
      note: parsed.note ?? old.note,
      tags: parsed.tags ?? old.tags,
    });
    const startMs = fast.instantMs(draft.start);
    const endMs = fast.instantMs(draft.end);
    const nowMs = readClock(now);
    const existing = checkCorrect(
      commands,
      row,
      draft,
      startMs,
      endMs,
      parsed.reason,
      nowMs,
      format,
    );
    if (existing >= 0) return views.current(existing);
    const data = Object.freeze({ id: entryId, by: parsed.by, reason: parsed.reason, entry: draft });
    beforeCommit?.('hours.corrected', data, old);
    const at = state.stamps.indexOfTime(nowMs);
    const added = applyCorrected(state, row, parsed.by, parsed.reason, at, draft, startMs, endMs);
    views.forget(row);
    const entry = views.moved(added);
    commit(correctedKey(row), 'hours.corrected', at, data);
    return entry;
  };

  return {
    policy,
    timeZone,
    record: (input) => (alone() ? record(input) : run.run(() => record(input))),
    approve: (id, input) => (alone() ? approve(id, input) : run.run(() => approve(id, input))),
    reject: (id, input) => run.run(() => close('reject', id, input)),
    revoke: (id, input) => run.run(() => close('revoke', id, input)),
    correct: (id, input) => run.run(() => correct(id, input)),
    get(id) {
      const row = rowOf(state, parseId(id));
      return row < 0 ? undefined : views.read(row);
    },
    list: (filter) => listEntries(queries, filter),
    creditedMinutes: (filter) => sumCredited(queries, filter),
    summary: (summaryOptions) => summarise(queries, summaryOptions),
    starLevel: (volunteerId) => starLevelFor(queries, volunteerId),
    certificate: (volunteerId, certificateOptions) =>
      certify(queries, volunteerId, certificateOptions),
    events() {
      if (frozenEvents.length !== log.held) frozenEvents = Object.freeze(log.events().slice());
      return frozenEvents;
    },
    checkpoint() {
      if (log.held === 0) return Object.freeze({ seq: log.size });
      const last = log.at(log.size);
      return Object.freeze(
        last.hash === undefined ? { seq: last.seq } : { seq: last.seq, hash: last.hash },
      );
    },
    subscribe: (listener) => listeners.subscribe(listener),
    snapshot() {
      if (cached?.version !== log.size) {
        cached = Object.freeze({
          version: log.size,
          timeZone,
          policy,
          entries: allEntries(queries),
        });
      }
      return cached;
    },
  };
}
