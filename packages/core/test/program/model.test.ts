// Model-based test of the volunteer program: random sequences of every hour and redemption
// command, valid and not, run on the reference models and on a program, with the
// invariants of the issue checked after every step.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { LanewiseError } from '../../src/errors/index.js';
import { createVolunteerProgram, type VolunteerProgram } from '../../src/program/index.js';
import {
  checkHoursInvariants,
  effectiveCommand,
  failureReport,
  hoursCommandArb,
  policyArb,
  START_NOW_MS,
  stepHours,
  toPolicy,
  VOLUNTEERS,
  type HoursCommand,
} from '../hours/commands.js';
import { HoursModel, type ModelPolicy } from '../hours/model.js';
import { PointsModel, type ModelEarning, type ModelItem, type PointsOutcome } from './model.js';

type RedemptionCommand =
  | {
      readonly kind: 'redeem';
      readonly id: string;
      readonly volunteerId: string;
      readonly itemId: string;
      readonly quantity: number;
    }
  | { readonly kind: 'fulfil' | 'cancel'; readonly id: string }
  | { readonly kind: 'restock'; readonly itemId: string; readonly quantity: number };

const REDEMPTION_IDS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
const ITEM_IDS = ['soap', 'rice', 'none'];

const redemptionArb: fc.Arbitrary<RedemptionCommand> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      id: fc.constantFrom(...REDEMPTION_IDS),
      volunteerId: fc.constantFrom(...VOLUNTEERS),
      itemId: fc.constantFrom(...ITEM_IDS),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('fulfil' as const, 'cancel' as const),
      id: fc.constantFrom(...REDEMPTION_IDS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('restock' as const),
      itemId: fc.constantFrom(...ITEM_IDS),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
  },
);

const earningArb: fc.Arbitrary<ModelEarning> = fc.record({
  pointsPerHour: fc.constantFrom({ num: 10, den: 1 }, { num: 1, den: 1 }, { num: 1, den: 2 }),
  elderly: fc.constantFrom(null, { num: 3, den: 2 }, { num: 2, den: 1 }),
});

const ITEMS: readonly Omit<ModelItem, 'stock'>[] = [
  { id: 'soap', cost: 5, stationId: 'huana', limit: null },
  { id: 'rice', cost: 12, stationId: 'market', limit: 2 },
];

interface World {
  hours: HoursModel;
  points: PointsModel;
  creditedOnce: Map<string, number>;
  resolved: Map<string, string>;
  earlier: HoursCommand[];
}

interface Real {
  program: VolunteerProgram;
  clock: ReturnType<typeof manualClock>;
  policy: ModelPolicy;
  earning: ModelEarning;
}

function checkProgramInvariants(world: World, real: Real): void {
  const { program } = real;
  checkHoursInvariants(world.hours, program.hours, world.creditedOnce, real.policy);
  const snapshot = program.snapshot();
  // Double entry: posted balances over all accounts sum to zero.
  assert.equal(
    snapshot.points.accounts.reduce((sum, account) => sum + account.posted, 0),
    0,
  );
  for (const volunteerId of VOLUNTEERS) {
    const balance = program.points.balance(`volunteer:${volunteerId}`);
    const posted = world.points.posted.get(`volunteer:${volunteerId}`) ?? 0;
    assert.deepEqual(balance, {
      posted,
      pending: 0 - world.points.pendingOf(volunteerId),
      available: world.points.availableOf(volunteerId),
    });
    // Below zero only through a system reversal, and then flagged as owing.
    if (balance.available < 0)
      assert.ok(
        world.points.reversed.has(volunteerId),
        `${volunteerId} negative without a reversal`,
      );
    assert.equal(program.standing(volunteerId).owing, Math.max(0, -posted));
  }
  for (const item of world.points.items)
    assert.equal(program.points.getItem(item.id)?.stock, item.stock);
  // A pending transfer is resolved at most once: a resolved redemption never moves again.
  for (const redemption of world.points.redemptions) {
    const status = program.points.getRedemption(redemption.id)?.status;
    assert.equal(
      status,
      redemption.status === 'reserved'
        ? 'reserved'
        : redemption.status === 'fulfilled'
          ? 'fulfilled'
          : 'cancelled',
    );
    const first = world.resolved.get(redemption.id);
    if (first !== undefined) assert.equal(status, first);
    else if (status !== 'reserved') world.resolved.set(redemption.id, status!);
  }
  // Replaying the events gives an equal program.
  const replayed = createVolunteerProgram({
    now: () => new Date(0),
    policy: programPolicy(real.policy, real.earning),
    events: program.events(),
  });
  assert.deepEqual(replayed.snapshot(), snapshot);
}

function programPolicy(policy: ModelPolicy, earning: ModelEarning) {
  const { pointsPerHour, elderly } = earning;
  return {
    ...toPolicy(policy),
    pointsPerHour: pointsPerHour.num / pointsPerHour.den,
    ...(elderly === null ? {} : { multipliers: { elderly: elderly.num / elderly.den } }),
  };
}

class HoursStep implements fc.Command<World, Real> {
  constructor(readonly command: HoursCommand) {}
  check = () => true;
  run(world: World, real: Real): void {
    const command = effectiveCommand(this.command, world.earlier);
    const target = command && 'id' in command ? world.hours.find(command.id) : undefined;
    const statusBefore = target?.status;
    const outcome = stepHours(
      world.hours,
      real.program.hours,
      this.command,
      (minutes) => real.clock.advance({ minutes }),
      world.earlier,
    );
    if (command && outcome && 'entry' in outcome && target) {
      if (command.kind === 'approve')
        world.points.approved(target.id, target.volunteerId, target.credited!, target.tags);
      if (
        (command.kind === 'revoke' || command.kind === 'correct') &&
        statusBefore === 'approved'
      ) {
        world.points.unapproved(target.id, target.volunteerId);
      }
    }
    checkProgramInvariants(world, real);
  }
  toString = () => JSON.stringify(this.command);
}

class RedemptionStep implements fc.Command<World, Real> {
  constructor(readonly command: RedemptionCommand) {}
  check = () => true;
  run(world: World, real: Real): void {
    const { command } = this;
    const { points } = real.program;
    const before = real.program.snapshot();
    const hoursBefore = real.program.hours.snapshot();
    let expected: PointsOutcome;
    let actual: unknown;
    const attempt = (run: () => unknown) => {
      try {
        return run();
      } catch (error) {
        if (error instanceof LanewiseError) return error;
        throw error;
      }
    };
    switch (command.kind) {
      case 'redeem':
        expected = world.points.redeem(
          command.id,
          command.volunteerId,
          command.itemId,
          command.quantity,
        );
        actual = attempt(() =>
          points.redeem({
            id: command.id,
            volunteerId: command.volunteerId,
            itemId: command.itemId,
            quantity: command.quantity,
          }),
        );
        break;
      case 'fulfil':
        expected = world.points.resolve('fulfil', command.id);
        actual = attempt(() => points.fulfil(command.id, { by: 'clerk' }));
        break;
      case 'cancel':
        expected = world.points.resolve('cancel', command.id);
        actual = attempt(() => points.cancel(command.id, { reason: 'not collected' }));
        break;
      case 'restock':
        expected = world.points.restock(command.itemId, command.quantity);
        actual = attempt(() => points.restock(command.itemId, command.quantity));
        break;
    }
    if ('error' in expected) {
      assert.ok(
        actual instanceof LanewiseError,
        `${command.kind} should fail with ${expected.error}`,
      );
      assert.equal(actual.code, expected.error, actual.message);
      assert.equal(real.program.snapshot(), before, 'a refused call changes nothing');
    } else {
      assert.ok(
        !(actual instanceof LanewiseError),
        `${command.kind} should succeed: ${String(actual)}`,
      );
    }
    if (command.kind === 'redeem' && !('error' in expected)) {
      assert.match((actual as { pickupCode: string }).pickupCode, /\S/);
    }
    // Redeeming never touches hours.
    assert.equal(real.program.hours.snapshot(), hoursBefore);
    checkProgramInvariants(world, real);
  }
  toString = () => JSON.stringify(this.command);
}

/** Every run is exactly this many commands long (the issue asks for 200 runs of 100). */
const COMMANDS = 100;

/** An hour or a redemption command, the two kinds equally likely (as `fc.commands` picks). */
const stepArb: fc.Arbitrary<HoursStep | RedemptionStep> = fc.oneof(
  hoursCommandArb.map((command) => new HoursStep(command)),
  redemptionArb.map((command) => new RedemptionStep(command)),
);

describe('program: model-based', () => {
  it('agrees with the reference models and keeps every invariant over 200 runs of 100 commands', () => {
    let steps = 0;
    const result = fc.check(
      fc.property(
        policyArb,
        earningArb,
        fc.array(stepArb, { minLength: COMMANDS, maxLength: COMMANDS }),
        (policy, earning, commands) => {
          const setup = () => {
            const clock = manualClock(START_NOW_MS);
            const program = createVolunteerProgram({
              now: clock.now,
              policy: programPolicy(policy, earning),
            });
            const items: ModelItem[] = ITEMS.map((item) => ({ ...item, stock: 3 }));
            for (const item of items) {
              program.points.addItem({
                id: item.id,
                name: item.id,
                cost: item.cost,
                stock: item.stock,
                stationId: item.stationId,
                ...(item.limit === null
                  ? {}
                  : { limit: { count: item.limit, per: 'year' as const } }),
              });
            }
            const world: World = {
              hours: new HoursModel(policy, START_NOW_MS),
              points: new PointsModel(earning, items),
              creditedOnce: new Map(),
              resolved: new Map(),
              earlier: [],
            };
            return { model: world, real: { program, clock, policy, earning } };
          };
          assert.equal(commands.length, COMMANDS);
          steps += commands.length;
          fc.modelRun(setup, commands);
        },
      ),
      { numRuns: 200 },
    );
    assert.ok(!result.failed, failureReport(result));
    assert.equal(steps, 200 * COMMANDS, 'every run ran all its commands');
  });
});
