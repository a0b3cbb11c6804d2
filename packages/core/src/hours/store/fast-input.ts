// The hot path of input validation. Each check here accepts only inputs that the zod schema
// certainly accepts, and returns what zod would return; anything else (including every bad
// input) goes through zod, which accepts it or names the bad field. A test holds the two
// to the same answers. Each ledger has its own checker: the values it remembers are its own.
import { isId, isPlainObject } from '../../internal/plain.js';
import { instantMs } from '../../time/parse.js';
import type { HourEntryDraft } from '../types.js';
import { frozenTags } from './draft.js';

/** Text the text schema accepts unchanged (already trimmed). */
export function isText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= 2000 &&
    value.trim().length === value.length
  );
}

/**
 * {@link isId} for one field of a batch that mostly repeats its value (the activity, the
 * organiser): the last id that passed is known valid without a scan. It starts as a valid
 * id, so that a hit always means valid.
 */
function repeatedIdCheck(): (value: unknown) => value is string {
  let last = 'id';
  return (value): value is string => {
    if (value === last) return true;
    if (!isId(value)) return false;
    last = value;
    return true;
  };
}

/**
 * A copy of an array of at most 50 ids, or undefined. A loop, because `every` skips the holes
 * of a sparse array; a copy, because a proxy could answer differently on a second read.
 */
function idListCopy(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > 50) return undefined;
  const copy: string[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (!isId(item)) return undefined;
    copy.push(item);
  }
  return copy;
}

/** Own keys only; `for...in` would also walk the prototype, which a plain object must not have. */
function hasOnlyKeys(value: Record<string, unknown>, isKey: (key: string) => boolean): boolean {
  for (const key in value) if (!isKey(key)) return false;
  return true;
}

/** A key of `record`'s input: a switch compares interned names, cheaper than a set lookup. */
function isRecordKey(key: string): boolean {
  switch (key) {
    case 'id':
    case 'volunteerId':
    case 'activityId':
    case 'start':
    case 'end':
    case 'recordedBy':
    case 'note':
    case 'tags':
      return true;
    default:
      return false;
  }
}

const isByKey = (key: string) => key === 'by';
const isCloseKey = (key: string) => key === 'by' || key === 'reason';
const isTotalKey = (key: string) => key === 'volunteerId' || key === 'activityId';
const isApprovedKey = (key: string) => key === 'id' || key === 'by' || key === 'creditedMinutes';
const isClosedKey = (key: string) => key === 'id' || key === 'by' || key === 'reason';

/** The fast checks of one ledger. */
export interface FastInput {
  /** The epoch milliseconds of an instant (NaN when it is not one), the last two remembered. */
  instantMs(value: unknown): number;
  /**
   * `record`'s input (or a recorded event's data, with `tags` required) as the draft the log
   * stores, when it certainly passes its schema; otherwise undefined. Each field is read
   * once, so that a getter cannot answer differently on a second read, and the draft is built
   * from what was checked. It is not frozen yet; its `tags` are.
   */
  recordDraft(input: unknown, tagsRequired?: boolean): HourEntryDraft | undefined;
  /** `approve`'s `by`, when its options certainly pass; otherwise undefined. */
  approveBy(input: unknown): string | undefined;
  /** `reject`'s and `revoke`'s options, when they certainly pass; otherwise undefined. */
  closeInput(input: unknown): { by: string; reason: string } | undefined;
  /** An `hours.approved` event's data, when it certainly passes; otherwise undefined. */
  approvedData(data: unknown): { id: string; by: string; creditedMinutes: number } | undefined;
  /** An `hours.rejected` or `hours.revoked` event's data, when it certainly passes. */
  closedData(data: unknown): { id: string; by: string; reason: string } | undefined;
  /** A `creditedMinutes` filter without a span, when it certainly passes; otherwise undefined. */
  totalFilter(input: unknown): { volunteerId?: string; activityId?: string } | undefined;
}

/** A ledger's fast checks, with their own memory of the last values that passed. */
export function createFastInput(): FastInput {
  const isActivityId = repeatedIdCheck();
  const isRecorderId = repeatedIdCheck();
  const isApproverId = repeatedIdCheck();
  // The last two instants that passed: a start and an end, often shared by a batch of records.
  let lastText = '';
  let lastMs = Number.NaN;
  let previousText = '';
  let previousMs = Number.NaN;

  const msOf = (value: unknown): number => {
    if (value === lastText) return lastMs;
    if (value === previousText) return previousMs;
    const ms = instantMs(value);
    if (ms === ms) {
      previousText = lastText;
      previousMs = lastMs;
      lastText = value as string;
      lastMs = ms;
    }
    return ms;
  };

  return {
    instantMs: msOf,
    recordDraft(input, tagsRequired = false) {
      if (!isPlainObject(input) || !hasOnlyKeys(input, isRecordKey)) return undefined;
      const { id, volunteerId, activityId, start, end, recordedBy, note, tags } = input;
      if (
        !isId(id) ||
        !isId(volunteerId) ||
        !isActivityId(activityId) ||
        !isRecorderId(recordedBy) ||
        typeof start !== 'string' ||
        typeof end !== 'string' ||
        msOf(start) !== msOf(start) ||
        msOf(end) !== msOf(end) ||
        (note !== undefined && !isText(note)) ||
        (tagsRequired && tags === undefined)
      ) {
        return undefined;
      }
      const tagList = tags === undefined ? undefined : idListCopy(tags);
      if (tags !== undefined && tagList === undefined) return undefined;
      // The two shapes of `openDraft`, written out: one object a record, not two.
      const stored = frozenTags(tagList);
      return note === undefined
        ? { id, volunteerId, activityId, start, end, recordedBy, tags: stored }
        : { id, volunteerId, activityId, start, end, recordedBy, note, tags: stored };
    },
    approveBy(input) {
      if (!isPlainObject(input) || !hasOnlyKeys(input, isByKey)) return undefined;
      const { by } = input;
      return isApproverId(by) ? by : undefined;
    },
    closeInput(input) {
      if (!isPlainObject(input) || !hasOnlyKeys(input, isCloseKey)) return undefined;
      const { by, reason } = input;
      return isId(by) && isText(reason) ? { by, reason } : undefined;
    },
    approvedData(data) {
      if (!isPlainObject(data) || !hasOnlyKeys(data, isApprovedKey)) return undefined;
      const { id, by, creditedMinutes } = data;
      const minutes = creditedMinutes as number;
      if (!isId(id) || !isApproverId(by) || !Number.isSafeInteger(minutes) || minutes < 0) {
        return undefined;
      }
      return { id, by, creditedMinutes: minutes };
    },
    closedData(data) {
      if (!isPlainObject(data) || !hasOnlyKeys(data, isClosedKey)) return undefined;
      const { id, by, reason } = data;
      return isId(id) && isId(by) && isText(reason) ? { id, by, reason } : undefined;
    },
    totalFilter(input) {
      if (input === undefined) return {};
      if (!isPlainObject(input) || !hasOnlyKeys(input, isTotalKey)) return undefined;
      const { volunteerId, activityId } = input;
      if (volunteerId !== undefined && !isId(volunteerId)) return undefined;
      if (activityId !== undefined && !isId(activityId)) return undefined;
      return { volunteerId, activityId } as { volunteerId?: string; activityId?: string };
    },
  };
}
