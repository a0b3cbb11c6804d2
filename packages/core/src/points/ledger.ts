import { readClock } from '../clock.js';
import type { Dispatcher } from '../internal/dispatch.js';
import { invalidField, parseInput } from '../schemas/parse.js';
import { instantMs } from '../time/parse.js';
import { zoneOffsets } from '../time/zone.js';
import type { PointsLedger, PointsLedgerOptions } from './api.js';
import { parseAccount, parseId, parseInstant } from './arguments.js';
import { checkPost, checkTransfer, checkVoid, dueRows, expiryTransfers } from './commands.js';
import { toHledgerJournal } from './hledger.js';
import { defaultPickupCode } from './pickup-codes.js';
import { createRedemptionMethods } from './redemptions.js';
import { replayLog } from './replay.js';
import {
  checkedTransfer,
  pointsLedgerOptionsSchema,
  pointsRangeSchema,
  pointsResolveOptionsSchema,
} from './schemas.js';
import { transferEvent } from './store/log.js';
import { emptyPointsState, type PointsState } from './store/state.js';
import { createPointsWriter } from './store/writer.js';
import { createTransfer } from './transfer.js';
import type { PointsSnapshot, ResolvedPointsPolicy } from './types.js';
import { balanceOf, historyView, lotsOf, owingOf, snapshotOf, transferView } from './views.js';

/**
 * Lets the program start the ledger from a snapshot: builds the empty state through the
 * checks, with the ledger's zone and policy to compare the snapshot's with. Internal.
 */
export type PointsRestoreHook = (
  state: PointsState,
  settings: { readonly timeZone: string; readonly policy: ResolvedPointsPolicy },
) => void;

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
  const { stamps, transfers, accounts } = state;
  const { hash } = parsed;
  const holdMinutes = parsed.policy?.redemptionHoldMinutes;
  const expireAfterMonths = parsed.policy?.expireAfterMonths;
  const now = parsed.now;

  // The program may start the ledger from a snapshot (internal): the log carries on after it.
  const restore = (options as { restore?: PointsRestoreHook }).restore;
  if (restore !== undefined) {
    restore(state, {
      timeZone,
      policy: {
        expireAfterMonths: expireAfterMonths ?? null,
        redemptionHoldMinutes: holdMinutes ?? null,
      },
    });
  }
  // A checkpoint without a log is checked against the empty log.
  const lastHash =
    parsed.events === undefined && parsed.checkpoint === undefined
      ? ''
      : replayLog(state, parsed.events === undefined ? [] : parsed.events, {
          redemptionHoldMinutes: holdMinutes,
          hash,
          checkpoint: parsed.checkpoint,
        });

  const writer = createPointsWriter(state, {
    hash,
    lastHash,
    dispatcher: parsed.dispatcher as Dispatcher | undefined,
    onListenerError: parsed.onListenerError,
  });
  const { commit } = writer;
  let cached: PointsSnapshot | undefined;
  let cachedVersion = -1;

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

  const ledger: PointsLedger = {
    transfer: createTransfer(state, writer, now),
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
    ...createRedemptionMethods(state, writer, {
      now,
      holdMinutes,
      pickupCode: parsed.pickupCode ?? defaultPickupCode,
    }),
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
    events: () => writer.events(),
    checkpoint: () => writer.checkpoint(),
    subscribe(listener) {
      if (typeof listener !== 'function') {
        throw invalidField(['listener'], 'must be a function', 'type', { expected: 'function' });
      }
      return writer.changes.subscribe(listener);
    },
    snapshot() {
      if (cached === undefined || cachedVersion !== writer.version) {
        cached = snapshotOf(state, timeZone, {
          expireAfterMonths: expireAfterMonths ?? null,
          redemptionHoldMinutes: holdMinutes ?? null,
        });
        cachedVersion = writer.version;
      }
      return cached;
    },
  };
  return ledger;
}
