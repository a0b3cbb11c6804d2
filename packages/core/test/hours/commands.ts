// The commands of the hour ledger's model-based tests: generated as plain data, run on the
// model and on a real ledger, with the outcomes compared. The program's test reuses them.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LanewiseError } from '../../src/errors/index.js';
import { createHoursLedger, type HourEntry, type HoursLedger } from '../../src/hours/index.js';
import type { HoursModel, ModelDraft, ModelPolicy, Outcome } from './model.js';

/** Where the generated times live: entries start in two days around midnight. */
export const BASE_MS = Date.parse('2025-03-01T20:00:00+08:00');
/** The clock at the start of each run; some generated entries end after it. */
export const START_NOW_MS = Date.parse('2025-03-03T00:00:00+08:00');

export const VOLUNTEERS = ['v0', 'v1', 'v2'] as const;
export const ACTIVITIES = ['a0', 'a1'] as const;
export const TAGS = ['elderly', 'repair'] as const;
const IDS = ['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
/** Ids of corrections, and the ids any move may name (all of them, and one never used). */
const NEW_IDS = ['c0', 'c1', 'c2', 'c3'];
const ANY_IDS = [...IDS, ...NEW_IDS, 'x9'];
/** Organisers, and a volunteer who also organises (to meet SELF_APPROVAL). */
const PEOPLE = ['o0', 'o1', 'v0'];

export type HoursCommand =
  | { readonly kind: 'record'; readonly draft: ModelDraft; readonly zulu: boolean }
  | { readonly kind: 'approve'; readonly id: string; readonly by: string }
  | {
      readonly kind: 'reject' | 'revoke';
      readonly id: string;
      readonly by: string;
      readonly reason: string;
    }
  | {
      readonly kind: 'correct';
      readonly id: string;
      readonly newId: string;
      readonly startMs?: number;
      readonly endMs?: number;
      readonly activityId?: string;
      readonly by: string;
      readonly reason: string;
    }
  | { readonly kind: 'advance'; readonly minutes: number }
  | { readonly kind: 'repeat'; readonly pick: number }
  | { readonly kind: 'malformed'; readonly call: number };

/** An instant as the API takes it: in Shanghai time or in UTC. */
export function iso(ms: number, zulu = false): string {
  if (zulu) return new Date(ms).toISOString();
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

const startArb = fc.integer({ min: 0, max: 60 }).map((step) => BASE_MS + step * 30 * 60_000);
const durationArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(-30, 0, 1500) },
  { weight: 6, arbitrary: fc.constantFrom(1, 15, 29, 30, 45, 60, 95, 240, 600) },
);
const reasonArb = fc.constantFrom('mistake', 'wrong time', 'not there');

export const policyArb: fc.Arbitrary<ModelPolicy> = fc.record({
  unitMinutes: fc.constantFrom(1, 15, 30),
  maxMinutesPerEntry: fc.constantFrom(600, 1440),
  maxMinutesPerActivity: fc.constantFrom(null, 120),
  maxMinutesPerDay: fc.constantFrom(null, 240, 480),
});

/** Every command of the hour ledger, valid or not, in proportions that reach every state. */
export const hoursCommandArb: fc.Arbitrary<HoursCommand> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        id: fc.constantFrom(...IDS),
        volunteerId: fc.constantFrom(...VOLUNTEERS),
        activityId: fc.constantFrom(...ACTIVITIES),
        startMs: startArb,
        duration: durationArb,
        recordedBy: fc.constantFrom(...PEOPLE),
        tags: fc.subarray([...TAGS]),
        zulu: fc.boolean(),
      })
      .map(({ duration, zulu, ...rest }) => ({
        kind: 'record' as const,
        zulu,
        draft: { ...rest, endMs: rest.startMs + duration * 60_000 },
      })),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('approve' as const),
      id: fc.constantFrom(...ANY_IDS),
      by: fc.constantFrom(...PEOPLE),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('reject' as const, 'revoke' as const),
      id: fc.constantFrom(...ANY_IDS),
      by: fc.constantFrom(...PEOPLE),
      reason: reasonArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record(
        {
          id: fc.constantFrom(...ANY_IDS),
          newId: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...NEW_IDS) },
            { weight: 1, arbitrary: fc.constantFrom(...IDS) },
          ),
          startMs: startArb,
          duration: durationArb,
          activityId: fc.constantFrom(...ACTIVITIES),
          by: fc.constantFrom(...PEOPLE),
          reason: reasonArb,
        },
        { requiredKeys: ['id', 'newId', 'by', 'reason'] },
      )
      .map(({ startMs, duration, ...rest }) => ({
        kind: 'correct' as const,
        ...rest,
        ...(startMs === undefined ? {} : { startMs }),
        ...(duration === undefined ? {} : { endMs: (startMs ?? BASE_MS) + duration * 60_000 }),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      minutes: fc.integer({ min: 1, max: 1440 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('malformed' as const), call: fc.nat(99) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), pick: fc.nat(99) }) },
);

/** Calls that must fail validation whatever the state. */
const MALFORMED: readonly ((ledger: HoursLedger) => unknown)[] = [
  (ledger) =>
    ledger.record({
      id: 'e0',
      volunteerId: 'v0',
      activityId: 'a0',
      start: '2025-03-01T20:00:00',
      end: iso(BASE_MS + 3_600_000),
      recordedBy: 'o0',
    }),
  (ledger) =>
    ledger.record({
      id: '',
      volunteerId: 'v0',
      activityId: 'a0',
      start: iso(BASE_MS),
      end: iso(BASE_MS + 3_600_000),
      recordedBy: 'o0',
    }),
  (ledger) => ledger.approve('e0', { by: '' }),
  (ledger) => ledger.approve(42 as never, { by: 'o0' }),
  (ledger) => ledger.reject('e0', { by: 'o0', reason: '   ' }),
  (ledger) => ledger.revoke('e0', { by: 'o0' } as never),
  (ledger) => ledger.correct('e0', { id: 'e9', by: 'o0', reason: 'x', start: 'soon' }),
  (ledger) => ledger.list({ status: 'lost' as never }),
  (ledger) => ledger.summary({ groupBy: 'team' as never }),
  (ledger) =>
    ledger.certificate('v0', { from: '2025-03-01', to: '2025-03-31', issuer: 'x' } as never),
];

function attempt(run: () => HourEntry): HourEntry | LanewiseError {
  try {
    return run();
  } catch (error) {
    if (error instanceof LanewiseError) return error;
    throw error;
  }
}

/** `repeat` runs an earlier record or correction again (a retry); other commands run as they are. */
export function effectiveCommand(
  given: HoursCommand,
  earlier: readonly HoursCommand[],
): HoursCommand | undefined {
  return given.kind === 'repeat' ? earlier[given.pick % Math.max(1, earlier.length)] : given;
}

/**
 * Runs one command on the model and on the ledger and checks that they agree; a refused call
 * must leave the ledger exactly as it was. Returns the model's outcome.
 */
export function stepHours(
  model: HoursModel,
  ledger: HoursLedger,
  given: HoursCommand,
  advance: (minutes: number) => void,
  earlier: HoursCommand[] = [],
): Outcome | undefined {
  const command = effectiveCommand(given, earlier);
  if (command === undefined) return undefined;
  if (command.kind === 'record' || command.kind === 'correct') {
    earlier.push(command.kind === 'record' ? { ...command, zulu: !command.zulu } : command);
  }
  const before = ledger.snapshot();
  let expected: Outcome;
  let actual: HourEntry | LanewiseError;
  switch (command.kind) {
    case 'repeat':
      return undefined;
    case 'advance':
      advance(command.minutes);
      model.nowMs += command.minutes * 60_000;
      return undefined;
    case 'malformed':
      expected = { error: 'INVALID_INPUT' };
      actual = attempt(() => MALFORMED[command.call % MALFORMED.length]!(ledger) as HourEntry);
      break;
    case 'record': {
      const { draft, zulu } = command;
      expected = model.record(draft);
      actual = attempt(() =>
        ledger.record({
          id: draft.id,
          volunteerId: draft.volunteerId,
          activityId: draft.activityId,
          start: iso(draft.startMs, zulu),
          end: iso(draft.endMs, !zulu),
          recordedBy: draft.recordedBy,
          tags: draft.tags,
        }),
      );
      break;
    }
    case 'approve':
      expected = model.approve(command.id, command.by);
      actual = attempt(() => ledger.approve(command.id, { by: command.by }));
      break;
    case 'reject':
    case 'revoke':
      expected = model.close(command.kind, command.id, command.reason);
      actual = attempt(() =>
        ledger[command.kind](command.id, { by: command.by, reason: command.reason }),
      );
      break;
    case 'correct':
      expected = model.correct(command.id, command);
      actual = attempt(() =>
        ledger.correct(command.id, {
          id: command.newId,
          by: command.by,
          reason: command.reason,
          ...(command.startMs === undefined ? {} : { start: iso(command.startMs) }),
          ...(command.endMs === undefined ? {} : { end: iso(command.endMs) }),
          ...(command.activityId === undefined ? {} : { activityId: command.activityId }),
        }),
      );
      break;
  }
  if ('error' in expected) {
    assert.ok(
      actual instanceof LanewiseError,
      `${command.kind} should fail with ${expected.error}, got ${JSON.stringify(actual)}`,
    );
    assert.equal(actual.code, expected.error, `${command.kind}: ${actual.message}`);
    assert.equal(ledger.snapshot(), before, 'a refused call changes nothing');
  } else {
    assert.ok(
      !(actual instanceof LanewiseError),
      `${command.kind} should succeed, got ${String(actual)}`,
    );
    assert.equal(actual.id, expected.entry.id);
    assert.equal(actual.status, expected.entry.status);
    assert.equal(actual.creditedMinutes, expected.entry.credited);
  }
  return expected;
}

/**
 * The hour ledger's invariants: every entry as the model has it, credited minutes never
 * changed once set, totals equal to the sum of approved entries, and a replay of the log
 * equal to the ledger.
 */
export function checkHoursInvariants(
  model: HoursModel,
  ledger: HoursLedger,
  creditedOnce: Map<string, number>,
  replayPolicy: ModelPolicy,
): void {
  for (const entry of model.entries) {
    const real = ledger.get(entry.id);
    assert.equal(real?.status, entry.status, `status of ${entry.id}`);
    assert.equal(real?.creditedMinutes, entry.credited, `credited minutes of ${entry.id}`);
    if (real?.creditedMinutes !== undefined) {
      const first = creditedOnce.get(entry.id) ?? real.creditedMinutes;
      assert.equal(real.creditedMinutes, first, `credited minutes of ${entry.id} never change`);
      creditedOnce.set(entry.id, first);
    }
  }
  assert.equal(ledger.snapshot().entries.length, model.entries.length);
  for (const volunteerId of VOLUNTEERS) {
    assert.equal(
      ledger.creditedMinutes({ volunteerId }),
      model.credited(volunteerId),
      `credited of ${volunteerId}`,
    );
  }
  assert.equal(ledger.creditedMinutes(), model.credited());
  const replayed = createHoursLedger({
    now: () => new Date(0),
    policy: toPolicy(replayPolicy),
    events: ledger.events(),
  });
  assert.deepEqual(replayed.snapshot(), ledger.snapshot());
}

/** fast-check's report with the assertion that failed (the test runner would hide it). */
export function failureReport<T>(result: fc.RunDetails<T>): string {
  return `${fc.defaultReportMessage(result) ?? ''}\n${String(result.errorInstance)}`;
}

/** The model's policy as the ledger takes it. */
export function toPolicy(policy: ModelPolicy) {
  return {
    unitMinutes: policy.unitMinutes,
    maxMinutesPerEntry: policy.maxMinutesPerEntry,
    ...(policy.maxMinutesPerActivity === null
      ? {}
      : { maxMinutesPerActivity: policy.maxMinutesPerActivity }),
    ...(policy.maxMinutesPerDay === null ? {} : { maxMinutesPerDay: policy.maxMinutesPerDay }),
  };
}
