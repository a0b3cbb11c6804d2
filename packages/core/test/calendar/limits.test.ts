// Issue 9: the calendar keeps days and instants in 1970-2999, refuses bad arguments with a
// LanewiseError and a path, and hands out nothing a caller can change.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CN_HOLIDAY_NOTICES,
  cnCalendar,
  createWorkCalendar,
  workCalendarOptionsSchema,
} from '../../src/calendar/index.js';
import { CN_CALENDAR_OPTIONS } from '../../src/calendar/cn.js';
import { parseInput } from '../../src/schemas/parse.js';
import { expectLanewiseError } from '../support/expect.js';

describe('calendar: the supported range', () => {
  it('refuses days and instants before 1970 or after 2999, and years 0000-0099', () => {
    for (const day of ['0099-01-24', '0001-01-01', '1900-03-01', '1969-12-31', '3000-01-01']) {
      expectLanewiseError(() => cnCalendar.isWorkingDay(day), 'INVALID_INPUT', ['day']);
      expectLanewiseError(() => cnCalendar.endOfDay(day), 'INVALID_INPUT', ['day']);
    }
    for (const instant of ['1900-01-24T10:00:00+08:00', '+010000-01-01T00:00:00Z', new Date(-1)]) {
      expectLanewiseError(() => cnCalendar.dayOf(instant), 'INVALID_INPUT', ['instant']);
      expectLanewiseError(() => cnCalendar.deadline(instant, { hours: 1 }), 'INVALID_INPUT', [
        'receivedAt',
      ]);
    }
    expectLanewiseError(
      () => createWorkCalendar({ timeZone: 'UTC', holidays: ['0050-01-01'] }),
      'INVALID_INPUT',
      ['holidays', 0],
    );
    expectLanewiseError(
      () => createWorkCalendar({ timeZone: 'UTC', years: [1900] }),
      'INVALID_INPUT',
      ['years', 0],
    );
  });

  it('refuses a result outside the range at the argument that caused it', () => {
    expectLanewiseError(() => cnCalendar.addWorkingDays('2999-12-30', 5), 'INVALID_INPUT', ['n']);
    expectLanewiseError(() => cnCalendar.addWorkingDays('1970-01-02', -5), 'INVALID_INPUT', ['n']);
    expectLanewiseError(
      () => cnCalendar.deadline('2999-12-31T10:00:00+08:00', { workingDays: 1 }),
      'INVALID_INPUT',
      ['spec'],
    );
    // The first day's start in Asia/Shanghai is before 1970-01-01T00:00Z.
    expectLanewiseError(() => cnCalendar.startOfDay('1970-01-01'), 'INVALID_INPUT', ['day']);
    assert.equal(cnCalendar.endOfDay('2999-12-31'), '2999-12-31T23:59:59.999+08:00');
    assert.equal(
      cnCalendar.deadline('2999-12-31T10:00:00+08:00', { workingDays: 0 }),
      '2999-12-31T23:59:59.999+08:00',
    );
    assert.equal(cnCalendar.dayOf('1970-01-01T00:00:00Z'), '1970-01-01');
  });

  it('counts plain weekends outside the years of the holiday data, and says so', () => {
    assert.deepEqual(
      cnCalendar.years,
      CN_HOLIDAY_NOTICES.map((notice) => notice.year),
    );
    assert.equal(cnCalendar.covers(2023), false);
    assert.equal(cnCalendar.isWorkingDay('2023-10-02'), true); // a national holiday, unknown here
    assert.equal(cnCalendar.isWorkingDay('2999-12-28'), false); // a Saturday
  });
});

describe('calendar: bad arguments', () => {
  it('refuses null, wrong types and unknown keys with a path', () => {
    expectLanewiseError(() => createWorkCalendar(null as never), 'INVALID_INPUT', []);
    expectLanewiseError(
      () => createWorkCalendar({ timeZone: 'UTC', extra: 1 } as never),
      'INVALID_INPUT',
      ['extra'],
    );
    expectLanewiseError(() => cnCalendar.isWorkingDay(null as never), 'INVALID_INPUT', ['day']);
    expectLanewiseError(() => cnCalendar.isWorkingDay(20250124 as never), 'INVALID_INPUT', ['day']);
    expectLanewiseError(
      () => cnCalendar.addWorkingDays('2025-01-24', '1' as never),
      'INVALID_INPUT',
      ['n'],
    );
    expectLanewiseError(() => cnCalendar.addWorkingDays('2025-01-24', 1e9), 'INVALID_INPUT', ['n']);
    expectLanewiseError(
      () => cnCalendar.workingDaysBetween('2025-01-24', undefined as never),
      'INVALID_INPUT',
      ['b'],
    );
    expectLanewiseError(
      () => cnCalendar.deadline('2025-01-24T10:00:00+08:00', null as never),
      'INVALID_INPUT',
      ['spec'],
    );
    expectLanewiseError(
      () => cnCalendar.deadline('2025-01-24T10:00:00+08:00', { hours: 1, workingDays: 1 } as never),
      'INVALID_INPUT',
      ['spec'],
    );
    expectLanewiseError(
      () => cnCalendar.deadline('2025-01-24T10:00:00+08:00', Object.create({ hours: 1 }) as never),
      'INVALID_INPUT',
      ['spec'],
    );
    expectLanewiseError(() => cnCalendar.dayOf({} as never), 'INVALID_INPUT', ['instant']);
    expectLanewiseError(() => cnCalendar.startOfDay(null as never), 'INVALID_INPUT', ['day']);
    expectLanewiseError(() => cnCalendar.covers('2025' as never), 'INVALID_INPUT', ['year']);
    expectLanewiseError(() => cnCalendar.covers(null as never), 'INVALID_INPUT', ['year']);
  });

  it('refuses days named like Object.prototype keys', () => {
    for (const day of ['constructor', '__proto__', 'toString']) {
      expectLanewiseError(() => cnCalendar.isWorkingDay(day), 'INVALID_INPUT', ['day']);
      expectLanewiseError(
        () => createWorkCalendar({ timeZone: 'UTC', holidays: [day] }),
        'INVALID_INPUT',
        ['holidays', 0],
      );
    }
  });
});

describe('calendar: frozen', () => {
  it('hands out frozen calendars, weekends, years and shipped notices', () => {
    for (const calendar of [cnCalendar, createWorkCalendar({ timeZone: 'UTC', weekend: [5, 6] })]) {
      assert.ok(Object.isFrozen(calendar));
      assert.ok(Object.isFrozen(calendar.weekend));
      assert.ok(Object.isFrozen(calendar.years));
    }
    assert.ok(Object.isFrozen(CN_HOLIDAY_NOTICES));
    const [first] = CN_HOLIDAY_NOTICES;
    assert.ok(first && Object.isFrozen(first) && Object.isFrozen(first.holidays));
    assert.ok(Object.isFrozen(first.holidays[0]) && Object.isFrozen(first.workdays));
    assert.throws(() => {
      (cnCalendar.weekend as number[]).push(1);
    }, TypeError);
  });

  it('ships holiday data that passes the options schema', () => {
    assert.doesNotThrow(() => parseInput(workCalendarOptionsSchema, CN_CALENDAR_OPTIONS));
  });
});
