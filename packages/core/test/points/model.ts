// The reference model of the point ledger, written plainly: lists, and sums over them. Every
// answer is recomputed from scratch, so it shares no bookkeeping with the real ledger.
import type { ErrorCode } from '../../src/errors/index.js';

const MINUTE = 60_000;
const SHANGHAI = 8 * 60 * MINUTE; // no daylight saving since 1991

export interface ModelTransfer {
  id: string;
  from: string;
  to: string;
  amount: number;
  code: string;
  ref?: string;
  pending: boolean;
  timeoutMinutes?: number;
  reversal: boolean;
  at: number;
  status: 'posted' | 'pending' | 'voided' | 'expired';
}

export interface ModelItem {
  id: string;
  name: string;
  cost: number;
  stock: number;
  stationId: string;
  limit?: { count: number; per: 'month' | 'quarter' | 'year' };
}

export interface ModelRedemption {
  id: string;
  volunteerId: string;
  itemId: string;
  quantity: number;
  at: number;
  status: 'reserved' | 'fulfilled' | 'cancelled' | 'expired';
}

/** The outcome a command expects: an error code, or success. */
export type Outcome = ErrorCode | 'ok';

export class PointsModel {
  now: number;
  transfers: ModelTransfer[] = [];
  /** Posted movements in the order they became final: what lots are made of. */
  postings: { from: string; to: string; amount: number; at: number }[] = [];
  items: ModelItem[] = [];
  restocks: { itemId: string; quantity: number }[] = [];
  redemptions: ModelRedemption[] = [];
  /** The inputs of successful transfers, to send again. */
  inputs: unknown[] = [];
  /** Accounts in the order they were first used. */
  accounts: string[] = [];

  constructor(
    start: string,
    readonly expireAfterMonths: number,
    readonly holdMinutes: number,
  ) {
    this.now = Date.parse(start);
  }

  static month(time: number): number {
    const local = new Date(time + SHANGHAI);
    return local.getUTCFullYear() * 12 + local.getUTCMonth();
  }

  transfer(id: string): ModelTransfer | undefined {
    return this.transfers.find((transfer) => transfer.id === id);
  }

  balance(account: string): { posted: number; pending: number; available: number } {
    let posted = 0;
    let pending = 0;
    let pendingDebits = 0;
    for (const transfer of this.transfers) {
      const sign = transfer.to === account ? 1 : transfer.from === account ? -1 : 0;
      if (transfer.status === 'posted') posted += sign * transfer.amount;
      if (transfer.status === 'pending') {
        pending += sign * transfer.amount;
        if (sign < 0) pendingDebits += transfer.amount;
      }
    }
    return { posted, pending, available: posted - pendingDebits };
  }

  /** Lots by replaying the postings: credits pay debt then join their month, debits take the oldest. */
  lots(account: string): { month: number; amount: number }[] {
    let lots: { month: number; amount: number }[] = [];
    let debt = 0;
    for (const posting of this.postings) {
      if (posting.to === account) {
        let amount = posting.amount;
        const paid = Math.min(debt, amount);
        debt -= paid;
        amount -= paid;
        if (amount === 0) continue;
        const month = PointsModel.month(posting.at);
        const same = lots.find((lot) => lot.month === month);
        if (same) same.amount += amount;
        else lots = [...lots, { month, amount }].sort((a, b) => a.month - b.month);
      } else if (posting.from === account) {
        let amount = posting.amount;
        for (const lot of lots) {
          const taken = Math.min(lot.amount, amount);
          lot.amount -= taken;
          amount -= taken;
        }
        lots = lots.filter((lot) => lot.amount > 0);
        debt += amount;
      }
    }
    return lots;
  }

  item(id: string): ModelItem | undefined {
    return this.items.find((item) => item.id === id);
  }

  stock(itemId: string): number {
    const item = this.item(itemId);
    if (!item) return 0;
    const restocked = this.restocks
      .filter((r) => r.itemId === itemId)
      .reduce((sum, r) => sum + r.quantity, 0);
    const held = this.redemptions
      .filter((r) => r.itemId === itemId && (r.status === 'reserved' || r.status === 'fulfilled'))
      .reduce((sum, r) => sum + r.quantity, 0);
    return item.stock + restocked - held;
  }

  period(time: number, per: 'month' | 'quarter' | 'year'): string {
    const month = PointsModel.month(time);
    const year = Math.floor(month / 12);
    if (per === 'year') return `${year}`;
    if (per === 'quarter') return `${year}Q${Math.floor((month % 12) / 3)}`;
    return `${year}-${month % 12}`;
  }

  use(account: string): void {
    if (!this.accounts.includes(account)) this.accounts.push(account);
  }

  /** Records a transfer the way the ledger does, posting it at once unless pending. */
  add(transfer: Omit<ModelTransfer, 'at' | 'status'>): void {
    this.use(transfer.from);
    this.use(transfer.to);
    this.transfers.push({
      ...transfer,
      at: this.now,
      status: transfer.pending ? 'pending' : 'posted',
    });
    if (!transfer.pending)
      this.postings.push({
        from: transfer.from,
        to: transfer.to,
        amount: transfer.amount,
        at: this.now,
      });
  }

  resolve(transfer: ModelTransfer, status: 'posted' | 'voided' | 'expired'): void {
    transfer.status = status;
    if (status === 'posted')
      this.postings.push({
        from: transfer.from,
        to: transfer.to,
        amount: transfer.amount,
        at: this.now,
      });
    const redemption = this.redemptions.find((r) => `redeem:${r.id}` === transfer.id);
    if (redemption)
      redemption.status =
        status === 'posted' ? 'fulfilled' : status === 'voided' ? 'cancelled' : 'expired';
  }

  timedOut(transfer: ModelTransfer, at: number): boolean {
    return (
      transfer.timeoutMinutes !== undefined && transfer.at + transfer.timeoutMinutes * MINUTE <= at
    );
  }

  label(month: number): string {
    return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  }
}
