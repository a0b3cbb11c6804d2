import { LanewiseError } from '../errors.js';
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
  addTransfer,
  applyPointsEvent,
  emptyPointsState,
  historyOf,
  holdAmount,
  postAmount,
  transferEvent,
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
  const { log } = state;
  const given = (parsed.events ?? []) as readonly PointsEvent[];
  for (let index = 0; index < given.length; index++) {
    const event = given[index] as PointsEvent;
    if (typeof event !== 'object' || event === null) {
      throw new LanewiseError('INVALID_INPUT', `event ${index} is not an event`, {
        path: ['events', index],
      });
    }
    if (event.seq !== index + 1) {
      throw new LanewiseError(
        'INVALID_INPUT',
        `event ${index} has seq ${event.seq}, expected ${index + 1}`,
        { path: ['events', index, 'seq'] },
      );
    }
    // Events read back from storage are plain objects: freeze them like the ones made here.
    if (event.type === 'points.transferred' && !Object.isFrozen(event.data)) {
      if (event.data.pending) Object.freeze(event.data.pending);
      Object.freeze(event.data);
    }
    log.push(event);
    applyPointsEvent(state, event);
  }

  const listeners = new Set<(event: PointsEvent) => void>();
  let cached: PointsSnapshot | undefined;
  // The stamp list formats each instant once, for transfers and other events alike.
  const clock = (): readonly [number, string] => {
    const time = parsed.now().getTime();
    return [time, state.stamps.text(state.stamps.indexOfTime(time))];
  };
  const changed = (seq: number) => {
    cached = undefined;
    if (listeners.size > 0) {
      const event = log.at(seq);
      for (const listener of listeners) listener(event);
    }
  };
  const ctx: PointsContext = {
    state,
    now: parsed.now,
    clock,
    expireAfterMonths: parsed.policy?.expireAfterMonths,
    redemptionHoldMinutes: parsed.policy?.redemptionHoldMinutes,
    pickupCode: parsed.pickupCode ?? defaultPickupCode,
    append(type, data, at) {
      const event = Object.freeze({ seq: log.size + 1, type, at: at ?? clock()[1], data });
      log.push(event as PointsEvent);
      applyPointsEvent(state, event as PointsEvent);
      changed(event.seq);
      return event as never;
    },
    appendTransfer(transfer, openDebit, openCredit) {
      const debit = openDebit ?? accountOf(state, transfer.from);
      const credit = openCredit ?? accountOf(state, transfer.to);
      const { id, amount, code } = transfer;
      const stamp = state.stamps.indexOfTime(parsed.now().getTime());
      const at = state.stamps.last;
      const seq = log.size + 1;
      const row = addTransfer(state, id, debit, credit, amount, code, stamp);
      if (transfer.ref !== undefined) state.transfers.setRef(row, transfer.ref);
      if (transfer.reversal) state.transfers.setReversal(row);
      if (transfer.pending) holdAmount(state, row, debit, credit, transfer.timeoutMinutes);
      else postAmount(state, debit, credit, amount, at);
      // Kept as its row unless someone listens, who needs the event now anyway.
      if (listeners.size > 0) log.push(transferEvent(state, row, seq));
      else log.pushKey(row);
      changed(seq);
      return at;
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
      for (const row of historyOf(state, name)) {
        const view = transferView(state, row);
        const time = Date.parse(view.at);
        if (time < start || time >= end) continue;
        lines.push({ ...view, change: view.to === name ? view.amount : -view.amount });
      }
      return lines;
    },
    getTransfer(id) {
      const row = state.transfers.rowOf(parseId(id));
      return row < 0 ? undefined : transferView(state, row);
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
    events: () => log.events(),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    snapshot() {
      cached ??= Object.freeze({
        version: log.size,
        transferCount: state.transfers.size,
        accounts: Array.from(state.accounts, ([name, account]) =>
          accountSnapshot(state, name, account),
        ),
        pending: Array.from(state.pendingRows, (row) => transferView(state, row)),
        items: Array.from(state.items.values(), itemView),
        redemptions: Array.from(state.redemptions.values(), redemptionView),
      });
      return cached;
    },
  };
}
