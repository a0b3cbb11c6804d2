import { LanewiseError } from '../errors/index.js';
import type { HoursEvent, HoursLedger, HoursLedgerOptions } from '../hours/index.js';
import { createHoursLedgerWith } from '../hours/ledger.js';
import { createDispatcher, Subscribable, type Dispatcher } from '../internal/dispatch.js';
import { chainLink, checkEnvelopes, checkpointOf } from '../journal/index.js';
import {
  createPointsLedger,
  type PointsEvent,
  type PointsLedger,
  type PointsLedgerOptions,
} from '../points/index.js';
import { invalidField, parseInput } from '../schemas/parse.js';
import { instantMs } from '../time/parse.js';
import { MS_PER_MINUTE } from '../time/constants.js';
import type { VolunteerProgram, VolunteerProgramOptions } from './api.js';
import { createSettlement } from './apply.js';
import {
  checkEarnRoom,
  EARN_PREFIX,
  checkEntryId,
  checkTransferId,
  checkVolunteer,
  earnTransfer,
  isVolunteerAccount,
  reverseTransfer,
} from './commands.js';
import { pointsForMinutes, resolveEarning, splitPolicy } from './policy.js';
import { idSchema } from '../schemas/common.js';
import { creditedMinutesSchema, tagsSchema } from './schemas.js';
import type { ProgramEvent, ProgramSnapshot } from './types.js';
import { hoursRestore, parseRestore, pointsRestore, settleRestored } from './restore.js';
import { snapshotOf, standingOf } from './views.js';

type Path = readonly (string | number)[];

/** The prefix of every type a ledger's events have; the ledgers check the rest. */
const ledgerOf = (type: string) =>
  type.startsWith('hours.') ? 'hours' : type.startsWith('points.') ? 'points' : undefined;

/** Freezes a replayed event's data all the way down, so that no holder can change the log. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}

/** The options a ledger's error may be about; any other error of a rebuild is about the log. */
const OPTION_KEYS = new Set(['policy', 'timeZone', 'now', 'pickupCode']);

/** Runs a ledger's rebuild, pointing any error about its log at the program's event. */
function rebuilding<T>(origin: Int32Array, count: number, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof LanewiseError)) {
      // A ledger that trips over a log it was given: the log is refused, never a TypeError.
      if (count === 0) throw error;
      throw new LanewiseError('INVALID_LOG', 'events: the log cannot be read', {
        path: ['events'],
        cause: error,
      });
    }
    const [head, index, ...rest] = error.path;
    if (typeof head === 'string' && (OPTION_KEYS.has(head) || head === 'restore')) throw error;
    if (head !== 'events' || typeof index !== 'number') {
      // A ledger that names no event: the log as a whole is refused.
      if (count === 0) throw error;
      throw new LanewiseError('INVALID_LOG', `events: ${error.message}`, {
        path: ['events'],
        details: { ...error.details },
        cause: error,
      });
    }
    const at = index < count ? origin[index]! : index;
    throw new LanewiseError('INVALID_LOG', error.message.replace(/^event \d+/, `event ${at}`), {
      path: ['events', at, ...rest],
      details: { ...error.details, index: at },
      cause: error,
    });
  }
}

/**
 * A ledger seen through the program: every call runs as one command of the program's
 * dispatcher (so listeners wait for it), `subscribe` listens through that dispatcher, and
 * `own` replaces the calls the program extends.
 */
function throughProgram<T extends object>(inner: T, dispatcher: Dispatcher, own: Partial<T>): T {
  const out: Record<string, unknown> = {};
  for (
    let layer: object | null = inner;
    layer && layer !== Object.prototype;
    layer = Object.getPrototypeOf(layer) as object | null
  ) {
    for (const key of Object.getOwnPropertyNames(layer)) {
      if (key === 'constructor' || Object.hasOwn(out, key) || Object.hasOwn(own, key)) continue;
      const value: unknown = Reflect.get(inner, key);
      if (typeof value === 'function') {
        const call = value as (...args: unknown[]) => unknown;
        out[key] = (...args: unknown[]) => dispatcher.run(() => call.apply(inner, args));
      } else {
        Object.defineProperty(out, key, { get: () => Reflect.get(inner, key), enumerable: true });
      }
    }
  }
  Object.assign(out, own);
  return Object.freeze(out) as T;
}

/** Listeners of one kind of event, refusing what is not a function. */
function listenersOf<E>(dispatcher: Dispatcher) {
  const set = new Subscribable<E>(dispatcher);
  return {
    set,
    subscribe(listener: (event: E) => void) {
      if (typeof listener !== 'function') {
        throw invalidField(['listener'], 'must be a function', 'type', { expected: 'function' });
      }
      return set.subscribe(listener);
    },
  };
}

const optionalFunction = (value: unknown, path: Path) => {
  if (value !== undefined && typeof value !== 'function') {
    throw invalidField(path, 'must be a function', 'type', { expected: 'function' });
  }
};

/**
 * Creates a volunteer program: an hour ledger and a point ledger wired together, with one
 * event log. Approving an entry posts `earn:<entryId>` (issuer to volunteer, `floor(minutes *
 * pointsPerHour * multiplier / 60)`) right after the approval, in the same command; revoking
 * or correcting an approved entry posts `reverse:<entryId>` back as a system reversal, which
 * may leave the volunteer owing. What the earn needs is checked before the approval is
 * written, so that either both are written or neither.
 *
 * @example
 * ```ts
 * const clock = manualClock('2025-03-01T18:00:00+08:00');
 * const program = createVolunteerProgram({ now: clock.now, policy: { pointsPerHour: 10 } });
 * program.hours.record({
 *   id: 'e1', volunteerId: 'v-li', activityId: 'repair-lane', recordedBy: 'org-wang',
 *   start: '2025-03-01T09:00:00+08:00', end: '2025-03-01T11:00:00+08:00',
 * });
 * program.hours.approve('e1', { by: 'org-zhao' });
 * program.points.balance('volunteer:v-li'); // { posted: 20, pending: 0, available: 20 }
 * const again = createVolunteerProgram({ now: clock.now, events: program.events() });
 * ```
 */
export function createVolunteerProgram(options: VolunteerProgramOptions): VolunteerProgram {
  if (typeof options !== 'object' || options === null) {
    throw invalidField([], 'the options must be an object', 'type', { expected: 'object' });
  }
  if (typeof options.now !== 'function') {
    throw invalidField(['now'], 'must be a clock function', 'type', { expected: 'function' });
  }
  optionalFunction(options.hash, ['hash']);
  optionalFunction(options.onListenerError, ['onListenerError']);
  optionalFunction(options.pickupCode, ['pickupCode']);
  const policy = splitPolicy(options.policy);
  const earning = resolveEarning(policy.earning);
  const { now, hash } = options;

  // The program's listeners, and every listener added through `program.hours` and
  // `program.points`, run through this dispatcher: after the whole command.
  const dispatcher = createDispatcher({ onListenerError: options.onListenerError });
  // The two ledgers share one dispatcher of their own, whose only listener writes the
  // program's log, so that the log is complete when a ledger call returns.
  const ledgers = createDispatcher({ onListenerError: options.onListenerError });

  // Cleared once the ledgers are built: the program's closures must not keep the snapshot.
  let restore =
    options.restore === undefined ? undefined : parseRestore(options.restore, hash !== undefined);
  // A restored program's log starts after the snapshot's event.
  const start = restore?.checkpoint;
  const base = start?.seq ?? 0;
  const given: unknown = options.events === undefined ? [] : options.events;
  checkEnvelopes(given, { hash, checkpoint: options.checkpoint, start });
  const hoursLog: ProgramEvent[] = [];
  const pointsLog: ProgramEvent[] = [];
  const hoursOrigin = new Int32Array(given.length);
  const pointsOrigin = new Int32Array(given.length);
  for (let index = 0; index < given.length; index += 1) {
    const event = given[index]!;
    const ledger = ledgerOf(event.type);
    if (!ledger) {
      throw new LanewiseError('INVALID_LOG', `event ${index}: type must be hours.* or points.*`, {
        path: ['events', index, 'type'],
        details: { index },
      });
    }
    const own = ledger === 'hours' ? hoursLog : pointsLog;
    (ledger === 'hours' ? hoursOrigin : pointsOrigin)[own.length] = index;
    own.push({
      seq: own.length + 1,
      type: event.type,
      at: event.at,
      data: event.data,
    } as ProgramEvent);
  }
  const zone = options.timeZone === undefined ? {} : { timeZone: options.timeZone };

  const pointsOptions: PointsLedgerOptions & { dispatcher?: Dispatcher; restore?: unknown } = {
    now,
    policy: policy.points,
    events: pointsLog as PointsEvent[],
    ...zone,
    ...(options.pickupCode === undefined ? {} : { pickupCode: options.pickupCode }),
    dispatcher: ledgers,
    ...(restore && { restore: pointsRestore(restore) }),
  };
  const points: PointsLedger = rebuilding(pointsOrigin, pointsLog.length, () =>
    createPointsLedger(pointsOptions),
  );
  const hoursOptions: HoursLedgerOptions & { dispatcher?: Dispatcher } = {
    now,
    policy: policy.hours,
    events: hoursLog as HoursEvent[],
    ...zone,
    dispatcher: ledgers,
  };
  const hours: HoursLedger = rebuilding(hoursOrigin, hoursLog.length, () =>
    createHoursLedgerWith(hoursOptions, undefined, restore && hoursRestore(restore)),
  );

  const settlement = createSettlement(earning, {
    isAccount: (volunteerId) => isVolunteerAccount(points, volunteerId),
    earned: (entryId) => points.getTransfer(`${EARN_PREFIX}${entryId}`)?.amount,
  });
  if (restore) settleRestored(restore, settlement, earning);
  restore = undefined;
  delete pointsOptions.restore;
  const events = given as readonly ProgramEvent[];
  for (let index = 0; index < events.length; index += 1) settlement.apply(events[index]!, index);
  settlement.finish();
  // The accepted events are held frozen in place: no copy of a million events, and no holder
  // of the caller's list can change the program's log afterwards.
  const log: ProgramEvent[] = new Array<ProgramEvent>(events.length);
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index]!;
    deepFreeze(event.data);
    log[index] = Object.freeze(event);
  }

  const heard = listenersOf<ProgramEvent>(dispatcher);
  const hoursHeard = listenersOf<ProgramEvent>(dispatcher);
  const pointsHeard = listenersOf<ProgramEvent>(dispatcher);

  /** Writes a ledger's new event into the program's log, then tells the listeners. */
  const capture = (event: ProgramEvent) => {
    deepFreeze(event.data);
    const index = log.length;
    const fields = { seq: base + index + 1, type: event.type, at: event.at, data: event.data };
    const previous = index === 0 ? (start?.hash ?? '') : (log[index - 1]!.hash ?? '');
    const own = Object.freeze(
      hash ? { ...fields, hash: chainLink(hash, previous, fields) } : fields,
    ) as ProgramEvent;
    log.push(own);
    settlement.apply(own, index);
    heard.set.emit(own);
    (event.type.startsWith('hours.') ? hoursHeard : pointsHeard).set.emit(event);
  };
  hours.subscribe(capture as never);
  points.subscribe(capture as never);

  /** Takes back what an entry earned, if it earned anything. */
  const reverse = (entryId: string) => {
    const earned = points.getTransfer(`${EARN_PREFIX}${entryId}`);
    if (earned) points.transfer(reverseTransfer(entryId, earned.to.slice(10), earned.amount));
  };
  /** What the program logged of an entry when it was recorded. */
  const draftOf = (id: unknown) =>
    typeof id === 'string'
      ? (settlement.draft(id) as
          { volunteerId: string; tags: readonly string[]; start: string; end: string } | undefined)
      : undefined;
  const inputField = (input: unknown, key: string): unknown =>
    typeof input === 'object' && input !== null
      ? (input as Record<string, unknown>)[key]
      : undefined;

  const programHours = throughProgram<HoursLedger>(hours, dispatcher, {
    record: (input) =>
      dispatcher.run(() => {
        checkEntryId(inputField(input, 'id'), ['id']);
        checkVolunteer(points, inputField(input, 'volunteerId'), ['volunteerId']);
        return hours.record(input);
      }),
    approve: (id, input) =>
      dispatcher.run(() => {
        // Only a pending entry can be approved; the approval is refused if it is not.
        const draft = draftOf(id);
        if (draft) {
          // The most the entry can earn: all its minutes credited.
          const minutes = Math.floor(
            (instantMs(draft.end) - instantMs(draft.start)) / MS_PER_MINUTE,
          );
          checkEarnRoom(points, draft.volunteerId, pointsForMinutes(earning, minutes, draft.tags));
        }
        const entry = hours.approve(id, input);
        if (draft) {
          const amount = pointsForMinutes(earning, entry.creditedMinutes ?? 0, draft.tags);
          if (amount > 0) points.transfer(earnTransfer(entry.id, draft.volunteerId, amount));
        }
        return entry;
      }),
    // Only an approved entry can be revoked, and an entry earns once: its earn is taken back.
    revoke: (id, input) =>
      dispatcher.run(() => {
        const entry = hours.revoke(id, input);
        reverse(entry.id);
        return entry;
      }),
    // A pending or approved entry can be corrected; if it earned, its earn is taken back.
    correct: (id, input) =>
      dispatcher.run(() => {
        checkEntryId(inputField(input, 'id'), ['id']);
        const fixed = hours.correct(id, input);
        if (typeof id === 'string') reverse(id);
        return fixed;
      }),
    subscribe: hoursHeard.subscribe as HoursLedger['subscribe'],
  });
  const programPoints = throughProgram<PointsLedger>(points, dispatcher, {
    transfer: (input) =>
      dispatcher.run(() => {
        checkTransferId(input);
        return points.transfer(input);
      }),
    subscribe: pointsHeard.subscribe as PointsLedger['subscribe'],
  });

  let frozen: readonly ProgramEvent[] = Object.freeze(log.slice());
  let cached: ProgramSnapshot | undefined;

  return Object.freeze({
    hours: programHours,
    points: programPoints,
    earning,
    pointsFor(creditedMinutes: number, tags: readonly string[] = []) {
      const minutes = parseInput(creditedMinutesSchema, creditedMinutes, ['creditedMinutes']);
      const labels = parseInput(tagsSchema, tags, ['tags']);
      return pointsForMinutes(earning, minutes, labels);
    },
    standing(volunteerId: string) {
      const id = parseInput(idSchema, volunteerId, ['volunteerId']);
      return dispatcher.run(() => standingOf(hours, points, id));
    },
    events() {
      if (frozen.length !== log.length) frozen = Object.freeze(log.slice());
      return frozen;
    },
    subscribe: heard.subscribe,
    snapshot() {
      if (cached?.version !== base + log.length) {
        cached = snapshotOf(hours, points, base + log.length);
      }
      return cached;
    },
    checkpoint: () => checkpointOf(log, start),
  }) satisfies VolunteerProgram;
}
