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
  const seen = new Set<string>();
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
const REQUIRED_ENTRY_KEYS = [
  'id',
  'volunteerId',
  'activityId',
  'start',
  'end',
  'durationMinutes',
  'day',
  'recordedBy',
  'recordedAt',
  'tags',
  'status',
] as const;
const ID_KEYS = new Set(['id', 'volunteerId', 'activityId', 'recordedBy']);
const OPTIONAL_ID_KEYS = new Set(['approvedBy', 'closedBy', 'supersededBy', 'corrects']);
const INSTANT_KEYS = new Set(['start', 'end', 'recordedAt', 'approvedAt', 'closedAt']);
const TEXT_KEYS = new Set(['note', 'reason']);
/** Ids that many entries share, checked once per call. */
const SHARED_ID_KEYS = new Set([
  'volunteerId',
  'activityId',
  'recordedBy',
  'approvedBy',
  'closedBy',
]);
const OPTIONAL_KEYS = new Set([
  ...OPTIONAL_ID_KEYS,
  ...TEXT_KEYS,
  'approvedAt',
  'closedAt',
  'creditedMinutes',
]);
const STATUSES = new Set<unknown>(HOUR_ENTRY_STATUSES);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

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

function isEntry(value: unknown, seen: Set<string>): boolean {
  if (!isPlainObject(value)) return false;
  for (const key of REQUIRED_ENTRY_KEYS) if (!(key in value)) return false;
  for (const key in value) {
    const field = value[key];
    // An optional field may be present as undefined (the core's own records are built so).
    if (field === undefined && OPTIONAL_KEYS.has(key)) continue;
    if (SHARED_ID_KEYS.has(key)) {
      if (!seen.has(field as string)) {
        if (!isId(field)) return false;
        seen.add(field as string);
      }
    } else if (ID_KEYS.has(key) || OPTIONAL_ID_KEYS.has(key)) {
      if (!isId(field)) return false;
    } else if (INSTANT_KEYS.has(key)) {
      if (!isInstant(field)) return false;
    } else if (TEXT_KEYS.has(key)) {
      if (!isText(field)) return false;
    } else if (key === 'durationMinutes' || key === 'creditedMinutes') {
      if (!isCount(field)) return false;
    } else if (key === 'day') {
      if (!seen.has(`day:${field as string}`)) {
        if (!isDay(field)) return false;
        seen.add(`day:${field as string}`);
      }
    } else if (key === 'status') {
      if (!STATUSES.has(field)) return false;
    } else if (key === 'tags') {
      if (!Array.isArray(field) || field.length > 50 || !field.every(isId)) return false;
    } else {
      return false;
    }
  }
  return true;
}
