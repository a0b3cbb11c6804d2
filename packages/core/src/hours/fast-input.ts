// The hot path of input validation. Each check here accepts only inputs that the zod schema
// certainly accepts, and returns what zod would return; anything else (including every bad
// input) goes through zod, which accepts it or names the bad field. A test holds the two
// to the same answers.
import { instantSchema } from '../schemas/index.js';

const CONTROL = /\p{Cc}/u;
// zod's own pattern for `z.iso.datetime({ offset: true })`, so that the two cannot drift.
const INSTANT = (instantSchema as unknown as { _zod: { pattern?: RegExp } })._zod.pattern;

/** An id `idSchema` accepts (UTF-16 length is at least the code-point length zod counts). */
export function isId(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length >= 1 && value.length <= 200 && !CONTROL.test(value)
  );
}

function isInstant(value: unknown): value is string {
  return INSTANT !== undefined && typeof value === 'string' && INSTANT.test(value);
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

function hasOnlyKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

const RECORD_KEYS = new Set([
  'id',
  'volunteerId',
  'activityId',
  'start',
  'end',
  'recordedBy',
  'note',
  'tags',
]);

/** The fields of a record input that passed the fast check. */
export interface FastRecordInput {
  id: string;
  volunteerId: string;
  activityId: string;
  start: string;
  end: string;
  recordedBy: string;
  note?: string;
  tags?: readonly string[];
}

/** `record`'s input, when it certainly passes `recordHoursSchema`; otherwise undefined. */
export function fastRecordInput(input: unknown): FastRecordInput | undefined {
  if (!isPlainObject(input) || !hasOnlyKeys(input, RECORD_KEYS)) return undefined;
  const { id, volunteerId, activityId, start, end, recordedBy, note, tags } = input;
  if (
    !isId(id) ||
    !isId(volunteerId) ||
    !isId(activityId) ||
    !isId(recordedBy) ||
    !isInstant(start) ||
    !isInstant(end) ||
    (note !== undefined && !isText(note))
  ) {
    return undefined;
  }
  const tagList = tags === undefined ? undefined : idListCopy(tags);
  if (tags !== undefined && tagList === undefined) return undefined;
  // Copies of the values checked, so that a getter cannot answer differently on a second read.
  return {
    id,
    volunteerId,
    activityId,
    start,
    end,
    recordedBy,
    note,
    tags: tagList,
  } as FastRecordInput;
}

const BY_KEYS = new Set(['by']);
const CLOSE_KEYS = new Set(['by', 'reason']);

/** `approve`'s options, when they certainly pass; otherwise undefined. */
export function fastApproveInput(input: unknown): { by: string } | undefined {
  if (!isPlainObject(input) || !hasOnlyKeys(input, BY_KEYS)) return undefined;
  const { by } = input;
  return isId(by) ? { by } : undefined;
}

/** `reject`'s and `revoke`'s options, when they certainly pass; otherwise undefined. */
export function fastCloseInput(input: unknown): { by: string; reason: string } | undefined {
  if (!isPlainObject(input) || !hasOnlyKeys(input, CLOSE_KEYS)) return undefined;
  const { by, reason } = input;
  return isId(by) && isText(reason) ? { by, reason } : undefined;
}

const TOTAL_KEYS = new Set(['volunteerId', 'activityId']);

/** A `creditedMinutes` filter without a span, when it certainly passes; otherwise undefined. */
export function fastTotalFilter(
  input: unknown,
): { volunteerId?: string; activityId?: string } | undefined {
  if (input === undefined) return {};
  if (!isPlainObject(input) || !hasOnlyKeys(input, TOTAL_KEYS)) return undefined;
  const { volunteerId, activityId } = input;
  if (volunteerId !== undefined && !isId(volunteerId)) return undefined;
  if (activityId !== undefined && !isId(activityId)) return undefined;
  return { volunteerId, activityId } as { volunteerId?: string; activityId?: string };
}
