import { isId, isPlainObject } from '../internal/plain.js';
import { isInstant } from '../time/parse.js';
import { hourEntrySchema } from './schemas.js';
import { HOUR_ENTRY_STATUSES, type HoursSnapshot } from './types.js';

/**
 * A fast check of a whole hour-ledger snapshot, for documents of 100,000 entries that a page
 * loads: true only when `hoursSnapshotSchema` accepts the value too. It is stricter where that
 * is simpler (a plain object, instants from 1970 to 3000, days from 1970 on, an optional field
 * either absent or set), so false does not mean invalid: run the schema then, which says why
 * or accepts it.
 */
export function isHoursSnapshot(value: unknown): value is HoursSnapshot {
  if (!isPlainObject(value)) return false;
  for (const key in value) if (!SNAPSHOT_KEYS.has(key)) return false;
  const { version, timeZone, policy, entries } = value;
  if (!isCount(version) || typeof timeZone !== 'string' || !isPolicy(policy)) return false;
  if (!Array.isArray(entries)) return false;
  const seen: Seen = {
    orders: [],
    ids: new Set(),
    days: new Set(),
    start: NONE,
    end: NONE,
    recordedAt: NONE,
  };
  for (let i = 0; i < entries.length; i++) if (!isEntry(entries[i], seen)) return false;
  return true;
}

const SNAPSHOT_KEYS = new Set(['version', 'timeZone', 'policy', 'entries']);
const POLICY_KEYS = new Set([
  'unitMinutes',
  'maxMinutesPerEntry',
  'maxMinutesPerActivity',
  'maxMinutesPerDay',
  'starThresholdsHours',
  'approval',
]);
/** Every field of an entry, as the schema's strict check knows them. */
const ENTRY_KEYS = /* @__PURE__ */ new Set(Object.keys(hourEntrySchema.shape));
/** What no field of a document can be: the last instant before the first. */
const NONE = Symbol('none');
const STATUSES = new Set<unknown>(HOUR_ENTRY_STATUSES);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What this call has already checked: the key orders of entries (each key of each order is a
 * field of the schema), the shared ids and days, and the last value of each required instant
 * field (entries recorded together, a team's shift, run with the same start and end).
 */
interface Seen {
  readonly orders: string[][];
  readonly ids: Set<string>;
  readonly days: Set<string>;
  start: unknown;
  end: unknown;
  recordedAt: unknown;
}

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isPositive = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
const isText = (value: unknown) =>
  typeof value === 'string' && value.length >= 1 && value.length <= 2000 && value.trim() === value;
const isDay = (value: unknown) =>
  typeof value === 'string' && DAY.test(value) && isInstant(`${value}T00:00:00Z`);
function isPolicy(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key in value) if (!POLICY_KEYS.has(key)) return false;
  const thresholds = value.starThresholdsHours;
  return (
    isPositive(value.unitMinutes) &&
    isPositive(value.maxMinutesPerEntry) &&
    (value.maxMinutesPerActivity === null || isPositive(value.maxMinutesPerActivity)) &&
    (value.maxMinutesPerDay === null || isPositive(value.maxMinutesPerDay)) &&
    Array.isArray(thresholds) &&
    thresholds.every((hours) => typeof hours === 'number' && Number.isFinite(hours) && hours > 0) &&
    (value.approval === 'recorder' || value.approval === 'second-person')
  );
}

/**
 * True when every key `for…in` gives (the keys the schema's strict check looks at) is a field
 * of an entry. Entries of one document share a few key orders: an order met before is matched
 * key by key (interned strings, so each is a pointer compare); a new one is looked up once.
 */
function hasEntryKeys(entry: Record<string, unknown>, orders: string[][]): boolean {
  for (let o = 0; o < orders.length; o++) {
    const order = orders[o]!;
    let at = 0;
    for (const key in entry) {
      if (key !== order[at]) {
        at = -1;
        break;
      }
      at += 1;
    }
    if (at === order.length) return true;
  }
  const order: string[] = [];
  for (const key in entry) {
    if (!ENTRY_KEYS.has(key)) return false;
    order.push(key);
  }
  // A ledger writes a handful of orders (one per status, about): a few are enough to keep.
  if (orders.length < 8) orders.push(order);
  return true;
}

/** Ids that many entries share (volunteers, activities, organisers): each checked once per call. */
function isSharedId(field: unknown, seen: Seen): boolean {
  if (seen.ids.has(field as string)) return true;
  if (!isId(field)) return false;
  seen.ids.add(field as string);
  return true;
}

/**
 * One entry, field by field as `hourEntrySchema` has them. The keys are checked apart, so the
 * fields are read by name: entries of one shape then share one property look-up each.
 */
function isEntry(value: unknown, seen: Seen): boolean {
  if (!isPlainObject(value) || !hasEntryKeys(value, seen.orders)) return false;
  const {
    id,
    volunteerId,
    activityId,
    start,
    end,
    durationMinutes,
    day,
    recordedBy,
    recordedAt,
    note,
    tags,
    status,
    creditedMinutes,
    approvedBy,
    approvedAt,
    closedBy,
    closedAt,
    reason,
    supersededBy,
    corrects,
  } = value;
  if (!isId(id) || !isSharedId(volunteerId, seen) || !isSharedId(activityId, seen)) return false;
  if (!isCount(durationMinutes) || !STATUSES.has(status)) return false;
  if (!isSharedId(recordedBy, seen)) return false;
  if (start !== seen.start) {
    if (!isInstant(start)) return false;
    seen.start = start;
  }
  if (end !== seen.end) {
    if (!isInstant(end)) return false;
    seen.end = end;
  }
  if (recordedAt !== seen.recordedAt) {
    if (!isInstant(recordedAt)) return false;
    seen.recordedAt = recordedAt;
  }
  if (!seen.days.has(day as string)) {
    if (!isDay(day)) return false;
    seen.days.add(day as string);
  }
  if (!Array.isArray(tags) || tags.length > 50 || !tags.every(isId)) return false;
  return (
    (note === undefined || isText(note)) &&
    (creditedMinutes === undefined || isCount(creditedMinutes)) &&
    (approvedBy === undefined || isSharedId(approvedBy, seen)) &&
    (approvedAt === undefined || isInstant(approvedAt)) &&
    (closedBy === undefined || isSharedId(closedBy, seen)) &&
    (closedAt === undefined || isInstant(closedAt)) &&
    (reason === undefined || isText(reason)) &&
    (supersededBy === undefined || isId(supersededBy)) &&
    (corrects === undefined || isId(corrects))
  );
}
