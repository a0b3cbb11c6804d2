// The events of the case book. Each carries everything its change needs (the route, the
// computed deadlines), so a replay rebuilds the same state without the rules or the calendar.
import { z } from 'zod';
import { deadlineSpecSchema } from '../calendar/schemas.js';
import type { DeadlineSpec } from '../calendar/types.js';
import type { JournalEvent } from '../journal/journal.js';
import { idSchema, instantSchema } from '../schemas/common.js';
import {
  caseActionInputSchema,
  extendCaseInputSchema,
  followUpInputSchema,
  openCaseInputSchema,
  resolveCaseInputSchema,
} from './schemas.js';
import type {
  CaseAction,
  CaseActionKind,
  CaseOutcome,
  EscalationStep,
  FollowUpRating,
} from './types.js';
import type { OpenCaseInput } from './book-types.js';

/** A case as received, after validation: the input of `open` with its instants normalised. */
export type CaseIntake = OpenCaseInput;

/** Where routing sent a case: tier, handlers, deadline and the rule that decided. */
export interface CaseDispatch {
  readonly tier: string;
  readonly handlers: readonly string[];
  readonly dueAt: string;
  readonly deadline: DeadlineSpec;
  readonly ruleId: string | null;
  readonly kind?: CaseActionKind;
  readonly tags?: readonly string[];
}

/** A case came in and was routed. */
export type CaseOpenedEvent = JournalEvent<
  'case.opened',
  { readonly intake: CaseIntake; readonly dispatch: CaseDispatch }
>;
/** A handler accepted the case. */
export type CaseAcceptedEvent = JournalEvent<
  'case.accepted',
  { readonly id: string; readonly by: string }
>;
/** A handling action was logged. */
export type CaseActedEvent = JournalEvent<
  'case.acted',
  { readonly id: string; readonly action: CaseAction }
>;
/** The deadline was extended. */
export type CaseExtendedEvent = JournalEvent<
  'case.extended',
  { readonly id: string; readonly until: string; readonly reason: string; readonly by: string }
>;
/** The case was resolved. */
export type CaseResolvedEvent = JournalEvent<
  'case.resolved',
  {
    readonly id: string;
    readonly by: string;
    readonly outcome: CaseOutcome;
    readonly note?: string;
  }
>;
/** A follow-up visit; `reopenDueAt` is set when an unsatisfied answer reopened the case. */
export type CaseFollowedUpEvent = JournalEvent<
  'case.followed_up',
  {
    readonly id: string;
    readonly rating: FollowUpRating;
    readonly comment?: string;
    readonly at: string;
    readonly reopenDueAt?: string;
  }
>;
/** The case was closed. */
export type CaseClosedEvent = JournalEvent<'case.closed', { readonly id: string }>;
/** The case was marked a duplicate of another. */
export type CaseMarkedDuplicateEvent = JournalEvent<
  'case.marked_duplicate',
  { readonly id: string; readonly of: string }
>;
/** `review` applied one escalation step. */
export type CaseEscalatedEvent = JournalEvent<
  'case.escalated',
  {
    readonly id: string;
    readonly step: EscalationStep;
    readonly dueAt: string;
    readonly round: number;
    readonly tier: string;
    readonly toTier?: string;
    readonly handlers?: readonly string[];
    readonly newDueAt?: string;
    readonly deadline?: DeadlineSpec;
  }
>;

/** Every event of the case book. */
export type CaseEvent =
  | CaseOpenedEvent
  | CaseAcceptedEvent
  | CaseActedEvent
  | CaseExtendedEvent
  | CaseResolvedEvent
  | CaseFollowedUpEvent
  | CaseClosedEvent
  | CaseMarkedDuplicateEvent
  | CaseEscalatedEvent;

/** The type names of {@link CaseEvent}. */
export type CaseEventType = CaseEvent['type'];

const id = z.strictObject({ id: idSchema });
const stringList = z.array(z.string().min(1));

const dispatchSchema = z.strictObject({
  tier: z.string().min(1),
  handlers: stringList,
  dueAt: instantSchema,
  deadline: deadlineSpecSchema,
  ruleId: z.string().nullable(),
  kind: z.enum(['service', 'manage', 'enforce']).optional(),
  tags: stringList.optional(),
});

/** The payload schema of each event type, for checking events handed to a replay. */
export const caseEventDataSchemas: { readonly [T in CaseEventType]: z.ZodType } = {
  'case.opened': z.strictObject({ intake: openCaseInputSchema, dispatch: dispatchSchema }),
  'case.accepted': id.extend({ by: z.string().min(1) }),
  'case.acted': id.extend({ action: caseActionInputSchema }),
  'case.extended': id.extend(extendCaseInputSchema.shape),
  'case.resolved': id.extend(resolveCaseInputSchema.shape),
  'case.followed_up': id.extend({
    ...followUpInputSchema.shape,
    reopenDueAt: instantSchema.optional(),
  }),
  'case.closed': id,
  'case.marked_duplicate': id.extend({ of: idSchema }),
  'case.escalated': id.extend({
    step: z.enum(['chase', 'notice', 'tier']),
    dueAt: instantSchema,
    round: z.int().min(0),
    tier: z.string().min(1),
    toTier: z.string().min(1).optional(),
    handlers: stringList.optional(),
    newDueAt: instantSchema.optional(),
    deadline: deadlineSpecSchema.optional(),
  }),
};

/** The envelope of a stored event. */
export const caseEventEnvelopeSchema = z.object({
  seq: z.int().min(1),
  type: z.enum(Object.keys(caseEventDataSchemas) as [CaseEventType, ...CaseEventType[]]),
  at: instantSchema,
  data: z.unknown(),
});
