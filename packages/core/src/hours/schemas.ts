import * as z from 'zod/mini';
import { eventSchema } from '../journal/schemas.js';
import { daySchema, idSchema, instantSchema } from '../schemas/common.js';
import { HOUR_ENTRY_STATUSES, HOURS_APPROVAL_RULES } from './types.js';

/** Free text such as a note or a reason, as a caller gives it: trimmed, then 1 to 2,000 characters. */
const textSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));
/** Free text as the log stores it: already trimmed (a log holds what a live call wrote). */
const storedTextSchema = z.string().check(
  z.minLength(1),
  z.maxLength(2000),
  z.refine((text) => text.trim() === text, {
    message: 'must not start or end with white space',
  }),
);
const tagsSchema = z.array(idSchema).check(z.maxLength(50));
const minutesSchema = z.int().check(z.positive(), z.maximum(1_000_000));
const countSchema = z.int().check(z.minimum(0));

/** The policy of an hour ledger (`HoursPolicy`). */
export const hoursPolicySchema = z.strictObject({
  unitMinutes: z.optional(z.int().check(z.positive(), z.maximum(1440))),
  maxMinutesPerEntry: z.optional(minutesSchema),
  maxMinutesPerActivity: z.optional(minutesSchema),
  maxMinutesPerDay: z.optional(z.int().check(z.positive(), z.maximum(1440))),
  starThresholdsHours: z.optional(
    z.array(z.number().check(z.positive(), z.maximum(1_000_000))).check(
      z.maxLength(20),
      z.refine((list) => list.every((hours, index) => index === 0 || hours > list[index - 1]!), {
        message: 'star thresholds must increase',
      }),
    ),
  ),
  approval: z.optional(z.enum(HOURS_APPROVAL_RULES)),
});

/** The input of `record` (`RecordHoursInput`). */
export const recordHoursInputSchema = z.strictObject({
  id: idSchema,
  volunteerId: idSchema,
  activityId: idSchema,
  start: instantSchema,
  end: instantSchema,
  recordedBy: idSchema,
  note: z.optional(textSchema),
  tags: z.optional(tagsSchema),
});

/** The input of `approve` (`ApproveHoursInput`). */
export const approveHoursInputSchema = z.strictObject({ by: idSchema });

/** The input of `reject` and `revoke` (`CloseHoursInput`). */
export const closeHoursInputSchema = z.strictObject({ by: idSchema, reason: textSchema });

/** The input of `correct` (`CorrectHoursInput`). */
export const correctHoursInputSchema = z.strictObject({
  id: idSchema,
  start: z.optional(instantSchema),
  end: z.optional(instantSchema),
  activityId: z.optional(idSchema),
  note: z.optional(textSchema),
  tags: z.optional(tagsSchema),
  by: idSchema,
  reason: textSchema,
});

/** A local day in the supported range (years 1970 to 2999, as instants are). */
const spanDaySchema = daySchema.check(
  z.refine(
    (day) => {
      const year = Number(day.slice(0, 4));
      return year >= 1970 && year <= 2999;
    },
    { message: 'must be a day from 1970-01-01 to 2999-12-31' },
  ),
);

/** A bound of a span: an instant with offset, or a local day. */
const boundSchema = z.union([instantSchema, spanDaySchema]);

const spanShape = { from: z.optional(boundSchema), to: z.optional(boundSchema) };
const statusSchema = z.enum(HOUR_ENTRY_STATUSES);

/** The filter of `list` (`HoursListFilter`). */
export const hoursListFilterSchema = z.strictObject({
  ...spanShape,
  volunteerId: z.optional(idSchema),
  activityId: z.optional(idSchema),
  status: z.optional(z.union([statusSchema, z.array(statusSchema).check(z.minLength(1))])),
});

/** The filter of `creditedMinutes` (`CreditedMinutesFilter`). */
export const creditedMinutesFilterSchema = z.strictObject({
  ...spanShape,
  volunteerId: z.optional(idSchema),
  activityId: z.optional(idSchema),
});

/** The options of `summary` (`HoursSummaryOptions`). */
export const hoursSummaryOptionsSchema = z.strictObject({
  ...spanShape,
  groupBy: z.enum(['volunteer', 'activity']),
  period: z.optional(z.enum(['day', 'week', 'month', 'year'])),
});

/** The options of `certificate` (`HoursCertificateOptions`). */
export const hoursCertificateOptionsSchema = z.strictObject({
  from: boundSchema,
  to: boundSchema,
  issuer: idSchema,
  serial: idSchema,
});

/** The fields of a new entry as the log stores them (`HourEntryDraft`). */
export const hourEntryDraftSchema = z.strictObject({
  id: idSchema,
  volunteerId: idSchema,
  activityId: idSchema,
  start: instantSchema,
  end: instantSchema,
  recordedBy: idSchema,
  note: z.optional(storedTextSchema),
  tags: tagsSchema,
});

/** The data of `hours.approved`. */
export const hoursApprovedDataSchema = z.strictObject({
  id: idSchema,
  by: idSchema,
  creditedMinutes: countSchema,
});

/** The data of `hours.rejected` and `hours.revoked`. */
export const hoursClosedDataSchema = z.strictObject({
  id: idSchema,
  by: idSchema,
  reason: storedTextSchema,
});

/** The data of `hours.corrected`. */
export const hoursCorrectedDataSchema = z.strictObject({
  id: idSchema,
  by: idSchema,
  reason: storedTextSchema,
  entry: hourEntryDraftSchema,
});

const envelope = eventSchema;

/** `hours.recorded`: an entry was recorded (status `pending`). */
export const hoursRecordedEventSchema = envelope('hours.recorded', hourEntryDraftSchema);
/** `hours.approved`: an entry was approved with its credited minutes. */
export const hoursApprovedEventSchema = envelope('hours.approved', hoursApprovedDataSchema);
/** `hours.rejected`: a pending entry was rejected. */
export const hoursRejectedEventSchema = envelope('hours.rejected', hoursClosedDataSchema);
/** `hours.revoked`: an approved entry was revoked. */
export const hoursRevokedEventSchema = envelope('hours.revoked', hoursClosedDataSchema);
/** `hours.corrected`: an entry was superseded by a new pending one. */
export const hoursCorrectedEventSchema = envelope('hours.corrected', hoursCorrectedDataSchema);

/** Any event of the hour ledger's log (`HoursEvent`). */
export const hoursEventSchema = z.discriminatedUnion('type', [
  hoursRecordedEventSchema,
  hoursApprovedEventSchema,
  hoursRejectedEventSchema,
  hoursRevokedEventSchema,
  hoursCorrectedEventSchema,
]);

/** An hour entry as the ledger hands it out (`HourEntry`). */
export const hourEntrySchema = z.strictObject({
  id: idSchema,
  volunteerId: idSchema,
  activityId: idSchema,
  start: instantSchema,
  end: instantSchema,
  durationMinutes: countSchema,
  day: daySchema,
  recordedBy: idSchema,
  recordedAt: instantSchema,
  note: z.optional(storedTextSchema),
  tags: tagsSchema,
  status: statusSchema,
  creditedMinutes: z.optional(countSchema),
  approvedBy: z.optional(idSchema),
  approvedAt: z.optional(instantSchema),
  closedBy: z.optional(idSchema),
  closedAt: z.optional(instantSchema),
  reason: z.optional(storedTextSchema),
  supersededBy: z.optional(idSchema),
  corrects: z.optional(idSchema),
});

/** The state of a ledger for views (`HoursSnapshot`). */
export const hoursSnapshotSchema = z.strictObject({
  version: countSchema,
  timeZone: z.string(),
  policy: z.strictObject({
    unitMinutes: z.int().check(z.positive()),
    maxMinutesPerEntry: z.int().check(z.positive()),
    maxMinutesPerActivity: z.nullable(z.int().check(z.positive())),
    maxMinutesPerDay: z.nullable(z.int().check(z.positive())),
    starThresholdsHours: z.array(z.number().check(z.positive())),
    approval: z.enum(['recorder', 'second-person']),
  }),
  entries: z.array(hourEntrySchema),
});

/** One row of `summary` (`HoursSummaryRow`). */
export const hoursSummaryRowSchema = z.strictObject({
  key: idSchema,
  period: z.nullable(z.string()),
  minutes: countSchema,
  entries: countSchema,
});

/** The data of a service certificate (`HoursCertificate`). */
export const hoursCertificateSchema = z.strictObject({
  volunteerId: idSchema,
  period: z.strictObject({ from: boundSchema, to: boundSchema }),
  totalMinutes: countSchema,
  entries: z.array(
    z.strictObject({
      id: idSchema,
      activityId: idSchema,
      start: instantSchema,
      end: instantSchema,
      minutes: countSchema,
    }),
  ),
  activities: z.array(
    z.strictObject({ activityId: idSchema, minutes: countSchema, entries: countSchema }),
  ),
  issuer: idSchema,
  serial: idSchema,
  issuedOn: daySchema,
  starLevel: countSchema,
});
