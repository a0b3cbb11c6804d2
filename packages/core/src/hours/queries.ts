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
import type { EntrySlot, HoursState } from './state.js';
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

/** The slots to look at for a filter: one volunteer's, one activity's, or all. */
function candidates(
  state: HoursState,
  filter: { volunteerId?: string; activityId?: string },
): Iterable<EntrySlot> {
  const ids =
    filter.volunteerId !== undefined
      ? state.volunteers.get(filter.volunteerId)?.ids
      : filter.activityId !== undefined
        ? state.activities.get(filter.activityId)?.ids
        : undefined;
  if (ids) return ids.map((id) => state.entries.get(id)!);
  if (filter.volunteerId !== undefined || filter.activityId !== undefined) return [];
  return state.entries.values();
}

function* matching(
  state: HoursState,
  filter: { volunteerId?: string; activityId?: string },
  bounds: Bounds,
): Generator<EntrySlot> {
  for (const slot of candidates(state, filter)) {
    const entry = slot.entry;
    if (filter.volunteerId !== undefined && entry.volunteerId !== filter.volunteerId) continue;
    if (filter.activityId !== undefined && entry.activityId !== filter.activityId) continue;
    if (slot.startMs < bounds.from || slot.startMs >= bounds.to) continue;
    yield slot;
  }
}

const byStart = (left: EntrySlot, right: EntrySlot) => left.startMs - right.startMs;

/** `list`: the matching entries in order of start (then of recording). */
export function listEntries(context: QueryContext, filter: unknown = {}): HourEntry[] {
  const parsed = parseInput(listHoursSchema, filter);
  const bounds = boundsOf(context.days, parsed);
  const statuses =
    parsed.status === undefined
      ? undefined
      : new Set(Array.isArray(parsed.status) ? parsed.status : [parsed.status]);
  const slots: EntrySlot[] = [];
  for (const slot of matching(context.state, parsed, bounds)) {
    if (statuses === undefined || statuses.has(slot.entry.status)) slots.push(slot);
  }
  return slots.sort(byStart).map((slot) => slot.entry);
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
  for (const slot of matching(state, parsed, bounds)) {
    if (slot.entry.status === 'approved') sum += slot.entry.creditedMinutes ?? 0;
  }
  return sum;
}

/** The kept totals: O(1). */
function runningTotal(state: HoursState, volunteerId?: string, activityId?: string): number {
  if (volunteerId !== undefined) {
    const volunteer = state.volunteers.get(volunteerId);
    if (activityId === undefined) return volunteer?.credited ?? 0;
    return volunteer?.byActivity.get(activityId) ?? 0;
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
  for (const slot of matching(context.state, {}, bounds)) {
    const entry = slot.entry;
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
  return starLevelOf(context.policy, context.state.volunteers.get(id)?.credited ?? 0);
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
  if (!context.state.volunteers.has(id)) {
    throw new LanewiseError('NOT_FOUND', `no hours recorded for volunteer ${id}`, {
      path: ['volunteerId'],
      details: { volunteerId: id },
    });
  }
  const slots = [...matching(context.state, { volunteerId: id }, bounds)]
    .filter((slot) => slot.entry.status === 'approved')
    .sort(byStart);
  const activities = new Map<string, { activityId: string; minutes: number; entries: number }>();
  let totalMinutes = 0;
  const entries = slots.map(({ entry }) => {
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
