import type { HourEntryDraft } from './types.js';

const EMPTY_TAGS: readonly string[] = Object.freeze([]);

/** The fields of a new entry as the log stores them, frozen, from checked input. */
export function draftOf(fields: {
  id: string;
  volunteerId: string;
  activityId: string;
  start: string;
  end: string;
  recordedBy: string;
  note?: string | undefined;
  tags?: readonly string[] | undefined;
}): HourEntryDraft {
  const tags = fields.tags && fields.tags.length > 0 ? Object.freeze([...fields.tags]) : EMPTY_TAGS;
  // Two literal shapes rather than a conditional spread: this runs once per recorded entry.
  if (fields.note === undefined) {
    return Object.freeze({
      id: fields.id,
      volunteerId: fields.volunteerId,
      activityId: fields.activityId,
      start: fields.start,
      end: fields.end,
      recordedBy: fields.recordedBy,
      tags,
    });
  }
  return Object.freeze({
    id: fields.id,
    volunteerId: fields.volunteerId,
    activityId: fields.activityId,
    start: fields.start,
    end: fields.end,
    recordedBy: fields.recordedBy,
    note: fields.note,
    tags,
  });
}
