// What the programme's restore tests share: a program on a manual clock under a policy with
// every rule a restore must hold to, random live logs of both ledgers, and a small sample.
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { LanewiseError } from '../../src/errors/index.js';
import {
  createVolunteerProgram,
  type ProgramEvent,
  type ProgramSnapshot,
  type VolunteerProgramOptions,
} from '../../src/program/index.js';
import type { Checkpoint } from '../../src/journal/index.js';
import { sha256 } from './trust-fixtures.js';

export const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
// The tampering tests edit snapshots as the plain JSON a store holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export const START = '2025-03-01T18:00:00+08:00';
// A daily cap, a redemption hold and expiry: every rule a restore must hold to.
export const POLICY = {
  pointsPerHour: 10,
  multipliers: { elderly: 1.5 },
  maxMinutesPerDay: 300,
  redemptionHoldMinutes: 90,
  expireAfterMonths: 1,
};

export const program = (options: Partial<VolunteerProgramOptions> = {}) =>
  createVolunteerProgram({ now: manualClock(START).now, policy: POLICY, hash: sha256, ...options });

/** The snapshot and checkpoint of a program rebuilt from the first `cut` events of `events`. */
export function snapshotAt(events: readonly ProgramEvent[], cut: number) {
  const early = program({ events: json(events.slice(0, cut)) });
  return { snapshot: json(early.snapshot()), checkpoint: early.checkpoint() };
}

export const restored = (
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
export function shiftPoints(snapshot: Json, account: string, points: number) {
  for (const line of snapshot.points.accounts) {
    const change = line.account === 'issuer' ? -points : line.account === account ? points : 0;
    line.posted += change;
    line.available += change;
    if (line.lots.length > 0) line.lots[0].amount += change;
  }
}

/** Commands of every kind both ledgers take; mistakes are refused by the live program and skipped. */
export const commandArb = fc.oneof(
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
export function followsInItsCommand(event: ProgramEvent): boolean {
  if (event.type === 'points.reserved') return true;
  const id = (event.data as { id?: unknown }).id;
  return event.type === 'points.transferred' && /^(earn|reverse):/.test(String(id));
}

/** A live program after `commands`, chained. */
export function live(commands: readonly object[]) {
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
export const SETUP = [
  { kind: 'item', item: 0, stock: 3 },
  { kind: 'item', item: 1, stock: 3 },
  { kind: 'gift', volunteer: 0, amount: 50 },
  { kind: 'gift', volunteer: 1, amount: 50 },
] as const;
export const commandsArb = fc
  .array(commandArb, { minLength: 10, maxLength: 60 })
  .map((commands) => [...SETUP, ...commands]);

/** A small program with every kind of record: approved (one cut by the daily cap), rejected,
 * revoked, corrected, and redemptions reserved and cancelled. */
export function sample() {
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
