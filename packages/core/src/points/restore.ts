// A point ledger restored from a snapshot: its items, transfers and redemptions are turned
// back into the events that make them and replayed with every check of a replay, and the
// state they build must be the snapshot exactly. The order is the one the snapshot keeps: the
// transfers as they were made (each redemption right after its hold), each resolution where its
// instant falls, before the transfers made at that same instant (a resolution only ever frees
// points, so this order refuses nothing the real one allowed), and every item first, with the
// units its open and fulfilled redemptions hold. Restocks are not kept: they show only in the
// count of events.
import { isLanewiseError, type ErrorPath } from '../errors/index.js';
import { CompactLog } from '../internal/compact-log.js';
import { firstDifference, type RestoreFailure } from '../internal/difference.js';
import { instantMs } from '../time/parse.js';
import { replayLog } from './replay.js';
import { transferEvent } from './store/log.js';
import type { PointsState } from './store/state.js';
import type { PointsEvent, PointsSnapshot, PointsTransfer } from './types.js';
import { snapshotOf } from './views.js';

type Made = { type: PointsEvent['type']; at: string; data: object; origin: ErrorPath };

/** The fields of a transfer that its event stores. */
function transferData(transfer: PointsTransfer): object {
  const { id, from, to, amount, code, ref, pending, reversal } = transfer;
  const data: Record<string, unknown> = { id, from, to, amount, code };
  if (ref !== undefined) data['ref'] = ref;
  if (pending !== undefined) data['pending'] = pending;
  if (reversal !== undefined) data['reversal'] = reversal;
  return data;
}

/** The event that resolved a two-phase transfer, when it was resolved. */
function resolutionOf(transfer: PointsTransfer, origin: ErrorPath): Made | undefined {
  const { id, status, resolvedAt, resolvedBy, reason } = transfer;
  if (resolvedAt === undefined) return undefined;
  const by = resolvedBy === undefined ? {} : { by: resolvedBy };
  if (status === 'posted')
    return { type: 'points.posted', at: resolvedAt, data: { id, ...by }, origin };
  if (status === 'expired')
    return { type: 'points.timed_out', at: resolvedAt, data: { id }, origin };
  const why = reason === undefined ? {} : { reason };
  return { type: 'points.voided', at: resolvedAt, data: { id, ...by, ...why }, origin };
}

/** The events that make the snapshot's state, in an order a live ledger could have taken. */
function eventsOf(snapshot: PointsSnapshot, format: (ms: number) => string): Made[] {
  const { transfers, items, redemptions } = snapshot;
  const holds = new Map(redemptions.map((redemption, j) => [redemption.transferId, j]));
  const resolutions = transfers
    .map((transfer, row) => ({ row, made: resolutionOf(transfer, ['transfers', row]) }))
    .filter((entry): entry is { row: number; made: Made } => entry.made !== undefined)
    .map((entry) => ({ ...entry, ms: instantMs(entry.made.at) }))
    .sort((a, b) => a.ms - b.ms || a.row - b.row);
  const first = transfers[0]?.at ?? format(0);
  const made: Made[] = items.map((item, j) => {
    let held = 0;
    for (const redemption of redemptions) {
      const holds = redemption.status === 'reserved' || redemption.status === 'fulfilled';
      if (redemption.itemId === item.id && holds) held += redemption.quantity;
    }
    const { id, name, cost, stationId, limit, stock } = item;
    const data = { id, name, cost, stock: stock + held, stationId, ...(limit && { limit }) };
    return { type: 'points.item_added', at: first, data, origin: ['items', j] };
  });
  let next = 0;
  transfers.forEach((transfer, row) => {
    const ms = instantMs(transfer.at);
    while (
      next < resolutions.length &&
      resolutions[next]!.ms <= ms &&
      resolutions[next]!.row < row
    ) {
      made.push(resolutions[next++]!.made);
    }
    made.push({
      type: 'points.transferred',
      at: transfer.at,
      data: transferData(transfer),
      origin: ['transfers', row],
    });
    const j = holds.get(transfer.id);
    if (j === undefined) return;
    const { id, volunteerId, itemId, quantity, pickupCode } = redemptions[j]!;
    const data = { id, volunteerId, itemId, quantity, pickupCode };
    made.push({ type: 'points.reserved', at: transfer.at, data, origin: ['redemptions', j] });
  });
  for (; next < resolutions.length; next++) made.push(resolutions[next]!.made);
  return made;
}

/**
 * Builds the empty `state` from the snapshot (its policy and zone checked to be the ledger's
 * already), and starts its log after the snapshot's last event. Throws through `fail` (with a
 * path under the point snapshot) at the first thing no live ledger could have left; the
 * records are read only through the replay's checks and the state they are compared with.
 */
export function restorePointsState(
  state: PointsState,
  snapshot: PointsSnapshot,
  redemptionHoldMinutes: number | undefined,
  fail: RestoreFailure,
): void {
  const made = eventsOf(snapshot, state.format);
  const events = made.map(({ type, at, data }, index) => ({ seq: index + 1, type, at, data }));
  try {
    const settings = { redemptionHoldMinutes, hash: undefined, checkpoint: undefined, made: true };
    replayLog(state, events, settings);
  } catch (error) {
    if (!isLanewiseError(error)) throw error;
    // `['events', index, 'data', ...field]`: the field of the record the event was made from.
    const [, index, part, ...field] = error.path;
    const origin = typeof index === 'number' ? made[index]?.origin : undefined;
    if (origin === undefined) fail([], error.message);
    fail([...origin, ...(part === 'data' ? field : [])], error.message.replace(/^event \d+: /, ''));
  }
  const built = snapshotOf(state, snapshot.timeZone, snapshot.policy);
  // Redemptions before items: a redemption's status explains its item's stock.
  const parts = ['transferCount', 'transfers', 'accounts', 'pending', 'redemptions', 'items'];
  for (const key of parts as (keyof PointsSnapshot)[]) {
    const found = firstDifference(built[key], snapshot[key]);
    if (found !== undefined) fail([key, ...found], 'is not what its transfers give');
  }
  // The events a snapshot does not keep are restocks, and a restock needs an item.
  const restocks = snapshot.version - events.length;
  if (restocks < 0 || (restocks > 0 && snapshot.items.length === 0)) {
    fail(['version'], `is not a count of events that made this state (${events.length} or more)`);
  }
  state.log = new CompactLog((row, seq) => transferEvent(state, row, seq), snapshot.version);
}
