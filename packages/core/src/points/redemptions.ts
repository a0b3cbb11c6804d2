// The redemption catalogue's methods: items and their stock, redemptions held, fulfilled at a
// station or cancelled. Each command checks first and then writes through the ledger's writer.
import { readClock, type Clock } from '../clock.js';
import { parseInput } from '../schemas/parse.js';
import type { PointsLedger } from './api.js';
import { parseId } from './arguments.js';
import {
  checkAddItem,
  checkPost,
  checkRedemption,
  checkRedemptionHold,
  checkReserved,
  checkRestock,
  existingRedemption,
  notFound,
  redemptionTransfer,
} from './commands.js';
import { uniquePickupCode } from './pickup-codes.js';
import {
  pointsQuantitySchema,
  redemptionCancelOptionsSchema,
  redemptionFulfilOptionsSchema,
  redemptionInputSchema,
  redemptionItemInputSchema,
} from './schemas.js';
import type { PointsState } from './store/state.js';
import type { PointsWriter } from './store/writer.js';
import type { RedemptionItemData } from './types.js';
import { itemView, redemptionView } from './views.js';

/** The ledger's methods on items and redemptions. */
export type RedemptionMethods = Pick<
  PointsLedger,
  | 'addItem'
  | 'restock'
  | 'getItem'
  | 'items'
  | 'redeem'
  | 'fulfil'
  | 'cancel'
  | 'getRedemption'
  | 'findRedemption'
>;

export interface RedemptionOptions {
  now: Clock;
  holdMinutes: number | undefined;
  pickupCode: (redemptionId: string, attempt: number) => unknown;
}

/** The item and redemption methods of the ledger over `state`. */
export function createRedemptionMethods(
  state: PointsState,
  writer: PointsWriter,
  { now, holdMinutes, pickupCode }: RedemptionOptions,
): RedemptionMethods {
  const { stamps } = state;
  return {
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
      return writer.commit([['points.item_added', data]], stamp, () =>
        itemView(state.items.get(data.id) ?? notFound('item', data.id, ['id'])),
      );
    },
    restock(itemIdInput, quantityInput) {
      const itemId = parseId(itemIdInput, 'itemId');
      const quantity = parseInput(pointsQuantitySchema, quantityInput, ['quantity']);
      const item = checkRestock(state, itemId, quantity);
      const stamp = stamps.indexOfTime(readClock(now));
      return writer.commit([['points.restocked', { itemId, quantity }]], stamp, () =>
        itemView(item),
      );
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
      const code = uniquePickupCode(state, pickupCode, data.id);
      const stamp = stamps.indexOfTime(time);
      const { id, volunteerId, itemId, quantity } = data;
      // The hold and the redemption are one command: listeners hear of both after both.
      return writer.commit(
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
      return writer.commit(
        [['points.posted', { id: transferId, by }]],
        stamps.indexOfTime(time),
        () => redemptionView(redemption),
      );
    },
    cancel(idInput, cancelOptions) {
      const id = parseId(idInput);
      const { reason } = parseInput(redemptionCancelOptionsSchema, cancelOptions);
      const redemption = checkReserved(state, id);
      const stamp = stamps.indexOfTime(readClock(now));
      return writer.commit([['points.voided', { id: `redeem:${id}`, reason }]], stamp, () =>
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
  };
}
