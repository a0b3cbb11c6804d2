// The hot path of input validation. Each check here accepts only inputs that the zod schema
// certainly accepts, and returns what zod would return; anything else (including every bad
// input) goes through zod, which accepts it or names the bad field. A test holds the two
// to the same answers.
import { instantSchema } from '../schemas/index.js';
import { frozenTags } from './draft.js';
import type { HourEntryDraft } from './types.js';

// zod's own pattern for `z.iso.datetime({ offset: true })`, so that the two cannot drift.
const INSTANT = (instantSchema as unknown as { _zod: { pattern?: RegExp } })._zod.pattern;

/**
 * True when no UTF-16 unit is a control character: `\p{Cc}` is exactly U+0000 to U+001F and
 * U+007F to U+009F, none of them a surrogate, so units and code points agree. A loop, because
 * a regular expression costs more than the whole check on a short id.
 */
export function hasNoControl(value: string): boolean {
  for (let at = 0; at < value.length; at += 1) {
    const code = value.charCodeAt(at);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false;
  }
  return true;
}

/** An id `idSchema` accepts (UTF-16 length is at least the code-point length zod counts). */
export function isId(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length >= 1 && value.length <= 200 && hasNoControl(value)
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

const isActivityId = repeatedIdCheck();
const isRecorderId = repeatedIdCheck();
const isApproverId = repeatedIdCheck();

// The last two instants that passed: a start and an end, often shared by a batch of records.
// Both start as valid instants, so that a hit always means valid.
let lastValid = '1970-01-01T00:00:00Z';
let previousValid = lastValid;

function isInstant(value: unknown): value is string {
  if (value === lastValid || value === previousValid) return true;
  if (INSTANT === undefined || typeof value !== 'string' || !INSTANT.test(value)) return false;
  previousValid = lastValid;
  lastValid = value;
  return true;
}

/** Text the text schema accepts unchanged (already trimmed). */
function isText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= 2000 &&
    value.trim().length === value.length
  );
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

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

/**
 * `record`'s input as the draft the log stores, when it certainly passes `recordHoursSchema`;
 * otherwise undefined. Each field is read once, so that a getter cannot answer differently
 * on a second read, and the draft is built from what was checked. It is not frozen yet (the
 * ledger keeps only its fields unless it logs it now); its `tags` are.
 */
export function fastRecordDraft(input: unknown): HourEntryDraft | undefined {
  if (!isPlainObject(input) || !hasOnlyKeys(input, isRecordKey)) return undefined;
  const { id, volunteerId, activityId, start, end, recordedBy, note, tags } = input;
  if (
    !isId(id) ||
    !isId(volunteerId) ||
    !isActivityId(activityId) ||
    !isRecorderId(recordedBy) ||
    !isInstant(start) ||
    !isInstant(end) ||
    (note !== undefined && !isText(note))
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
}

const isByKey = (key: string) => key === 'by';
const isCloseKey = (key: string) => key === 'by' || key === 'reason';

/** `approve`'s `by`, when its options certainly pass; otherwise undefined. */
export function fastApproveBy(input: unknown): string | undefined {
  if (!isPlainObject(input) || !hasOnlyKeys(input, isByKey)) return undefined;
  const { by } = input;
  return isApproverId(by) ? by : undefined;
}

/** `reject`'s and `revoke`'s options, when they certainly pass; otherwise undefined. */
export function fastCloseInput(input: unknown): { by: string; reason: string } | undefined {
  if (!isPlainObject(input) || !hasOnlyKeys(input, isCloseKey)) return undefined;
  const { by, reason } = input;
  return isId(by) && isText(reason) ? { by, reason } : undefined;
}

const isTotalKey = (key: string) => key === 'volunteerId' || key === 'activityId';

/** A `creditedMinutes` filter without a span, when it certainly passes; otherwise undefined. */
export function fastTotalFilter(
  input: unknown,
): { volunteerId?: string; activityId?: string } | undefined {
  if (input === undefined) return {};
  if (!isPlainObject(input) || !hasOnlyKeys(input, isTotalKey)) return undefined;
  const { volunteerId, activityId } = input;
  if (volunteerId !== undefined && !isId(volunteerId)) return undefined;
  if (activityId !== undefined && !isId(activityId)) return undefined;
  return { volunteerId, activityId } as { volunteerId?: string; activityId?: string };
}
