import { z } from 'zod';
import { daySchema, idSchema, instantSchema, timeZoneSchema } from '../schemas/index.js';
import { HOUR_ENTRY_STATUSES } from './types.js';

/** Free text such as a note or a reason: 1 to 2,000 characters. */
const textSchema = z.string().trim().min(1).max(2000);
const tagsSchema = z.array(idSchema).max(50);
const minutesSchema = z.int().positive().max(1_000_000);

/** The policy of an hour ledger. */
export const hoursPolicySchema = z.strictObject({
  unitMinutes: z.int().positive().max(1440).optional(),
  maxMinutesPerEntry: minutesSchema.optional(),
  maxMinutesPerActivity: minutesSchema.optional(),
  maxMinutesPerDay: z.int().positive().max(1440).optional(),
  starThresholdsHours: z
    .array(z.number().positive().max(1_000_000))
    .max(20)
    .refine((list) => list.every((hours, index) => index === 0 || hours > list[index - 1]!), {
      message: 'star thresholds must increase',
    })
    .optional(),
});

/** The options of `createHoursLedger` other than the functions and events. */
export const hoursSettingsSchema = z.object({
  policy: hoursPolicySchema.optional(),
  timeZone: timeZoneSchema.optional(),
});

/** The input of `record`. */
export const recordHoursSchema = z.strictObject({
  id: idSchema,
  volunteerId: idSchema,
  activityId: idSchema,
  start: instantSchema,
  end: instantSchema,
  recordedBy: idSchema,
  note: textSchema.optional(),
  tags: tagsSchema.optional(),
});

/** The input of `approve`. */
export const approveHoursSchema = z.strictObject({ by: idSchema });

/** The input of `reject` and `revoke`. */
export const closeHoursSchema = z.strictObject({ by: idSchema, reason: textSchema });

/** The input of `correct`. */
export const correctHoursSchema = z.strictObject({
  id: idSchema,
  start: instantSchema.optional(),
  end: instantSchema.optional(),
  activityId: idSchema.optional(),
  note: textSchema.optional(),
  tags: tagsSchema.optional(),
  by: idSchema,
  reason: textSchema,
});

/** A bound of a span: an instant with offset, or a local day. */
const boundSchema = z.union([instantSchema, daySchema]);

const spanShape = { from: boundSchema.optional(), to: boundSchema.optional() };

/** The filter of `list`. */
export const listHoursSchema = z.strictObject({
  ...spanShape,
  volunteerId: idSchema.optional(),
  activityId: idSchema.optional(),
  status: z
    .union([z.enum(HOUR_ENTRY_STATUSES), z.array(z.enum(HOUR_ENTRY_STATUSES)).min(1)])
    .optional(),
});

/** The filter of `creditedMinutes`. */
export const creditedMinutesSchema = z.strictObject({
  ...spanShape,
  volunteerId: idSchema.optional(),
  activityId: idSchema.optional(),
});

/** The options of `summary`. */
export const summaryHoursSchema = z.strictObject({
  ...spanShape,
  groupBy: z.enum(['volunteer', 'activity']),
  period: z.enum(['day', 'week', 'month', 'year']).optional(),
});

/** The options of `certificate`. */
export const certificateSchema = z.strictObject({
  from: boundSchema,
  to: boundSchema,
  issuer: idSchema,
  serial: idSchema,
});
