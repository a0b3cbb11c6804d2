import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cnCalendar, createWorkCalendar } from '../../src/calendar/index.js';
import { isLanewiseError } from '../../src/errors/index.js';

const due = (receivedAt: string, workingDays: number) =>
  cnCalendar.deadline(receivedAt, { workingDays });

describe('cnCalendar deadlines in working days', () => {
  it('counts the Spring Festival example of the issue: Friday 2025-01-24 + 3 is 2025-02-05', () => {
    // 01-26 (a Sunday worked in lieu) and 01-27 count; 01-28..02-04 is the holiday.
    assert.equal(due('2025-01-24T10:00:00+08:00', 3), '2025-02-05T23:59:59.999+08:00');
    assert.equal(due('2025-01-24T10:00:00+08:00', 1), '2025-01-26T23:59:59.999+08:00');
    assert.equal(due('2025-01-24T10:00:00+08:00', 2), '2025-01-27T23:59:59.999+08:00');
  });

  it('makes N = 0 the end of the day of receipt, even on a day off', () => {
    assert.equal(due('2025-01-24T08:00:00+08:00', 0), '2025-01-24T23:59:59.999+08:00');
    assert.equal(due('2025-02-01T08:00:00+08:00', 0), '2025-02-01T23:59:59.999+08:00');
  });

  it('reads the day of receipt in the calendar zone: 23:30 local is still that day', () => {
    assert.equal(due('2025-01-24T23:30:00+08:00', 0), '2025-01-24T23:59:59.999+08:00');
    assert.equal(due('2025-01-24T15:30:00Z', 0), '2025-01-24T23:59:59.999+08:00');
    // 16:30Z is 00:30 on Saturday 01-25 in Shanghai: the count starts from Saturday.
    assert.equal(due('2025-01-24T16:30:00Z', 0), '2025-01-25T23:59:59.999+08:00');
    assert.equal(due('2025-01-24T16:30:00Z', 1), '2025-01-26T23:59:59.999+08:00');
    assert.equal(cnCalendar.dayOf('2025-01-24T16:30:00Z'), '2025-01-25');
  });

  it('skips the other 2025 holidays and counts their make-up days', () => {
    const cases: [string, number, string][] = [
      ['2024-12-31', 1, '2025-01-02'], // New Year's Day off
      ['2025-02-07', 1, '2025-02-08'], // Saturday 02-08 worked in lieu
      ['2025-04-03', 1, '2025-04-07'], // Qingming 04-04..04-06
      ['2025-04-25', 1, '2025-04-27'], // Sunday 04-27 worked in lieu
      ['2025-04-25', 4, '2025-04-30'],
      ['2025-04-25', 5, '2025-05-06'], // Labour Day 05-01..05-05
      ['2025-05-30', 1, '2025-06-03'], // Dragon Boat 05-31..06-02
      ['2025-09-26', 1, '2025-09-28'], // Sunday 09-28 worked in lieu
      ['2025-09-30', 1, '2025-10-09'], // National Day and Mid-Autumn 10-01..10-08
      ['2025-09-30', 2, '2025-10-10'],
      ['2025-09-30', 3, '2025-10-11'], // Saturday 10-11 worked in lieu
    ];
    for (const [from, n, expected] of cases) {
      assert.equal(cnCalendar.addWorkingDays(from, n), expected, `${from} + ${n}`);
      assert.equal(due(`${from}T09:00:00+08:00`, n), `${expected}T23:59:59.999+08:00`);
    }
  });

  it('crosses years, into the 2026 arrangement', () => {
    // 2026-01-01..03 off, Sunday 01-04 worked in lieu.
    assert.equal(cnCalendar.addWorkingDays('2025-12-31', 1), '2026-01-04');
    assert.equal(cnCalendar.addWorkingDays('2025-12-31', 2), '2026-01-05');
    assert.equal(cnCalendar.addWorkingDays('2026-02-13', 1), '2026-02-14');
    assert.equal(cnCalendar.addWorkingDays('2026-02-13', 2), '2026-02-24');
    assert.equal(cnCalendar.workingDaysBetween('2025-12-31', '2026-01-05'), 2);
  });

  it('counts backwards with a negative n', () => {
    // 01-27, 01-26 (worked in lieu), then back over the weekend to Friday 01-24.
    assert.equal(cnCalendar.addWorkingDays('2025-02-05', -3), '2025-01-24');
    assert.equal(cnCalendar.addWorkingDays('2025-02-05', -2), '2025-01-26');
    assert.equal(cnCalendar.addWorkingDays('2025-02-05', 0), '2025-02-05');
  });

  it('adds plain hours for emergencies, across midnight, in the zone offset', () => {
    assert.equal(
      cnCalendar.deadline('2025-01-24T23:30:00+08:00', { hours: 2 }),
      '2025-01-25T01:30:00.000+08:00',
    );
    assert.equal(
      cnCalendar.deadline(new Date('2025-01-24T02:00:00Z'), { hours: 0.5 }),
      '2025-01-24T10:30:00.000+08:00',
    );
  });
});

describe('cnCalendar days', () => {
  it('knows make-up workdays and holidays that no weekday rule derives', () => {
    assert.equal(cnCalendar.isWorkingDay('2025-01-26'), true);
    assert.equal(cnCalendar.isWorkingDay('2025-01-27'), true);
    assert.equal(cnCalendar.isWorkingDay('2025-01-28'), false);
    assert.equal(cnCalendar.isWorkingDay('2025-02-01'), false);
    assert.equal(cnCalendar.isWorkingDay('2025-10-08'), false);
    assert.equal(cnCalendar.isWorkingDay('2025-10-11'), true);
    assert.equal(cnCalendar.isWorkingDay('2024-02-18'), true);
    assert.equal(cnCalendar.isWorkingDay('2024-06-10'), false);
  });

  it('reads an instant as its day in Asia/Shanghai', () => {
    assert.equal(cnCalendar.isWorkingDay('2025-01-25T15:59:59+00:00'), false); // 23:59 Saturday
    assert.equal(cnCalendar.isWorkingDay('2025-01-25T16:00:00Z'), true); // 00:00 Sunday 01-26, worked
    assert.equal(cnCalendar.isWorkingDay(new Date('2025-01-25T16:00:00Z')), true);
  });

  it('says which years it covers and falls back to plain weekends outside them', () => {
    assert.deepEqual(cnCalendar.years, [2024, 2025, 2026]);
    assert.equal(cnCalendar.covers(2025), true);
    assert.equal(cnCalendar.covers(2023), false);
    assert.equal(cnCalendar.covers(2027), false);
    // 2027-01-01 is a Friday: without data it is a working day.
    assert.equal(cnCalendar.isWorkingDay('2027-01-01'), true);
    assert.equal(cnCalendar.isWorkingDay('2027-01-02'), false);
    assert.equal(cnCalendar.addWorkingDays('2027-01-01', 1), '2027-01-04');
  });

  it('gives day bounds with the offset', () => {
    assert.equal(cnCalendar.startOfDay('2025-02-05'), '2025-02-05T00:00:00.000+08:00');
    assert.equal(cnCalendar.endOfDay('2025-02-05'), '2025-02-05T23:59:59.999+08:00');
  });

  it('inverts addWorkingDays with workingDaysBetween and lands on working days', () => {
    const day = fc
      .integer({ min: Date.UTC(2023, 11, 1) / 864e5, max: Date.UTC(2027, 1, 1) / 864e5 })
      .map((n) => new Date(n * 864e5).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), (from, n) => {
        const to = cnCalendar.addWorkingDays(from, n);
        assert.equal(cnCalendar.workingDaysBetween(from, to), n);
        assert.equal(cnCalendar.workingDaysBetween(to, from), -n || 0);
        if (n === 0) return;
        assert.equal(cnCalendar.isWorkingDay(to), true);
        // Counting back from a working day returns to the latest working day on or before `from`.
        const back = cnCalendar.addWorkingDays(to, -n);
        assert.ok(back <= from && cnCalendar.workingDaysBetween(back, from) === 0);
      }),
    );
  });
});

describe('createWorkCalendar', () => {
  it('keeps its own zone, with daylight saving', () => {
    const berlin = createWorkCalendar({
      timeZone: 'Europe/Berlin',
      holidays: ['2025-04-18'],
      workdays: [],
    });
    assert.equal(berlin.startOfDay('2025-03-30'), '2025-03-30T00:00:00.000+01:00');
    assert.equal(berlin.endOfDay('2025-03-30'), '2025-03-30T23:59:59.999+02:00');
    assert.equal(
      berlin.deadline('2025-04-17T12:00:00+02:00', { workingDays: 1 }),
      '2025-04-21T23:59:59.999+02:00',
    );
    assert.equal(
      berlin.deadline('2025-03-30T00:30:00+01:00', { hours: 2 }),
      '2025-03-30T03:30:00.000+02:00',
    );
    assert.equal(berlin.covers(2025), true);
    assert.equal(berlin.covers(2026), false);
  });

  it('takes another weekend and explicit covered years', () => {
    const gulf = createWorkCalendar({
      timeZone: 'Asia/Dubai',
      weekend: [6, 7],
      holidays: [],
      workdays: ['2025-03-01'],
      years: [2025, 2026],
    });
    assert.equal(gulf.isWorkingDay('2025-03-01'), true);
    assert.equal(gulf.covers(2026), true);
    const friSat = createWorkCalendar({
      timeZone: 'Asia/Riyadh',
      weekend: [5, 6],
      holidays: [],
      workdays: [],
    });
    assert.equal(friSat.isWorkingDay('2025-01-24'), false); // Friday
    assert.equal(friSat.isWorkingDay('2025-01-26'), true); // Sunday
    assert.deepEqual(friSat.years, []);
  });

  it('refuses bad options with INVALID_INPUT and the path', () => {
    const refuses = (options: unknown, path: (string | number)[]) =>
      assert.throws(
        () => createWorkCalendar(options as never),
        (error) =>
          isLanewiseError(error, 'INVALID_INPUT') &&
          assert.deepEqual(error.path, path) === undefined,
      );
    refuses({ timeZone: 'Mars/Olympus', holidays: [], workdays: [] }, ['timeZone']);
    refuses({ timeZone: 'UTC', holidays: ['2025-02-30'], workdays: [] }, ['holidays', 0]);
    refuses({ timeZone: 'UTC', holidays: ['2025-10-11'], workdays: ['2025-10-11'] }, [
      'workdays',
      0,
    ]);
    refuses({ timeZone: 'UTC', weekend: [1, 2, 3, 4, 5, 6, 7], holidays: [], workdays: [] }, [
      'weekend',
    ]);
    refuses({ timeZone: 'UTC', weekend: [0], holidays: [], workdays: [] }, ['weekend', 0]);
  });

  it('refuses bad arguments to its methods', () => {
    const code = (fn: () => unknown, path: (string | number)[]) =>
      assert.throws(
        fn,
        (error) =>
          isLanewiseError(error, 'INVALID_INPUT') &&
          assert.deepEqual(error.path, path) === undefined,
      );
    code(() => cnCalendar.deadline('2025-01-24T10:00:00+08:00', { days: 3 } as never), ['spec']);
    code(() => cnCalendar.deadline('2025-01-24T10:00:00+08:00', { workingDays: 1.5 }), ['spec']);
    code(() => cnCalendar.deadline('2025-01-24 10:00', { hours: 1 }), ['receivedAt']);
    code(() => cnCalendar.deadline('2025-01-24T10:00:00', { hours: 1 }), ['receivedAt']);
    code(() => cnCalendar.isWorkingDay('tomorrow'), ['day']);
    code(() => cnCalendar.addWorkingDays('2025-01-24', 0.5), ['n']);
    code(() => cnCalendar.endOfDay('2025-13-01'), ['day']);
  });
});
