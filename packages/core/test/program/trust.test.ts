// What issue 9 asks of the program: one log that replay checks as strictly as the live calls
// (earn and reverse transfers matching their entries), approve-and-earn as one command that no
// listener can split, derived ids that always fit, and multipliers keyed by own tags only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { LanewiseError } from '../../src/errors/index.js';
import {
  createVolunteerProgram,
  type ProgramEvent,
  type VolunteerProgram,
  type VolunteerProgramOptions,
} from '../../src/program/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { logMutation } from '../support/log-mutations.js';

const NOW = '2025-03-10T12:00:00+08:00';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function programWith(options: Partial<VolunteerProgramOptions> = {}) {
  const clock = manualClock(NOW);
  return createVolunteerProgram({ now: clock.now, ...options });
}

const replay = (events: readonly unknown[], options: Partial<VolunteerProgramOptions> = {}) =>
  createVolunteerProgram({
    now: manualClock(NOW).now,
    events: events as ProgramEvent[],
    ...options,
  });

/** Records `minutes` of service on 2025-03-01 from `hour` o'clock. */
function record(
  program: VolunteerProgram,
  id: string,
  minutes: number,
  options: { volunteerId?: string; hour?: number; tags?: string[] } = {},
) {
  const start = Date.parse('2025-03-01T00:00:00+08:00') + (options.hour ?? 8) * 3_600_000;
  return program.hours.record({
    id,
    volunteerId: options.volunteerId ?? 'v-li',
    activityId: 'repair-lane',
    start: new Date(start).toISOString(),
    end: new Date(start + minutes * 60_000).toISOString(),
    recordedBy: 'org-wang',
    ...(options.tags ? { tags: options.tags } : {}),
  });
}

function serve(program: VolunteerProgram, id: string, minutes: number, hour = 8) {
  record(program, id, minutes, { hour });
  return program.hours.approve(id, { by: 'org-zhao' });
}

/** Plain JSON copies of the events, as a store gives them back. */
const plain = (program: VolunteerProgram) =>
  JSON.parse(JSON.stringify(program.events())) as Record<string, unknown>[];
const renumber = (events: Record<string, unknown>[]) =>
  events.map((event, index) => ({ ...event, seq: index + 1 }));

describe('program: the log', () => {
  it("holds the ledgers' own events, numbered by the program", () => {
    const program = programWith();
    serve(program, 'e1', 60);
    const [recorded, approved, earned] = program.events();
    assert.deepEqual(
      program.events().map((event) => [event.seq, event.type]),
      [
        [1, 'hours.recorded'],
        [2, 'hours.approved'],
        [3, 'points.transferred'],
      ],
    );
    assert.deepEqual(recorded?.data, program.hours.events()[0]?.data);
    assert.deepEqual(approved?.data, program.hours.events()[1]?.data);
    assert.deepEqual(earned?.data, program.points.events()[0]?.data);
    assert.equal(earned?.at, program.points.events()[0]?.at);
  });

  it('chains every event with the hash option, verifies it on replay, and offers checkpoint()', () => {
    const program = programWith({ hash: sha256 });
    serve(program, 'e1', 60);
    serve(program, 'e2', 30, 10);
    const events = program.events();
    assert.ok(events.every((event) => typeof event.hash === 'string' && event.hash.length === 64));
    const mark = program.checkpoint();
    assert.deepEqual(mark, { seq: events.length, hash: events.at(-1)?.hash });
    assert.deepEqual(programWith().checkpoint(), { seq: 0 });
    // Keys in another order (as PostgreSQL jsonb stores them) still verify.
    const reordered = events.map((event) =>
      Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(event)) as object).reverse()),
    );
    const again = replay(reordered, { hash: sha256, checkpoint: mark });
    assert.deepEqual(again.snapshot(), program.snapshot());
    assert.deepEqual(again.checkpoint(), mark);
    // An edited note and a cut tail both show.
    const edited = plain(program);
    edited[0] = { ...edited[0], data: { ...(edited[0]!.data as object), note: 'x' } };
    expectLanewiseError(() => replay(edited, { hash: sha256 }), 'INVALID_LOG', [
      'events',
      0,
      'hash',
    ]);
    expectLanewiseError(
      () => replay(events.slice(0, -1), { hash: sha256, checkpoint: mark }),
      'INVALID_LOG',
    );
  });

  it('refuses a log that is not a list of events, or holds events of no ledger', () => {
    for (const events of [
      null,
      {},
      'log',
      [null],
      [{ seq: 1, type: 'cases.opened', at: NOW, data: {} }],
    ]) {
      expectLanewiseError(() => replay(events as never), 'INVALID_LOG');
    }
    const program = programWith();
    serve(program, 'e1', 60);
    const events = plain(program);
    events[0] = { ...events[0], data: null };
    expectLanewiseError(() => replay(events), 'INVALID_LOG', ['events', 0, 'data']);
  });

  it('is frozen: what events() returns cannot change the program', () => {
    const program = programWith();
    serve(program, 'e1', 60);
    const events = program.events();
    assert.throws(() => (events as ProgramEvent[]).reverse());
    assert.throws(() => {
      (events[0]!.data as { id: string }).id = 'x';
    });
    assert.equal((program.events()[0]?.data as { id: string }).id, 'e1');
    // A replayed log's events are held frozen too, so that the caller's copy cannot reach in.
    const given = plain(program);
    const again = replay(given);
    assert.throws(() => {
      (given[0]!.data as { id: string }).id = 'x';
    });
    assert.equal((again.events()[0]?.data as { id: string }).id, 'e1');
  });
});

describe('program: replay checks every earn and reverse against its entry', () => {
  /** e1 (3 h: 30 points) and e2 (2 h: 20 points) approved, e2 revoked: 30 points. */
  function served() {
    const program = programWith();
    serve(program, 'e1', 180);
    serve(program, 'e2', 120, 12);
    program.hours.revoke('e2', { by: 'org-zhao', reason: 'was not there' });
    assert.equal(program.points.balance('volunteer:v-li').posted, 30);
    return plain(program);
  }
  const indexOf = (events: Record<string, unknown>[], id: string) =>
    events.findIndex((event) => (event.data as { id?: string }).id === id);

  it('rebuilds an equal program from a log it wrote', () => {
    const events = served();
    assert.equal(replay(events).points.balance('volunteer:v-li').posted, 30);
  });

  it('refuses an approval whose earn was dropped (and the log renumbered), at the approval', () => {
    const events = served();
    const earn = indexOf(events, 'earn:e1');
    const damaged = renumber(events.filter((_, index) => index !== earn));
    const error = expectLanewiseError(() => replay(damaged), 'INVALID_LOG', ['events', earn - 1]);
    assert.match(error.message, /earn:e1/);
  });

  it('refuses a revocation whose reverse was dropped, at the revocation', () => {
    const events = served();
    const reverse = indexOf(events, 'reverse:e2');
    expectLanewiseError(
      () => replay(renumber(events.filter((_, index) => index !== reverse))),
      'INVALID_LOG',
      ['events', reverse - 1],
    );
  });

  it('refuses an approval that ends the log without its earn', () => {
    const program = programWith();
    serve(program, 'e1', 60);
    expectLanewiseError(() => replay(plain(program).slice(0, 2)), 'INVALID_LOG', ['events', 1]);
  });

  it('refuses an earn whose amount, volunteer, code, ref or fields differ from its entry', () => {
    const events = served();
    const earn = indexOf(events, 'earn:e1');
    const data = events[earn]!.data as Record<string, unknown>;
    for (const [field, value] of [
      ['amount', 50],
      ['to', 'volunteer:v-zhang'],
      ['from', 'station:huana'],
      ['code', 'gift'],
      ['ref', 'e2'],
      ['reversal', true],
      ['pending', {}],
    ] as const) {
      const damaged = events.slice();
      damaged[earn] = { ...events[earn], data: { ...data, [field]: value } };
      // At the earn; the point ledger may name another of its fields first (an overdraft).
      const error = expectLanewiseError(() => replay(damaged), 'INVALID_LOG');
      assert.deepEqual(error.path.slice(0, 2), ['events', earn], field);
    }
  });

  it('refuses an earn or reverse that is not right after its approval or revocation', () => {
    const events = served();
    const earn = indexOf(events, 'earn:e1');
    // The earn moved after the next entry's record.
    const moved = events.slice();
    [moved[earn], moved[earn + 1]] = [moved[earn + 1]!, moved[earn]!];
    expectLanewiseError(() => replay(renumber(moved)), 'INVALID_LOG', ['events', earn - 1]);
    // A second copy of an earn.
    const twice = [...events.slice(0, earn + 1), events[earn]!, ...events.slice(earn + 1)];
    const again = expectLanewiseError(() => replay(renumber(twice)), 'INVALID_LOG');
    assert.deepEqual(again.path.slice(0, 2), ['events', earn + 1]);
    // An earn for an entry that was never approved.
    const program = programWith();
    record(program, 'e1', 60);
    program.points.transfer({
      id: 'gift1',
      from: 'issuer',
      to: 'volunteer:v-li',
      amount: 10,
      code: 'gift',
    });
    const forged = plain(program);
    forged[1] = {
      ...forged[1],
      data: { ...(forged[1]!.data as object), id: 'earn:e1', code: 'earn', ref: 'e1' },
    };
    const error = expectLanewiseError(() => replay(forged), 'INVALID_LOG');
    assert.deepEqual(error.path.slice(0, 2), ['events', 1]);
  });

  it('points an error found by a ledger at the program event it came from', () => {
    const events = served();
    const approved = indexOf(events, 'e2') + 1;
    const damaged = events.slice();
    damaged[approved] = {
      ...events[approved],
      data: { ...(events[approved]!.data as object), id: 'ghost' },
    };
    expectLanewiseError(() => replay(damaged), 'INVALID_LOG', ['events', approved, 'data', 'id']);
  });
});

/** A live log: the program's hour commands in any order, mistakes refused and skipped. */
const commandsArb = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('record' as const),
      entry: fc.nat(5),
      volunteer: fc.nat(1),
      hour: fc.nat(12),
      minutes: fc.constantFrom(30, 45, 60, 95, 240),
      elderly: fc.boolean(),
    }),
    fc.record({
      kind: fc.constantFrom(
        'approve' as const,
        'revoke' as const,
        'reject' as const,
        'correct' as const,
      ),
      entry: fc.nat(5),
    }),
  ),
  { minLength: 1, maxLength: 25 },
);

const LIVE_POLICY = { multipliers: { elderly: 1.5 } };

type Commands = typeof commandsArb extends fc.Arbitrary<infer C> ? C : never;

function liveLog(commands: Commands, hash?: typeof sha256) {
  const program = programWith({
    policy: LIVE_POLICY,
    ...(hash ? { hash } : {}),
  });
  let corrections = 0;
  for (const command of commands) {
    const id = `e${command.entry}`;
    try {
      if (command.kind === 'record') {
        record(program, id, command.minutes, {
          volunteerId: `v${command.volunteer}`,
          hour: command.hour,
          ...(command.elderly ? { tags: ['elderly'] } : {}),
        });
      } else if (command.kind === 'approve') program.hours.approve(id, { by: 'org-zhao' });
      else if (command.kind === 'correct') {
        corrections += 1;
        program.hours.correct(id, { id: `c${corrections}`, by: 'org-wang', reason: 'late' });
      } else program.hours[command.kind](id, { by: 'org-zhao', reason: 'x' });
    } catch (error) {
      if (!(error instanceof LanewiseError)) throw error;
    }
  }
  return program;
}

/** What must hold of any program: each approved entry paid as the policy says, no more. */
function assertSettled(program: VolunteerProgram) {
  for (const volunteer of ['v0', 'v1']) {
    let owed = 0;
    for (const entry of program.hours.list({ volunteerId: volunteer })) {
      const earn = program.points.getTransfer(`earn:${entry.id}`);
      const reverse = program.points.getTransfer(`reverse:${entry.id}`);
      if (entry.status === 'approved') {
        const amount = program.pointsFor(entry.creditedMinutes ?? 0, entry.tags);
        assert.equal(earn?.amount ?? 0, amount);
        assert.equal(reverse, undefined);
        owed += amount;
      } else {
        assert.equal(reverse?.amount, earn?.amount);
      }
    }
    assert.equal(program.points.balance(`volunteer:${volunteer}`).posted, owed);
  }
}

describe('program: replay of damaged logs (property)', () => {
  it('is INVALID_LOG, or a program that keeps every rule and whose log is the damaged one', () => {
    fc.assert(
      fc.property(
        commandsArb.chain((commands) => {
          const events = liveLog(commands).events();
          return events.length === 0 ? fc.constant(undefined) : logMutation(events);
        }),
        (mutation) => {
          if (!mutation) return;
          let rebuilt: VolunteerProgram;
          try {
            rebuilt = replay(mutation.events, { policy: LIVE_POLICY });
          } catch (error) {
            assert.ok(error instanceof LanewiseError, `${mutation.description}: ${String(error)}`);
            assert.equal(error.code, 'INVALID_LOG', `${mutation.description}: ${error.message}`);
            return;
          }
          assert.deepEqual(
            JSON.parse(JSON.stringify(rebuilt.events())),
            mutation.events,
            mutation.description,
          );
          assertSettled(rebuilt);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is always INVALID_LOG when the log is chained and its checkpoint kept', () => {
    fc.assert(
      fc.property(
        commandsArb.chain((commands) => {
          const program = liveLog(commands, sha256);
          return program.events().length === 0
            ? fc.constant(undefined)
            : logMutation(program.events()).map((mutation) => ({
                mutation,
                checkpoint: program.checkpoint(),
              }));
        }),
        (damaged) => {
          if (!damaged) return;
          const { mutation, checkpoint } = damaged;
          expectLanewiseError(
            () => replay(mutation.events, { policy: LIVE_POLICY, hash: sha256, checkpoint }),
            'INVALID_LOG',
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rebuilds every undamaged live log, and its rules hold', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const program = liveLog(commands, sha256);
        assertSettled(program);
        const again = replay(JSON.parse(JSON.stringify(program.events())) as unknown[], {
          policy: LIVE_POLICY,
          hash: sha256,
          checkpoint: program.checkpoint(),
        });
        assert.deepEqual(again.snapshot(), program.snapshot());
      }),
      { numRuns: 200 },
    );
  });
});

describe('program: listeners cannot break a write', () => {
  it('a throwing listener leaves the approval and its earn written, and its error goes to onListenerError', () => {
    for (const where of ['program', 'hours', 'points'] as const) {
      const errors: unknown[] = [];
      const program = programWith({ onListenerError: (error) => errors.push(error) });
      record(program, 'e1', 60);
      const boom = () => {
        throw new Error(`listener of ${where}`);
      };
      if (where === 'program') program.subscribe(boom);
      else program[where].subscribe(boom);
      const entry = program.hours.approve('e1', { by: 'org-zhao' });
      assert.equal(entry.status, 'approved');
      assert.equal(program.hours.get('e1')?.status, 'approved');
      assert.equal(program.points.getTransfer('earn:e1')?.amount, 10);
      assert.ok(errors.length >= 1, where);
      assert.match(String(errors[0]), new RegExp(where));
      // The entry is no longer pending: it cannot be rejected and keep its points.
      expectLanewiseError(
        () => program.hours.reject('e1', { by: 'org-zhao', reason: 'x' }),
        'INVALID_TRANSITION',
      );
      assert.deepEqual(replay(plain(program)).snapshot(), program.snapshot());
    }
  });

  it('every listener hears a complete command: the approval with its earn', () => {
    const program = programWith({ onListenerError: (error) => assert.fail(String(error)) });
    record(program, 'e1', 60);
    const heard: string[] = [];
    const look = (event: ProgramEvent) =>
      heard.push(
        `${event.type}: earn ${program.points.getTransfer('earn:e1')?.amount ?? 'none'}, log ${program.events().length}`,
      );
    program.subscribe(look);
    program.hours.subscribe(look);
    program.points.subscribe(look);
    program.hours.approve('e1', { by: 'org-zhao' });
    assert.deepEqual(heard, [
      'hours.approved: earn 10, log 3',
      'hours.approved: earn 10, log 3',
      'points.transferred: earn 10, log 3',
      'points.transferred: earn 10, log 3',
    ]);
  });

  it('a write made by a listener runs after the current command, and the log replays', () => {
    const errors: unknown[] = [];
    const program = programWith({ onListenerError: (error) => errors.push(error) });
    record(program, 'e1', 60);
    record(program, 'e2', 60, { hour: 10 });
    const order: string[] = [];
    program.hours.subscribe((event) => {
      order.push(event.type);
      // Too late to reject: the approval and its earn are written.
      if (event.type === 'hours.approved') {
        program.hours.reject('e1', { by: 'org-zhao', reason: 'changed my mind' });
      }
    });
    program.hours.subscribe((event) => {
      if (event.type === 'hours.approved') {
        program.hours.revoke('e1', { by: 'org-zhao', reason: 'changed my mind' });
      }
    });
    program.hours.approve('e1', { by: 'org-zhao' });
    assert.equal(errors.length, 1);
    assert.equal((errors[0] as LanewiseError).code, 'INVALID_TRANSITION');
    assert.deepEqual(
      program
        .events()
        .slice(2)
        .map((event) => `${event.type} ${(event.data as { id: string }).id}`),
      [
        'hours.approved e1',
        'points.transferred earn:e1',
        'hours.revoked e1',
        'points.transferred reverse:e1',
      ],
    );
    assert.deepEqual(order, ['hours.approved', 'hours.revoked']);
    assert.equal(program.points.balance('volunteer:v-li').posted, 0);
    assert.deepEqual(replay(plain(program)).snapshot(), program.snapshot());
  });

  it('refuses a listener that is not a function', () => {
    const program = programWith();
    expectLanewiseError(() => program.subscribe(42 as never), 'INVALID_INPUT');
    expectLanewiseError(() => program.hours.subscribe(null as never), 'INVALID_INPUT');
  });
});

describe('program: bad input', () => {
  it('refuses entry ids over 192 characters when they are recorded or corrected, saying the limit', () => {
    const program = programWith();
    const before = program.snapshot();
    for (const length of [193, 195, 196, 200]) {
      const error = expectLanewiseError(
        () => record(program, 'e'.repeat(length), 60),
        'INVALID_INPUT',
        ['id'],
      );
      assert.match(error.message, /192/);
    }
    assert.equal(program.snapshot(), before);
    // 192 characters: recorded, approved, corrected and revoked like any other.
    const longest = 'x'.repeat(192);
    record(program, longest, 60);
    program.hours.approve(longest, { by: 'org-zhao' });
    expectLanewiseError(
      () => program.hours.correct(longest, { id: 'y'.repeat(193), by: 'org-wang', reason: 'late' }),
      'INVALID_INPUT',
      ['id'],
    );
    program.hours.revoke(longest, { by: 'org-zhao', reason: 'x' });
    assert.equal(program.points.getTransfer(`reverse:${longest}`)?.amount, 10);
  });

  // The point ledger sets the account limit; the program refuses what it would refuse.
  const takesLongAccounts = (() => {
    try {
      programWith().points.balance(`volunteer:${'v'.repeat(200)}`);
      return true;
    } catch {
      return false;
    }
  })();
  it(
    'refuses a volunteer id whose point account the point ledger would not take',
    {
      skip: takesLongAccounts ? 'this point ledger takes volunteer:<200 characters>' : false,
    },
    () => {
      const program = programWith();
      const before = program.snapshot();
      expectLanewiseError(
        () => record(program, 'e1', 60, { volunteerId: 'v'.repeat(200) }),
        'INVALID_INPUT',
        ['volunteerId'],
      );
      assert.equal(program.snapshot(), before);
    },
  );

  it('takes multipliers by own tags only: __proto__ and constructor are tags like any other', () => {
    const fromJson = JSON.parse('{"__proto__": 3, "constructor": 2}') as Record<string, number>;
    for (const multipliers of [
      fromJson,
      new Map([
        ['__proto__', 3],
        ['constructor', 2],
      ]),
    ]) {
      const program = programWith({ policy: { multipliers } });
      assert.equal(program.earning.multipliers['__proto__'], 3);
      assert.equal(program.pointsFor(60, ['__proto__']), 30);
      assert.equal(program.pointsFor(60, ['constructor']), 20);
      assert.equal(program.pointsFor(60, ['toString']), 10);
      record(program, 'e1', 60, { tags: ['__proto__'] });
      program.hours.approve('e1', { by: 'org-zhao' });
      assert.equal(program.points.getTransfer('earn:e1')?.amount, 30);
    }
    // No multiplier: an inherited name is no tag's multiplier.
    assert.equal(programWith().pointsFor(60, ['constructor', 'hasOwnProperty']), 10);
    expectLanewiseError(
      () => programWith({ policy: { multipliers: new Map([['elderly', -1]]) } }),
      'INVALID_INPUT',
      ['policy', 'multipliers', 'elderly'],
    );
    expectLanewiseError(
      () => programWith({ policy: { multipliers: [2] as never } }),
      'INVALID_INPUT',
      ['policy', 'multipliers'],
    );
  });

  it('refuses bad options with INVALID_INPUT, never a TypeError', () => {
    for (const [options, path] of [
      [null, []],
      [{ now: () => new Date(0), hash: 'sha256' }, ['hash']],
      [{ now: () => new Date(0), onListenerError: 1 }, ['onListenerError']],
      [{ now: () => new Date(0), policy: 'strict' }, ['policy']],
    ] as const) {
      expectLanewiseError(() => createVolunteerProgram(options as never), 'INVALID_INPUT', path);
    }
  });
});
