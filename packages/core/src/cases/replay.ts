// The replay of a case log: every event checked as strictly as the live call that wrote it
// (the envelope, its data against the schema of its type, the command's check against the state
// so far), then applied through the same reducer. The first bad event is INVALID_LOG at
// `['events', i, ...]`, and nothing is built.
import { invalidLog, isLanewiseError, type ErrorPath } from '../errors/index.js';
import type { ChainHash, Checkpoint } from '../journal/chain.js';
import { checkEnvelopes } from '../journal/check.js';
import { parseInput } from '../schemas/parse.js';
import { instantMs } from '../time/parse.js';
import { applyCaseEvent, type CaseState } from './apply.js';
import { CHANGE_CHECKS, checkDispatch, checkOpened, type CommandContext } from './commands.js';
import { copyJson, deepFreeze } from './json.js';
import { caseEventDataSchemas } from './schemas.js';
import type { CaseEvent, CaseEventType } from './types.js';

/** The event types of the case book. */
export const CASE_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(caseEventDataSchemas));

/** Where in an event's data the input of its command sits. */
const INPUT_AT: { readonly [T in CaseEventType]?: ErrorPath } = {
  'cases.opened': ['intake'],
  'cases.acted': ['action'],
};

/** A live command's error, said of event `index` of a log. */
function logError(error: unknown, index: number, at: ErrorPath): unknown {
  if (!isLanewiseError(error) || error.code === 'INVALID_LOG') return error;
  // A refused move or a late extension is about the event itself, not one of its fields.
  const path =
    error.path.length === 0
      ? error.code === 'TOO_LATE'
        ? ['at']
        : ['type']
      : [...at, ...error.path];
  const prefix = `event ${index}: `;
  const message = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  return invalidLog(index, path, message, { ...error.details, code: error.code });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Calls `check` with every instant of an event and its path in the event. */
function eachInstant(event: CaseEvent, check: (text: string, path: ErrorPath) => void): void {
  check(event.at, ['at']);
  switch (event.type) {
    case 'cases.opened':
      check(event.data.intake.receivedAt, ['data', 'intake', 'receivedAt']);
      check(event.data.dispatch.dueAt, ['data', 'dispatch', 'dueAt']);
      break;
    case 'cases.acted':
      check(event.data.action.at, ['data', 'action', 'at']);
      break;
    case 'cases.extended':
      check(event.data.until, ['data', 'until']);
      break;
    case 'cases.followed_up':
      check(event.data.at, ['data', 'at']);
      if (event.data.reopenDueAt !== undefined)
        check(event.data.reopenDueAt, ['data', 'reopenDueAt']);
      break;
    case 'cases.escalated':
      check(event.data.dueAt, ['data', 'dueAt']);
      if (event.data.newDueAt !== undefined) check(event.data.newDueAt, ['data', 'newDueAt']);
      break;
    default:
      break;
  }
}

/** Options of {@link replayCaseLog}. */
export interface ReplayOptions {
  readonly hash?: ChainHash | undefined;
  readonly checkpoint?: Checkpoint | undefined;
  /** Where the log continues a restored snapshot. */
  readonly start?: Checkpoint | undefined;
}

/**
 * Replays `given` into `state` (empty, or restored from a snapshot). Returns the log as the book keeps it: frozen copies of
 * the given events (the parser's output), from which the records are built.
 */
export function replayCaseLog(
  given: unknown,
  ctx: CommandContext & { readonly state: CaseState },
  options: ReplayOptions,
): CaseEvent[] {
  checkEnvelopes(given, {
    types: CASE_EVENT_TYPES,
    hash: options.hash,
    checkpoint: options.checkpoint,
    start: options.start,
  });
  const log: CaseEvent[] = [];
  const state = ctx.state;
  for (let index = 0; index < given.length; index += 1) {
    const source = given[index] as CaseEvent;
    const type = source.type;
    let data: CaseEvent['data'];
    try {
      data = parseInput(caseEventDataSchemas[type], source.data, ['data']) as CaseEvent['data'];
    } catch (error) {
      throw logError(error, index, []);
    }
    if (type === 'cases.opened') {
      const intake = (data as { intake: { attributes?: unknown } }).intake;
      // The schema checked the attributes by hand and kept the caller's object: copy it.
      if (intake.attributes !== undefined) intake.attributes = copyJson(intake.attributes);
    }
    const applied = { seq: source.seq, type, at: source.at, data } as Mutable<CaseEvent>;
    if (source.hash !== undefined) applied.hash = source.hash;
    // The book writes every instant one way, with its zone's offset: a log with others is not one
    // it wrote (and its records would not equal the book's).
    eachInstant(applied, (text, path) => {
      if (ctx.write(text) !== text) {
        throw invalidLog(
          index,
          path,
          `${text} is not written as the book writes instants: with the offset of its zone, for example ${ctx.format(instantMs(text))}`,
        );
      }
    });
    const nowMs = instantMs(applied.at);
    try {
      if (applied.type === 'cases.opened') {
        checkOpened(ctx, applied.data.intake, nowMs);
        try {
          checkDispatch(ctx, applied.data.intake, applied.data.dispatch);
        } catch (error) {
          throw logError(error, index, ['data', 'dispatch']);
        }
      } else {
        const record = state.get(applied.data.id);
        if (record === undefined) {
          throw invalidLog(index, ['data', 'id'], `names unknown case ${applied.data.id}`, {
            id: applied.data.id,
          });
        }
        const check = CHANGE_CHECKS[applied.type] as (
          context: CommandContext,
          before: typeof record,
          payload: unknown,
          now: number,
        ) => void;
        check(ctx, record, applied.data, nowMs);
      }
    } catch (error) {
      throw logError(error, index, ['data', ...(INPUT_AT[type] ?? [])]);
    }
    deepFreeze(applied);
    applyCaseEvent(state, applied);
    log.push(applied);
  }
  return log;
}
