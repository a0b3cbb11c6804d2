import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { formatError, LanewiseError } from '../../src/errors/index.js';
import {
  createVolunteerProgram,
  type ProgramEvent,
  type ProgramSnapshot,
  type VolunteerProgramOptions,
} from '../../src/program/index.js';
import { chainLink, type Checkpoint } from '../../src/journal/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { sha256 } from './trust-fixtures.js';

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
// The tampering tests edit snapshots as the plain JSON a store holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const START = '2025-03-01T18:00:00+08:00';
// A daily cap, a redemption hold and expiry: every rule a restore must hold to.
const POLICY = {
  pointsPerHour: 10,
  multipliers: { elderly: 1.5 },
  maxMinutesPerDay: 300,
  redemptionHoldMinutes: 90,
  expireAfterMonths: 1,
};

const program = (options: Partial<VolunteerProgramOptions> = {}) =>
  createVolunteerProgram({ now: manualClock(START).now, policy: POLICY, hash: sha256, ...options });

/** The snapshot and checkpoint of a program rebuilt from the first `cut` events of `events`. */
function snapshotAt(events: readonly ProgramEvent[], cut: number) {
  const early = program({ events: json(events.slice(0, cut)) });
  return { snapshot: json(early.snapshot()), checkpoint: early.checkpoint() };
}

const restored = (
  restore: { snapshot: unknown; checkpoint: Checkpoint },
  events: readonly unknown[] = [],
  options: Partial<VolunteerProgramOptions> = {},
) =>
  program({
    restore: restore as { snapshot: ProgramSnapshot; checkpoint: Checkpoint },
    events: events as ProgramEvent[],
    ...options,
  });

/** Moves `points` from the issuer to `account` in a snapshot's balances (and its oldest lot). */
function shiftPoints(snapshot: Json, account: string, points: number) {
  for (const line of snapshot.points.accounts) {
    const change = line.account === 'issuer' ? -points : line.account === account ? points : 0;
    line.posted += change;
    line.available += change;
    if (line.lots.length > 0) line.lots[0].amount += change;
  }
}

/** Commands of every kind both ledgers take; mistakes are refused by the live program and skipped. */
const commandArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      entry: fc.nat(4),
      volunteer: fc.nat(1),
      hour: fc.nat(14),
      minutes: fc.constantFrom(30, 45, 60, 95, 240),
      elderly: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'approve' as const,
        'approve' as const,
        'revoke' as const,
        'reject' as const,
      ),
      entry: fc.nat(4),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      entry: fc.nat(4),
      minutes: fc.nat(120),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('gift' as const),
      volunteer: fc.nat(1),
      amount: fc.integer({ min: 10, max: 60 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('item' as const),
      item: fc.nat(1),
      stock: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('restock' as const),
      item: fc.nat(1),
      quantity: fc.nat(3),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      redemption: fc.nat(1),
      volunteer: fc.nat(1),
      item: fc.nat(1),
      quantity: fc.integer({ min: 1, max: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('fulfil' as const, 'cancel' as const),
      redemption: fc.nat(1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timeout' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
  // Many moves share an instant; some are minutes, hours, a month or three apart.
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      minutes: fc.constantFrom(1, 50, 120, 44_640, 129_600),
    }),
  },
);

/** An event written by the same command as the one before it. */
function followsInItsCommand(event: ProgramEvent): boolean {
  if (event.type === 'points.reserved') return true;
  const id = (event.data as { id?: unknown }).id;
  return event.type === 'points.transferred' && /^(earn|reverse):/.test(String(id));
}

/** A live program after `commands`, chained. */
function live(commands: readonly object[]) {
  const clock = manualClock(START);
  const made = createVolunteerProgram({ now: clock.now, policy: POLICY, hash: sha256 });
  let corrections = 0;
  for (const command of commands as {
    kind: string;
    [key: string]: number | boolean | string;
  }[]) {
    const entry = `e${command.entry}`;
    try {
      switch (command.kind) {
        case 'record': {
          const start = Date.parse('2025-03-01T00:00:00+08:00') + Number(command.hour) * 3.6e6;
          made.hours.record({
            id: entry,
            volunteerId: `v${command.volunteer}`,
            activityId: 'repair-lane',
            start: new Date(start).toISOString(),
            end: new Date(start + Number(command.minutes) * 60_000).toISOString(),
            recordedBy: 'org-wang',
            ...(command.elderly ? { tags: ['elderly'] } : {}),
          });
          break;
        }
        case 'approve':
          made.hours.approve(entry, { by: 'org-zhao' });
          break;
        case 'revoke':
        case 'reject':
          made.hours[command.kind](entry, { by: 'org-zhao', reason: 'not so' });
          break;
        case 'correct': {
          corrections += 1;
          const old = made.hours.get(entry);
          if (!old) break;
          const end = new Date(Date.parse(old.start) + (Number(command.minutes) + 10) * 60_000);
          made.hours.correct(entry, {
            id: `c${corrections}`,
            by: 'org-li',
            reason: 'the end was wrong',
            end: end.toISOString(),
          });
          break;
        }
        case 'gift':
          made.points.transfer({
            id: `gift-${made.events().length}`,
            from: 'issuer',
            to: `volunteer:v${command.volunteer}`,
            amount: Number(command.amount),
            code: 'gift',
          });
          break;
        case 'item':
          made.points.addItem({
            id: `item${command.item}`,
            name: `Item ${command.item}`,
            cost: 5,
            stock: Number(command.stock),
            stationId: command.item === 0 ? 'huana' : 'qiaotou',
            ...(command.item === 1 ? { limit: { count: 2, per: 'month' as const } } : {}),
          });
          break;
        case 'restock':
          made.points.restock(`item${command.item}`, Number(command.quantity) + 1);
          break;
        case 'redeem':
          made.points.redeem({
            id: `r${command.redemption}`,
            volunteerId: `v${command.volunteer}`,
            itemId: `item${command.item}`,
            quantity: Number(command.quantity),
          });
          break;
        case 'fulfil':
          made.points.fulfil(`r${command.redemption}`, { by: 'clerk-1' });
          break;
        case 'cancel':
          made.points.cancel(`r${command.redemption}`, { reason: 'changed my mind' });
          break;
        case 'timeout':
          made.points.expirePending(clock.now());
          break;
        case 'expire':
          made.points.expire(clock.now());
          break;
        case 'wait':
          clock.advance({ minutes: Number(command.minutes) });
          break;
      }
    } catch (error) {
      if (!(error instanceof LanewiseError)) throw error;
    }
  }
  return made;
}

// Every run starts with both items in the catalogue and points in both wallets.
const SETUP = [
  { kind: 'item', item: 0, stock: 3 },
  { kind: 'item', item: 1, stock: 3 },
  { kind: 'gift', volunteer: 0, amount: 50 },
  { kind: 'gift', volunteer: 1, amount: 50 },
] as const;
const commandsArb = fc
  .array(commandArb, { minLength: 10, maxLength: 60 })
  .map((commands) => [...SETUP, ...commands]);

/** A small program with every kind of record, cut after `extra` more moves. */
function sample() {
  const clock = manualClock(START);
  const made = createVolunteerProgram({ now: clock.now, policy: POLICY, hash: sha256 });
  const serve = (id: string, hour: number, minutes: number, volunteerId = 'v-li') =>
    made.hours.record({
      id,
      volunteerId,
      activityId: 'repair-lane',
      start: `2025-03-01T${String(hour).padStart(2, '0')}:00:00+08:00`,
      end: new Date(
        Date.parse(`2025-03-01T${String(hour).padStart(2, '0')}:00:00+08:00`) + minutes * 60_000,
      ).toISOString(),
      recordedBy: 'org-wang',
    });
  serve('e1', 8, 120);
  made.hours.approve('e1', { by: 'org-zhao' });
  serve('e2', 10, 240);
  made.hours.approve('e2', { by: 'org-zhao' }); // cut by the daily cap: 180 of 240
  serve('e3', 15, 60);
  made.hours.reject('e3', { by: 'org-zhao', reason: 'no sign-in' });
  serve('e4', 9, 60, 'v-wu');
  made.hours.approve('e4', { by: 'org-zhao' });
  made.hours.revoke('e4', { by: 'org-zhao', reason: 'twice' });
  made.points.addItem({ id: 'soap', name: 'Soap', cost: 5, stock: 3, stationId: 'huana' });
  made.points.redeem({ id: 'r1', volunteerId: 'v-li', itemId: 'soap', quantity: 2 });
  clock.advance({ minutes: 30 });
  made.hours.correct('e1', {
    id: 'e1b',
    by: 'org-li',
    reason: 'typo',
    end: '2025-03-01T09:30:00+08:00',
  });
  made.points.restock('soap', 2);
  made.points.redeem({ id: 'r2', volunteerId: 'v-li', itemId: 'soap', quantity: 1 });
  made.points.cancel('r2', { reason: 'changed my mind' });
  return { made, clock };
}

describe('program: restore from a snapshot', () => {
  it('equals the replay of the whole log, cut anywhere (property)', () => {
    fc.assert(
      fc.property(
        commandsArb.chain((commands) => {
          const whole = live(commands);
          const events = json(whole.events());
          // A snapshot is taken between commands, never inside one.
          const cuts = [...events.keys(), events.length].filter(
            (cut) => cut === events.length || !followsInItsCommand(events[cut]!),
          );
          return fc.record({ events: fc.constant(events), cut: fc.constantFrom(...cuts) });
        }),
        ({ events, cut }) => {
          const whole = program({ events: json(events) });
          const again = restored(snapshotAt(events, cut), json(events.slice(cut)));
          assert.deepEqual(again.snapshot(), whole.snapshot());
          assert.deepEqual(again.checkpoint(), whole.checkpoint());
          assert.deepEqual(json(again.events()), events.slice(cut));
          const hoursTail = events.slice(cut).filter((event) => event.type.startsWith('hours.'));
          assert.equal(again.hours.events().length, hoursTail.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes what the original writes, chained on from the snapshot', () => {
    const { made, clock } = sample();
    const snapshot = json(made.snapshot());
    const checkpoint = made.checkpoint();
    const again = restored({ snapshot, checkpoint }, [], { now: clock.now });
    clock.advance({ minutes: 5 });
    for (const target of [made, again]) {
      target.points.fulfil('r1', { by: 'clerk-1' });
      target.hours.approve('e1b', { by: 'org-zhao' });
      target.hours.revoke('e2', { by: 'org-zhao', reason: 'twice' });
    }
    const tail = made.events().slice(snapshot.version);
    assert.deepEqual(again.events(), tail);
    assert.equal(again.events()[0]!.seq, snapshot.version + 1);
    assert.deepEqual(again.snapshot(), made.snapshot());
    assert.deepEqual(again.checkpoint(), made.checkpoint());
    assert.deepEqual(again.standing('v-li'), made.standing('v-li'));
    // The hour ledger's own log holds only what came after the snapshot too.
    assert.deepEqual(
      again.hours.events().map((event) => event.type),
      ['hours.approved', 'hours.revoked'],
    );
    // And the whole log still replays to the same program.
    assert.deepEqual(program({ events: json(made.events()) }).snapshot(), again.snapshot());
  });

  it('keeps none of the caller\u2019s objects', () => {
    const { made } = sample();
    const snapshot = json(made.snapshot());
    const again = restored({ snapshot, checkpoint: made.checkpoint() });
    const before = json(again.snapshot());
    const edited: Json = snapshot;
    edited.hours.entries[0].tags.push('changed');
    edited.points.transfers[0].amount = 1;
    edited.points.items[0].name = 'changed';
    assert.deepEqual(json(again.snapshot()), before);
    // What the program keeps of an entry to take its earn back is its own too.
    const e2 = edited.hours.entries.find((entry: Json) => entry.id === 'e2');
    e2.volunteerId = 'v-wu';
    again.hours.revoke('e2', { by: 'org-zhao', reason: 'twice' });
    assert.equal(again.points.getTransfer('reverse:e2')?.from, 'volunteer:v-li');
  });

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
