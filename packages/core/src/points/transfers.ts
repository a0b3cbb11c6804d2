import { LanewiseError } from '../errors.js';
import { parseInput } from '../schemas/parse.js';
import { idSchema } from '../schemas/common.js';
import { assertRoom, availableOf, notFound, type PointsContext } from './context.js';
import {
  instantOrDateSchema,
  isAccountString,
  isIdString,
  isPlainTransferInput,
  pointsTransferInputSchema,
  resolveOptionsSchema,
} from './schemas.js';
import type { AccountState, TransferEvent } from './state.js';
import type { PointsAccount, PointsTransfer, PointsTransferData } from './types.js';
import { transferView } from './views.js';

const MINUTE = 60_000;

/** Same content as a stored transfer: the idempotency test. */
function sameTransfer(stored: PointsTransferData, input: PointsTransferData): boolean {
  return (
    stored.from === input.from &&
    stored.to === input.to &&
    stored.amount === input.amount &&
    stored.code === input.code &&
    stored.ref === input.ref &&
    (stored.reversal === true) === (input.reversal === true) &&
    (stored.pending === undefined) === (input.pending === undefined) &&
    stored.pending?.timeoutMinutes === input.pending?.timeoutMinutes
  );
}

/** The stored, frozen form of a checked input: no `undefined` fields, `reversal` only when set. */
function storedTransfer(input: {
  id: string;
  from: string;
  to: string;
  amount: number;
  code: string;
  ref?: string | undefined;
  pending?: { timeoutMinutes?: number | undefined } | undefined;
  reversal?: boolean | undefined;
}): PointsTransferData {
  const data: { -readonly [K in keyof PointsTransferData]: PointsTransferData[K] } = {
    id: input.id,
    from: input.from as PointsAccount,
    to: input.to as PointsAccount,
    amount: input.amount,
    code: input.code,
  };
  if (input.ref !== undefined) data.ref = input.ref;
  if (input.pending !== undefined) {
    const timeoutMinutes = input.pending.timeoutMinutes;
    data.pending = Object.freeze(timeoutMinutes === undefined ? {} : { timeoutMinutes });
  }
  if (input.reversal === true) data.reversal = true;
  return Object.freeze(data);
}

/**
 * Checks a transfer against idempotency and the balances; returns the stored transfer when
 * the same call was made before. `debit`, `credit` and `existing` (the transfer with this id)
 * are as looked up now.
 */
function checkTransfer(
  ctx: PointsContext,
  data: PointsTransferData,
  debit: AccountState | undefined,
  credit: AccountState | undefined,
  existing: TransferEvent | undefined,
): PointsTransfer | undefined {
  const { state } = ctx;
  if (data.from === data.to) {
    throw new LanewiseError('INVALID_INPUT', 'to: must differ from from', { path: ['to'] });
  }
  if (data.reversal === true && data.pending !== undefined) {
    throw new LanewiseError('INVALID_INPUT', 'reversal: a reversal cannot be pending', {
      path: ['reversal'],
    });
  }
  if (existing !== undefined) {
    if (sameTransfer(existing.data, data)) return transferView(state, existing);
    throw new LanewiseError('ID_CONFLICT', `transfer ${data.id} exists with other content`, {
      path: ['id'],
      details: { id: data.id },
    });
  }
  if (data.from !== 'issuer' && data.reversal !== true) {
    const available = availableOf(debit);
    if (available < data.amount) {
      throw new LanewiseError(
        'INSUFFICIENT_POINTS',
        `${data.from} has ${available} points available, ${data.amount} asked`,
        {
          path: ['amount'],
          details: { account: data.from, available, amount: data.amount },
        },
      );
    }
  }
  assertRoom(debit, 'debit', data.amount, ['amount']);
  assertRoom(credit, 'credit', data.amount, ['amount']);
  return undefined;
}

/** `transfer`: validate (a fast path for plain inputs), check, append. */
export function transferCommand(ctx: PointsContext, input: unknown): PointsTransfer {
  const accounts = ctx.state.accounts;
  let data: PointsTransferData | undefined;
  let debit: AccountState | undefined;
  let credit: AccountState | undefined;
  let existing: TransferEvent | undefined;
  if (isPlainTransferInput(input)) {
    // The id first: its lookup is a cache miss in a large table, and the CPU can wait for it
    // while it goes on with the account lookups below.
    existing = ctx.state.transfers.get(input.id);
    // Accounts already open were checked when they opened: skip the pattern for them.
    debit = accounts.get(input.from);
    credit = accounts.get(input.to);
    if (
      (debit !== undefined || isAccountString(input.from)) &&
      (credit !== undefined || isAccountString(input.to))
    ) {
      data = storedTransfer(input);
    }
  }
  if (data === undefined) {
    data = storedTransfer(parseInput(pointsTransferInputSchema, input));
    debit = accounts.get(data.from);
    credit = accounts.get(data.to);
    existing = ctx.state.transfers.get(data.id);
  }
  const stored = checkTransfer(ctx, data, debit, credit, existing);
  if (stored !== undefined) return stored;
  return transferView(ctx.state, ctx.appendTransfer(data, debit, credit));
}

/** Parses an id argument, quickly when it is plainly valid. */
export function parseId(id: unknown, name = 'id'): string {
  return isIdString(id) ? id : parseInput(idSchema, id, [name]);
}

/** The pending transfer `id`, or the error that says why it cannot be resolved. */
export function pendingOrThrow(
  ctx: PointsContext,
  id: string,
  path: readonly (string | number)[],
): TransferEvent {
  const transfer = ctx.state.transfers.get(id) ?? notFound('transfer', id, path);
  if (transfer.data.pending === undefined) {
    throw new LanewiseError('INVALID_TRANSITION', `transfer ${id} is not two-phase`, {
      path,
      details: { id },
    });
  }
  const resolution = ctx.state.resolved.get(id);
  if (resolution !== undefined) {
    throw new LanewiseError('ALREADY_RESOLVED', `transfer ${id} is already ${resolution.status}`, {
      path,
      details: { id, status: resolution.status },
    });
  }
  return transfer;
}

/** Throws `TOO_LATE` when a pending transfer's timeout has passed at `now`. */
export function assertNotTimedOut(
  transfer: TransferEvent,
  now: number,
  path: readonly (string | number)[],
): void {
  const timeout = transfer.data.pending?.timeoutMinutes;
  if (timeout === undefined) return;
  const deadline = Date.parse(transfer.at) + timeout * MINUTE;
  if (now >= deadline) {
    throw new LanewiseError(
      'TOO_LATE',
      `transfer ${transfer.data.id} timed out at ${new Date(deadline).toISOString()}`,
      {
        path,
        details: { id: transfer.data.id, timeoutAt: new Date(deadline).toISOString() },
      },
    );
  }
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
  const transfer = pendingOrThrow(ctx, id, ['id']);
  const [time, at] = ctx.clock();
  if (outcome === 'post') {
    assertNotTimedOut(transfer, time, ['id']);
    ctx.append('points.posted', options.by === undefined ? { id } : { id, by: options.by }, at);
  } else {
    const data: { id: string; by?: string; reason?: string } = { id };
    if (options.by !== undefined) data.by = options.by;
    if (options.reason !== undefined) data.reason = options.reason;
    ctx.append('points.voided', data, at);
  }
  return transferView(ctx.state, transfer);
}

/** `expirePending`: every pending transfer whose timeout is at or before `now`. */
export function expirePendingCommand(ctx: PointsContext, nowInput: unknown): PointsTransfer[] {
  const parsed =
    nowInput === undefined ? ctx.now() : parseInput(instantOrDateSchema, nowInput, ['now']);
  const now = typeof parsed === 'string' ? Date.parse(parsed) : parsed.getTime();
  const due: TransferEvent[] = [];
  for (const id of ctx.state.pendingIds) {
    const transfer = ctx.state.transfers.get(id);
    const timeout = transfer?.data.pending?.timeoutMinutes;
    if (transfer === undefined || timeout === undefined) continue;
    if (Date.parse(transfer.at) + timeout * MINUTE <= now) due.push(transfer);
  }
  const [, at] = ctx.clock();
  return due.map((transfer) => {
    ctx.append('points.timedOut', { id: transfer.data.id }, at);
    return transferView(ctx.state, transfer);
  });
}
