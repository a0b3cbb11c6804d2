import { z } from 'zod';
import { idSchema, instantSchema, timeZoneSchema } from '../schemas/common.js';

/** The kinds of the 721 ratio. */
export const RATIO_KINDS = ['service', 'manage', 'enforce'] as const;

/** The 721 target: 70% service, 20% management, 10% enforcement (住建部 2021). */
export const DEFAULT_721_TARGET = Object.freeze({ service: 0.7, manage: 0.2, enforce: 0.1 });

/** The default tolerance: 5 percentage points either side of each target share. */
export const DEFAULT_721_TOLERANCE = 0.05;

/** The community time zone used when none is given. */
export const DEFAULT_METRICS_TIME_ZONE = 'Asia/Shanghai';

const share = z.number().min(0).max(1);

/** A 721 target: three shares that add up to 1, the service share below 1. */
export const ratio721TargetSchema = z
  .object({ service: share.lt(1), manage: share, enforce: share })
  .refine((target) => Math.abs(target.service + target.manage + target.enforce - 1) <= 1e-9, {
    message: 'the three shares must add up to 1',
  });

/** One action counted by the 721 ratio. */
export const ratioActionSchema = z.object({
  id: idSchema.optional(),
  at: instantSchema,
  kind: z.enum(RATIO_KINDS),
  weight: z.number().nonnegative().optional(),
  unit: z.string().optional(),
  type: z.string().optional(),
});

const windowShape = {
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  timeZone: timeZoneSchema.default(DEFAULT_METRICS_TIME_ZONE),
};

/** Rejects a window whose end is not after its start. */
export function windowIsOrdered(span: { from?: string; to?: string }): boolean {
  return (
    span.from === undefined || span.to === undefined || Date.parse(span.from) < Date.parse(span.to)
  );
}

const windowOrder = { message: 'to must be after from', path: ['to'] };

/** The shared part of the 721 options: target and tolerance. */
export const ratio721GoalShape = {
  target: ratio721TargetSchema.default(DEFAULT_721_TARGET),
  tolerance: z.number().min(0).max(0.5).default(DEFAULT_721_TOLERANCE),
};

/** Options of `ratio721`. */
export const ratio721OptionsSchema = z
  .object({
    ...ratio721GoalShape,
    ...windowShape,
    groupBy: z.enum(['unit', 'type', 'day', 'week', 'month']).optional(),
  })
  .refine(windowIsOrdered, windowOrder);

/** Options of `ratio721FromCases`. */
export const ratio721FromCasesOptionsSchema = z
  .object({
    ...ratio721GoalShape,
    ...windowShape,
    groupBy: z.enum(['unit', 'type', 'day', 'week', 'month']).optional(),
    count: z.enum(['actions', 'cases']).default('actions'),
  })
  .refine(windowIsOrdered, windowOrder);

/** Options of `classifyActions`: the mapping of record types to kinds. */
export const actionMappingSchema = z.record(z.string(), z.enum(RATIO_KINDS));
