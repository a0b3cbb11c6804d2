// The steps of the model-based test: each does one command, valid or invalid, to the ledger
// and to the plain reference model in model.ts, then checks that the two agree and that the
// invariants hold (helpers.ts).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { manualClock } from '../../src/clock.js';
import type { PointsLedger, PointsTransferInput } from '../../src/points/index.js';
import { assertInvariants } from './helpers.js';
import { expectUnchanged } from '../support/expect.js';
import { PointsModel, type ModelItem, type Outcome } from './model.js';
import {
  chosen,
  idOrPick,
  itemId,
  redemptionId,
  transferId,
  transferInput,
  volunteerId,
} from './model-inputs.js';

export const START = '2025-01-28T09:00:00+08:00';
export const POLICY = { expireAfterMonths: 1, redemptionHoldMinutes: 600 };
export type Real = { ledger: PointsLedger; clock: ReturnType<typeof manualClock> };

/** One step: does the same thing to the model and the ledger, then compares them. */
class Step implements fc.Command<PointsModel, Real> {
  constructor(
    readonly label: string,
    readonly act: (model: PointsModel, real: Real) => void,
  ) {}
  check(): boolean {
    return true;
  }
  run(model: PointsModel, real: Real): void {
    this.act(model, real);
    compare(model, real);
  }
  toString(): string {
    return this.label;
  }
}

/** Runs `call` on the ledger, expecting `outcome`; a rejection must change nothing. */
function attempt<T>(real: Real, outcome: Outcome, call: () => T): T | undefined {
  if (outcome === 'ok') return call();
  expectUnchanged(real.ledger, call, outcome);
  return undefined;
}

function compare(model: PointsModel, { ledger, clock }: Real): void {
  const snapshot = ledger.snapshot();
  assert.deepEqual(
    snapshot.accounts.map((account) => account.account),
    model.accounts,
  );
  for (const account of model.accounts) {
    assert.deepEqual(ledger.balance(account), model.balance(account), `balance of ${account}`);
    assert.deepEqual(
      ledger.lots(account),
      account.startsWith('volunteer:')
        ? model.lots(account).map((lot) => ({ month: model.label(lot.month), amount: lot.amount }))
        : [],
      `lots of ${account}`,
    );
  }
  for (const transfer of model.transfers)
    assert.equal(ledger.getTransfer(transfer.id)?.status, transfer.status);
  for (const item of model.items)
    assert.equal(ledger.getItem(item.id)?.stock, model.stock(item.id));
  for (const redemption of model.redemptions)
    assert.equal(ledger.getRedemption(redemption.id)?.status, redemption.status);
  assert.equal(snapshot.transferCount, model.transfers.length);
  assertInvariants(ledger, { now: clock.now, policy: POLICY });
}

function transferStep(input: PointsTransferInput): Step {
  return new Step(`transfer(${JSON.stringify(input)})`, (model, real) => {
    const existing = model.transfer(input.id);
    const pending = input.pending !== undefined;
    const reversal = input.reversal === true;
    let outcome: Outcome = 'ok';
    if (input.from === input.to || (reversal && pending)) outcome = 'INVALID_INPUT';
    else if (existing) {
      const same =
        existing.from === input.from &&
        existing.to === input.to &&
        existing.amount === input.amount &&
        existing.code === input.code &&
        existing.ref === input.ref &&
        existing.pending === pending &&
        existing.timeoutMinutes === input.pending?.timeoutMinutes &&
        existing.reversal === reversal;
      if (!same) outcome = 'ID_CONFLICT';
    } else if (
      input.from !== 'issuer' &&
      !reversal &&
      model.balance(input.from).available < input.amount
    ) {
      outcome = 'INSUFFICIENT_POINTS';
    }
    const result = attempt(real, outcome, () => real.ledger.transfer(input));
    if (outcome !== 'ok') return;
    if (!existing) {
      model.inputs.push(input);
      const timeoutMinutes = input.pending?.timeoutMinutes;
      model.add({
        id: input.id,
        from: input.from,
        to: input.to,
        amount: input.amount,
        code: input.code,
        ...(input.ref === undefined ? {} : { ref: input.ref }),
        pending,
        ...(timeoutMinutes === undefined ? {} : { timeoutMinutes }),
        reversal,
      });
    }
    assert.equal(result?.status, model.transfer(input.id)?.status);
  });
}

function resolveStep(kind: 'post' | 'void', choice: { id: string } | { pick: number }): Step {
  return new Step(`${kind}(${JSON.stringify(choice)})`, (model, real) => {
    const id = chosen(
      choice,
      model.transfers.filter((t) => t.status === 'pending').map((t) => t.id),
    );
    const transfer = model.transfer(id);
    let outcome: Outcome = 'ok';
    if (!transfer) outcome = 'NOT_FOUND';
    else if (!transfer.pending) outcome = 'INVALID_TRANSITION';
    else if (transfer.status !== 'pending') outcome = 'ALREADY_RESOLVED';
    else if (kind === 'post' && model.timedOut(transfer, model.now)) outcome = 'TOO_LATE';
    attempt(real, outcome, () => (kind === 'post' ? real.ledger.post(id) : real.ledger.void(id)));
    if (outcome === 'ok' && transfer)
      model.resolve(transfer, kind === 'post' ? 'posted' : 'voided');
  });
}

/** Sends an earlier successful transfer again: the ledger must return it and record nothing. */
const repeatStep = (pick: number) =>
  new Step(`repeat(${pick})`, (model, real) => {
    const input = model.inputs[pick % Math.max(1, model.inputs.length)];
    if (input === undefined) return;
    const events = real.ledger.events().length;
    const again = real.ledger.transfer(input as PointsTransferInput);
    assert.equal(real.ledger.events().length, events);
    assert.equal(again.status, model.transfer(again.id)?.status);
  });

const advanceStep = (minutes: number) =>
  new Step(`advance(${minutes} min)`, (model, real) => {
    model.now += minutes * 60_000;
    real.clock.advance({ minutes });
  });

const expirePendingStep = new Step('expirePending()', (model, real) => {
  const due = model.transfers.filter(
    (transfer) => transfer.status === 'pending' && model.timedOut(transfer, model.now),
  );
  const expired = real.ledger.expirePending(real.clock.now());
  assert.deepEqual(
    expired.map((transfer) => transfer.id),
    due.map((transfer) => transfer.id),
  );
  for (const transfer of due) model.resolve(transfer, 'expired');
});

const expireStep = new Step('expire(now)', (model, real) => {
  const last = PointsModel.month(model.now) - POLICY.expireAfterMonths - 1;
  const label = model.label(PointsModel.month(model.now));
  const planned: { id: string; from: string; amount: number }[] = [];
  for (const name of model.accounts.filter((a) => a.startsWith('volunteer:'))) {
    const old = model
      .lots(name)
      .filter((lot) => lot.month <= last)
      .reduce((sum, lot) => sum + lot.amount, 0);
    const held = model.balance(name).posted - model.balance(name).available;
    if (old - held <= 0) continue;
    let id = `expire:${name.slice(10)}:${label}`;
    for (let again = 2; model.transfer(id); again++)
      id = `expire:${name.slice(10)}:${label}:${again}`;
    planned.push({ id, from: name, amount: old - held });
  }
  const done = real.ledger.expire(real.clock.now());
  assert.deepEqual(
    done.map((t) => ({ id: t.id, from: t.from, amount: t.amount })),
    planned,
  );
  for (const { id, from, amount } of planned) {
    model.add({
      id,
      from,
      to: 'expired',
      amount,
      code: 'expire',
      ref: label,
      pending: false,
      reversal: false,
    });
  }
});

const addItemStep = (input: ModelItem) =>
  new Step(`addItem(${JSON.stringify(input)})`, (model, real) => {
    const existing = model.item(input.id);
    const same = existing && JSON.stringify(existing) === JSON.stringify(input);
    const outcome: Outcome = existing && !same ? 'ID_CONFLICT' : 'ok';
    attempt(real, outcome, () => real.ledger.addItem(input));
    if (outcome === 'ok' && !existing) model.items.push(input);
  });

const restockStep = (id: string, quantity: number) =>
  new Step(`restock(${id}, ${quantity})`, (model, real) => {
    const outcome: Outcome = model.item(id) ? 'ok' : 'NOT_FOUND';
    attempt(real, outcome, () => real.ledger.restock(id, quantity));
    if (outcome === 'ok') model.restocks.push({ itemId: id, quantity });
  });

const redeemStep = (input: { id: string; volunteerId: string; itemId: string; quantity: number }) =>
  new Step(`redeem(${JSON.stringify(input)})`, (model, real) => {
    const existing = model.redemptions.find((r) => r.id === input.id);
    const item = model.item(input.itemId);
    let outcome: Outcome = 'ok';
    if (existing) {
      const same =
        existing.volunteerId === input.volunteerId &&
        existing.itemId === input.itemId &&
        existing.quantity === input.quantity;
      outcome = same ? 'ok' : 'ID_CONFLICT';
    } else if (!item) outcome = 'NOT_FOUND';
    else if (model.stock(item.id) < input.quantity) outcome = 'OUT_OF_STOCK';
    else if (
      item.limit &&
      model.redemptions
        .filter((r) => r.volunteerId === input.volunteerId && r.itemId === item.id)
        .filter((r) => r.status === 'reserved' || r.status === 'fulfilled')
        .filter(
          (r) =>
            model.period(r.at, item.limit?.per ?? 'year') ===
            model.period(model.now, item.limit?.per ?? 'year'),
        )
        .reduce((sum, r) => sum + r.quantity, input.quantity) > item.limit.count
    ) {
      outcome = 'LIMIT_REACHED';
    } else if (
      model.balance(`volunteer:${input.volunteerId}`).available <
      item.cost * input.quantity
    )
      outcome = 'INSUFFICIENT_POINTS';
    else if (model.transfer(`redeem:${input.id}`)) outcome = 'ID_CONFLICT';
    const result = attempt(real, outcome, () => real.ledger.redeem(input));
    if (outcome !== 'ok' || existing || !item) return;
    assert.equal(result?.status, 'reserved');
    model.add({
      id: `redeem:${input.id}`,
      from: `volunteer:${input.volunteerId}`,
      to: `station:${item.stationId}`,
      amount: item.cost * input.quantity,
      code: 'redeem',
      ref: input.id,
      pending: true,
      timeoutMinutes: POLICY.redemptionHoldMinutes,
      reversal: false,
    });
    model.redemptions.push({ ...input, at: model.now, status: 'reserved' });
  });

const settleStep = (kind: 'fulfil' | 'cancel', choice: { id: string } | { pick: number }) =>
  new Step(`${kind}(${JSON.stringify(choice)})`, (model, real) => {
    const id = chosen(
      choice,
      model.redemptions.filter((r) => r.status === 'reserved').map((r) => r.id),
    );
    const redemption = model.redemptions.find((r) => r.id === id);
    const transfer = model.transfer(`redeem:${id}`);
    let outcome: Outcome = 'ok';
    if (!redemption || !transfer) outcome = 'NOT_FOUND';
    else if (transfer.status !== 'pending') outcome = 'ALREADY_RESOLVED';
    else if (kind === 'fulfil' && model.timedOut(transfer, model.now)) outcome = 'TOO_LATE';
    attempt(real, outcome, () =>
      kind === 'fulfil'
        ? real.ledger.fulfil(id, { by: 'clerk' })
        : real.ledger.cancel(id, { reason: 'test' }),
    );
    if (outcome === 'ok' && transfer)
      model.resolve(transfer, kind === 'fulfil' ? 'posted' : 'voided');
  });

const malformedStep = (input: unknown) =>
  new Step(`transfer(malformed ${JSON.stringify(input)})`, (_model, real) => {
    expectUnchanged(
      real.ledger,
      () => real.ledger.transfer(input as PointsTransferInput),
      'INVALID_INPUT',
    );
  });

export const commands = [
  // Transfers three times over: they are what most steps of a real ledger are.
  transferInput.map(transferStep),
  transferInput.map(transferStep),
  transferInput.map(transferStep),
  fc
    .tuple(fc.constantFrom('post' as const, 'void' as const), idOrPick(transferId))
    .map(([kind, id]) => resolveStep(kind, id)),
  fc.nat().map(repeatStep),
  fc
    .oneof(
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 240 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 * 24 * 60 }) },
    )
    .map(advanceStep),
  fc.constant(expirePendingStep),
  fc.constant(expireStep),
  fc
    .record({
      id: itemId,
      name: fc.constantFrom('Soap', 'Rice'),
      cost: fc.integer({ min: 1, max: 12 }),
      stock: fc.integer({ min: 0, max: 5 }),
      stationId: fc.constantFrom('s', 't'),
      limit: fc.option(
        fc.record({
          count: fc.integer({ min: 1, max: 3 }),
          per: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
        }),
        {
          nil: undefined,
        },
      ),
    })
    .map(({ limit, ...rest }) => addItemStep(limit === undefined ? rest : { ...rest, limit })),
  fc
    .tuple(itemId, fc.integer({ min: 1, max: 4 }))
    .map(([id, quantity]) => restockStep(id, quantity)),
  fc
    .record({ id: redemptionId, volunteerId, itemId, quantity: fc.integer({ min: 1, max: 3 }) })
    .map(redeemStep),
  fc
    .tuple(fc.constantFrom('fulfil' as const, 'cancel' as const), idOrPick(redemptionId))
    .map(([kind, id]) => settleStep(kind, id)),
  fc
    .oneof(
      transferInput.map((input) => ({ ...input, amount: -input.amount })),
      transferInput.map((input) => ({ ...input, from: 'bank' })),
      transferInput.map((input) => ({ ...input, extra: 1 })),
      fc.anything().filter((value) => typeof value !== 'object' || value === null),
    )
    .map(malformedStep),
];
