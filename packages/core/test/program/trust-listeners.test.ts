// What issue 9 asks of the program's listeners: approve-and-earn is one command that no
// listener can split, a throwing listener's error goes to onListenerError, and a write made by a
// listener runs after the current command.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LanewiseError } from '../../src/errors/index.js';
import type { ProgramEvent } from '../../src/program/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { plain, programWith, record, replay } from './trust-fixtures.js';

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
