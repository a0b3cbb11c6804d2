// zod schemas of the case book's inputs. Each public method parses its input with one of
// these before it changes anything.
import { z } from 'zod';
import { idSchema, instantSchema } from '../schemas/common.js';
import type { CaseAttributeValue } from './types.js';
import { isJsonValue } from './values.js';

const shortText = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);

/** Who reported the case. */
export const caseReporterSchema = z.strictObject({
  id: idSchema.optional(),
  name: text(200).optional(),
  phone: text(50).optional(),
  email: text(320).optional(),
});

/** Where the problem is. */
export const caseLocationSchema = z.strictObject({
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  address: text(500).optional(),
  area: text(200).optional(),
});

/** The input of `caseBook.open`. */
export const openCaseInputSchema = z.strictObject({
  id: idSchema,
  category: shortText,
  title: z.string().min(1).max(500),
  description: text(20_000).optional(),
  receivedAt: instantSchema,
  channel: shortText,
  reporter: caseReporterSchema.optional(),
  location: caseLocationSchema.optional(),
  attributes: z
    .record(
      z.string().min(1).max(200),
      z.custom<CaseAttributeValue>((value) => isJsonValue(value), {
        error:
          'expected a JSON value (string, finite number, boolean, null, array or plain object)',
      }),
    )
    .optional(),
});

/** The input of `caseBook.accept`. */
export const acceptCaseInputSchema = z.strictObject({ by: shortText });

const actionKindSchema = z.enum(['service', 'manage', 'enforce']);

/** The input of `caseBook.act`: one handling action. */
export const caseActionInputSchema = z.strictObject({
  id: idSchema,
  kind: actionKindSchema,
  type: shortText,
  by: shortText,
  at: instantSchema,
  note: text(5_000).optional(),
});

/** The input of `caseBook.extend`. */
export const extendCaseInputSchema = z.strictObject({
  until: instantSchema,
  reason: z.string().min(1).max(2_000),
  by: shortText,
});

/** The input of `caseBook.resolve`. */
export const resolveCaseInputSchema = z.strictObject({
  by: shortText,
  outcome: z.enum(['resolved', 'mediated', 'referred', 'unresolvable']),
  note: text(5_000).optional(),
});

/** The input of `caseBook.followUp`. */
export const followUpInputSchema = z.strictObject({
  rating: z.enum(['satisfied', 'basic', 'unsatisfied']),
  comment: text(5_000).optional(),
  at: instantSchema,
});

/** The input of `caseBook.markDuplicate`. */
export const markDuplicateInputSchema = z.strictObject({ of: idSchema });

const workingDaysSetting = z.int().min(0).max(366);

/** The escalation policy of `review`; every field has a default. */
export const escalationPolicySchema = z.strictObject({
  chase: z.boolean().default(true),
  chaseAfterWorkingDays: workingDaysSetting.default(0),
  noticeAfterWorkingDays: workingDaysSetting.nullable().default(5),
  tierAfterWorkingDays: workingDaysSetting.nullable().default(null),
});

/** The filter of `caseBook.list`. */
export const caseFilterSchema = z.strictObject({
  status: z
    .union([
      z.enum(['dispatched', 'in_progress', 'resolved', 'closed', 'duplicate']),
      z.array(z.enum(['dispatched', 'in_progress', 'resolved', 'closed', 'duplicate'])),
    ])
    .optional(),
  tier: z.string().optional(),
  category: z.string().optional(),
  channel: z.string().optional(),
  handler: z.string().optional(),
  overdueAt: z.union([instantSchema, z.date()]).optional(),
});
