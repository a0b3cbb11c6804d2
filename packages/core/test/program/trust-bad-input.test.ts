// What issue 9 asks of the program's input: derived ids that always fit, volunteer ids the point
// ledger takes, multipliers keyed by own tags only, and bad options refused as INVALID_INPUT.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createVolunteerProgram } from '../../src/program/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { programWith, record } from './trust-fixtures.js';

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
