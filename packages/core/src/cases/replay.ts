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
type Instants = (text: string) => string;

/** Rewrites the instants of an event's data in place (it is the parser's own copy). */
function rewriteInstants(event: Mutable<CaseEvent>, fix: Instants): void {
  event.at = fix(event.at);
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'cases.opened': {
      const intake = data['intake'] as Mutable<Record<string, unknown>>;
      const dispatch = data['dispatch'] as Mutable<Record<string, unknown>>;
      intake['receivedAt'] = fix(intake['receivedAt'] as string);
      dispatch['dueAt'] = fix(dispatch['dueAt'] as string);
      break;
    }
    case 'cases.acted': {
      const action = data['action'] as Record<string, unknown>;
      action['at'] = fix(action['at'] as string);
      break;
    }
    case 'cases.extended':
      data['until'] = fix(data['until'] as string);
      break;
    case 'cases.followed_up':
      data['at'] = fix(data['at'] as string);
      if (data['reopenDueAt'] !== undefined)
        data['reopenDueAt'] = fix(data['reopenDueAt'] as string);
      break;
    case 'cases.escalated':
      data['dueAt'] = fix(data['dueAt'] as string);
      if (data['newDueAt'] !== undefined) data['newDueAt'] = fix(data['newDueAt'] as string);
      break;
    default:
      break;
  }
}

/** Options of {@link replayCaseLog}. */
export interface ReplayOptions {
  readonly hash?: ChainHash | undefined;
  readonly checkpoint?: Checkpoint | undefined;
}

/**
 * Replays `given` into `state` (empty). Returns the log as the book keeps it: frozen events,
 * equal to the given ones. Records are built from a copy whose instants are in the book's zone.
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
    // A log written elsewhere may carry other offsets: records get the book's, the log stays.
    let rewritten = false;
    const applied = { seq: source.seq, type, at: source.at, data } as Mutable<CaseEvent>;
    rewriteInstants(applied, (text) => {
      const written = ctx.write(text);
      if (written !== text) rewritten = true;
      return written;
    });
    const stored = rewritten ? deepFreeze(copyJson(source.data)) : deepFreeze(data);
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
    deepFreeze(applied.data);
    applyCaseEvent(state, Object.freeze(applied) as CaseEvent);
    const event = { seq: source.seq, type, at: source.at, data: stored } as Mutable<CaseEvent>;
    if (source.hash !== undefined) event.hash = source.hash;
    log.push(Object.freeze(event) as CaseEvent);
  }
  return log;
}
