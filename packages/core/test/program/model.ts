// The point side of the program's reference model: plain maps of balances, the catalogue and
// the redemptions, driven by the hour model's outcomes. Rates are kept as fractions.
import type { ErrorCode } from '../../src/errors/index.js';

export interface Fraction {
  readonly num: number;
  readonly den: number;
}

export interface ModelEarning {
  readonly pointsPerHour: Fraction;
  /** The multiplier of the tag `elderly`, or none. */
  readonly elderly: Fraction | null;
}

export interface ModelItem {
  readonly id: string;
  readonly cost: number;
  readonly stationId: string;
  readonly limit: number | null;
  stock: number;
}

export interface ModelRedemption {
  readonly id: string;
  readonly volunteerId: string;
  readonly itemId: string;
  readonly quantity: number;
  status: 'reserved' | 'fulfilled' | 'cancelled';
}

export type PointsOutcome = { readonly error: ErrorCode } | { readonly ok: true };

export class PointsModel {
  /** Posted balances by account name. */
  readonly posted = new Map<string, number>();
  /** Earned points by hour entry id. */
  readonly earned = new Map<string, number>();
  /** Volunteers whose balance a reversal took points from. */
  readonly reversed = new Set<string>();
  readonly redemptions: ModelRedemption[] = [];

  constructor(
    readonly earning: ModelEarning,
    readonly items: ModelItem[],
  ) {}

  private move(from: string, to: string, amount: number): void {
    this.posted.set(from, (this.posted.get(from) ?? 0) - amount);
    this.posted.set(to, (this.posted.get(to) ?? 0) + amount);
  }

  /** floor(minutes * rate * multiplier / 60), on integers. */
  pointsFor(minutes: number, tags: readonly string[]): number {
    const rate = this.earning.pointsPerHour;
    const multiplier =
      tags.includes('elderly') && this.earning.elderly ? this.earning.elderly : { num: 1, den: 1 };
    return Math.floor((minutes * rate.num * multiplier.num) / (60 * rate.den * multiplier.den));
  }

  approved(entryId: string, volunteerId: string, minutes: number, tags: readonly string[]): void {
    const amount = this.pointsFor(minutes, tags);
    if (amount === 0) return;
    this.earned.set(entryId, amount);
    this.move('issuer', `volunteer:${volunteerId}`, amount);
  }

  /** A revoked or superseded approved entry gives back what it earned. */
  unapproved(entryId: string, volunteerId: string): void {
    const amount = this.earned.get(entryId);
    if (amount === undefined) return;
    this.move(`volunteer:${volunteerId}`, 'issuer', amount);
    this.reversed.add(volunteerId);
  }

  pendingOf(volunteerId: string): number {
    return this.redemptions
      .filter((item) => item.volunteerId === volunteerId && item.status === 'reserved')
      .reduce(
        (sum, item) =>
          sum + item.quantity * this.items.find((entry) => entry.id === item.itemId)!.cost,
        0,
      );
  }

  availableOf(volunteerId: string): number {
    return (this.posted.get(`volunteer:${volunteerId}`) ?? 0) - this.pendingOf(volunteerId);
  }

  redeem(id: string, volunteerId: string, itemId: string, quantity: number): PointsOutcome {
    const existing = this.redemptions.find((item) => item.id === id);
    if (existing) {
      const same =
        existing.volunteerId === volunteerId &&
        existing.itemId === itemId &&
        existing.quantity === quantity;
      return same ? { ok: true } : { error: 'ID_CONFLICT' };
    }
    const item = this.items.find((entry) => entry.id === itemId);
    if (!item) return { error: 'NOT_FOUND' };
    if (item.stock < quantity) return { error: 'OUT_OF_STOCK' };
    if (item.limit !== null) {
      // The clock stays inside 2025, so the whole run is one limit period.
      const used = this.redemptions
        .filter(
          (other) =>
            other.volunteerId === volunteerId &&
            other.itemId === itemId &&
            other.status !== 'cancelled',
        )
        .reduce((sum, other) => sum + other.quantity, 0);
      if (used + quantity > item.limit) return { error: 'LIMIT_REACHED' };
    }
    if (this.availableOf(volunteerId) < item.cost * quantity)
      return { error: 'INSUFFICIENT_POINTS' };
    item.stock -= quantity;
    this.redemptions.push({ id, volunteerId, itemId, quantity, status: 'reserved' });
    return { ok: true };
  }

  resolve(action: 'fulfil' | 'cancel', id: string): PointsOutcome {
    const redemption = this.redemptions.find((item) => item.id === id);
    if (!redemption) return { error: 'NOT_FOUND' };
    if (redemption.status !== 'reserved') return { error: 'ALREADY_RESOLVED' };
    const item = this.items.find((entry) => entry.id === redemption.itemId)!;
    if (action === 'fulfil') {
      redemption.status = 'fulfilled';
      this.move(
        `volunteer:${redemption.volunteerId}`,
        `station:${item.stationId}`,
        item.cost * redemption.quantity,
      );
    } else {
      redemption.status = 'cancelled';
      item.stock += redemption.quantity;
    }
    return { ok: true };
  }

  restock(itemId: string, quantity: number): PointsOutcome {
    const item = this.items.find((entry) => entry.id === itemId);
    if (!item) return { error: 'NOT_FOUND' };
    item.stock += quantity;
    return { ok: true };
  }
}
