// Turns the routing decision for a case into its dispatch: tier, handlers, the deadline in
// its unit and the due instant counted by the book's calendar.
import type { WorkCalendar } from '../calendar/types.js';
import { compileRouting } from '../routing/index.js';
import type { Router, RoutingConfig } from '../routing/index.js';
import type { CaseDispatch, CaseIntake } from './events.js';
import type { EscalationTier } from './escalation.js';
import { utc } from './values.js';

/**
 * What the case book routes with: a router, or a rule set (typed, or as parsed from JSON: it is
 * validated when compiled).
 */
export type CaseRouting = Router | RoutingConfig | Readonly<Record<string, unknown>>;

/** The router and the lookups the book needs beside it. */
export interface CaseDispatcher {
  readonly router: Router;
  /** The tiers in escalation order. */
  readonly tiers: readonly EscalationTier[];
  /** Routes a case received at `intake.receivedAt`. */
  dispatch(intake: CaseIntake): CaseDispatch;
}

function isRouter(routing: CaseRouting): routing is Router {
  return typeof (routing as Partial<Router>).route === 'function';
}

/** Compiles the rule set when needed (throwing `INVALID_RULES`) and builds the dispatcher. */
export function createDispatcher(routing: CaseRouting, calendar: WorkCalendar): CaseDispatcher {
  const router = isRouter(routing) ? routing : compileRouting(routing, { calendar });
  // A router compiled with another calendar: the book's calendar still counts the deadline.
  const sameCalendar = router.calendar === calendar;
  const tiers = router.tiers.map((tier) => ({
    id: tier.id,
    handlers: tier.handlers,
    deadline: tier.deadline,
  }));

  return {
    router,
    tiers,
    dispatch(intake) {
      const route = router.route(intake);
      const dueAt = sameCalendar
        ? route.dueAt
        : calendar.deadline(intake.receivedAt, route.deadline);
      const dispatch: { -readonly [K in keyof CaseDispatch]: CaseDispatch[K] } = {
        tier: route.tier,
        handlers: [...route.handlers],
        deadline: route.deadline,
        dueAt: utc(dueAt),
        ruleId: route.ruleId,
        kind: route.kind,
      };
      if (route.tags.length > 0) dispatch.tags = [...route.tags];
      return dispatch;
    },
  };
}
