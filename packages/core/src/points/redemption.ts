import { LanewiseError } from '../errors.js';
import { parseInput } from '../schemas/parse.js';
import { assertRoom, availableOf, notFound, type PointsContext } from './context.js';
import { periodKey } from '../time/months.js';
import {
  cancelOptionsSchema,
  fulfilOptionsSchema,
  quantitySchema,
  redemptionInputSchema,
  redemptionItemInputSchema,
} from './schemas.js';
import { limitBucket, redemptionTransferId, type RedemptionState } from './state.js';
import { assertNotTimedOut, parseId, pendingOrThrow } from './transfers.js';
import type {
  PointsTransferData,
  Redemption,
  RedemptionItem,
  RedemptionItemInput,
} from './types.js';
import { itemView, redemptionView } from './views.js';

const PICKUP_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PICKUP_CODE = /^[^\p{Cc}\s]{1,64}$/u;

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

function sameItem(stored: RedemptionItemInput, input: RedemptionItemInput): boolean {
  return (
    stored.name === input.name &&
    stored.cost === input.cost &&
    stored.stock === input.stock &&
    stored.stationId === input.stationId &&
    stored.limit?.count === input.limit?.count &&
    stored.limit?.per === input.limit?.per
  );
}

/** `addItem`. */
export function addItemCommand(ctx: PointsContext, input: unknown): RedemptionItem {
  const parsed = parseInput(redemptionItemInputSchema, input);
  const data: RedemptionItemInput = {
    id: parsed.id,
    name: parsed.name,
    cost: parsed.cost,
    stock: parsed.stock,
    stationId: parsed.stationId,
    ...(parsed.limit === undefined
      ? {}
      : { limit: { count: parsed.limit.count, per: parsed.limit.per } }),
  };
  const existing = ctx.state.items.get(data.id);
  if (existing !== undefined) {
    if (sameItem(existing.input, data)) return itemView(existing);
    throw new LanewiseError('ID_CONFLICT', `item ${data.id} exists with other content`, {
      path: ['id'],
      details: { id: data.id },
    });
  }
  ctx.append('points.itemAdded', data);
  return itemView(ctx.state.items.get(data.id) ?? notFound('item', data.id, ['id']));
}

/** `restock`. */
export function restockCommand(
  ctx: PointsContext,
  itemIdInput: unknown,
  quantityInput: unknown,
): RedemptionItem {
  const itemId = parseId(itemIdInput, 'itemId');
  const quantity = parseInput(quantitySchema, quantityInput, ['quantity']);
  const item = ctx.state.items.get(itemId) ?? notFound('item', itemId, ['itemId']);
  if (item.stock + quantity > Number.MAX_SAFE_INTEGER) {
    throw new LanewiseError('INVALID_INPUT', 'quantity: stock would overflow', {
      path: ['quantity'],
    });
  }
  ctx.append('points.restocked', { itemId, quantity });
  return itemView(item);
}

function uniquePickupCode(ctx: PointsContext, redemptionId: string): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const code = ctx.pickupCode(redemptionId, attempt);
    if (typeof code !== 'string' || !PICKUP_CODE.test(code)) {
      throw new LanewiseError(
        'INVALID_INPUT',
        'pickupCode: must return 1 to 64 visible characters',
        {
          path: ['pickupCode'],
          details: { code },
        },
      );
    }
    if (!ctx.state.pickupCodes.has(code)) return code;
  }
  throw new LanewiseError('INVALID_INPUT', 'pickupCode: returned used codes 100 times', {
    path: ['pickupCode'],
  });
}

/** `redeem`: checks stock, limit and points, then reserves both in one step. */
export function redeemCommand(ctx: PointsContext, input: unknown): Redemption {
  const { id, volunteerId, itemId, quantity } = parseInput(redemptionInputSchema, input);
  const { state } = ctx;
  const existing = state.redemptions.get(id);
  if (existing !== undefined) {
    const stored = existing.event.data;
    if (
      stored.volunteerId === volunteerId &&
      stored.itemId === itemId &&
      stored.quantity === quantity
    ) {
      return redemptionView(existing);
    }
    throw new LanewiseError('ID_CONFLICT', `redemption ${id} exists with other content`, {
      path: ['id'],
      details: { id },
    });
  }
  const item = state.items.get(itemId) ?? notFound('item', itemId, ['itemId']);
  if (item.stock < quantity) {
    throw new LanewiseError(
      'OUT_OF_STOCK',
      `item ${itemId} has ${item.stock} in stock, ${quantity} asked`,
      {
        path: ['quantity'],
        details: { itemId, stock: item.stock, quantity },
      },
    );
  }
  const [time, at] = ctx.clock();
  const limit = item.input.limit;
  if (limit !== undefined) {
    const period = periodKey(state.months.indexOf(time), limit.per);
    const used = state.redeemedUnits.get(limitBucket(volunteerId, itemId, period)) ?? 0;
    if (used + quantity > limit.count) {
      throw new LanewiseError(
        'LIMIT_REACHED',
        `${used} of ${limit.count} ${itemId} redeemed this ${limit.per}`,
        {
          path: ['quantity'],
          details: { itemId, volunteerId, used, limit: limit.count, per: limit.per, period },
        },
      );
    }
  }
  const amount = item.input.cost * quantity;
  if (!Number.isSafeInteger(amount)) {
    throw new LanewiseError('INVALID_INPUT', 'quantity: cost times quantity is too large', {
      path: ['quantity'],
    });
  }
  const from = `volunteer:${volunteerId}` as const;
  const to = `station:${item.input.stationId}` as const;
  const debit = state.accounts.get(from);
  const available = availableOf(debit);
  if (available < amount) {
    throw new LanewiseError(
      'INSUFFICIENT_POINTS',
      `${from} has ${available} points available, ${amount} asked`,
      {
        path: ['quantity'],
        details: { account: from, available, amount },
      },
    );
  }
  assertRoom(debit, 'debit', amount, ['quantity']);
  assertRoom(state.accounts.get(to), 'credit', amount, ['quantity']);
  const transferId = redemptionTransferId(id);
  if (state.transfers.rowOf(transferId) >= 0) {
    throw new LanewiseError('ID_CONFLICT', `transfer ${transferId} already exists`, {
      path: ['id'],
      details: { id: transferId },
    });
  }
  const pickupCode = uniquePickupCode(ctx, id);
  const hold = ctx.redemptionHoldMinutes;
  const transfer: PointsTransferData = Object.freeze({
    id: transferId,
    from,
    to,
    amount,
    code: 'redeem',
    ref: id,
    pending: Object.freeze(hold === undefined ? {} : { timeoutMinutes: hold }),
  });
  ctx.append('points.transferred', transfer, at);
  ctx.append('points.reserved', { id, volunteerId, itemId, quantity, pickupCode }, at);
  return redemptionView(state.redemptions.get(id) ?? notFound('redemption', id, ['id']));
}

function reservedOrThrow(ctx: PointsContext, id: string): RedemptionState {
  const redemption = ctx.state.redemptions.get(id) ?? notFound('redemption', id, ['id']);
  pendingOrThrow(ctx, redemptionTransferId(id), ['id']);
  return redemption;
}

/** `fulfil`: the station hands the item out; the held points move to it. */
export function fulfilCommand(
  ctx: PointsContext,
  idInput: unknown,
  optionsInput: unknown,
): Redemption {
  const id = parseId(idInput);
  const { by } = parseInput(fulfilOptionsSchema, optionsInput);
  const redemption = reservedOrThrow(ctx, id);
  const transferId = redemptionTransferId(id);
  const [time, at] = ctx.clock();
  assertNotTimedOut(ctx.state, pendingOrThrow(ctx, transferId, ['id']), time, ['id']);
  ctx.append('points.posted', { id: transferId, by }, at);
  return redemptionView(redemption);
}

/** `cancel`: releases the held points and returns the stock. */
export function cancelCommand(
  ctx: PointsContext,
  idInput: unknown,
  optionsInput: unknown,
): Redemption {
  const id = parseId(idInput);
  const { reason } = parseInput(cancelOptionsSchema, optionsInput);
  const redemption = reservedOrThrow(ctx, id);
  ctx.append('points.voided', { id: redemptionTransferId(id), reason }, ctx.clock()[1]);
  return redemptionView(redemption);
}
