import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { formatError } from '../../src/errors/index.js';
import { chainLink } from '../../src/journal/index.js';
import type { ProgramSnapshot } from '../../src/program/index.js';
import { expectLanewiseError } from '../support/expect.js';
import {
  json,
  program,
  restored,
  sample,
  shiftPoints,
  START,
  type Json,
} from './restore-fixtures.js';
import { sha256 } from './trust-fixtures.js';

describe('program: restore refuses what no live program could have left', () => {
  it('refuses a snapshot that no live program could have left, at its field', () => {
    const { made } = sample();
    const base = json(made.snapshot());
    const checkpoint = made.checkpoint();
    type Edit = (snapshot: Json) => void;
    const entry = (id: string) => (s: ProgramSnapshot) =>
      s.hours.entries.findIndex((e) => e.id === id);
    const transfer = (id: string) => (s: ProgramSnapshot) =>
      s.points.transfers.findIndex((t) => t.id === id);
    const cases: [string, Edit, (s: ProgramSnapshot) => (string | number)[]][] = [
      [
        'more credit than the policy gives',
        (s) => {
          s.hours.entries[0].creditedMinutes = 150;
        },
        () => ['hours', 'entries', 0, 'creditedMinutes'],
      ],
      [
        'a self-approval',
        (s) => {
          s.hours.entries[entry('e2')(s)].approvedBy = 'v-li';
        },
        (s) => ['hours', 'entries', entry('e2')(s), 'by'],
      ],
      [
        'a wrong duration',
        (s) => {
          s.hours.entries[entry('e3')(s)].durationMinutes = 61;
        },
        (s) => ['hours', 'entries', entry('e3')(s), 'durationMinutes'],
      ],
      [
        'an instant in another zone',
        (s) => {
          s.hours.entries[entry('e3')(s)].recordedAt = '2025-03-01T10:00:00.000Z';
        },
        (s) => ['hours', 'entries', entry('e3')(s), 'recordedAt'],
      ],
      [
        'an approval before its record',
        (s) => {
          s.hours.entries[entry('e2')(s)].approvedAt = '2025-02-01T10:00:00.000+08:00';
        },
        (s) => ['hours', 'entries', entry('e2')(s), 'approvedAt'],
      ],
      [
        'an entry twice',
        (s) => {
          s.hours.entries.push(s.hours.entries[0]!);
        },
        (s) => ['hours', 'entries', s.hours.entries.length - 1, 'id'],
      ],
      [
        'a correction of nothing',
        (s) => {
          s.hours.entries[entry('e1b')(s)].corrects = 'ghost';
        },
        (s) => ['hours', 'entries', entry('e1b')(s), 'corrects'],
      ],
      [
        'an earn of the wrong amount, its points made to match',
        (s) => {
          s.points.transfers[transfer('earn:e2')(s)].amount = 31;
          shiftPoints(s, 'volunteer:v-li', 1);
        },
        (s) => ['points', 'transfers', transfer('earn:e2')(s), 'amount'],
      ],
      [
        'a missing reverse',
        (s) => {
          s.points.transfers[transfer('reverse:e4')(s)].id = 'gift-1';
        },
        (s) => ['hours', 'entries', entry('e4')(s), 'closedAt'],
      ],
      [
        'a balance its transfers do not give',
        (s) => {
          s.points.accounts[1].posted += 1;
        },
        () => ['points', 'accounts', 1, 'posted'],
      ],
      [
        'a lot its transfers do not give',
        (s) => {
          const a = s.points.accounts.find((x: Json) => x.account === 'volunteer:v-li');
          a.lots[0].month = '2025-02';
        },
        (s) => [
          'points',
          'accounts',
          s.points.accounts.findIndex((x: Json) => x.account === 'volunteer:v-li'),
          'lots',
          0,
          'month',
        ],
      ],
      [
        'an overdraft',
        (s) => {
          s.points.transfers[transfer('redeem:r1')(s)].amount = 5000;
        },
        (s) => ['points', 'transfers', transfer('redeem:r1')(s), 'amount'],
      ],
      [
        'a redemption of another volunteer',
        (s) => {
          s.points.redemptions[0].volunteerId = 'v-wu';
        },
        () => ['points', 'redemptions', 0, 'id'],
      ],
      [
        'a cancelled redemption still holding its stock',
        (s) => {
          s.points.redemptions[1].status = 'reserved';
        },
        () => ['points', 'redemptions', 1, 'status'],
      ],
      // Malformed records are named by the snapshot's schema.
      [
        'an entry that is not an object',
        (s) => {
          s.hours.entries[1] = null;
        },
        () => ['hours', 'entries', 1],
      ],
      [
        'a start that is not an instant',
        (s) => {
          s.hours.entries[0].start = 'tomorrow';
        },
        () => ['hours', 'entries', 0, 'start'],
      ],
      [
        'a key no snapshot has',
        (s) => {
          s.points.transfers[0].note = 'extra';
        },
        () => ['points', 'transfers', 0, 'note'],
      ],
      [
        'a list that is not one',
        (s) => {
          s.points.items = {};
        },
        () => ['points', 'items'],
      ],
      [
        'another policy',
        (s) => {
          s.hours.policy.maxMinutesPerDay = 600;
        },
        () => ['hours', 'policy', 'maxMinutesPerDay'],
      ],
      [
        'a count of events that is not its checkpoint',
        (s) => {
          s.version += 1;
        },
        () => ['version'],
      ],
      [
        'fewer point events than its records need',
        (s) => {
          s.points.version -= 5;
          s.hours.version += 5;
        },
        () => ['points', 'version'],
      ],
    ];
    for (const [what, edit, at] of cases) {
      const snapshot = json(base);
      edit(snapshot as never);
      const error = expectLanewiseError(() => restored({ snapshot, checkpoint }), 'INVALID_LOG');
      assert.deepEqual(error.path.slice(0, 2), ['restore', 'snapshot'], what);
      assert.deepEqual(error.path.slice(2), at(snapshot), `${what}: ${error.message}`);
      assert.equal(error.details['snapshot'], checkpoint.seq, what);
      assert.match(formatError(error, 'zh-CN'), /快照/, what);
    }
  });

  it('refuses a day credited over its cap, even with its points made to match', () => {
    const clock = manualClock(START);
    const made = program({ now: clock.now });
    for (const [id, hour, minutes] of [
      ['d1', 8, 240],
      ['d2', 13, 120],
    ] as const) {
      const start = `2025-03-01T${String(hour).padStart(2, '0')}:00:00+08:00`;
      const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
      made.hours.record({
        id,
        volunteerId: 'v-li',
        activityId: 'a',
        recordedBy: 'org-wang',
        start,
        end,
      });
      made.hours.approve(id, { by: 'org-zhao' });
    }
    const snapshot: Json = json(made.snapshot());
    assert.equal(snapshot.hours.entries[1].creditedMinutes, 60);
    snapshot.hours.entries[1].creditedMinutes = 120;
    snapshot.points.transfers[1].amount = 20;
    shiftPoints(snapshot, 'volunteer:v-li', 10);
    const error = expectLanewiseError(
      () => restored({ snapshot, checkpoint: made.checkpoint() }),
      'INVALID_LOG',
      ['restore', 'snapshot', 'hours', 'entries', 1, 'creditedMinutes'],
    );
    assert.match(error.message, /cap/);
  });

  it('refuses a tail that does not carry on from the snapshot', () => {
    const { made } = sample();
    const snapshot = json(made.snapshot());
    const checkpoint = made.checkpoint();
    made.points.fulfil('r1', { by: 'clerk-1' });
    const tail = json(made.events().slice(checkpoint.seq));
    // Numbered from 1, or chained from another hash.
    expectLanewiseError(
      () =>
        restored(
          { snapshot, checkpoint },
          tail.map((event) => ({ ...event, seq: 1 })),
        ),
      'INVALID_LOG',
      ['events', 0, 'seq'],
    );
    expectLanewiseError(
      () => restored({ snapshot, checkpoint: { ...checkpoint, hash: '0'.repeat(64) } }, tail),
      'INVALID_LOG',
      ['events', 0, 'hash'],
    );
    // A chained program needs the hash it carries on from.
    expectLanewiseError(
      () => restored({ snapshot, checkpoint: { seq: checkpoint.seq } }, tail),
      'INVALID_INPUT',
      ['restore', 'checkpoint', 'hash'],
    );
  });

  it('refuses a tail move that the restored state forbids', () => {
    const { made } = sample();
    const snapshot = json(made.snapshot());
    const checkpoint = made.checkpoint();
    made.points.fulfil('r1', { by: 'clerk-1' });
    const tail = json(made.events().slice(checkpoint.seq));
    // The cancelled redemption cannot be fulfilled.
    const data = tail[0]!.data as { id: string };
    const fields = {
      seq: tail[0]!.seq,
      type: tail[0]!.type,
      at: tail[0]!.at,
      data: { ...data, id: 'redeem:r2' },
    };
    const forged = [{ ...fields, hash: chainLink(sha256, checkpoint.hash ?? '', fields) }];
    const error = expectLanewiseError(
      () => restored({ snapshot, checkpoint }, forged),
      'INVALID_LOG',
    );
    assert.deepEqual(error.path.slice(0, 2), ['events', 0]);
  });
});
