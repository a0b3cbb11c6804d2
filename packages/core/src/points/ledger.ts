import { createJournal } from '../journal/journal.js';
import { parseInput } from '../schemas/parse.js';
import type { PointsLedger } from './api.js';
import type { PointsContext } from './context.js';
import { expireCommand } from './expiry.js';
import { toHledgerJournal } from './hledger.js';
import {
  addItemCommand,
  cancelCommand,
  defaultPickupCode,
  fulfilCommand,
  redeemCommand,
  restockCommand,
} from './redemption.js';
import {
  isAccountString,
  pointsAccountSchema,
  pointsLedgerOptionsSchema,
  pointsRangeSchema,
} from './schemas.js';
import {
  accountOf,
  applyPointsEvent,
  applyTransferred,
  emptyPointsState,
  historyOf,
} from './state.js';
import { expirePendingCommand, parseId, resolveCommand, transferCommand } from './transfers.js';
import type {
  PointsEvent,
  PointsHistoryEntry,
  PointsLedgerOptions,
  PointsSnapshot,
} from './types.js';
import {
  accountSnapshot,
  balanceOf,
  itemView,
  lotsOf,
  owingOf,
  redemptionView,
  transferView,
} from './views.js';

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
  const state = emptyPointsState(timeZone);
  const journal = createJournal<PointsEvent>({
    now: parsed.now,
    events: (parsed.events ?? []) as readonly PointsEvent[],
  });
  for (const event of journal.events()) {
    // Events read back from storage are plain objects: freeze them like the ones made here.
    if (event.type === 'points.transferred' && !Object.isFrozen(event.data)) {
      if (event.data.pending) Object.freeze(event.data.pending);
      Object.freeze(event.data);
    }
    applyPointsEvent(state, event);
  }

  const listeners = new Set<(event: PointsEvent) => void>();
  let cached: PointsSnapshot | undefined;
  let reading: readonly [number, string] = [Number.NaN, ''];
  const ctx: PointsContext = {
    state,
    now: parsed.now,
    clock() {
      const time = parsed.now().getTime();
      if (time !== reading[0]) reading = [time, new Date(time).toISOString()];
      return reading;
    },
    expireAfterMonths: parsed.policy?.expireAfterMonths,
    redemptionHoldMinutes: parsed.policy?.redemptionHoldMinutes,
    pickupCode: parsed.pickupCode ?? defaultPickupCode,
    append(type, data, at) {
      const event = journal.append(type, data as never, at);
      applyPointsEvent(state, event);
      cached = undefined;
      if (listeners.size > 0) for (const listener of listeners) listener(event);
      return event;
    },
    appendTransfer(data, debit, credit) {
      const event = journal.append('points.transferred', data);
      applyTransferred(
        state,
        event,
        debit ?? accountOf(state, data.from),
        credit ?? accountOf(state, data.to),
      );
      cached = undefined;
      if (listeners.size > 0) for (const listener of listeners) listener(event);
      return event;
    },
  };
  const parseAccount = (account: unknown): string =>
    isAccountString(account) ? account : parseInput(pointsAccountSchema, account, ['account']);

  return {
    transfer: (input) => transferCommand(ctx, input),
    post: (id, postOptions) => resolveCommand(ctx, 'post', id, postOptions),
    void: (id, voidOptions) => resolveCommand(ctx, 'void', id, voidOptions),
    expirePending: (now) => expirePendingCommand(ctx, now),
    balance: (account) => balanceOf(state.accounts.get(parseAccount(account))),
    owing(account) {
      const name = parseAccount(account);
      return owingOf(name, state.accounts.get(name));
    },
    history(account, range) {
      const name = parseAccount(account);
      const { from, to } = parseInput(pointsRangeSchema, range) ?? {};
      const start = from === undefined ? -Infinity : Date.parse(from);
      const end = to === undefined ? Infinity : Date.parse(to);
      const lines: PointsHistoryEntry[] = [];
      for (const event of historyOf(state, name)) {
        const time = Date.parse(event.at);
        if (time < start || time >= end) continue;
        const change = event.data.to === name ? event.data.amount : -event.data.amount;
        lines.push({ ...transferView(state, event), change });
      }
      return lines;
    },
    getTransfer(id) {
      const event = state.transfers.get(parseId(id));
      return event === undefined ? undefined : transferView(state, event);
    },
    addItem: (input) => addItemCommand(ctx, input),
    restock: (itemId, quantity) => restockCommand(ctx, itemId, quantity),
    getItem(id) {
      const item = state.items.get(parseId(id));
      return item === undefined ? undefined : itemView(item);
    },
    items: () => Array.from(state.items.values(), itemView),
    redeem: (input) => redeemCommand(ctx, input),
    fulfil: (id, fulfilOptions) => fulfilCommand(ctx, id, fulfilOptions),
    cancel: (id, cancelOptions) => cancelCommand(ctx, id, cancelOptions),
    getRedemption(id) {
      const redemption = state.redemptions.get(parseId(id));
      return redemption === undefined ? undefined : redemptionView(redemption);
    },
    findRedemption(pickupCode) {
      const id = state.pickupCodes.get(parseId(pickupCode, 'pickupCode'));
      const redemption = id === undefined ? undefined : state.redemptions.get(id);
      return redemption === undefined ? undefined : redemptionView(redemption);
    },
    expire: (asOf) => expireCommand(ctx, asOf),
    lots: (account) => lotsOf(state, state.accounts.get(parseAccount(account))),
    toLedgerJournal: (journalOptions) => toHledgerJournal(state, timeZone, journalOptions),
    events: () => journal.events(),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    snapshot() {
      cached ??= Object.freeze({
        version: journal.size,
        transferCount: state.transfers.size,
        accounts: Array.from(state.accounts, ([name, account]) =>
          accountSnapshot(state, name, account),
        ),
        pending: Array.from(state.pendingIds, (id) => {
          const event = state.transfers.get(id);
          if (event === undefined) throw new Error(`pending transfer ${id} has no record`);
          return transferView(state, event);
        }),
        items: Array.from(state.items.values(), itemView),
        redemptions: Array.from(state.redemptions.values(), redemptionView),
      });
      return cached;
    },
  };
}
