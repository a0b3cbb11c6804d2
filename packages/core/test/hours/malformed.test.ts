// 10,000 generated malformed inputs per entry point of the hour ledger: each one is refused
// with INVALID_INPUT, names the bad field, and changes nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LanewiseError } from '../../src/errors/index.js';
import type { HoursLedger } from '../../src/hours/index.js';
import { entry, ledgerAt } from './fixtures.js';
import { malformedArgs, type FieldKind } from './malformed-arbitraries.js';

const RUNS = 10_000;

/** A ledger with a pending and an approved entry, so that a bad call could do harm. */
function seeded(): HoursLedger {
  const { ledger } = ledgerAt();
  ledger.record(entry('pending-1', '09:00', '10:00'));
  ledger.record(entry('approved-1', '10:00', '11:00'));
  ledger.approve('approved-1', { by: 'org-zhao' });
  return ledger;
}

interface EntryPoint {
  readonly name: string;
  readonly call: (ledger: HoursLedger, args: readonly unknown[]) => unknown;
  /** The valid arguments that the generator breaks one piece at a time. */
  readonly valid: readonly unknown[];
  /** Per argument: the name of a positional argument, or the kinds of an object's fields. */
  readonly shape: readonly (string | Record<string, FieldKind>)[];
  readonly required: readonly (readonly string[])[];
}

const reasonShape = { by: 'id', reason: 'text' } as const;
const span = { from: 'bound', to: 'bound' } as const;

const entryPoints: EntryPoint[] = [
  {
    name: 'record',
    call: (ledger, [input]) => ledger.record(input as never),
    valid: [entry('new-1', '12:00', '13:00', { note: 'ok', tags: ['repair'] })],
    shape: [
      {
        id: 'id',
        volunteerId: 'id',
        activityId: 'id',
        start: 'instant',
        end: 'instant',
        recordedBy: 'id',
        note: 'text',
        tags: 'tags',
      },
    ],
    required: [['id', 'volunteerId', 'activityId', 'start', 'end', 'recordedBy']],
  },
  {
    name: 'approve',
    call: (ledger, [id, input]) => ledger.approve(id as never, input as never),
    valid: ['pending-1', { by: 'org-zhao' }],
    shape: ['id', { by: 'id' }],
    required: [[], ['by']],
  },
  {
    name: 'reject',
    call: (ledger, [id, input]) => ledger.reject(id as never, input as never),
    valid: ['pending-1', { by: 'org-zhao', reason: 'duplicate' }],
    shape: ['id', reasonShape],
    required: [[], ['by', 'reason']],
  },
  {
    name: 'revoke',
    call: (ledger, [id, input]) => ledger.revoke(id as never, input as never),
    valid: ['approved-1', { by: 'org-zhao', reason: 'not there' }],
    shape: ['id', reasonShape],
    required: [[], ['by', 'reason']],
  },
  {
    name: 'correct',
    call: (ledger, [id, input]) => ledger.correct(id as never, input as never),
    valid: [
      'approved-1',
      {
        id: 'fix-1',
        start: '2025-03-01T10:15:00+08:00',
        end: '2025-03-01T11:00:00+08:00',
        by: 'org-zhao',
        reason: 'late',
      },
    ],
    shape: [
      'id',
      {
        id: 'id',
        start: 'instant',
        end: 'instant',
        activityId: 'id',
        note: 'text',
        tags: 'tags',
        by: 'id',
        reason: 'text',
      },
    ],
    required: [[], ['id', 'by', 'reason']],
  },
  {
    name: 'get',
    call: (ledger, [id]) => ledger.get(id as never),
    valid: ['pending-1'],
    shape: ['id'],
    required: [[]],
  },
  {
    name: 'list',
    call: (ledger, [filter]) => ledger.list(filter as never),
    valid: [
      {
        volunteerId: 'v-li',
        activityId: 'repair-lane',
        status: 'approved',
        from: '2025-03-01',
        to: '2025-03-02T00:00:00+08:00',
      },
    ],
    shape: [{ volunteerId: 'id', activityId: 'id', status: 'status', ...span }],
    required: [[]],
  },
  {
    name: 'creditedMinutes',
    call: (ledger, [filter]) => ledger.creditedMinutes(filter as never),
    valid: [
      { volunteerId: 'v-li', activityId: 'repair-lane', from: '2025-03-01', to: '2025-03-31' },
    ],
    shape: [{ volunteerId: 'id', activityId: 'id', ...span }],
    required: [[]],
  },
  {
    name: 'summary',
    call: (ledger, [options]) => ledger.summary(options as never),
    valid: [{ groupBy: 'activity', period: 'week', from: '2025-03-01', to: '2025-03-31' }],
    shape: [{ groupBy: 'groupBy', period: 'period', ...span }],
    required: [['groupBy']],
  },
  {
    name: 'starLevel',
    call: (ledger, [volunteerId]) => ledger.starLevel(volunteerId as never),
    valid: ['v-li'],
    shape: ['volunteerId'],
    required: [[]],
  },
  {
    name: 'certificate',
    call: (ledger, [volunteerId, options]) =>
      ledger.certificate(volunteerId as never, options as never),
    valid: ['v-li', { from: '2025-03-01', to: '2025-03-31', issuer: 'Huana', serial: 'HN-1' }],
    shape: ['volunteerId', { from: 'bound', to: 'bound', issuer: 'id', serial: 'id' }],
    required: [[], ['from', 'to', 'issuer', 'serial']],
  },
];

describe('hours: malformed input', () => {
  for (const point of entryPoints) {
    it(`${point.name}: ${RUNS.toLocaleString('en')} malformed inputs are refused with INVALID_INPUT and change nothing`, () => {
      const ledger = seeded();
      point.call(ledger, point.valid); // the valid call works (on a ledger we then throw away)
      const target = seeded();
      const before = target.snapshot();
      const events = target.events().length;
      fc.assert(
        fc.property(malformedArgs(point.valid, point.shape, point.required), ({ args, path }) => {
          let caught: unknown;
          try {
            point.call(target, args);
          } catch (error) {
            caught = error;
          }
          assert.ok(caught instanceof LanewiseError, `accepted ${JSON.stringify(args)}`);
          assert.equal(caught.code, 'INVALID_INPUT');
          assert.deepEqual(caught.path.slice(0, path.length), path);
          assert.equal(target.snapshot(), before);
          assert.equal(target.events().length, events);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
