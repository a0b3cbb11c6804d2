import { readClock } from '../clock.js';
import { createDispatcher, Subscribable, type Dispatcher } from '../internal/dispatch.js';
import { chainLink, type Checkpoint } from '../journal/chain.js';
import { LanewiseError } from '../errors/index.js';
import { idSchema } from '../schemas/common.js';
import { invalidField, parseInput } from '../schemas/parse.js';
import { instantMs } from '../time/parse.js';
import { zoneOffsets } from '../time/zone.js';
import type { PointsLedger, PointsLedgerOptions } from './api.js';
import { applyPointsEvent, applyTransfer } from './apply.js';
import {
  checkAddItem,
  checkPost,
  checkRedemption,
  checkRedemptionHold,
  checkReserved,
  checkRestock,
  checkTransfer,
  checkVoid,
  dueRows,
  existingRedemption,
  expiryTransfers,
  notFound,
  redemptionTransfer,
} from './commands.js';
import { toHledgerJournal } from './hledger.js';
import { replayLog } from './replay.js';
import {
  redemptionCancelOptionsSchema,
  checkedTransfer,
  redemptionFulfilOptionsSchema,
  instantOrDate,
  pointsPickupCodeSchema,
  pointsAccountSchema,
  pointsLedgerOptionsSchema,
  pointsRangeSchema,
  pointsTransferInputSchema,
  pointsQuantitySchema,
  redemptionInputSchema,
  redemptionItemInputSchema,
  pointsResolveOptionsSchema,
} from './schemas.js';
import { isAccountString, isIdString, plainTransferInput } from './store/fast-input.js';
import { transferDataOf, transferEvent } from './store/log.js';
import { emptyPointsState, type AccountState } from './store/state.js';
import type {
  PointsAccount,
  PointsEvent,
  PointsEventType,
  PointsSnapshot,
  PointsTransfer,
  RedemptionItemData,
} from './types.js';
import {
  balanceOf,
  deepFreeze,
  historyView,
  itemView,
  lotsOf,
  owingOf,
  redemptionView,
  snapshotOf,
  transferView,
} from './views.js';

const PICKUP_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** FNV-1a, 32 bits: enough to spread pickup codes; uniqueness is checked, not assumed. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The default pickup code: 8 characters derived from the redemption id and the attempt. */
export function defaultPickupCode(redemptionId: string, attempt: number): string {
  const text = `${attempt}:${redemptionId}`;
  let bits = fnv1a(text, 0x811c9dc5) * 256 + (fnv1a(text, 0x01234567) & 0xff);
  let code = '';
  for (let index = 0; index < 8; index++) {
    code += PICKUP_ALPHABET[bits % 32];
    bits = Math.floor(bits / 32);
  }
  return code;
}

/** Parses an id argument, quickly when it is plainly valid. */
function parseId(id: unknown, name = 'id'): string {
  return isIdString(id) ? id : parseInput(idSchema, id, [name]);
}

/** Parses an account argument, quickly when it is plainly valid. */
const parseAccount = (account: unknown): string =>
  isAccountString(account) ? account : parseInput(pointsAccountSchema, account, ['account']);

/** The epoch milliseconds of an instant argument (ISO string with an offset, or a `Date`). */
function parseInstant(input: unknown, name: string): number {
  const parsed = parseInput(instantOrDate, input, [name]);
  return typeof parsed === 'string' ? instantMs(parsed) : parsed.getTime();
}

/**
 * Creates a double-entry point ledger (see {@link PointsLedger}). State is derived from an
 * append-only event log: pass a ledger's `events()` back as `events` to rebuild it exactly.
 *
 * @example
 * ```ts
 * const points = createPointsLedger({
 *   now: manualClock('2025-07-01T09:00:00+08:00').now,
 *   policy: { expireAfterMonths: 12 },
 * });
 * points.transfer({ id: 'earn:e1', from: 'issuer', to: 'volunteer:v1', amount: 20, code: 'earn' });
 * points.addItem({ id: 'soap', name: 'Soap', cost: 15, stock: 10, stationId: 'huana' });
 * const { pickupCode } = points.redeem({ id: 'r1', volunteerId: 'v1', itemId: 'soap', quantity: 1 });
 * points.fulfil('r1', { by: 'clerk-1' });
 * points.balance('volunteer:v1'); // { posted: 5, pending: 0, available: 5 }
 * ```
 */
export function createPointsLedger(options: PointsLedgerOptions): PointsLedger {
  const parsed = parseInput(pointsLedgerOptionsSchema, options);
  const timeZone = parsed.timeZone ?? 'Asia/Shanghai';
  const zone = zoneOffsets(timeZone);
  const state = emptyPointsState(timeZone, zone.format, transferEvent);
  const { log, stamps, transfers, accounts } = state;
  const { hash } = parsed;
  const holdMinutes = parsed.policy?.redemptionHoldMinutes;
  const expireAfterMonths = parsed.policy?.expireAfterMonths;
  const pickupCode = parsed.pickupCode ?? defaultPickupCode;
  const now = parsed.now;

  // A checkpoint without a log is checked against the empty log.
  let lastHash =
    parsed.events === undefined && parsed.checkpoint === undefined
      ? ''
      : replayLog(state, parsed.events === undefined ? [] : parsed.events, {
          redemptionHoldMinutes: holdMinutes,
          hash,
          checkpoint: parsed.checkpoint,
        });

  const dispatcher: Dispatcher =
    (parsed.dispatcher as Dispatcher | undefined) ??
    createDispatcher({ onListenerError: parsed.onListenerError });
  const changes = new Subscribable<PointsEvent>(dispatcher);
  let cached: PointsSnapshot | undefined;
  let frozenEvents: readonly PointsEvent[] | undefined;

  /**
   * The event as stored: chained, when the ledger is, after `previous` (the hash before it).
   * A hash function that returns no text is refused here, before anything is applied.
   */
  const sealed = (event: PointsEvent, previous: string): PointsEvent => {
    if (hash === undefined) return event;
    const link: unknown = chainLink(hash, previous, event);
    if (typeof link !== 'string' || link === '') {
      throw invalidField(['hash'], 'must return the hash as text', 'type', { expected: 'string' });
    }
    return Object.freeze({ ...event, hash: link });
  };

  /**
   * Writes the events of one command, made at stamp `stamp`, and returns `result()`: every
   * event is made and hashed first (so a failing hash function writes none), then each is
   * logged and applied, the result is read, and only then do the listeners hear of them (what
   * a listener writes in turn comes after, and does not show in the result).
   */
  const commit = <R>(
    made: readonly (readonly [PointsEventType, object])[],
    stamp: number,
    result: () => R,
  ): R => {
    const at = stamps.text(stamp);
    let previous = lastHash;
    const events = made.map(([type, data], offset) => {
      const unsealed = { seq: log.size + 1 + offset, type, at, data: deepFreeze(data) };
      const event = sealed(Object.freeze(unsealed) as PointsEvent, previous);
      previous = event.hash ?? '';
      return event;
    });
    return dispatcher.run(() => {
      lastHash = previous;
      for (const event of events) {
        log.push(event);
        applyPointsEvent(state, event, stamp);
      }
      cached = undefined;
      if (changes.listening) for (const event of events) changes.emit(event);
      return result();
    });
  };

  /** `transfer`: validate (a fast path for plain inputs), check, apply, log. */
  const transfer = (input: unknown): PointsTransfer => {
    const time = readClock(now);
    let checked = plainTransferInput(input);
    let debit: AccountState | undefined;
    let credit: AccountState | undefined;
    if (checked !== undefined) {
      // Accounts already open and codes already used were checked then: skip the checks.
      debit = accounts.get(checked.from);
      credit = accounts.get(checked.to);
      if (
        (debit === undefined && !isAccountString(checked.from)) ||
        (credit === undefined && !isAccountString(checked.to)) ||
        (!transfers.knowsCode(checked.code) && !isIdString(checked.code))
      ) {
        checked = undefined;
      }
    }
    if (checked === undefined) {
      checked = checkedTransfer(parseInput(pointsTransferInputSchema, input));
      debit = accounts.get(checked.from);
      credit = accounts.get(checked.to);
    }
    const existing = checkTransfer(
      state,
      checked,
      time,
      debit,
      credit,
      transfers.rowOf(checked.id),
    );
    if (existing >= 0) return transferView(state, existing);
    const stamp = stamps.indexOfTime(time);
    const at = stamps.text(stamp);
    let row: number;
    if (hash === undefined && !changes.listening) {
      // The same reducer as replay's, called with the checked fields: no event object is
      // made, and the log keeps the row.
      row = applyTransfer(state, checked, stamp, at, debit, credit);
      log.pushKey(row);
      cached = undefined;
    } else {
      // Chained or heard: the event is made (and hashed) first, then applied. Listeners are
      // told last: one may write (a later row) or read the snapshot (made afresh).
      const made = {
        seq: log.size + 1,
        type: 'points.transferred',
        at,
        data: transferDataOf(checked),
      };
      const event = sealed(Object.freeze(made) as PointsEvent, lastHash);
      if (event.hash !== undefined) lastHash = event.hash;
      row = applyTransfer(state, checked, stamp, at, debit, credit);
      log.push(event);
      cached = undefined;
      // Read before the listeners run (at once, when no command is running).
      const view = transferView(state, row);
      changes.emit(event);
      return view;
    }
    if (checked.pending || checked.reversal || checked.ref !== undefined) {
      return transferView(state, row);
    }
    // The common case, from what was checked: no need to read the row back.
    const { id, from, to, amount, code } = checked;
    return {
      id,
      from: from as PointsAccount,
      to: to as PointsAccount,
      amount,
      code,
      at,
      status: 'posted',
    };
  };

  /** `post` and `void`. */
  const resolve = (outcome: 'post' | 'void', idInput: unknown, optionsInput: unknown) => {
    const id = parseId(idInput);
    const given =
      optionsInput === undefined
        ? {}
        : (parseInput(pointsResolveOptionsSchema, optionsInput) ?? {});
    if (outcome === 'post' && given.reason !== undefined) {
      throw invalidField(['reason'], 'only a void takes a reason');
    }
    const time = readClock(now);
    const row = outcome === 'post' ? checkPost(state, id, time) : checkVoid(state, id);
    const data: { id: string; by?: string; reason?: string } = { id };
    if (given.by !== undefined) data.by = given.by;
    if (given.reason !== undefined) data.reason = given.reason;
    return commit(
      [[outcome === 'post' ? 'points.posted' : 'points.voided', data]],
      stamps.indexOfTime(time),
      () => transferView(state, row),
    );
  };

  /** A pickup code from the `pickupCode` option that no redemption has. */
  const uniquePickupCode = (redemptionId: string): string => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const code = pickupCode(redemptionId, attempt);
      if (typeof code !== 'string' || !pointsPickupCodeSchema.safeParse(code).success) {
        throw new LanewiseError(
          'INVALID_INPUT',
          'pickupCode: must return 1 to 64 visible characters',
          { path: ['pickupCode'], details: { code } },
        );
      }
      if (!state.pickupCodes.has(code)) return code;
    }
    throw invalidField(['pickupCode'], 'returned used codes 100 times');
  };

  const ledger: PointsLedger = {
    transfer,
    post: (id, postOptions) => resolve('post', id, postOptions),
    void: (id, voidOptions) => resolve('void', id, voidOptions),
    expirePending(nowInput) {
      const time = readClock(now);
      const asOf = nowInput === undefined ? time : parseInstant(nowInput, 'now');
      const due = dueRows(state, asOf);
      const stamp = stamps.indexOfTime(time);
      return commit(
        due.map((row) => ['points.timed_out', { id: transfers.id(row) }] as const),
        stamp,
        () => due.map((row) => transferView(state, row)),
      );
    },
    balance: (account) => balanceOf(accounts.get(parseAccount(account))),
    owing(account) {
      const name = parseAccount(account);
      return owingOf(name, accounts.get(name));
    },
    history(account, range) {
      const name = parseAccount(account);
      const { from, to } = parseInput(pointsRangeSchema, range) ?? {};
      const start = from === undefined ? -Infinity : instantMs(from);
      const end = to === undefined ? Infinity : instantMs(to);
      return historyView(state, name, start, end);
    },
    getTransfer(id) {
      const row = transfers.rowOf(parseId(id));
      return row < 0 ? undefined : transferView(state, row);
    },
    addItem(input) {
      const parsedItem = parseInput(redemptionItemInputSchema, input);
      const data: RedemptionItemData = {
        id: parsedItem.id,
        name: parsedItem.name,
        cost: parsedItem.cost,
        stock: parsedItem.stock,
        stationId: parsedItem.stationId,
        ...(parsedItem.limit === undefined
          ? {}
          : { limit: { count: parsedItem.limit.count, per: parsedItem.limit.per } }),
      };
      const existing = checkAddItem(state, data);
      if (existing !== undefined) return itemView(existing);
      const stamp = stamps.indexOfTime(readClock(now));
      return commit([['points.item_added', data]], stamp, () =>
        itemView(state.items.get(data.id) ?? notFound('item', data.id, ['id'])),
      );
    },
    restock(itemIdInput, quantityInput) {
      const itemId = parseId(itemIdInput, 'itemId');
      const quantity = parseInput(pointsQuantitySchema, quantityInput, ['quantity']);
      const item = checkRestock(state, itemId, quantity);
      const stamp = stamps.indexOfTime(readClock(now));
      return commit([['points.restocked', { itemId, quantity }]], stamp, () => itemView(item));
    },
    getItem(id) {
      const item = state.items.get(parseId(id));
      return item === undefined ? undefined : itemView(item);
    },
    items: () => Array.from(state.items.values(), itemView),
    redeem(input) {
      const data = parseInput(redemptionInputSchema, input);
      const existing = existingRedemption(state, data);
      if (existing !== undefined) return redemptionView(existing);
      const time = readClock(now);
      const plan = checkRedemption(state, data, time);
      checkRedemptionHold(state, plan, time, holdMinutes);
      const code = uniquePickupCode(data.id);
      const stamp = stamps.indexOfTime(time);
      const { id, volunteerId, itemId, quantity } = data;
      // The hold and the redemption are one command: listeners hear of both after both.
      return commit(
        [
          ['points.transferred', redemptionTransfer(plan, id, holdMinutes)],
          ['points.reserved', { id, volunteerId, itemId, quantity, pickupCode: code }],
        ],
        stamp,
        () => redemptionView(state.redemptions.get(id) ?? notFound('redemption', id, ['id'])),
      );
    },
    fulfil(idInput, fulfilOptions) {
      const id = parseId(idInput);
      const { by } = parseInput(redemptionFulfilOptionsSchema, fulfilOptions);
      const redemption = checkReserved(state, id);
      const time = readClock(now);
      const transferId = `redeem:${id}`;
      checkPost(state, transferId, time);
      return commit([['points.posted', { id: transferId, by }]], stamps.indexOfTime(time), () =>
        redemptionView(redemption),
      );
    },
    cancel(idInput, cancelOptions) {
      const id = parseId(idInput);
      const { reason } = parseInput(redemptionCancelOptionsSchema, cancelOptions);
      const redemption = checkReserved(state, id);
      const stamp = stamps.indexOfTime(readClock(now));
      return commit([['points.voided', { id: `redeem:${id}`, reason }]], stamp, () =>
        redemptionView(redemption),
      );
    },
    getRedemption(id) {
      const redemption = state.redemptions.get(parseId(id));
      return redemption === undefined ? undefined : redemptionView(redemption);
    },
    findRedemption(code) {
      const id = state.pickupCodes.get(parseId(code, 'pickupCode'));
      const redemption = id === undefined ? undefined : state.redemptions.get(id);
      return redemption === undefined ? undefined : redemptionView(redemption);
    },
    expire(asOfInput) {
      const asOf = parseInstant(asOfInput, 'asOf');
      if (expireAfterMonths === undefined) return [];
      const time = readClock(now);
      const made = expiryTransfers(state, asOf, expireAfterMonths);
      // Every expiry passes the transfer checks before any is written.
      for (const data of made) {
        const checked = checkedTransfer(data);
        checkTransfer(state, checked, time, accounts.get(data.from), accounts.get(data.to), -1);
      }
      const stamp = stamps.indexOfTime(time);
      return commit(
        made.map((data) => ['points.transferred', data] as const),
        stamp,
        () => made.map((data) => transferView(state, transfers.rowOf(data.id))),
      );
    },
    lots: (account) => lotsOf(state, accounts.get(parseAccount(account))),
    toLedgerJournal: (journalOptions) => toHledgerJournal(state, journalOptions),
    events() {
      if (frozenEvents?.length !== log.size) frozenEvents = Object.freeze(log.events().slice());
      return frozenEvents;
    },
    checkpoint(): Checkpoint {
      const seq = log.size;
      return Object.freeze(hash === undefined || seq === 0 ? { seq } : { seq, hash: lastHash });
    },
    subscribe(listener) {
      if (typeof listener !== 'function') {
        throw invalidField(['listener'], 'must be a function', 'type', { expected: 'function' });
      }
      return changes.subscribe(listener);
    },
    snapshot() {
      cached ??= snapshotOf(state, timeZone, {
        expireAfterMonths: expireAfterMonths ?? null,
        redemptionHoldMinutes: holdMinutes ?? null,
      });
      return cached;
    },
  };
  return ledger;
}
