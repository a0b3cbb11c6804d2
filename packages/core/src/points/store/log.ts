// Transfers made here are kept in the log as their rows (see `CompactLog`): these build the
// event of a row, exactly as it would have been appended, when someone reads it.
import { accountName, type PointsState } from './state.js';
import type { PointsAccount, PointsEvent, PointsTransferData } from '../types.js';
import type { CheckedTransfer } from './fast-input.js';

type TransferEvent = Extract<PointsEvent, { type: 'points.transferred' }>;

/** A transfer's data as the log stores it: no `undefined` fields, `reversal` only when set. */
export function transferData(state: PointsState, row: number): PointsTransferData {
  const { transfers } = state;
  const data: { -readonly [K in keyof PointsTransferData]: PointsTransferData[K] } = {
    id: transfers.id(row),
    from: accountName(state, transfers.debit(row)),
    to: accountName(state, transfers.credit(row)),
    amount: transfers.amount(row),
    code: transfers.code(row),
  };
  const ref = transfers.ref(row);
  if (ref !== undefined) data.ref = ref;
  if (transfers.isPending(row)) {
    const timeoutMinutes = transfers.timeoutMinutes(row);
    data.pending = Object.freeze(timeoutMinutes === undefined ? {} : { timeoutMinutes });
  }
  if (transfers.isReversal(row)) data.reversal = true;
  return Object.freeze(data);
}

/** A checked transfer's data as the log stores it (the same form as {@link transferData}). */
export function transferDataOf(transfer: CheckedTransfer): PointsTransferData {
  const data: { -readonly [K in keyof PointsTransferData]: PointsTransferData[K] } = {
    id: transfer.id,
    from: transfer.from as PointsAccount,
    to: transfer.to as PointsAccount,
    amount: transfer.amount,
    code: transfer.code,
  };
  if (transfer.ref !== undefined) data.ref = transfer.ref;
  if (transfer.pending) {
    const { timeoutMinutes } = transfer;
    data.pending = Object.freeze(timeoutMinutes === undefined ? {} : { timeoutMinutes });
  }
  if (transfer.reversal) data.reversal = true;
  return Object.freeze(data);
}

/** The event of the transfer in `row`, numbered `seq`. */
export function transferEvent(state: PointsState, row: number, seq: number): TransferEvent {
  return Object.freeze({
    seq,
    type: 'points.transferred',
    at: state.stamps.text(state.transfers.stamp(row)),
    data: transferData(state, row),
  });
}
