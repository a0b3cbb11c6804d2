import { parseInput } from '../schemas/parse.js';
import type { PointsContext } from './context.js';
import { pointsUpTo } from './lots.js';
import { instantOrDateSchema } from './schemas.js';
import type { PointsAccount, PointsTransfer, PointsTransferData } from './types.js';
import { transferView } from './views.js';

/**
 * `expire(asOf)`: for each volunteer, the points left in lots earned `expireAfterMonths` whole
 * months or more before the month of `asOf` go to `expired`, oldest first. Points held by a
 * pending transfer stay (they are spent first when it posts), so available never goes below
 * zero, and a second run with nothing new in between finds nothing to expire.
 */
export function expireCommand(ctx: PointsContext, asOfInput: unknown): PointsTransfer[] {
  const parsed = parseInput(instantOrDateSchema, asOfInput, ['asOf']);
  const months = ctx.expireAfterMonths;
  if (months === undefined) return [];
  const { state } = ctx;
  const asOfMonth = state.months.indexOf(
    typeof parsed === 'string' ? Date.parse(parsed) : parsed.getTime(),
  );
  const lastExpiring = asOfMonth - months - 1;
  const label = state.months.label(asOfMonth);
  const transfers: PointsTransferData[] = [];
  for (const [name, account] of state.accounts) {
    if (!account.keepsLots) continue;
    const amount = pointsUpTo(account, lastExpiring) - account.debitsPending;
    if (amount <= 0) continue;
    let id = `expire:${name.slice('volunteer:'.length)}:${label}`;
    for (let again = 2; state.transfers.rowOf(id) >= 0; again++)
      id = `expire:${name.slice('volunteer:'.length)}:${label}:${again}`;
    transfers.push(
      Object.freeze({
        id,
        from: name as PointsAccount,
        to: 'expired',
        amount,
        code: 'expire',
        ref: label,
      }),
    );
  }
  const [, at] = ctx.clock();
  return transfers.map((data) => {
    ctx.append('points.transferred', data, at);
    return transferView(state, state.transfers.rowOf(data.id));
  });
}
