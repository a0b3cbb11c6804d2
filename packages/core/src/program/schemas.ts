import * as z from 'zod/mini';
import { hoursSnapshotSchema } from '../hours/schemas.js';
import { pointsSnapshotSchema } from '../points/schemas.js';
import { idSchema } from '../schemas/common.js';

/** Rates and multipliers are kept as integers of this scale, so that points are exact. */
export const EARNING_SCALE = 10_000;

const hasFourDecimals = (value: number) =>
  Math.abs(value * EARNING_SCALE - Math.round(value * EARNING_SCALE)) < 1e-6;

const fourDecimals = () =>
  z.refine<number>(hasFourDecimals, {
    message: 'must have at most 4 decimal places',
    params: { reason: 'decimals' },
  });

/** Points per credited hour: positive, at most 1,000,000, at most 4 decimal places. */
export const pointsPerHourSchema = z.number().check(z.positive(), z.lte(1_000_000), fourDecimals());

/** One tag's multiplier: 0 to 1,000, at most 4 decimal places. */
export const multiplierSchema = z.number().check(z.gte(0), z.lte(1000), fourDecimals());

/** A tag that may carry a multiplier: an id. */
export const multiplierTagSchema = idSchema;

/** The program's earning rules as a wire format (multipliers as an object of own keys). */
export const programEarningRulesSchema = z.strictObject({
  pointsPerHour: pointsPerHourSchema,
  multipliers: z.record(z.string(), multiplierSchema),
});

/** The minutes `pointsFor` takes: a whole number, 0 or more. */
export const creditedMinutesSchema = z.int().check(z.gte(0));

/** The tags `pointsFor` takes. */
export const tagsSchema = z.array(idSchema);

/** A volunteer's standing as a wire format. */
export const volunteerStandingSchema = z.strictObject({
  volunteerId: z.string(),
  creditedMinutes: z.int(),
  starLevel: z.int(),
  points: z.strictObject({ posted: z.int(), pending: z.int(), available: z.int() }),
  owing: z.int(),
});

/** Both ledgers' snapshots (`ProgramSnapshot`): the wire format of the volunteer widgets. */
export const programSnapshotSchema = z.strictObject({
  version: z.int().check(z.nonnegative()),
  hours: hoursSnapshotSchema,
  points: pointsSnapshotSchema,
});
