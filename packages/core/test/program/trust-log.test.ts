// What issue 9 asks of the program's log: the ledgers' own events, numbered, chained and frozen;
// replay as strict as the live calls (earn and reverse transfers matching their entries); and
// a damaged log always refused, or rebuilt into a program that keeps every rule.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LanewiseError } from '../../src/errors/index.js';
import type { ProgramEvent, VolunteerProgram } from '../../src/program/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { logMutation } from '../support/log-mutations.js';
import {
  NOW,
  plain,
  programWith,
  record,
  renumber,
  replay,
  serve,
  sha256,
} from './trust-fixtures.js';

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
