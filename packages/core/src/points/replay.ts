// Rebuilding a ledger from a log that trusts nothing: the envelopes through `checkEnvelopes`,
// each event's data against its schema, then the checks of the command that would have written
// it (`commands.ts`) and the one reducer (`apply.ts`). A log no ledger with these options could
// have written is `INVALID_LOG` at `['events', index, ...]`, and the caller builds nothing.
import { invalidLog, LanewiseError, type FieldIssue } from '../errors/index.js';
import type { ChainHash, Checkpoint } from '../journal/chain.js';
import { checkEnvelopes } from '../journal/check.js';
import { isId } from '../internal/plain.js';
import { parseInput } from '../schemas/parse.js';
import { instantMs } from '../time/parse.js';
import { applyPointsEvent, applyTransfer } from './apply.js';
import {
  checkAddItem,
  checkPost,
  checkRedemption,
  checkRestock,
  checkTimedOut,
  checkTransfer,
  checkVoid,
  existingRedemption,
} from './commands.js';
import { checkedTransfer, POINTS_EVENT_TYPES, pointsEventDataSchemas } from './schemas.js';
import {
  isAccountString,
  plainTransferInput,
  transferFields,
  type CheckedTransfer,
  type TransferFields,
} from './store/fast-input.js';
import { transferData } from './store/log.js';
import type { PointsState } from './store/state.js';
import type { PointsEvent } from './types.js';

/** What replay needs of the ledger's settings. */
export interface ReplaySettings {
  readonly redemptionHoldMinutes: number | undefined;
  readonly hash: ChainHash | undefined;
  readonly checkpoint: Checkpoint | undefined;
  /** The events were made here from a snapshot's records: their envelopes need no check. */
  readonly made?: boolean;
}

/** A check that failed on a logged event: the field of its data, in the log's terms. */
class Rejected extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * The fields of a logged transfer, checked as the live fast path checks a transfer input:
 * accounts already open and codes already used were checked when first seen.
 */
function loggedTransfer(
  state: PointsState,
  data: unknown,
  scratch: TransferFields,
): CheckedTransfer {
  const fast = plainTransferInput(data, true, scratch);
  if (
    fast !== undefined &&
    (isAccountString(fast.from) || state.accounts.has(fast.from)) &&
    (isAccountString(fast.to) || state.accounts.has(fast.to)) &&
    (state.transfers.knowsCode(fast.code) || isId(fast.code))
  ) {
    return fast;
  }
  return checkedTransfer(parseInput(pointsEventDataSchemas['points.transferred'], data));
}

/** The redemption transfer a `points.reserved` event needs just before it. */
function checkReservedAfterHold(
  state: PointsState,
  event: Extract<PointsEvent, { type: 'points.reserved' }>,
  previous: unknown,
  time: number,
  holdMinutes: number | undefined,
): void {
  const { data } = event;
  if (existingRedemption(state, data) !== undefined) {
    throw new Rejected(['id'], `redemption ${data.id} exists`);
  }
  const plan = checkRedemption(state, data, time);
  const row = state.transfers.rowOf(plan.transferId);
  const made = row >= 0 && row === state.transfers.size - 1 ? transferData(state, row) : undefined;
  const held = previous as { type?: unknown; at?: unknown } | undefined;
  if (
    made === undefined ||
    held?.type !== 'points.transferred' ||
    held.at !== event.at ||
    made.from !== plan.from ||
    made.to !== plan.to ||
    made.amount !== plan.amount ||
    made.code !== 'redeem' ||
    made.ref !== data.id ||
    made.reversal === true ||
    made.pending === undefined ||
    made.pending.timeoutMinutes !== holdMinutes
  ) {
    throw new Rejected(
      ['id'],
      `a redemption follows its hold ${plan.transferId} (from ${plan.from} to ${plan.to}, ` +
        `${plan.amount} points, code redeem, ref ${data.id}, pending ` +
        `${holdMinutes === undefined ? 'without a timeout' : `for ${holdMinutes} minutes`}), made at the same instant`,
    );
  }
  if (state.pickupCodes.has(data.pickupCode)) {
    throw new Rejected(['pickupCode'], `pickup code ${data.pickupCode} is used`);
  }
}

/**
 * Replays `events` into the empty `state`. Returns the hash of the last event (or '').
 * Throws `INVALID_LOG` at the first event that no live call could have written.
 */
export function replayLog(state: PointsState, events: unknown, settings: ReplaySettings): string {
  if (settings.made !== true) {
    checkEnvelopes(events, {
      types: POINTS_EVENT_TYPES,
      hash: settings.hash,
      checkpoint: settings.checkpoint,
    });
  }
  if (!Array.isArray(events)) return '';
  const { log, stamps, transfers, accounts } = state;
  transfers.reserve(events.length);
  let lastText = '';
  let stamp = -1;
  let time = 0;
  let index = 0;
  // One object for the fields of every logged transfer: the checks and the reducer keep none.
  const scratch = transferFields();
  try {
    for (; index < events.length; index++) {
      const event = events[index] as PointsEvent;
      const { at, hash, type } = event;
      if (at !== lastText) {
        time = instantMs(at);
        // Read again after `checkEnvelopes`: only an object whose getters change their
        // answer could fail here, and it is refused like any other bad instant.
        if (Number.isNaN(time)) throw invalidLog(index, ['at'], 'at must be an instant');
        lastText = at;
        stamp = stamps.indexOfTime(time);
      }
      if (!Object.hasOwn(pointsEventDataSchemas, type)) {
        throw invalidLog(index, ['type'], 'type must be an event of the point ledger');
      }
      if (type === 'points.transferred') {
        const transfer = loggedTransfer(state, event.data, scratch);
        const debit = accounts.get(transfer.from);
        const credit = accounts.get(transfer.to);
        const existing = transfers.rowOf(transfer.id);
        if (existing >= 0) throw new Rejected(['id'], `transfer ${transfer.id} exists`);
        checkTransfer(state, transfer, time, debit, credit, existing);
        const row = applyTransfer(state, transfer, stamp, stamps.text(stamp), debit, credit);
        // Kept as its row when the event built from the row is the one given (no hash, the
        // instant written as this ledger writes it); else as a frozen copy.
        if (hash === undefined && at === stamps.text(stamp)) log.pushKey(row);
        else {
          const copy = { seq: log.size + 1, type, at, data: transferData(state, row) };
          log.push(Object.freeze(hash === undefined ? copy : { ...copy, hash }));
        }
        continue;
      }
      const data = parseInput(pointsEventDataSchemas[type], event.data);
      const copy = deepFrozen({ seq: log.size + 1, type, at, data, hash });
      checkLogged(state, copy, events[index - 1], time, settings);
      log.push(copy);
      applyPointsEvent(state, copy, stamp);
    }
  } catch (error) {
    if (error instanceof Rejected) throw logError(index, error.path, error.message, {});
    if (error instanceof LanewiseError && error.code !== 'INVALID_LOG') {
      throw logError(index, error.path, error.message, error.details, error.code);
    }
    throw error;
  }
  const last = events[events.length - 1] as PointsEvent | undefined;
  return last?.hash ?? '';
}

/** A copy of an event with no `undefined` hash, frozen all through (the data is zod's copy). */
function deepFrozen(event: {
  seq: number;
  type: PointsEvent['type'];
  at: string;
  data: unknown;
  hash: string | undefined;
}): PointsEvent {
  const { hash, ...rest } = event;
  const data = event.data as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (typeof value === 'object' && value !== null) Object.freeze(value);
  }
  Object.freeze(data);
  return Object.freeze(hash === undefined ? rest : { ...rest, hash }) as PointsEvent;
}

/**
 * `INVALID_LOG` at the field `path` of event `index`'s data. The issues of a failed field
 * check are kept (their paths made whole), so that `formatError` can say what was expected;
 * another check's code and details come along as `code` and `details.cause`.
 */
function logError(
  index: number,
  path: readonly (string | number)[],
  message: string,
  details: Readonly<Record<string, unknown>>,
  code?: string,
): LanewiseError {
  const at = ['events', index, 'data'];
  const given = details['issues'];
  const issues = Array.isArray(given)
    ? (given as FieldIssue[]).map((issue) => ({ ...issue, path: [...at, ...issue.path] }))
    : [{ path: [...at, ...path], message, reason: 'invalid', params: { message } }];
  return invalidLog(index, ['data', ...path], message, {
    issues,
    ...(code === undefined || code === 'INVALID_INPUT' ? {} : { code, cause: details }),
  });
}

/** The checks of the command that writes `event` (any but a transfer). */
function checkLogged(
  state: PointsState,
  event: PointsEvent,
  previous: unknown,
  time: number,
  settings: ReplaySettings,
): void {
  switch (event.type) {
    case 'points.posted':
      checkPost(state, event.data.id, time);
      return;
    case 'points.voided':
      checkVoid(state, event.data.id);
      return;
    case 'points.timed_out':
      checkTimedOut(state, event.data.id);
      return;
    case 'points.item_added':
      if (checkAddItem(state, event.data) !== undefined) {
        throw new Rejected(['id'], `item ${event.data.id} exists`);
      }
      return;
    case 'points.restocked':
      checkRestock(state, event.data.itemId, event.data.quantity);
      return;
    case 'points.reserved':
      checkReservedAfterHold(state, event, previous, time, settings.redemptionHoldMinutes);
      return;
    case 'points.transferred':
      return;
  }
}
