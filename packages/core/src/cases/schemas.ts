// zod/mini schemas of the case book: its inputs, its records and snapshot, and its events.
// Each public method parses its input with one of these before it changes anything, and a
// replay parses every event's data with the schema of its type.
// A schema made by a method call (`.check`) is marked pure: a bundler cannot tell that such a
// call has no side effects, and would keep the schema in bundles that do not use it.
import * as z from 'zod/mini';
import { eventSchema } from '../journal/schemas.js';
import { deadlineSpecSchema } from '../calendar/index.js';
import { idSchema, instantSchema } from '../schemas/common.js';
import { isJsonObject } from './json.js';
import { strictObject } from './store/strict-object.js';
import type { CaseAttributeValue } from './types.js';

// The factories below are marked free of side effects for the same reason (Open311 uses a few
// of these schemas, and its bundle leaves the rest out).
const text = /* @__NO_SIDE_EFFECTS__ */ (min: number, max: number) =>
  z.string().check(z.minLength(min), z.maxLength(max));
const shortText = text(1, 200);
const optionalText = /* @__NO_SIDE_EFFECTS__ */ (max: number) => z.optional(text(0, max));
const nameList = z.array(shortText);

/** Who reported the case. */
export const caseReporterSchema = strictObject({
  id: z.optional(idSchema),
  name: optionalText(200),
  phone: optionalText(50),
  email: optionalText(320),
});

/** Where the problem is. */
export const caseLocationSchema = strictObject({
  lat: z.optional(z.number().check(z.gte(-90), z.lte(90))),
  lon: z.optional(z.number().check(z.gte(-180), z.lte(180))),
  address: optionalText(500),
  area: optionalText(200),
});

/**
 * The attributes of a case: a plain JSON object (finite numbers, no `undefined`, at most 32
 * levels deep), keys of 1 to 200 characters. Checked by hand, own keys only, so that keys such
 * as `__proto__` or `constructor` stay plain keys.
 */
export const caseAttributesSchema = z.custom<{ readonly [key: string]: CaseAttributeValue }>(
  (value) => isJsonObject(value, 200),
  {
    message:
      'must be a plain JSON object (keys of 1 to 200 characters; values text, finite numbers, true/false, null, lists or objects)',
  },
);

/** The input of `caseBook.open`. */
export const openCaseInputSchema = strictObject({
  id: idSchema,
  category: shortText,
  title: text(1, 500),
  description: optionalText(20_000),
  receivedAt: instantSchema,
  channel: shortText,
  reporter: z.optional(caseReporterSchema),
  location: z.optional(caseLocationSchema),
  attributes: z.optional(caseAttributesSchema),
});

/** The input of `caseBook.accept`. */
export const acceptCaseInputSchema = strictObject({ by: shortText });

/** What a handling action counts as in the 721 ratio. */
export const caseActionKindSchema = z.enum(['service', 'manage', 'enforce']);

/** The input of `caseBook.act`: one handling action. */
export const caseActionInputSchema = strictObject({
  id: idSchema,
  kind: caseActionKindSchema,
  type: shortText,
  by: shortText,
  at: instantSchema,
  note: optionalText(5_000),
});

/** The input of `caseBook.extend`. */
export const extendCaseInputSchema = strictObject({
  until: instantSchema,
  reason: text(1, 2_000),
  by: shortText,
});

/** How a case was resolved. */
export const caseOutcomeSchema = z.enum(['resolved', 'mediated', 'referred', 'unresolvable']);

/** The input of `caseBook.resolve`. */
export const resolveCaseInputSchema = strictObject({
  by: shortText,
  outcome: caseOutcomeSchema,
  note: optionalText(5_000),
});

/** The three levels of a follow-up survey. */
export const followUpRatingSchema = z.enum(['satisfied', 'basic', 'unsatisfied']);

/** The input of `caseBook.followUp`. */
export const followUpInputSchema = strictObject({
  rating: followUpRatingSchema,
  comment: optionalText(5_000),
  at: instantSchema,
});

/** The input of `caseBook.markDuplicate`. */
export const markDuplicateInputSchema = strictObject({ of: idSchema });

const workingDaysSetting = /* @__PURE__ */ z.int().check(z.gte(0), z.lte(366));

/** The escalation policy of `review`; every field has a default. */
export const caseEscalationPolicySchema = strictObject({
  chase: z._default(z.boolean(), true),
  chaseAfterWorkingDays: z._default(workingDaysSetting, 0),
  noticeAfterWorkingDays: z._default(z.nullable(workingDaysSetting), 5),
  tierAfterWorkingDays: z._default(z.nullable(workingDaysSetting), null),
});

/** Where a case is in its life cycle. */
export const caseStatusSchema = z.enum([
  'dispatched',
  'in_progress',
  'resolved',
  'closed',
  'duplicate',
]);

/** The filter of `caseBook.list`. */
export const caseFilterSchema = strictObject({
  status: z.optional(z.union([caseStatusSchema, z.array(caseStatusSchema)])),
  tier: z.optional(z.string()),
  category: z.optional(z.string()),
  channel: z.optional(z.string()),
  handler: z.optional(z.string()),
  overdueAt: z.optional(z.union([instantSchema, z.date()])),
});

// Records, as `get`, `list` and `snapshot` hand them out.

/** One handling action of a record. */
export const caseActionSchema = caseActionInputSchema;

/** One follow-up visit of a record. */
export const caseFollowUpSchema = followUpInputSchema;

/** The escalation steps. */
export const escalationStepSchema = z.enum(['chase', 'notice', 'tier']);

/** One escalation of a record. */
export const caseEscalationSchema = strictObject({
  step: escalationStepSchema,
  at: instantSchema,
  dueAt: instantSchema,
  round: z.int().check(z.gte(0)),
  tier: shortText,
  toTier: z.optional(shortText),
  newDueAt: z.optional(instantSchema),
});

/** One deadline extension of a record. */
export const caseExtensionSchema = strictObject({
  from: instantSchema,
  until: instantSchema,
  reason: text(1, 2_000),
  by: shortText,
  at: instantSchema,
});

/** One case, as the book derives it from its log. */
export const caseRecordSchema = strictObject({
  id: idSchema,
  category: shortText,
  title: text(1, 500),
  description: optionalText(20_000),
  channel: shortText,
  receivedAt: instantSchema,
  reporter: z.optional(caseReporterSchema),
  location: z.optional(caseLocationSchema),
  attributes: z.optional(caseAttributesSchema),
  status: caseStatusSchema,
  tier: shortText,
  handlers: nameList,
  dueAt: instantSchema,
  deadline: deadlineSpecSchema,
  ruleId: z.nullable(z.string()),
  kind: z.optional(caseActionKindSchema),
  tags: z.optional(nameList),
  openedAt: instantSchema,
  updatedAt: instantSchema,
  acceptedAt: z.optional(instantSchema),
  acceptedBy: z.optional(shortText),
  resolvedAt: z.optional(instantSchema),
  resolvedBy: z.optional(shortText),
  outcome: z.optional(caseOutcomeSchema),
  resolutionNote: optionalText(5_000),
  closedAt: z.optional(instantSchema),
  followUps: z.array(caseFollowUpSchema),
  actions: z.array(caseActionSchema),
  escalations: z.array(caseEscalationSchema),
  extensions: z.array(caseExtensionSchema),
  reopenedCount: z.int().check(z.gte(0)),
  round: z.int().check(z.gte(0)),
  duplicateOf: z.optional(idSchema),
  duplicateAt: z.optional(instantSchema),
});

/** What `caseBook.snapshot()` returns. */
export const caseSnapshotSchema = strictObject({ cases: z.array(caseRecordSchema) });

// Events: the envelope of the journal, with the payload of each type.

/** A case as received, after validation. */
export const caseIntakeSchema = openCaseInputSchema;

/** Where routing sent a case. */
export const caseDispatchSchema = strictObject({
  tier: shortText,
  handlers: nameList,
  dueAt: instantSchema,
  deadline: deadlineSpecSchema,
  ruleId: z.nullable(z.string()),
  kind: z.optional(caseActionKindSchema),
  tags: z.optional(nameList),
});

const caseId = { id: idSchema };

/** The payload of each event type. */
export const caseEventDataSchemas = {
  'cases.opened': strictObject({ intake: caseIntakeSchema, dispatch: caseDispatchSchema }),
  'cases.accepted': strictObject({ ...caseId, by: shortText }),
  'cases.acted': strictObject({ ...caseId, action: caseActionSchema }),
  'cases.extended': strictObject({ ...caseId, ...extendCaseInputSchema._zod.def.shape }),
  'cases.resolved': strictObject({ ...caseId, ...resolveCaseInputSchema._zod.def.shape }),
  'cases.followed_up': strictObject({
    ...caseId,
    ...followUpInputSchema._zod.def.shape,
    reopenDueAt: z.optional(instantSchema),
  }),
  'cases.closed': strictObject(caseId),
  'cases.marked_duplicate': strictObject({ ...caseId, of: idSchema }),
  'cases.escalated': z.union([
    strictObject({
      ...caseId,
      step: z.enum(['chase', 'notice']),
      dueAt: instantSchema,
      round: z.int().check(z.gte(0)),
      tier: shortText,
    }),
    strictObject({
      ...caseId,
      step: z.literal('tier'),
      dueAt: instantSchema,
      round: z.int().check(z.gte(0)),
      tier: shortText,
      toTier: shortText,
      handlers: nameList,
      newDueAt: instantSchema,
      deadline: deadlineSpecSchema,
    }),
  ]),
} as const;

const envelope = /* @__NO_SIDE_EFFECTS__ */ <T extends keyof typeof caseEventDataSchemas>(
  type: T,
) => eventSchema(type, caseEventDataSchemas[type]);

/** A `cases.opened` event. */
export const caseOpenedEventSchema = envelope('cases.opened');
/** A `cases.accepted` event. */
export const caseAcceptedEventSchema = envelope('cases.accepted');
/** A `cases.acted` event. */
export const caseActedEventSchema = envelope('cases.acted');
/** A `cases.extended` event. */
export const caseExtendedEventSchema = envelope('cases.extended');
/** A `cases.resolved` event. */
export const caseResolvedEventSchema = envelope('cases.resolved');
/** A `cases.followed_up` event. */
export const caseFollowedUpEventSchema = envelope('cases.followed_up');
/** A `cases.closed` event. */
export const caseClosedEventSchema = envelope('cases.closed');
/** A `cases.marked_duplicate` event. */
export const caseMarkedDuplicateEventSchema = envelope('cases.marked_duplicate');
/** A `cases.escalated` event. */
export const caseEscalatedEventSchema = envelope('cases.escalated');

/** Any event of the case book. */
export const caseEventSchema = z.discriminatedUnion('type', [
  caseOpenedEventSchema,
  caseAcceptedEventSchema,
  caseActedEventSchema,
  caseExtendedEventSchema,
  caseResolvedEventSchema,
  caseFollowedUpEventSchema,
  caseClosedEventSchema,
  caseMarkedDuplicateEventSchema,
  caseEscalatedEventSchema,
]);
