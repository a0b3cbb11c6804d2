// The public shape of the case book: its options, inputs and methods.
import type { Clock } from '../clock.js';
import type { ChainHash } from '../journal/chain.js';
import type { WorkCalendar } from '../calendar/types.js';
import type { Router } from '../routing/index.js';
import type { CaseRouting } from './dispatch.js';
import type { CaseEscalationPolicy } from './escalation.js';
import type { CaseEvent } from './events.js';
import type {
  CaseActionKind,
  CaseAttributeValue,
  CaseEscalation,
  CaseLocation,
  CaseOutcome,
  CaseRecord,
  CaseReporter,
  CaseSource,
  FollowUpRating,
} from './types.js';

/** The options of {@link createCaseBook}. */
export interface CaseBookOptions {
  /** The rule set (compiled here, with `calendar`) or an already compiled router. */
  readonly routing: CaseRouting;
  /** Counts every deadline: at intake, on reopening, for escalation. */
  readonly calendar: WorkCalendar;
  /** The clock: stamps each event and decides whether an extension comes too late. */
  readonly now: Clock;
  /** When `review` chases, gives notice and moves cases up; see {@link CaseEscalationPolicy}. */
  readonly escalation?: CaseEscalationPolicy;
  /** Events of an earlier book, as returned by its `events()`, to start from (a replay). */
  readonly events?: readonly CaseEvent[];
  /** Chains the events with this hash (see `createJournal`); given events are checked against it. */
  readonly hash?: ChainHash;
}

/** The input of {@link CaseBook.open}: a case as it comes in. */
export interface OpenCaseInput {
  /** Caller-supplied id, the idempotency key. */
  readonly id: string;
  /** What the problem is about (`noise`, `litter`, ...): the main fact of routing. */
  readonly category: string;
  readonly title: string;
  readonly description?: string;
  /** When it was received, an ISO instant with an offset: deadlines count from its local day. */
  readonly receivedAt: string;
  /** Where it came in: `station`, `shop`, `hotline`, `app`, ... */
  readonly channel: string;
  readonly reporter?: CaseReporter;
  readonly location?: CaseLocation;
  /** Further facts for the routing rules (`attributes.reports`, ...). */
  readonly attributes?: { readonly [key: string]: CaseAttributeValue };
}

/** The input of {@link CaseBook.act}: one handling action. */
export interface CaseActionInput {
  /** Unique within the case: the idempotency key. */
  readonly id: string;
  readonly kind: CaseActionKind;
  readonly type: string;
  readonly by: string;
  /** When it took place, an ISO instant with an offset. */
  readonly at: string;
  readonly note?: string;
}

/** The input of {@link CaseBook.extend}. */
export interface ExtendCaseInput {
  /** The new deadline, an ISO instant after the current one. */
  readonly until: string;
  readonly reason: string;
  readonly by: string;
}

/** The input of {@link CaseBook.resolve}. */
export interface ResolveCaseInput {
  readonly by: string;
  readonly outcome: CaseOutcome;
  readonly note?: string;
}

/** The input of {@link CaseBook.followUp}. */
export interface FollowUpInput {
  readonly rating: FollowUpRating;
  readonly comment?: string;
  /** When the resident was asked, an ISO instant with an offset, not before the resolution. */
  readonly at: string;
}

/** One escalation applied by {@link CaseBook.review}, with the case it applied to. */
export interface CaseReviewEntry extends CaseEscalation {
  readonly caseId: string;
}

/**
 * A book of cases: the closed loop of intake, dispatch, handling, resolution, follow-up and
 * closing, with escalation of late cases. State is derived from its event log.
 */
export interface CaseBook extends CaseSource {
  /** Records, routes and dispatches a case; the same id and content again returns it unchanged. */
  open(input: OpenCaseInput): CaseRecord;
  /** A handler takes the case: `dispatched` to `in_progress`. */
  accept(id: string, input: { readonly by: string }): CaseRecord;
  /** Logs a handling action on a case in progress; the action id is its idempotency key. */
  act(id: string, action: CaseActionInput): CaseRecord;
  /** Moves the deadline later; only before it has passed (`TOO_LATE` after). */
  extend(id: string, input: ExtendCaseInput): CaseRecord;
  /** Records the outcome: `in_progress` to `resolved`. */
  resolve(id: string, input: ResolveCaseInput): CaseRecord;
  /** Records the follow-up visit of a resolved case; `unsatisfied` reopens it with a fresh deadline. */
  followUp(id: string, input: FollowUpInput): CaseRecord;
  /** Closes a resolved case. */
  close(id: string): CaseRecord;
  /** Marks an open case as a duplicate of another (the original of a chain). */
  markDuplicate(id: string, input: { readonly of: string }): CaseRecord;
  /** Applies the escalation policy to every late open case at `now` (the clock's by default). */
  review(now?: Date | string): readonly CaseReviewEntry[];
  /** The event log, oldest first: hand it to `createCaseBook({ events })` to rebuild the book. */
  events(): readonly CaseEvent[];
  /** The number of cases. */
  readonly size: number;
  /** The compiled router the book uses. */
  readonly router: Router;
  /** The calendar the book counts deadlines with. */
  readonly calendar: WorkCalendar;
}
