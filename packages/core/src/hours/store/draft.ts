import type { RecordHoursInput } from '../api.js';
import type { HourEntryDraft } from '../types.js';

/** The tags of every entry recorded without any. */
export const EMPTY_TAGS: readonly string[] = Object.freeze([]);

/** The checked fields of a new entry (as `record` takes them), `tags` possibly not yet copied. */
export type DraftFields = RecordHoursInput;

/** Tags as the log stores them: a frozen copy, or one shared empty list. */
export function frozenTags(tags: readonly string[] | undefined): readonly string[] {
  return tags && tags.length > 0 ? Object.freeze([...tags]) : EMPTY_TAGS;
}

/** The fields of a new entry as the log stores them, frozen, from checked input. */
export function draftOf(fields: DraftFields): HourEntryDraft {
  return Object.freeze(openDraft(fields, frozenTags(fields.tags)));
}

/**
 * {@link draftOf} with tags already as the log stores them, not frozen yet: the ledger
 * freezes it only if it goes into an event now, and otherwise keeps only its fields.
 */
export function openDraft(fields: DraftFields, tags: readonly string[]): HourEntryDraft {
  // Two literal shapes rather than a conditional spread: `note` only when given.
  if (fields.note === undefined) {
    return {
      id: fields.id,
      volunteerId: fields.volunteerId,
      activityId: fields.activityId,
      start: fields.start,
      end: fields.end,
      recordedBy: fields.recordedBy,
      tags,
    };
  }
  return {
    id: fields.id,
    volunteerId: fields.volunteerId,
    activityId: fields.activityId,
    start: fields.start,
    end: fields.end,
    recordedBy: fields.recordedBy,
    note: fields.note,
    tags,
  };
}
