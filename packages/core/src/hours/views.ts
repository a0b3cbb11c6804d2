// The reads of the hour ledger: entries as callers see them, lists, totals, summaries, star
// levels and certificates. Nothing here changes the state.
import { readClock, type Clock } from '../clock.js';
import { LanewiseError } from '../errors/error.js';
import { idSchema } from '../schemas/common.js';
import { parseInput } from '../schemas/parse.js';
import type { ZoneDays } from '../time/days.js';
import { instantMs } from '../time/parse.js';
import { starLevelOf } from './policy.js';
import {
  creditedMinutesFilterSchema,
  hoursCertificateOptionsSchema,
  hoursListFilterSchema,
  hoursSummaryOptionsSchema,
} from './schemas.js';
import { chained } from './store/books.js';
import { APPROVED, REJECTED } from './store/entry-table.js';
import type { EntryViews } from './store/entry-views.js';
import type { FastInput } from './store/fast-input.js';
import {
  activityOf,
  findActivity,
  findBook,
  statusOf,
  volunteerOf,
  type HoursState,
} from './store/state.js';
import type {
  HourEntry,
  HoursCertificate,
  HoursCertificateActivity,
  HoursSummaryRow,
  ResolvedHoursPolicy,
} from './types.js';

/** What the read side needs. */
export interface QueryContext {
  readonly state: HoursState;
  /** Where entry objects for readers come from. */
  readonly views: EntryViews;
  readonly policy: ResolvedHoursPolicy;
  readonly days: ZoneDays;
  readonly now: Clock;
  readonly fast: FastInput;
}

/**
 * The entry of `row` as it stands, a new frozen object, every instant in the ledger's zone.
 * Every entry has every field in one order (absent ones `undefined`): one shape keeps
 * property access fast for those who read many.
 */
export function buildEntry(state: HoursState, row: number): HourEntry {
  const { table, stamps, texts } = state;
  const approvedAt = table.approvedAt(row);
  const approved = approvedAt >= 0;
  // Only closed rows have a closure.
  const closure = table.status(row) >= REJECTED ? table.closure(row) : undefined;
  const startMs = table.startMs(row);
  return Object.freeze({
    id: table.id(row),
    volunteerId: volunteerOf(state, row),
    activityId: activityOf(state, row),
    start: texts.format(startMs),
    end: texts.format(table.endMs(row)),
    durationMinutes: table.durationMinutes(row),
    day: state.days.dayOf(startMs),
    recordedBy: table.recordedBy(row),
    recordedAt: stamps.zonedText(table.recordedAt(row)),
    note: table.note(row),
    tags: table.tagsOf(row),
    status: statusOf(state, row),
    creditedMinutes: approved ? table.credited(row) : undefined,
    approvedBy: table.approvedBy(row),
    approvedAt: approved ? stamps.zonedText(approvedAt) : undefined,
    closedBy: closure?.by,
    closedAt: closure === undefined ? undefined : stamps.zonedText(closure.at),
    reason: closure?.reason,
    supersededBy: closure?.supersededBy,
    corrects: table.corrects(row),
  });
}

interface Bounds {
  readonly from: number;
  readonly to: number;
  readonly bounded: boolean;
}

/** A bound that passed its schema is an instant or else a day. */
const isDay = (bound: string) => Number.isNaN(instantMs(bound));

/** Turns `from`/`to` (instants, or local days inclusive) into `[from, to)` milliseconds. */
function boundsOf(days: ZoneDays, span: { from?: string; to?: string }): Bounds {
  const from =
    span.from === undefined
      ? -Infinity
      : isDay(span.from)
        ? days.startOfDay(span.from)
        : instantMs(span.from);
  const to =
    span.to === undefined ? Infinity : isDay(span.to) ? days.endOfDay(span.to) : instantMs(span.to);
  if (to < from) {
    throw new LanewiseError('INVALID_INPUT', 'to: is before from', { path: ['to'] });
  }
  return { from, to, bounded: span.from !== undefined || span.to !== undefined };
}

/** The rows to look at for a filter: one volunteer's, one activity's, or all (in row order). */
function candidates(
  state: HoursState,
  filter: { volunteerId?: string; activityId?: string },
): readonly number[] | undefined {
  if (filter.volunteerId !== undefined) {
    const book = findBook(state, filter.volunteerId);
    return book ? chained(book, (row) => state.table.previousOfVolunteer(row)) : [];
  }
  if (filter.activityId !== undefined) {
    const book = findActivity(state, filter.activityId);
    return book ? chained(book, (row) => state.table.previousOfActivity(row)) : [];
  }
  return undefined;
}

/** The rows that match the filter and bounds, in the order recorded. */
function matching(
  state: HoursState,
  filter: { volunteerId?: string; activityId?: string },
  bounds: Bounds,
): number[] {
  const { table } = state;
  const rows = candidates(state, filter);
  const total = rows ? rows.length : state.table.size;
  const result: number[] = [];
  for (let index = 0; index < total; index += 1) {
    const row = rows ? rows[index]! : index;
    if (filter.volunteerId !== undefined && volunteerOf(state, row) !== filter.volunteerId) {
      continue;
    }
    if (filter.activityId !== undefined && activityOf(state, row) !== filter.activityId) continue;
    const start = table.startMs(row);
    if (start < bounds.from || start >= bounds.to) continue;
    result.push(row);
  }
  return result;
}

/** Sorts rows by start, then by row (the order recorded): a stable sort on the starts. */
function byStart(state: HoursState, rows: number[]): number[] {
  const { table } = state;
  return rows.sort((left, right) => table.startMs(left) - table.startMs(right) || left - right);
}

/** `list`: the matching entries in order of start (then of recording). */
export function listEntries(context: QueryContext, filter: unknown = {}): HourEntry[] {
  const parsed = parseInput(hoursListFilterSchema, filter);
  const bounds = boundsOf(context.days, parsed);
  const statuses =
    parsed.status === undefined
      ? undefined
      : new Set(Array.isArray(parsed.status) ? parsed.status : [parsed.status]);
  const { state, views } = context;
  const rows = matching(state, parsed, bounds).filter(
    (row) => statuses === undefined || statuses.has(statusOf(state, row)),
  );
  return byStart(state, rows).map((row) => views.read(row));
}

/** `creditedMinutes`: O(1) from the running totals unless a span is asked for. */
export function sumCredited(context: QueryContext, filter: unknown = {}): number {
  const { state } = context;
  const total = context.fast.totalFilter(filter);
  if (total) return runningTotal(state, total.volunteerId, total.activityId);
  const parsed = parseInput(creditedMinutesFilterSchema, filter);
  const bounds = boundsOf(context.days, parsed);
  if (!bounds.bounded) return runningTotal(state, parsed.volunteerId, parsed.activityId);
  const { table } = state;
  let sum = 0;
  for (const row of matching(state, parsed, bounds)) {
    if (table.status(row) === APPROVED) sum += table.credited(row);
  }
  return sum;
}

/** The kept totals: O(1). */
function runningTotal(state: HoursState, volunteerId?: string, activityId?: string): number {
  if (volunteerId !== undefined) {
    const volunteer = findBook(state, volunteerId);
    if (activityId === undefined || !volunteer) return volunteer?.credited ?? 0;
    const activity = findActivity(state, activityId);
    return activity ? state.byActivity.get(volunteer.number, activity.number) : 0;
  }
  if (activityId !== undefined) return findActivity(state, activityId)?.credited ?? 0;
  return state.credited;
}

/** A bound as given, a day as it is and an instant in the ledger's zone. */
function zoned(state: HoursState, bound: string): string {
  return isDay(bound) ? bound : state.texts.format(instantMs(bound));
}

/** `summary`: credited minutes and approved entries per key and period. */
export function summarise(context: QueryContext, options: unknown): HoursSummaryRow[] {
  const parsed = parseInput(hoursSummaryOptionsSchema, options);
  const bounds = boundsOf(context.days, parsed);
  const rows = new Map<
    string,
    { key: string; period: string | null; minutes: number; entries: number }
  >();
  const { state } = context;
  const { table } = state;
  for (const at of matching(state, {}, bounds)) {
    if (table.status(at) !== APPROVED) continue;
    const key = parsed.groupBy === 'volunteer' ? volunteerOf(state, at) : activityOf(state, at);
    const period =
      parsed.period === undefined
        ? null
        : context.days.periodOf(state.days.dayOf(table.startMs(at)), parsed.period);
    const rowKey = `${key}\u0000${period ?? ''}`;
    let row = rows.get(rowKey);
    if (!row) {
      row = { key, period, minutes: 0, entries: 0 };
      rows.set(rowKey, row);
    }
    row.minutes += table.credited(at);
    row.entries += 1;
  }
  return [...rows.values()]
    .sort((left, right) =>
      left.key === right.key
        ? (left.period ?? '').localeCompare(right.period ?? '')
        : left.key < right.key
          ? -1
          : 1,
    )
    .map((row) => Object.freeze(row));
}

/** `starLevel`: from the volunteer's running total. */
export function starLevelFor(context: QueryContext, volunteerId: unknown): number {
  const id = parseInput(idSchema, volunteerId, ['volunteerId']);
  return starLevelOf(context.policy, findBook(context.state, id)?.credited ?? 0);
}

/** `certificate`: the approved service of one volunteer in a period. */
export function certify(
  context: QueryContext,
  volunteerId: unknown,
  options: unknown,
): HoursCertificate {
  const id = parseInput(idSchema, volunteerId, ['volunteerId']);
  const parsed = parseInput(hoursCertificateOptionsSchema, options);
  const bounds = boundsOf(context.days, parsed);
  const book = findBook(context.state, id);
  if (!book) {
    throw new LanewiseError('NOT_FOUND', `no hours recorded for volunteer ${id}`, {
      path: ['volunteerId'],
      details: { id, volunteerId: id },
    });
  }
  const { state } = context;
  const { table } = state;
  const approved = matching(state, { volunteerId: id }, bounds).filter(
    (row) => table.status(row) === APPROVED,
  );
  const activities = new Map<string, { activityId: string; minutes: number; entries: number }>();
  let totalMinutes = 0;
  const entries = byStart(state, approved).map((row) => {
    const minutes = table.credited(row);
    totalMinutes += minutes;
    const activityId = activityOf(state, row);
    const activity = activities.get(activityId) ?? { activityId, minutes: 0, entries: 0 };
    activity.minutes += minutes;
    activity.entries += 1;
    activities.set(activityId, activity);
    return Object.freeze({
      id: table.id(row),
      activityId,
      start: state.texts.format(table.startMs(row)),
      end: state.texts.format(table.endMs(row)),
      minutes,
    });
  });
  const activityList: HoursCertificateActivity[] = [...activities.values()].map((activity) =>
    Object.freeze(activity),
  );
  return Object.freeze({
    volunteerId: id,
    period: Object.freeze({ from: zoned(state, parsed.from), to: zoned(state, parsed.to) }),
    totalMinutes,
    entries: Object.freeze(entries),
    activities: Object.freeze(activityList),
    issuer: parsed.issuer,
    serial: parsed.serial,
    issuedOn: context.days.dayOf(readClock(context.now)),
    starLevel: starLevelOf(context.policy, book.credited),
  });
}

/** Every entry, in the order recorded. */
export function allEntries(context: QueryContext): readonly HourEntry[] {
  const entries: HourEntry[] = [];
  for (let row = 0; row < context.state.table.size; row += 1) {
    entries.push(context.views.read(row));
  }
  return Object.freeze(entries);
}
