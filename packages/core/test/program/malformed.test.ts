// 10,000 generated malformed inputs per entry point of the program (its hour and point
// ledgers have their own): each refused with INVALID_INPUT naming the bad piece, changing nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { LanewiseError } from '../../src/errors/index.js';
import { createVolunteerProgram, type VolunteerProgram } from '../../src/program/index.js';

const RUNS = 10_000;
const now = manualClock('2025-03-10T12:00:00+08:00').now;

const notNumber = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const badRate = fc.oneof(
  notNumber,
  fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1_000_001, 0.00001, 10.12345),
  fc
    .double({ min: 0.0001, max: 100, noNaN: true })
    .filter((value) => Math.abs(value * 1e4 - Math.round(value * 1e4)) > 1e-3),
);
const badMultiplier = fc.oneof(notNumber, fc.constantFrom(-0.5, -1, 1001, Number.NaN, 1.00001));
const badId = fc.oneof(
  fc.integer(),
  fc.constant(null),
  fc.constant(''),
  fc.string({ minLength: 201, maxLength: 230 }),
  fc.string({ maxLength: 5 }).map((text) => `${text}\u0000`),
);

interface Case {
  readonly args: unknown;
  readonly path: string;
  /** A log is refused as a log; everything else as input. */
  readonly code?: 'INVALID_LOG';
}

function refusesAll(
  arbitrary: fc.Arbitrary<Case>,
  call: (args: unknown) => unknown,
  program?: VolunteerProgram,
) {
  const before = program?.snapshot();
  fc.assert(
    fc.property(arbitrary, ({ args, path, code }) => {
      let caught: unknown;
      try {
        call(args);
      } catch (error) {
        caught = error;
      }
      assert.ok(caught instanceof LanewiseError, `accepted ${JSON.stringify(args)}`);
      assert.equal(caught.code, code ?? 'INVALID_INPUT');
      assert.ok(
        caught.path.join('.').startsWith(path),
        `${caught.path.join('.')} is not under ${path}`,
      );
      if (program) assert.equal(program.snapshot(), before);
    }),
    { numRuns: RUNS },
  );
}

describe('program: malformed input', () => {
  it(`createVolunteerProgram: ${RUNS.toLocaleString('en')} malformed options are refused with INVALID_INPUT`, () => {
    const policy = {
      pointsPerHour: 10,
      multipliers: { elderly: 1.5 },
      unitMinutes: 30,
      expireAfterMonths: 12,
    };
    const options = fc.oneof(
      badRate.map((value) => ({
        args: { now, policy: { ...policy, pointsPerHour: value } },
        path: 'policy.pointsPerHour',
      })),
      badMultiplier.map((value) => ({
        args: { now, policy: { ...policy, multipliers: { elderly: value } } },
        path: 'policy.multipliers',
      })),
      fc.oneof(notNumber, fc.constant(1)).map((value) => ({
        args: { now, policy: { ...policy, multipliers: value } },
        path: 'policy.multipliers',
      })),
      badId
        .filter((key) => typeof key === 'string')
        .map((key) => ({
          args: { now, policy: { ...policy, multipliers: { [key as string]: 2 } } },
          path: 'policy.multipliers',
        })),
      fc.oneof(notNumber, fc.constantFrom(0, 2.5, -30, 2000)).map((value) => ({
        args: { now, policy: { ...policy, unitMinutes: value } },
        path: 'policy.unitMinutes',
      })),
      fc.oneof(notNumber, fc.constantFrom(0, 1.5, -1)).map((value) => ({
        args: { now, policy: { ...policy, expireAfterMonths: value } },
        path: 'policy.expireAfterMonths',
      })),
      fc
        .string({ minLength: 1, maxLength: 10 })
        .filter(
          (key) =>
            !(key in policy) &&
            ![
              'maxMinutesPerEntry',
              'maxMinutesPerActivity',
              'maxMinutesPerDay',
              'starThresholdsHours',
              'redemptionHoldMinutes',
              '__proto__',
            ].includes(key),
        )
        .map((key) => ({ args: { now, policy: { ...policy, [key]: 1 } }, path: 'policy' })),
      fc
        .oneof(
          fc.integer(),
          fc.string(),
          fc.constant(null),
          fc.array(fc.integer(), { maxLength: 2 }),
        )
        .map((value) => ({ args: { now, policy: value }, path: 'policy' })),
      fc
        .oneof(fc.constantFrom('Mars/Base', 'UTC+8', '', 'Asia/Shang hai'), fc.integer())
        .map((value) => ({ args: { now, timeZone: value }, path: 'timeZone' })),
      fc
        .oneof(fc.integer(), fc.string(), fc.constant(null), fc.constant(new Date(0)))
        .map((value) => ({ args: { now: value }, path: 'now' })),
      fc
        .oneof(fc.integer(), fc.string(), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }))
        .map((value) => ({
          args: { now, events: value },
          path: 'events',
          code: 'INVALID_LOG' as const,
        })),
      fc
        .record({
          seq: fc.constant(1),
          type: fc.string({ maxLength: 8 }).filter((type) => type !== 'hours' && type !== 'points'),
          at: fc.constant('2025-03-01T00:00:00Z'),
          data: fc.constant({}),
        })
        .map((event) => ({
          args: { now, events: [event] },
          path: 'events.0',
          code: 'INVALID_LOG' as const,
        })),
    );
    refusesAll(options, (args) => createVolunteerProgram(args as never));
  });

  it(`pointsFor: ${RUNS.toLocaleString('en')} malformed inputs are refused with INVALID_INPUT`, () => {
    const program = createVolunteerProgram({ now });
    const inputs = fc.oneof(
      fc
        .oneof(notNumber, fc.constantFrom(-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY))
        .map((minutes) => ({ args: [minutes, []], path: 'creditedMinutes' })),
      fc
        .oneof(fc.integer(), fc.string(), fc.constant(null))
        .map((tags) => ({ args: [60, tags], path: 'tags' })),
      badId.map((tag) => ({ args: [60, ['ok', tag]], path: 'tags' })),
    );
    refusesAll(inputs, (args) => program.pointsFor(...(args as [never, never])), program);
  });

  it(`standing: ${RUNS.toLocaleString('en')} malformed ids are refused with INVALID_INPUT`, () => {
    const program = createVolunteerProgram({ now });
    refusesAll(
      badId.map((id) => ({ args: id, path: 'volunteerId' })),
      (id) => program.standing(id as never),
      program,
    );
  });
});
