import type { Redemption, RedemptionItem, RedemptionLimit } from '@lanewise/core/points';
import type { PointsDocument } from '../points-wallet/points-source.js';

/** Why a volunteer cannot take an item now. */
export type Blocked =
  | { readonly reason: 'volunteer' }
  | { readonly reason: 'stock' }
  | { readonly reason: 'limit'; readonly per: RedemptionLimit['per'] }
  | { readonly reason: 'points'; readonly missing: number };

/** An item as the volunteer sees it. */
export interface CatalogItem {
  readonly item: RedemptionItem;
  /** Units the volunteer may still take this period; `null` when the item has no limit. */
  readonly remaining: number | null;
  /** Set when one unit cannot be taken now. */
  readonly blocked?: Blocked;
}

/** An open reservation, as a station sees it. */
export interface ReservationRow {
  readonly redemption: Redemption;
  readonly itemName: string;
  /** When the hold runs out, when the programme sets one. */
  readonly timeoutAt?: string;
}

/** The catalogue shown. */
export interface CatalogView {
  /** The volunteer's available points; `null` without a volunteer. */
  readonly available: number | null;
  readonly items: readonly CatalogItem[];
  /** The open reservations of the station (of every station without one), oldest first. */
  readonly reservations: readonly ReservationRow[];
}

/** Options of {@link catalogView}. */
export interface CatalogOptions {
  readonly volunteer: string;
  /** Only this station's items and reservations; every station's when empty. */
  readonly station: string;
  /** Today in the ledger's zone (`YYYY-MM-DD`): the limit period is the one it falls in. */
  readonly today: string;
  /** A pickup code, or part of one, to find reservations by (case and spaces ignored). */
  readonly query?: string;
}

/** The limit period a local day (`YYYY-MM-DD...`) falls in, as the core keys it. */
export function periodOf(day: string, per: RedemptionLimit['per']): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (per === 'year') return year;
  if (per === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${month}`;
}

/** A pickup code as typed, for matching: no spaces, upper case. */
export const normalCode = (code: string): string => code.replace(/\s+/g, '').toUpperCase();

/**
 * Units of `item` the volunteer holds or took in the period `today` falls in: reserved or
 * fulfilled redemptions, as the core counts them (a cancelled or expired one gives its units
 * back). A redemption's `reservedAt` is written in the ledger's zone, so its first ten
 * characters are its local day.
 */
function usedUnits(
  redemptions: readonly Redemption[],
  volunteer: string,
  item: RedemptionItem,
  limit: RedemptionLimit,
  today: string,
): number {
  const period = periodOf(today, limit.per);
  let used = 0;
  for (const redemption of redemptions) {
    if (redemption.volunteerId !== volunteer || redemption.itemId !== item.id) continue;
    if (redemption.status !== 'reserved' && redemption.status !== 'fulfilled') continue;
    if (periodOf(redemption.reservedAt, limit.per) === period) used += redemption.quantity;
  }
  return used;
}

function blockedFor(item: RedemptionItem, remaining: number | null, available: number | null) {
  if (item.stock < 1) return { reason: 'stock' } as const;
  if (remaining !== null && remaining < 1)
    return { reason: 'limit', per: item.limit!.per } as const;
  if (available === null) return { reason: 'volunteer' } as const;
  if (available < item.cost) return { reason: 'points', missing: item.cost - available } as const;
  return undefined;
}

/**
 * The catalogue for one volunteer (items with what they may still take and why not), and the
 * open reservations of one station, found by pickup code.
 *
 * @example
 * ```ts
 * catalogView(document, { volunteer: 'v-li', station: '', today: '2026-12-03' }).items[0].blocked;
 * // { reason: 'points', missing: 40 }
 * ```
 */
export function catalogView(document: PointsDocument, options: CatalogOptions): CatalogView {
  const snapshot = document.points;
  const { volunteer, station, today } = options;
  const account = snapshot.accounts.find((line) => line.account === `volunteer:${volunteer}`);
  const available = volunteer ? (account?.available ?? 0) : null;
  const items = snapshot.items
    .filter((item) => !station || item.stationId === station)
    .map((item): CatalogItem => {
      const limit = item.limit;
      const remaining =
        limit === undefined
          ? null
          : Math.max(
              0,
              limit.count - usedUnits(snapshot.redemptions, volunteer, item, limit, today),
            );
      const blocked = blockedFor(item, remaining, available);
      return blocked ? { item, remaining, blocked } : { item, remaining };
    });
  const names = new Map(snapshot.items.map((item) => [item.id, item.name]));
  const deadlines = new Map(snapshot.pending.map((transfer) => [transfer.id, transfer.timeoutAt]));
  const query = normalCode(options.query ?? '');
  const reservations = snapshot.redemptions
    .filter(
      (redemption) =>
        redemption.status === 'reserved' &&
        (!station || redemption.stationId === station) &&
        (!query || normalCode(redemption.pickupCode).includes(query)),
    )
    .map((redemption): ReservationRow => {
      const timeoutAt = deadlines.get(redemption.transferId);
      const row = { redemption, itemName: names.get(redemption.itemId) ?? redemption.itemId };
      return timeoutAt === undefined ? row : { ...row, timeoutAt };
    });
  return { available, items, reservations };
}
