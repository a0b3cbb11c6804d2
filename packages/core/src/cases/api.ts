// The public shape of the case book: its options, its inputs and its methods.
import type { WorkCalendar } from '../calendar/types.js';
import type { Clock } from '../clock.js';
import type { Dispatcher, ListenerErrorHandler } from '../internal/dispatch.js';
import type { ChainHash, Checkpoint } from '../journal/chain.js';
import type { Router, RoutingConfig } from '../routing/index.js';
import type {
  CaseActionKind,
  CaseIntake,
  CaseEscalation,
  CaseEscalationPolicy,
  CaseEvent,
  CaseOutcome,
  CaseRecord,
  CaseSnapshot,
  CaseStatus,
  FollowUpRating,
} from './types.js';

/**
 * What the case book routes with: a router, or a rule set (typed, or as parsed from JSON: it is
 * validated when compiled).
 */
export type CaseRouting = Router | RoutingConfig | Readonly<Record<string, unknown>>;

/** The options of {@link createCaseBook}. */
export interface CaseBookOptions {
  /** The rule set (compiled here, with `calendar`) or an already compiled router. */
  readonly routing: CaseRouting;
  /** Counts every deadline: at intake, on reopening, for escalation. */
  readonly calendar: WorkCalendar;
  /**
   * The clock: stamps each event, decides whether an extension comes too late, and bounds the
   * instants a caller may give (`receivedAt` and action times no later than it, plus 5 minutes).
   */
  readonly now: Clock;
  /** When `review` chases, gives notice and moves cases up; see {@link CaseEscalationPolicy}. */
  readonly escalation?: CaseEscalationPolicy;
  /**
   * Events of an earlier book, as returned by its `events()`, to start from (a replay). They are
   * checked as strictly as the live calls that wrote them: `INVALID_LOG` at `['events', i, ...]`.
   */
  readonly events?: readonly CaseEvent[];
  /** Chains the events with this hash (canonical JSON, see `chainLink`); given events are verified. */
  readonly hash?: ChainHash;
  /** The checkpoint kept from the earlier book (`checkpoint()`): `events` must still reach it. */
  readonly checkpoint?: Checkpoint;
  /**
   * Starts from a snapshot instead of the whole log: `snapshot` as an earlier book's
   * `snapshot()` returned it when its `checkpoint()` was `checkpoint`. `events` then holds only
   * the events after it (`seq` from `checkpoint.seq + 1`, chained from `checkpoint.hash`), and
   * `events()` returns those and the new ones. The records are checked against what the life
   * cycle allows (`INVALID_LOG` at `['restore', 'snapshot', ...]`); a snapshot that keeps every
   * rule but differs from its log is found only by replaying the whole log.
   */
  readonly restore?: { readonly snapshot: CaseSnapshot; readonly checkpoint: Checkpoint };
  /** Called with each error a listener throws; the write stands (default: an unhandled rejection). */
  readonly onListenerError?: ListenerErrorHandler;
  /** @internal Objects that notify as one share a dispatcher. */
  readonly dispatcher?: Dispatcher;
}

/**
 * The input of {@link CaseBook.open}: a case as it comes in (the same fields as the
 * {@link CaseIntake} the book keeps, whose instants it writes in its zone).
 */
export type OpenCaseInput = CaseIntake;

/** The input of {@link CaseBook.act}: one handling action. */
export interface CaseActionInput {
  /** Unique within the case: the idempotency key. */
  readonly id: string;
  readonly kind: CaseActionKind;
  readonly type: string;
  readonly by: string;
  /**
   * When it took place, an ISO instant with an offset: not before the case was received, not
   * later than the clock (5 minutes of clock skew are allowed).
   */
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
  /**
   * The event log, oldest first, frozen: hand it to `createCaseBook({ events })` to rebuild the
   * book (for a restored book, the events after its snapshot).
   */
  events(): readonly CaseEvent[];
  /** `{ seq, hash }` of the last event: keep it to detect a log cut off later. */
  checkpoint(): Checkpoint;
  /** The number of cases. */
  readonly size: number;
  /** The compiled router the book uses. */
  readonly router: Router;
  /** The calendar the book counts deadlines with. */
  readonly calendar: WorkCalendar;
  /** The time zone of every instant the book writes: the calendar's. */
  readonly timeZone: string;
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
  /**
   * Listens to every change (one call per event, after the command that wrote it is complete);
   * returns the function that stops listening.
   */
  subscribe(listener: (event: CaseEvent) => void): () => void;
  /** The current state as one frozen object: a new object after each change, the same one until then. */
  snapshot(): CaseSnapshot;
}
