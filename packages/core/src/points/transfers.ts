import { LanewiseError } from '../errors.js';
import { parseInput } from '../schemas/parse.js';
import { idSchema } from '../schemas/common.js';
import { assertRoom, availableOf, notFound, type PointsContext } from './context.js';
import {
  checkedTransfer,
  instantOrDateSchema,
  isAccountString,
  isIdString,
  plainTransferInput,
  pointsTransferInputSchema,
  resolveOptionsSchema,
  type CheckedTransfer,
} from './schemas.js';
import { accountName, type AccountState, type PointsState } from './state.js';
import type { PointsAccount, PointsTransfer } from './types.js';
import { transferView } from './views.js';

const MINUTE = 60_000;
/** The path of a bad amount, made once: the checks run on every transfer. */
const AMOUNT: readonly ['amount'] = Object.freeze(['amount'] as const);

/** Same content as the stored transfer in `row`: the idempotency test. */
function sameTransfer(state: PointsState, row: number, input: CheckedTransfer): boolean {
  const { transfers } = state;
  return (
    accountName(state, transfers.debit(row)) === input.from &&
    accountName(state, transfers.credit(row)) === input.to &&
    transfers.amount(row) === input.amount &&
    transfers.code(row) === input.code &&
    transfers.ref(row) === input.ref &&
    transfers.isReversal(row) === input.reversal &&
    transfers.isPending(row) === input.pending &&
    transfers.timeoutMinutes(row) === input.timeoutMinutes
  );
}

/**
 * Checks a transfer against idempotency and the balances; returns the row of the stored
 * transfer when the same call was made before, -1 for a new one. `debit` and `credit` are
 * the accounts as looked up now, `existing` the row with this id (-1: none).
 */
function checkTransfer(
  state: PointsState,
  input: CheckedTransfer,
  debit: AccountState | undefined,
  credit: AccountState | undefined,
  existing: number,
): number {
  if (input.from === input.to) {
    throw new LanewiseError('INVALID_INPUT', 'to: must differ from from', { path: ['to'] });
  }
  if (input.reversal && input.pending) {
    throw new LanewiseError('INVALID_INPUT', 'reversal: a reversal cannot be pending', {
      path: ['reversal'],
    });
  }
  if (existing >= 0) {
    if (sameTransfer(state, existing, input)) return existing;
    throw new LanewiseError('ID_CONFLICT', `transfer ${input.id} exists with other content`, {
      path: ['id'],
      details: { id: input.id },
    });
  }
  if (input.from !== 'issuer' && !input.reversal) {
    const available = availableOf(debit);
    if (available < input.amount) {
      throw new LanewiseError(
        'INSUFFICIENT_POINTS',
        `${input.from} has ${available} points available, ${input.amount} asked`,
        { path: AMOUNT, details: { account: input.from, available, amount: input.amount } },
      );
    }
  }
  assertRoom(debit, 'debit', input.amount, AMOUNT);
  assertRoom(credit, 'credit', input.amount, AMOUNT);
  return -1;
}

/** `transfer`: validate (a fast path for plain inputs), check, append. */
export function transferCommand(ctx: PointsContext, input: unknown): PointsTransfer {
  const { state } = ctx;
  const accounts = state.accounts;
  let checked = plainTransferInput(input);
  let debit: AccountState | undefined;
  let credit: AccountState | undefined;
  if (checked !== undefined) {
    // Accounts already open and codes already used were checked then: skip the checks.
    debit = accounts.get(checked.from);
    credit = accounts.get(checked.to);
    if (
      (debit === undefined && !isAccountString(checked.from)) ||
      (credit === undefined && !isAccountString(checked.to)) ||
      (!state.transfers.knowsCode(checked.code) && !isIdString(checked.code))
    ) {
      checked = undefined;
    }
  }
  if (checked === undefined) {
    checked = checkedTransfer(parseInput(pointsTransferInputSchema, input));
    debit = accounts.get(checked.from);
    credit = accounts.get(checked.to);
  }
  const existing = checkTransfer(state, checked, debit, credit, state.transfers.rowOf(checked.id));
  if (existing >= 0) return transferView(state, existing);
  const at = ctx.appendTransfer(checked, debit, credit);
  if (checked.pending || checked.reversal || checked.ref !== undefined) {
    return transferView(state, state.transfers.size - 1);
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
}

/** Parses an id argument, quickly when it is plainly valid. */
export function parseId(id: unknown, name = 'id'): string {
  return isIdString(id) ? id : parseInput(idSchema, id, [name]);
}

/** The row of pending transfer `id`, or the error that says why it cannot be resolved. */
export function pendingOrThrow(
  ctx: PointsContext,
  id: string,
  path: readonly (string | number)[],
): number {
  const { transfers, resolved } = ctx.state;
  const row = transfers.rowOf(id);
  if (row < 0) notFound('transfer', id, path);
  if (!transfers.isPending(row)) {
    throw new LanewiseError('INVALID_TRANSITION', `transfer ${id} is not two-phase`, {
      path,
      details: { id },
    });
  }
  const resolution = resolved.get(row);
  if (resolution !== undefined) {
    throw new LanewiseError('ALREADY_RESOLVED', `transfer ${id} is already ${resolution.status}`, {
      path,
      details: { id, status: resolution.status },
    });
  }
  return row;
}

/** When the pending transfer in `row` stops being postable (epoch ms), or undefined. */
function deadlineOf(state: PointsState, row: number): number | undefined {
  const timeout = state.transfers.timeoutMinutes(row);
  if (timeout === undefined) return undefined;
  return Date.parse(state.stamps.text(state.transfers.stamp(row))) + timeout * MINUTE;
}

/** Throws `TOO_LATE` when the pending transfer in `row` has timed out at `now`. */
export function assertNotTimedOut(
  state: PointsState,
  row: number,
  now: number,
  path: readonly (string | number)[],
): void {
  const deadline = deadlineOf(state, row);
  if (deadline === undefined || now < deadline) return;
  const id = state.transfers.id(row);
  const timeoutAt = new Date(deadline).toISOString();
  throw new LanewiseError('TOO_LATE', `transfer ${id} timed out at ${timeoutAt}`, {
    path,
    details: { id, timeoutAt },
  });
}

/** `post` and `void`. */
export function resolveCommand(
  ctx: PointsContext,
  outcome: 'post' | 'void',
  idInput: unknown,
  optionsInput: unknown,
): PointsTransfer {
  const id = parseId(idInput);
  const options =
    optionsInput === undefined ? {} : (parseInput(resolveOptionsSchema, optionsInput) ?? {});
  if (outcome === 'post' && options.reason !== undefined) {
    throw new LanewiseError('INVALID_INPUT', 'reason: only a void takes a reason', {
      path: ['reason'],
    });
  }
  const row = pendingOrThrow(ctx, id, ['id']);
  const [time, at] = ctx.clock();
  if (outcome === 'post') {
    assertNotTimedOut(ctx.state, row, time, ['id']);
    ctx.append('points.posted', options.by === undefined ? { id } : { id, by: options.by }, at);
  } else {
    const data: { id: string; by?: string; reason?: string } = { id };
    if (options.by !== undefined) data.by = options.by;
    if (options.reason !== undefined) data.reason = options.reason;
    ctx.append('points.voided', data, at);
  }
  return transferView(ctx.state, row);
}

/** `expirePending`: every pending transfer whose timeout is at or before `now`. */
export function expirePendingCommand(ctx: PointsContext, nowInput: unknown): PointsTransfer[] {
  const parsed =
    nowInput === undefined ? ctx.now() : parseInput(instantOrDateSchema, nowInput, ['now']);
  const now = typeof parsed === 'string' ? Date.parse(parsed) : parsed.getTime();
  const { state } = ctx;
  const due: number[] = [];
  for (const row of state.pendingRows) {
    const deadline = deadlineOf(state, row);
    if (deadline !== undefined && deadline <= now) due.push(row);
  }
  const [, at] = ctx.clock();
  return due.map((row) => {
    ctx.append('points.timedOut', { id: state.transfers.id(row) }, at);
    return transferView(state, row);
  });
}
