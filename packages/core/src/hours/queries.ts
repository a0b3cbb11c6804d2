import { LanewiseError } from '../errors.js';
import { daySchema, idSchema, parseInput } from '../schemas/index.js';
import { starLevelOf } from './policy.js';
import {
  certificateSchema,
  creditedMinutesSchema,
  listHoursSchema,
  summaryHoursSchema,
} from './schemas.js';
import { fastTotalFilter } from './fast-input.js';
import { chained } from './books.js';
import { findBook, type HoursState } from './state.js';
import type {
  HourEntry,
  HoursCertificate,
  HoursCertificateActivity,
  HoursSummaryRow,
  ResolvedHoursPolicy,
} from './types.js';
import type { ZoneDays } from './zone-days.js';

/** What the read side needs. */
export interface QueryContext {
  readonly state: HoursState;
  readonly policy: ResolvedHoursPolicy;
  readonly days: ZoneDays;
  readonly now: () => Date;
}

interface Bounds {
  readonly from: number;
  readonly to: number;
  readonly bounded: boolean;
}

const isDay = (bound: string) => daySchema.safeParse(bound).success;

/** Turns `from`/`to` (instants, or local days inclusive) into `[from, to)` milliseconds. */
function boundsOf(days: ZoneDays, span: { from?: string; to?: string }): Bounds {
  const from =
    span.from === undefined
      ? -Infinity
      : isDay(span.from)
        ? days.startOfDay(span.from)
        : Date.parse(span.from);
  const to =
    span.to === undefined
      ? Infinity
      : isDay(span.to)
        ? days.endOfDay(span.to)
        : Date.parse(span.to);
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
    return book ? chained(book, state.previousOfVolunteer) : [];
  }
  if (filter.activityId !== undefined) {
    const book = state.activities.get(filter.activityId);
    return book ? chained(book, state.previousOfActivity) : [];
  }
  return undefined;
}

/** The rows that match the filter and bounds, in the order recorded. */
function matching(
  state: HoursState,
  filter: { volunteerId?: string; activityId?: string },
  bounds: Bounds,
): number[] {
  const { entries, starts } = state;
  const rows = candidates(state, filter);
  const total = rows ? rows.length : entries.length;
  const result: number[] = [];
  for (let index = 0; index < total; index += 1) {
    const row = rows ? rows[index]! : index;
    const entry = entries[row]!;
    if (filter.volunteerId !== undefined && entry.volunteerId !== filter.volunteerId) continue;
    if (filter.activityId !== undefined && entry.activityId !== filter.activityId) continue;
    const start = starts[row]!;
    if (start < bounds.from || start >= bounds.to) continue;
    result.push(row);
  }
  return result;
}

/** Sorts rows by start, then by row (the order recorded): a stable sort on the starts. */
function byStart(state: HoursState, rows: number[]): number[] {
  const starts = state.starts;
  return rows.sort((left, right) => starts[left]! - starts[right]! || left - right);
}

/** `list`: the matching entries in order of start (then of recording). */
export function listEntries(context: QueryContext, filter: unknown = {}): HourEntry[] {
  const parsed = parseInput(listHoursSchema, filter);
  const bounds = boundsOf(context.days, parsed);
  const statuses =
    parsed.status === undefined
      ? undefined
      : new Set(Array.isArray(parsed.status) ? parsed.status : [parsed.status]);
  const { entries } = context.state;
  const rows = matching(context.state, parsed, bounds).filter(
    (row) => statuses === undefined || statuses.has(entries[row]!.status),
  );
  return byStart(context.state, rows).map((row) => entries[row]!);
}

/** `creditedMinutes`: O(1) from the running totals unless a span is asked for. */
export function sumCredited(context: QueryContext, filter: unknown = {}): number {
  const { state } = context;
  const total = fastTotalFilter(filter);
  if (total) return runningTotal(state, total.volunteerId, total.activityId);
  const parsed = parseInput(creditedMinutesSchema, filter);
  const bounds = boundsOf(context.days, parsed);
  if (!bounds.bounded) return runningTotal(state, parsed.volunteerId, parsed.activityId);
  let sum = 0;
  for (const row of matching(state, parsed, bounds)) {
    const entry = state.entries[row]!;
    if (entry.status === 'approved') sum += entry.creditedMinutes ?? 0;
  }
  return sum;
}

/** The kept totals: O(1). */
function runningTotal(state: HoursState, volunteerId?: string, activityId?: string): number {
  if (volunteerId !== undefined) {
    const volunteer = findBook(state, volunteerId);
    if (activityId === undefined || !volunteer) return volunteer?.credited ?? 0;
    const activity = state.activities.get(activityId);
    return activity ? state.byActivity.get(volunteer.number, activity.number) : 0;
  }
  if (activityId !== undefined) return state.activities.get(activityId)?.credited ?? 0;
  return state.credited;
}

/** `summary`: credited minutes and approved entries per key and period. */
export function summarise(context: QueryContext, options: unknown): HoursSummaryRow[] {
  const parsed = parseInput(summaryHoursSchema, options);
  const bounds = boundsOf(context.days, parsed);
  const rows = new Map<
    string,
    { key: string; period: string | null; minutes: number; entries: number }
  >();
  for (const at of matching(context.state, {}, bounds)) {
    const entry = context.state.entries[at]!;
    if (entry.status !== 'approved') continue;
    const key = parsed.groupBy === 'volunteer' ? entry.volunteerId : entry.activityId;
    const period =
      parsed.period === undefined ? null : context.days.periodOf(entry.day, parsed.period);
    const rowKey = `${key}\u0000${period ?? ''}`;
    let row = rows.get(rowKey);
    if (!row) {
      row = { key, period, minutes: 0, entries: 0 };
      rows.set(rowKey, row);
    }
    row.minutes += entry.creditedMinutes ?? 0;
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
  const parsed = parseInput(certificateSchema, options);
  const bounds = boundsOf(context.days, parsed);
  if (!findBook(context.state, id)) {
    throw new LanewiseError('NOT_FOUND', `no hours recorded for volunteer ${id}`, {
      path: ['volunteerId'],
      details: { volunteerId: id },
    });
  }
  const { entries: all } = context.state;
  const approved = matching(context.state, { volunteerId: id }, bounds).filter(
    (row) => all[row]!.status === 'approved',
  );
  const activities = new Map<string, { activityId: string; minutes: number; entries: number }>();
  let totalMinutes = 0;
  const entries = byStart(context.state, approved).map((row) => {
    const entry = all[row]!;
    const minutes = entry.creditedMinutes ?? 0;
    totalMinutes += minutes;
    const activity = activities.get(entry.activityId) ?? {
      activityId: entry.activityId,
      minutes: 0,
      entries: 0,
    };
    activity.minutes += minutes;
    activity.entries += 1;
    activities.set(entry.activityId, activity);
    return Object.freeze({
      id: entry.id,
      activityId: entry.activityId,
      start: entry.start,
      end: entry.end,
      minutes,
    });
  });
  const activityList: HoursCertificateActivity[] = [...activities.values()].map((activity) =>
    Object.freeze(activity),
  );
  return Object.freeze({
    volunteerId: id,
    period: Object.freeze({ from: parsed.from, to: parsed.to }),
    totalMinutes,
    entries: Object.freeze(entries),
    activities: Object.freeze(activityList),
    issuer: parsed.issuer,
    serial: parsed.serial,
    issuedOn: context.days.dayOf(context.now().getTime()),
  });
}
