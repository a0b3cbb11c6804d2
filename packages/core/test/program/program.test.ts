import { expectLanewiseError } from '../support/expect.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { LanewiseError } from '../../src/errors/index.js';
import {
  createVolunteerProgram,
  type ProgramEvent,
  type VolunteerProgramPolicy,
} from '../../src/program/index.js';

const NOW = '2025-03-10T12:00:00+08:00';

function programWith(policy?: VolunteerProgramPolicy) {
  const clock = manualClock(NOW);
  return { program: createVolunteerProgram({ now: clock.now, policy }), clock };
}

/** Records and approves `minutes` of service for `volunteerId` on 2025-03-01 from `at`. */
function serve(
  program: ReturnType<typeof programWith>['program'],
  id: string,
  minutes: number,
  options: { volunteerId?: string; at?: string; tags?: string[] } = {},
) {
  const start = Date.parse(`2025-03-01T${options.at ?? '08:00'}:00+08:00`);
  program.hours.record({
    id,
    volunteerId: options.volunteerId ?? 'v-li',
    activityId: 'repair-lane',
    start: new Date(start).toISOString(),
    end: new Date(start + minutes * 60_000).toISOString(),
    recordedBy: 'org-wang',
    ...(options.tags ? { tags: options.tags } : {}),
  });
  return program.hours.approve(id, { by: 'org-zhao' });
}

const balance = (program: ReturnType<typeof programWith>['program'], volunteerId = 'v-li') =>
  program.points.balance(`volunteer:${volunteerId}`);

function refused(run: () => unknown, code: string) {
  assert.throws(run, (error: unknown) => error instanceof LanewiseError && error.code === code);
}

describe('program: worked examples from DOMAIN.md', () => {
  it('Kunshan: 1 h = 10 points', () => {
    const { program } = programWith({ pointsPerHour: 10 });
    serve(program, 'e1', 150);
    assert.deepEqual(balance(program), { posted: 25, pending: 0, available: 25 });
    assert.deepEqual(program.points.getTransfer('earn:e1'), {
      ...program.points.getTransfer('earn:e1'),
      from: 'issuer',
      to: 'volunteer:v-li',
      amount: 25,
      code: 'earn',
      ref: 'e1',
      status: 'posted',
    });
  });

  it('Hailin: 1 h = 1 point, 2 h counted per activity at most', () => {
    const { program } = programWith({ pointsPerHour: 1, maxMinutesPerActivity: 120 });
    assert.equal(serve(program, 'long', 210).creditedMinutes, 120);
    assert.equal(balance(program).posted, 2);
    serve(program, 'short', 100, { at: '12:00' });
    assert.equal(balance(program).posted, 3); // 100 min = 1.67 points, rounded down
  });

  it('half-hour units and an 8 h daily cap (a university), at 10 points an hour', () => {
    const { program } = programWith({ unitMinutes: 30, maxMinutesPerDay: 480, pointsPerHour: 10 });
    assert.equal(serve(program, 'a', 290, { at: '06:00' }).creditedMinutes, 270);
    assert.equal(serve(program, 'b', 260, { at: '11:00' }).creditedMinutes, 210);
    assert.equal(serve(program, 'c', 60, { at: '16:00' }).creditedMinutes, 0);
    assert.equal(program.points.getTransfer('earn:c'), undefined, 'no transfer of zero points');
    assert.equal(balance(program).posted, 80);
    assert.equal(program.standing('v-li').creditedMinutes, 480);
  });

  it('Huangyan: 2 h = 1 point; multipliers by tag, the largest one wins', () => {
    const { program } = programWith({
      pointsPerHour: 0.5,
      multipliers: { elderly: 2, night: 1.5 },
    });
    serve(program, 'plain', 240);
    assert.equal(balance(program).posted, 2);
    serve(program, 'care', 240, { at: '13:00', tags: ['night', 'elderly'] });
    assert.equal(program.points.getTransfer('earn:care')?.amount, 4);
  });

  it('rounds down in the issuer favour, exactly (no floating-point loss)', () => {
    const { program } = programWith({ pointsPerHour: 10, multipliers: { x: 1.4, y: 0.7, z: 2.3 } });
    assert.equal(program.pointsFor(50), 8); // 8.33
    // Each of these is a whole number that plain floats compute just under (62.99999999999999).
    assert.equal(program.pointsFor(270, ['x']), 63);
    assert.equal(program.pointsFor(540, ['y']), 63);
    assert.equal(program.pointsFor(600, ['z']), 230);
    assert.equal(program.pointsFor(30, ['y']), 3); // 3.5
    assert.equal(program.pointsFor(0), 0);
  });
});

describe('program: reversals', () => {
  it('revoking an approved entry posts reverse:<id> back to the issuer', () => {
    const { program } = programWith();
    serve(program, 'e1', 120);
    program.hours.revoke('e1', { by: 'org-zhao', reason: 'was not there' });
    const reverse = program.points.getTransfer('reverse:e1');
    assert.equal(reverse?.from, 'volunteer:v-li');
    assert.equal(reverse?.to, 'issuer');
    assert.equal(reverse?.amount, 20);
    assert.deepEqual(balance(program), { posted: 0, pending: 0, available: 0 });
  });

  it('a reversal may go below zero: the volunteer is then owing', () => {
    const { program } = programWith();
    serve(program, 'e1', 120);
    program.points.addItem({ id: 'soap', name: 'Soap', cost: 15, stock: 5, stationId: 'huana' });
    program.points.redeem({ id: 'r1', volunteerId: 'v-li', itemId: 'soap', quantity: 1 });
    program.points.fulfil('r1', { by: 'clerk' });
    program.hours.revoke('e1', { by: 'org-zhao', reason: 'duplicate record' });
    assert.deepEqual(balance(program), { posted: -15, pending: 0, available: -15 });
    assert.equal(program.standing('v-li').owing, 15);
    refused(
      () => program.points.redeem({ id: 'r2', volunteerId: 'v-li', itemId: 'soap', quantity: 1 }),
      'INSUFFICIENT_POINTS',
    );
    serve(program, 'e2', 120, { at: '13:00' });
    assert.equal(program.standing('v-li').owing, 0);
    assert.equal(balance(program).posted, 5);
  });

  it('correcting an approved entry reverses it; approving the correction earns again', () => {
    const { program } = programWith();
    serve(program, 'e1', 60);
    program.hours.correct('e1', {
      id: 'e1b',
      end: '2025-03-01T01:30:00Z',
      by: 'org-zhao',
      reason: 'left at 9:30',
    });
    assert.equal(program.points.getTransfer('reverse:e1')?.amount, 10);
    assert.equal(balance(program).posted, 0);
    program.hours.approve('e1b', { by: 'org-zhao' });
    assert.equal(balance(program).posted, 15);
  });

  it('correcting or rejecting a pending entry moves no points', () => {
    const { program } = programWith();
    program.hours.record({
      id: 'e1',
      volunteerId: 'v-li',
      activityId: 'a',
      start: '2025-03-01T08:00:00+08:00',
      end: '2025-03-01T09:00:00+08:00',
      recordedBy: 'org',
    });
    program.hours.correct('e1', {
      id: 'e1b',
      end: '2025-03-01T09:30:00+08:00',
      by: 'org',
      reason: 'x',
    });
    program.hours.reject('e1b', { by: 'org', reason: 'y' });
    assert.equal(program.points.snapshot().transferCount, 0);
  });

  it('refuses transfers with the ids of its own earn and reverse transfers, and writes nothing', () => {
    const { program } = programWith();
    serve(program, 'e1', 60);
    const before = program.snapshot();
    for (const id of ['earn:e2', 'reverse:e1', 'earn:']) {
      expectLanewiseError(
        () =>
          program.points.transfer({
            id,
            from: 'issuer',
            to: 'volunteer:v-zhang',
            amount: 3,
            code: 'gift',
          }),
        'INVALID_INPUT',
        ['id'],
      );
    }
    assert.equal(program.snapshot(), before);
  });
});

describe('program: redemption never touches hours', () => {
  it('keeps credited minutes and star level through redeem, fulfil and cancel', () => {
    const { program } = programWith({ starThresholdsHours: [1, 2] });
    serve(program, 'e1', 120);
    program.points.addItem({
      id: 'rice',
      name: 'Rice',
      cost: 5,
      stock: 2,
      stationId: 'huana',
      limit: { count: 1, per: 'quarter' },
    });
    const hours = program.hours.snapshot();
    const { status, pickupCode } = program.points.redeem({
      id: 'r1',
      volunteerId: 'v-li',
      itemId: 'rice',
      quantity: 1,
    });
    assert.equal(status, 'reserved');
    assert.ok(pickupCode.length > 0);
    program.points.fulfil('r1', { by: 'clerk' });
    refused(
      () => program.points.redeem({ id: 'r2', volunteerId: 'v-li', itemId: 'rice', quantity: 1 }),
      'LIMIT_REACHED',
    );
    assert.equal(program.hours.snapshot(), hours);
    assert.deepEqual(program.standing('v-li'), {
      volunteerId: 'v-li',
      creditedMinutes: 120,
      starLevel: 2,
      points: { posted: 15, pending: 0, available: 15 },
      owing: 0,
    });
  });
});

describe('program: one log', () => {
  it('interleaves both ledgers in order and rebuilds an equal program from it', () => {
    const { program, clock } = programWith({ expireAfterMonths: 12 });
    serve(program, 'e1', 90);
    clock.advance({ days: 1 });
    program.points.addItem({ id: 'soap', name: 'Soap', cost: 5, stock: 5, stationId: 'huana' });
    program.points.redeem({ id: 'r1', volunteerId: 'v-li', itemId: 'soap', quantity: 2 });
    serve(program, 'e2', 30, { at: '12:00', volunteerId: 'v-zhang' });
    program.hours.revoke('e1', { by: 'org-zhao', reason: 'x' });
    const events = program.events();
    assert.deepEqual(
      events.slice(0, 3).map((event) => [event.seq, event.type]),
      [
        [1, 'hours.recorded'],
        [2, 'hours.approved'],
        [3, 'points.transferred'],
      ],
    );
    const rebuilt = createVolunteerProgram({
      now: clock.now,
      policy: { expireAfterMonths: 12 },
      events,
    });
    assert.deepEqual(rebuilt.snapshot(), program.snapshot());
    assert.deepEqual(rebuilt.standing('v-li'), program.standing('v-li'));
    // The rebuilt program carries on where the first one stopped.
    serve(rebuilt, 'e3', 60, { at: '15:00' });
    assert.equal(rebuilt.events().at(-1)?.seq, events.length + 3);
  });

  it('rebuilds the same program from its log after a trip through JSON (as a server stores it)', () => {
    const { program } = programWith({ multipliers: { elderly: 2 } });
    serve(program, 'e1', 90, { tags: ['elderly'] });
    program.hours.record({
      id: 'e2',
      volunteerId: 'v-li',
      activityId: 'a',
      start: '2025-03-01T12:00:00+08:00',
      end: '2025-03-01T13:00:00+08:00',
      recordedBy: 'org',
      note: 'first aid',
    });
    program.hours.correct('e2', {
      id: 'e2b',
      end: '2025-03-01T13:30:00+08:00',
      by: 'org',
      reason: 'late',
    });
    program.hours.revoke('e1', { by: 'org-zhao', reason: 'x' });
    const stored = JSON.parse(JSON.stringify(program.events())) as ProgramEvent[];
    const rebuilt = createVolunteerProgram({
      now: () => new Date(0),
      policy: { multipliers: { elderly: 2 } },
      events: stored,
    });
    assert.deepEqual(rebuilt.snapshot(), program.snapshot());
  });

  it('tells subscribers of every event of either ledger, after the command that wrote it', () => {
    const { program } = programWith();
    const seen: string[] = [];
    const stop = program.subscribe((event) =>
      seen.push(`${event.seq}/${event.type}@${program.snapshot().version}`),
    );
    serve(program, 'e1', 60);
    stop();
    serve(program, 'e2', 60, { at: '10:00' });
    assert.deepEqual(seen, ['1/hours.recorded@1', '2/hours.approved@3', '3/points.transferred@3']);
  });

  it('points an error in a rebuilt log at the program event it came from', () => {
    const { program } = programWith();
    serve(program, 'e1', 60);
    const events = [...program.events()];
    const approved = events[1] as ProgramEvent & { type: 'hours.approved' };
    events[1] = { ...approved, data: { ...approved.data, id: 'ghost' } } as ProgramEvent;
    assert.throws(
      () => createVolunteerProgram({ now: () => new Date(0), events }),
      (error: unknown) =>
        error instanceof LanewiseError && error.code === 'INVALID_LOG' && error.path[1] === 1,
    );
    assert.throws(
      () =>
        createVolunteerProgram({
          now: () => new Date(0),
          events: [{ seq: 1, type: 'cases', at: NOW, data: {} }] as never,
        }),
      (error: unknown) =>
        error instanceof LanewiseError && error.path.join('.') === 'events.0.type',
    );
  });

  it('validates its options', () => {
    const now = () => new Date(0);
    for (const [options, path] of [
      [{ now, policy: { pointsPerHour: 0 } }, 'policy.pointsPerHour'],
      [{ now, policy: { pointsPerHour: 0.12345 } }, 'policy.pointsPerHour'],
      [{ now, policy: { multipliers: { elderly: -1 } } }, 'policy.multipliers.elderly'],
      [{ now, policy: { pointPerHour: 10 } }, 'policy.pointPerHour'],
      [{ now, policy: { unitMinutes: 7.5 } }, 'policy.unitMinutes'],
      [{ now, policy: { expireAfterMonths: 0 } }, 'policy.expireAfterMonths'],
      [{ now, timeZone: 'Nowhere/City' }, 'timeZone'],
      [{ now: 'now' }, 'now'],
    ] as const) {
      assert.throws(
        () => createVolunteerProgram(options as never),
        (error: unknown) =>
          error instanceof LanewiseError &&
          error.code === 'INVALID_INPUT' &&
          error.path.join('.') === path,
        JSON.stringify(options.policy ?? options),
      );
    }
  });
});
