// The `transfer` command. It is the ledger's hot path: a plain input is checked by the fast
// input path, and with no chain and no listener the reducer is called with the checked fields
// and the log keeps the row, so that no event object is made.
import { readClock, type Clock } from '../clock.js';
import { isId } from '../internal/plain.js';
import { parseInput } from '../schemas/parse.js';
import { applyTransfer } from './apply.js';
import { checkTransfer } from './commands.js';
import { checkedTransfer, pointsTransferInputSchema } from './schemas.js';
import { isAccountString, plainTransferInput, transferFields } from './store/fast-input.js';
import { transferDataOf } from './store/log.js';
import type { AccountState, PointsState } from './store/state.js';
import type { PointsWriter } from './store/writer.js';
import type { PointsAccount, PointsEvent, PointsTransfer } from './types.js';
import { transferView } from './views.js';

/** The ledger's `transfer`: validate (a fast path for plain inputs), check, apply, log. */
export function createTransfer(
  state: PointsState,
  writer: PointsWriter,
  now: Clock,
): (input: unknown) => PointsTransfer {
  const { log, stamps, transfers, accounts } = state;
  const { changes } = writer;
  const chained = writer.hash !== undefined;
  // The fast path's fields, written afresh by every call: no object per transfer. Unchained,
  // no caller's code runs between their writing and their last read (a listener runs after).
  const into = chained ? undefined : transferFields();

  return (input) => {
    const time = readClock(now);
    let checked = plainTransferInput(input, false, into);
    let debit: AccountState | undefined;
    let credit: AccountState | undefined;
    if (checked !== undefined) {
      // Accounts already open and codes already used were checked then: skip the checks.
      debit = accounts.get(checked.from);
      credit = accounts.get(checked.to);
      if (
        (debit === undefined && !isAccountString(checked.from)) ||
        (credit === undefined && !isAccountString(checked.to)) ||
        (!transfers.knowsCode(checked.code) && !isId(checked.code))
      ) {
        checked = undefined;
      }
    }
    if (checked === undefined) {
      checked = checkedTransfer(parseInput(pointsTransferInputSchema, input));
      debit = accounts.get(checked.from);
      credit = accounts.get(checked.to);
    }
    const existing = checkTransfer(
      state,
      checked,
      time,
      debit,
      credit,
      transfers.rowOf(checked.id),
    );
    if (existing >= 0) return transferView(state, existing);
    const stamp = stamps.indexOfTime(time);
    const at = stamps.text(stamp);
    let row: number;
    if (!chained && !changes.listening) {
      // The same reducer as replay's, called with the checked fields: no event object is
      // made, and the log keeps the row.
      row = applyTransfer(state, checked, stamp, at, debit, credit);
      log.pushKey(row);
      writer.version++;
    } else {
      // Chained or heard: the event is made (and hashed) first, then applied. Listeners are
      // told last: one may write (a later row) or read the snapshot (made afresh).
      const made = {
        seq: log.size + 1,
        type: 'points.transferred',
        at,
        data: transferDataOf(checked),
      };
      const event = writer.sealed(Object.freeze(made) as PointsEvent, writer.lastHash);
      if (event.hash !== undefined) writer.lastHash = event.hash;
      row = applyTransfer(state, checked, stamp, at, debit, credit);
      log.push(event);
      writer.version++;
      // Read before the listeners run (at once, when no command is running).
      const view = transferView(state, row);
      changes.emit(event);
      return view;
    }
    if (checked.pending || checked.reversal || checked.ref !== undefined) {
      return transferView(state, row);
    }
    // The common case, from what was checked: no need to read the row back.
    const { id, from, to, amount, code } = checked;
    return {
      id,
      from: from as PointsAccount,
      to: to as PointsAccount,
      amount,
      code,
      at,
      status: 'posted',
    };
  };
}
