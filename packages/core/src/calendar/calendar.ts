// The factory of working-day calendars: settles the options, then wires the argument checks
// (checks.ts) to the trusted arithmetic (engine.ts).
import { invalidField, parseInput } from '../schemas/parse.js';
import { inInstantRange } from '../time/constants.js';
import {
  dayArgument,
  dayOrInstantArgument,
  deadlineArgument,
  inRange,
  instantArgument,
  stepArgument,
  yearArgument,
} from './checks.js';
import { dayNumber, dayString } from './days.js';
import { calendarEngine, type CalendarEngine } from './engine.js';
import { workCalendarOptionsSchema } from './schemas.js';
import type { WorkCalendar, WorkCalendarOptions } from './api.js';

// The engine rides on the calendar under a symbol no caller can name, so the router finds it
// without a registry shared between calendars.
const ENGINE = Symbol('lanewise.calendarEngine');

/** The trusted engine behind a calendar made by {@link createWorkCalendar}, else undefined. */
export function engineOf(calendar: unknown): CalendarEngine | undefined {
  return typeof calendar === 'object' && calendar !== null && Object.hasOwn(calendar, ENGINE)
    ? ((calendar as Record<symbol, CalendarEngine>)[ENGINE] as CalendarEngine)
    : undefined;
}

/**
 * Makes a working-day calendar. `holidays` are days off that would otherwise be working days;
 * `workdays` are make-up working days (调休) that fall on a weekend. `years` are the years the
 * lists are complete for (what {@link WorkCalendar.covers} answers); by default the years that
 * the lists mention. Days and instants are supported from 1970 to 2999; outside the covered
 * years the calendar counts the weekend alone.
 *
 * @throws `INVALID_INPUT` for an unknown zone, a bad day, or a day that is both a holiday and a workday.
 * @example
 * ```ts
 * const calendar = createWorkCalendar({
 *   timeZone: 'Asia/Shanghai',
 *   holidays: ['2025-10-01', '2025-10-02'],
 *   workdays: ['2025-09-28'],
 * });
 * calendar.isWorkingDay('2025-09-28'); // true: a Sunday worked in lieu
 * calendar.addWorkingDays('2025-09-30', 1); // '2025-10-03'
 * calendar.deadline('2025-09-30T10:00:00+08:00', { workingDays: 0 }); // '2025-09-30T23:59:59.999+08:00'
 * ```
 */
export function createWorkCalendar(options: WorkCalendarOptions): WorkCalendar {
  const settled = parseInput(workCalendarOptionsSchema, options);
  const holidayList = settled.holidays ?? [];
  const workdayList = settled.workdays ?? [];
  const weekend = [...(settled.weekend ?? [6, 7])].sort((a, b) => a - b);
  const holidays = new Set(holidayList.map(dayNumber));
  const workdays = new Set(workdayList.map(dayNumber));
  const mentioned = [...holidayList, ...workdayList].map((day) => Number(day.slice(0, 4)));
  const years = [...new Set(settled.years ?? mentioned)].sort((a, b) => a - b);
  const covered = new Set(years);
  const engine = calendarEngine(settled.timeZone, weekend, holidays, workdays);
  const dayOf = (value: unknown, path: string) =>
    dayOrInstantArgument(value, [path], engine.dayOfMs);
  const format = (ms: number, path: string): string => {
    if (!inInstantRange(ms)) throw invalidField([path], 'gives an instant outside 1970 to 2999');
    return engine.zone.format(ms);
  };

  const calendar: WorkCalendar = {
    timeZone: settled.timeZone,
    weekend: Object.freeze(weekend),
    years: Object.freeze(years),
    covers: (year) => covered.has(yearArgument(year, ['year'])),
    isWorkingDay: (day) => engine.isWorking(dayOf(day, 'day')),
    addWorkingDays(from, n) {
      const start = dayOf(from, 'from');
      return dayString(inRange(engine.addWorking(start, stepArgument(n, ['n'])), ['n']));
    },
    workingDaysBetween: (a, b) => engine.between(dayOf(a, 'a'), dayOf(b, 'b')),
    deadline(receivedAt, spec) {
      const from = instantArgument(receivedAt, ['receivedAt']);
      const due = engine.dueAt(from, deadlineArgument(spec, ['spec']));
      if (due === undefined) throw invalidField(['spec'], 'gives a due instant after 2999');
      return due;
    },
    dayOf: (at) => dayString(inRange(engine.dayOfMs(instantArgument(at, ['instant'])), ['instant'])),
    startOfDay: (day) => format(engine.startMs(dayArgument(day, ['day'])), 'day'),
    endOfDay: (day) => format(engine.endMs(dayArgument(day, ['day'])), 'day'),
  };
  Object.defineProperty(calendar, ENGINE, { value: engine });
  return Object.freeze(calendar);
}

