// A calendar object from settled options: the argument checks (checks.ts) wired to the
// trusted arithmetic (engine.ts). The factory that parses options is calendar.ts.
import { invalidField } from '../schemas/parse.js';
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
import type { WorkCalendar } from './api.js';

// The engine rides on the calendar under a symbol no caller can name, so the router finds it
// without a registry shared between calendars.
const ENGINE = Symbol('lanewise.calendarEngine');

/** The trusted engine behind a calendar made by `createWorkCalendar`, else undefined. */
export function engineOf(calendar: unknown): CalendarEngine | undefined {
  return typeof calendar === 'object' && calendar !== null && Object.hasOwn(calendar, ENGINE)
    ? ((calendar as Record<symbol, CalendarEngine>)[ENGINE] as CalendarEngine)
    : undefined;
}

/** Settled options: what `workCalendarOptionsSchema` gives. */
export interface SettledCalendarOptions {
  readonly timeZone: string;
  readonly weekend?: readonly number[] | undefined;
  readonly holidays?: readonly string[] | undefined;
  readonly workdays?: readonly string[] | undefined;
  readonly years?: readonly number[] | undefined;
}

/** Builds a calendar from options already checked (by the schema, or shipped data). */
export function buildCalendar(settled: SettledCalendarOptions): WorkCalendar {
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
    dayOf: (at) =>
      dayString(inRange(engine.dayOfMs(instantArgument(at, ['instant'])), ['instant'])),
    startOfDay: (day) => format(engine.startMs(dayArgument(day, ['day'])), 'day'),
    endOfDay: (day) => format(engine.endMs(dayArgument(day, ['day'])), 'day'),
  };
  Object.defineProperty(calendar, ENGINE, { value: engine });
  return Object.freeze(calendar);
}
