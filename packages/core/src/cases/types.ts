// The records of the case life cycle. Other folders (metrics) import these types, so fields
// may be added but never renamed or removed.
import type { DeadlineSpec } from '../calendar/types.js';
import type { CaseEvent } from './events.js';

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
 * One case, as derived from the event log. Records are immutable: every change makes a new
 * record object, so a changed case is a new reference. Every instant is a UTC ISO string
 * (`2025-02-05T15:59:59.999Z`), so instants compare correctly as strings.
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

/** Which cases `list` returns; every field narrows the list, and none means all cases. */
export interface CaseFilter {
  /** One status or any of several. */
  readonly status?: CaseStatus | readonly CaseStatus[];
  readonly tier?: string;
  readonly category?: string;
  readonly channel?: string;
  /** Cases whose handlers include this one. */
  readonly handler?: string;
  /** Open cases (dispatched or in progress) whose deadline is before this instant. */
  readonly overdueAt?: string | Date;
}

/**
 * The read side of a case book: what metrics and elements need. Records come in the order
 * the cases were opened; each change replaces a record and the list.
 */
export interface CaseSource {
  /** The cases, optionally filtered. */
  list(filter?: CaseFilter): readonly CaseRecord[];
  /** One case, or `undefined` when the id is unknown. */
  get(id: string): CaseRecord | undefined;
  /** Listens to every change (one call per event); returns the function that stops listening. */
  subscribe(listener: (event: CaseEvent) => void): () => void;
  /** The current state as one object: a new object after each change, the same one until then. */
  snapshot(): CaseSnapshot;
}

/** What `snapshot()` returns. */
export interface CaseSnapshot {
  readonly cases: readonly CaseRecord[];
}
