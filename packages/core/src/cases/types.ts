// The records, events and policy of the case life cycle. Other folders (metrics) import these
// types, so fields may be added but never renamed or removed.
import type { DeadlineSpec } from '../calendar/types.js';
import type { JournalEvent } from '../journal/journal.js';

/**
 * Where a case is in its life cycle.
 *
 * - `dispatched`: routed to a tier and its handlers, not yet accepted (also a reopened case).
 * - `in_progress`: accepted by a handler, being handled.
 * - `resolved`: handled, with an outcome; waiting for the follow-up visit and closing.
 * - `closed`: done.
 * - `duplicate`: the same problem as another case (`duplicateOf`).
 */
export type CaseStatus = 'dispatched' | 'in_progress' | 'resolved' | 'closed' | 'duplicate';

/** What a handling action counts as in the 721 ratio: service, management or enforcement. */
export type CaseActionKind = 'service' | 'manage' | 'enforce';

/** How a case was resolved. */
export type CaseOutcome = 'resolved' | 'mediated' | 'referred' | 'unresolvable';

/** The three levels of a Chinese follow-up survey: 满意, 基本满意, 不满意. */
export type FollowUpRating = 'satisfied' | 'basic' | 'unsatisfied';

/** The steps of escalation: 催办 (chase), 通报 (public notice), a move to the next tier. */
export type EscalationStep = 'chase' | 'notice' | 'tier';

/** A value of a case attribute: plain JSON. */
export type CaseAttributeValue =
  | string
  | number
  | boolean
  | null
  | readonly CaseAttributeValue[]
  | { readonly [key: string]: CaseAttributeValue };

/** Who reported the case. Every field is optional: residents may stay anonymous. */
export interface CaseReporter {
  readonly id?: string;
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
}

/** Where the problem is: a coordinate (WGS 84), an address, or both. */
export interface CaseLocation {
  readonly lat?: number;
  readonly lon?: number;
  readonly address?: string;
  /** The grid, community or building the case belongs to. */
  readonly area?: string;
}

/** One handling action; the 721 tracker counts these by `kind`. */
export interface CaseAction {
  /** Unique within the case; the idempotency key of `act`. */
  readonly id: string;
  readonly kind: CaseActionKind;
  /** Free-form type, such as `visit`, `mediation`, `notice-issued`, `fine`. */
  readonly type: string;
  readonly by: string;
  /** When the action took place (ISO instant). */
  readonly at: string;
  readonly note?: string;
}

/** One follow-up visit (回访). */
export interface CaseFollowUp {
  readonly rating: FollowUpRating;
  readonly comment?: string;
  /** When the resident was asked (ISO instant). */
  readonly at: string;
}

/** One escalation applied by `review`. */
export interface CaseEscalation {
  readonly step: EscalationStep;
  /** When the review applied it (ISO instant). */
  readonly at: string;
  /** The deadline that was missed (ISO instant). */
  readonly dueAt: string;
  /** The deadline round it belongs to (see {@link CaseRecord.round}). */
  readonly round: number;
  /** The tier the case was in. */
  readonly tier: string;
  /** For `tier`: the tier it moved to. */
  readonly toTier?: string;
  /** For `tier`: the new deadline (ISO instant). */
  readonly newDueAt?: string;
}

/** One deadline extension (延期), granted before the deadline. */
export interface CaseExtension {
  /** The deadline before the extension (ISO instant). */
  readonly from: string;
  /** The new deadline (ISO instant). */
  readonly until: string;
  readonly reason: string;
  readonly by: string;
  /** When it was granted (ISO instant). */
  readonly at: string;
}

/**
 * One case, as derived from the event log. Records are frozen (deeply): every change makes a
 * new record object, so a changed case is a new reference. Every instant is an ISO string with
 * the offset of the book's time zone (`2025-02-05T23:59:59.999+08:00`); compare instants by
 * their milliseconds (`Date.parse`), never as text.
 */
export interface CaseRecord {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  readonly description?: string;
  /** Where it came in: `station`, `shop`, `hotline`, `app`, `open311`, ... */
  readonly channel: string;
  /** When it was received (ISO instant). */
  readonly receivedAt: string;
  readonly reporter?: CaseReporter;
  readonly location?: CaseLocation;
  readonly attributes?: { readonly [key: string]: CaseAttributeValue };
  readonly status: CaseStatus;
  /** The tier handling it now (it changes when escalation moves the case up). */
  readonly tier: string;
  readonly handlers: readonly string[];
  /** The current deadline (ISO instant), moved by extensions, reopening and tier moves. */
  readonly dueAt: string;
  /** The deadline it was given, in its unit, for reopening with a fresh deadline. */
  readonly deadline: DeadlineSpec;
  /** The routing rule that matched, or `null` when the rule set's default applied. */
  readonly ruleId: string | null;
  /** What the handling counts as in the 721 ratio, when the rule says so. */
  readonly kind?: CaseActionKind;
  /** Tags added by the routing rule. */
  readonly tags?: readonly string[];
  /** When the case was opened in the book (ISO instant). */
  readonly openedAt: string;
  /** When it was last changed (ISO instant). */
  readonly updatedAt: string;
  /** When the current round was accepted (cleared when the case is reopened). */
  readonly acceptedAt?: string;
  readonly acceptedBy?: string;
  /** When the current round was resolved (cleared when the case is reopened). */
  readonly resolvedAt?: string;
  readonly resolvedBy?: string;
  readonly outcome?: CaseOutcome;
  readonly resolutionNote?: string;
  readonly closedAt?: string;
  /** Every follow-up, oldest first; kept when a case is reopened. */
  readonly followUps: readonly CaseFollowUp[];
  readonly actions: readonly CaseAction[];
  readonly escalations: readonly CaseEscalation[];
  readonly extensions: readonly CaseExtension[];
  /** How many times an unsatisfied follow-up reopened the case. */
  readonly reopenedCount: number;
  /**
   * The deadline round: 0 at intake, plus one at each reopening and each tier move. Each
   * escalation step applies at most once per round.
   */
  readonly round: number;
  readonly duplicateOf?: string;
  /** When it was marked a duplicate (ISO instant). */
  readonly duplicateAt?: string;
}

/** What `snapshot()` returns: every case, in the order they were opened. */
export interface CaseSnapshot {
  readonly cases: readonly CaseRecord[];
}

/** A case as it comes in: the input of `open`, kept with its instants in the book's zone. */
export interface CaseIntake {
  /** Caller-supplied id, the idempotency key. */
  readonly id: string;
  /** What the problem is about (`noise`, `litter`, ...): the main fact of routing. */
  readonly category: string;
  readonly title: string;
  readonly description?: string;
  /**
   * When it was received, an ISO instant with an offset: deadlines count from its local day.
   * Not later than the clock (5 minutes of clock skew are allowed).
   */
  readonly receivedAt: string;
  /** Where it came in: `station`, `shop`, `hotline`, `app`, ... */
  readonly channel: string;
  readonly reporter?: CaseReporter;
  readonly location?: CaseLocation;
  /** Further facts for the routing rules (`attributes.reports`, ...). */
  readonly attributes?: { readonly [key: string]: CaseAttributeValue };
}

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
  'cases.opened',
  { readonly intake: CaseIntake; readonly dispatch: CaseDispatch }
>;
/** A handler accepted the case. */
export type CaseAcceptedEvent = JournalEvent<
  'cases.accepted',
  { readonly id: string; readonly by: string }
>;
/** A handling action was logged. */
export type CaseActedEvent = JournalEvent<
  'cases.acted',
  { readonly id: string; readonly action: CaseAction }
>;
/** The deadline was extended. */
export type CaseExtendedEvent = JournalEvent<
  'cases.extended',
  { readonly id: string; readonly until: string; readonly reason: string; readonly by: string }
>;
/** The case was resolved. */
export type CaseResolvedEvent = JournalEvent<
  'cases.resolved',
  {
    readonly id: string;
    readonly by: string;
    readonly outcome: CaseOutcome;
    readonly note?: string;
  }
>;
/** A follow-up visit; `reopenDueAt` is set when an unsatisfied answer reopened the case. */
export type CaseFollowedUpEvent = JournalEvent<
  'cases.followed_up',
  {
    readonly id: string;
    readonly rating: FollowUpRating;
    readonly comment?: string;
    readonly at: string;
    readonly reopenDueAt?: string;
  }
>;
/** The case was closed. */
export type CaseClosedEvent = JournalEvent<'cases.closed', { readonly id: string }>;
/** The case was marked a duplicate of another. */
export type CaseMarkedDuplicateEvent = JournalEvent<
  'cases.marked_duplicate',
  { readonly id: string; readonly of: string }
>;
/**
 * `review` applied one escalation step. A `tier` step carries the move (`toTier`, `handlers`,
 * `deadline`, `newDueAt`); a `chase` or `notice` carries none of them.
 */
export type CaseEscalatedEvent = JournalEvent<
  'cases.escalated',
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

/** The payload of an event of type `T`. */
export type CaseEventData<T extends CaseEventType> = Extract<CaseEvent, { type: T }>['data'];

/**
 * When `review` escalates a late case. Each step applies at most once per case and deadline
 * round; thresholds are counted in working days after the day of the missed deadline, and a
 * step is due once the end of that working day has passed.
 *
 * @example
 * ```ts
 * // Chase the day after the deadline, notice 5 working days later, move up after 10.
 * const escalation: CaseEscalationPolicy = { noticeAfterWorkingDays: 5, tierAfterWorkingDays: 10 };
 * ```
 */
export interface CaseEscalationPolicy {
  /** Send a chase (催办) at all; default `true`. */
  readonly chase?: boolean;
  /** Working days after the deadline's day before the chase; default 0: the day after the deadline. */
  readonly chaseAfterWorkingDays?: number;
  /** Working days after the deadline's day before the public notice (通报); default 5, `null` for none. */
  readonly noticeAfterWorkingDays?: number | null;
  /**
   * Working days after the deadline's day before the case moves to the next tier with that
   * tier's handlers and deadline; default `null`: never.
   */
  readonly tierAfterWorkingDays?: number | null;
}

/** The policy with its defaults filled in. */
export interface SettledEscalationPolicy {
  readonly chase: boolean;
  readonly chaseAfterWorkingDays: number;
  readonly noticeAfterWorkingDays: number | null;
  readonly tierAfterWorkingDays: number | null;
}
