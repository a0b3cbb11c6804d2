import { isId, isPlainObject } from '../internal/plain.js';
import { instantMs } from '../time/parse.js';
import { HOUR_ENTRY_STATUSES, type HoursSnapshot } from './types.js';

/**
 * A fast check of a whole hour-ledger snapshot, for documents of 100,000 entries that a page
 * loads: true only when `hoursSnapshotSchema` accepts the value too. It is stricter where that
 * is simpler (a plain object, instants from 1970 to 3000, days from 1970 on), so
 * false does not mean invalid: run the schema then, which says why or accepts it.
 */
export function isHoursSnapshot(value: unknown): value is HoursSnapshot {
  if (!isPlainObject(value)) return false;
  for (const key in value) if (!SNAPSHOT_KEYS.has(key)) return false;
  const { version, timeZone, policy, entries } = value;
  if (!isCount(version) || typeof timeZone !== 'string' || !isPolicy(policy)) return false;
  if (!Array.isArray(entries)) return false;
  // Volunteers, activities, recorders and days repeat across entries: each is checked once.
  const seen: Seen = {
    ids: new Set(),
    days: new Set(),
    last: { start: NONE, end: NONE, recordedAt: NONE },
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
/** id, volunteerId, activityId, start, end, durationMinutes, day, recordedBy, recordedAt, tags, status. */
const REQUIRED_ENTRY_KEYS = 11;
/** What no field of a document can be: the last instant before the first. */
const NONE = Symbol('none');
const STATUSES = new Set<unknown>(HOUR_ENTRY_STATUSES);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Shared ids and days already checked in this call, and the last instant of each required
 * instant field: entries recorded together (a team's shift) run with the same start and end.
 */
type Seen = { ids: Set<string>; days: Set<string>; last: Record<string, unknown> };

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isPositive = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
const isInstant = (value: unknown) => !Number.isNaN(instantMs(value));
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

/** Ids that many entries share (volunteers, activities, organisers): each checked once per call. */
function isSharedId(field: unknown, seen: Seen): boolean {
  if (seen.ids.has(field as string)) return true;
  if (!isId(field)) return false;
  seen.ids.add(field as string);
  return true;
}

function isEntry(value: unknown, seen: Seen): boolean {
  if (!isPlainObject(value)) return false;
  // Keys are unique, so counting the required ones met proves that none is missing.
  let required = 0;
  for (const key in value) {
    const field = value[key];
    // A switch on the key: JSON keys are interned strings, so each case is a pointer compare.
    switch (key) {
      case 'volunteerId':
      case 'activityId':
      case 'recordedBy':
        required += 1;
        if (!isSharedId(field, seen)) return false;
        break;
      case 'approvedBy':
      case 'closedBy':
        if (field !== undefined && !isSharedId(field, seen)) return false;
        break;
      case 'id':
        required += 1;
        if (!isId(field)) return false;
        break;
      case 'supersededBy':
      case 'corrects':
        if (field !== undefined && !isId(field)) return false;
        break;
      case 'start':
      case 'end':
      case 'recordedAt':
        required += 1;
        if (field !== seen.last[key]) {
          if (!isInstant(field)) return false;
          seen.last[key] = field;
        }
        break;
      case 'approvedAt':
      case 'closedAt':
        if (field !== undefined && !isInstant(field)) return false;
        break;
      case 'note':
      case 'reason':
        if (field !== undefined && !isText(field)) return false;
        break;
      case 'durationMinutes':
        required += 1;
        if (!isCount(field)) return false;
        break;
      case 'creditedMinutes':
        if (field !== undefined && !isCount(field)) return false;
        break;
      case 'day':
        required += 1;
        if (!seen.days.has(field as string)) {
          if (!isDay(field)) return false;
          seen.days.add(field as string);
        }
        break;
      case 'status':
        required += 1;
        if (!STATUSES.has(field)) return false;
        break;
      case 'tags':
        required += 1;
        if (!Array.isArray(field) || field.length > 50 || !field.every(isId)) return false;
        break;
      default:
        return false;
    }
  }
  return required === REQUIRED_ENTRY_KEYS;
}
