import { z } from 'zod';
import { daySchema, parseInput } from '../schemas/index.js';
import { dayNumber, dayString, looksLikeDay } from './days.js';
import { calendarEngine, type CalendarEngine } from './engine.js';
import {
  dayOrInstantSchema,
  deadlineSpecSchema,
  instantOrDateSchema,
  workCalendarOptionsSchema,
} from './schemas.js';
import type { DayOrInstant, DeadlineSpec, WorkCalendar, WorkCalendarOptions } from './types.js';

const engines = new WeakMap<WorkCalendar, CalendarEngine>();

/** The trusted engine behind a calendar made here, for hot loops elsewhere in the core. */
export function engineOf(calendar: WorkCalendar): CalendarEngine | undefined {
  return engines.get(calendar);
}

const stepSchema = z.int().min(-100_000).max(100_000);

/**
 * Makes a working-day calendar. `holidays` are days off that would otherwise be working days;
 * `workdays` are make-up working days (调休) that fall on a weekend. `years` are the years the
 * lists are complete for (what {@link WorkCalendar.covers} answers); by default the years that
 * the lists mention.
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
  const weekend = [...(settled.weekend ?? [6, 7])].sort((a, b) => a - b);
  const holidays = new Set(settled.holidays.map(dayNumber));
  const workdays = new Set(settled.workdays.map(dayNumber));
  const mentioned = [...settled.holidays, ...settled.workdays].map((day) =>
    Number(day.slice(0, 4)),
  );
  const years = [...new Set(settled.years ?? mentioned)].sort((a, b) => a - b);
  const covered = new Set(years);
  const engine = calendarEngine(settled.timeZone, weekend, holidays, workdays);

  const toDayNum = (value: DayOrInstant, at: string): number => {
    const parsed = parseInput(dayOrInstantSchema, value, [at]);
    if (typeof parsed === 'string' && looksLikeDay(parsed)) return dayNumber(parsed);
    return engine.dayOfMs(new Date(parsed).getTime());
  };
  const toDay = (value: string, at: string): number =>
    dayNumber(parseInput(daySchema, value, [at]));
  const toMs = (value: string | Date, at: string): number =>
    new Date(parseInput(instantOrDateSchema, value, [at])).getTime();

  const calendar: WorkCalendar = {
    timeZone: settled.timeZone,
    weekend: Object.freeze(weekend),
    years: Object.freeze(years),
    covers: (year) => covered.has(year),
    isWorkingDay: (day) => engine.isWorking(toDayNum(day, 'day')),
    addWorkingDays: (from, n) =>
      dayString(engine.addWorking(toDayNum(from, 'from'), parseInput(stepSchema, n, ['n']))),
    workingDaysBetween: (a, b) => engine.between(toDayNum(a, 'a'), toDayNum(b, 'b')),
    deadline: (receivedAt, spec: DeadlineSpec) =>
      engine.dueAt(toMs(receivedAt, 'receivedAt'), parseInput(deadlineSpecSchema, spec, ['spec'])),
    dayOf: (instant) => dayString(engine.dayOfMs(toMs(instant, 'instant'))),
    startOfDay: (day) => engine.zone.format(engine.startMs(toDay(day, 'day'))),
    endOfDay: (day) => engine.zone.format(engine.endMs(toDay(day, 'day'))),
  };
  Object.freeze(calendar);
  engines.set(calendar, engine);
  return calendar;
}
