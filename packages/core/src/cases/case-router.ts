// Turns the routing decision for a case into its dispatch: tier, handlers, the deadline in
// its unit and the due instant counted by the book's calendar, written in the book's zone.
import type { DeadlineSpec, WorkCalendar } from '../calendar/types.js';
import { compileRouting } from '../routing/index.js';
import type { Router } from '../routing/index.js';
import { invalidField } from '../schemas/parse.js';
import { isLanewiseError, type ErrorPath } from '../errors/index.js';
import { instantMs } from '../time/parse.js';
import type { CaseRouting } from './api.js';
import type { CaseDispatch, CaseIntake } from './types.js';

/** A tier as the book needs it: its id, handlers and default deadline. */
export interface CaseTier {
  readonly id: string;
  readonly handlers: readonly string[];
  readonly deadline: DeadlineSpec;
}

/** The router and the lookups the book needs beside it. */
export interface CaseRouter {
  readonly router: Router;
  /** The tiers in escalation order. */
  readonly tiers: readonly CaseTier[];
  /** Whether a tier of this id exists. */
  hasTier(id: string): boolean;
  /** The tier after this one, or `undefined` for the last or an unknown tier. */
  nextTier(id: string): CaseTier | undefined;
  /** Routes a case received at `intake.receivedAt`. */
  dispatch(intake: CaseIntake): CaseDispatch;
  /**
   * The due instant of `spec` counted from `fromMs`, in the book's zone, or `INVALID_INPUT`
   * at `path` when it would leave the supported range of instants.
   */
  deadline(fromMs: number, spec: DeadlineSpec, path: ErrorPath): string;
}

/** Whether `routing` is a compiled router rather than a rule set. */
export function isRouter(routing: unknown): routing is Router {
  return (
    typeof routing === 'object' &&
    routing !== null &&
    typeof (routing as Partial<Router>).route === 'function'
  );
}

/** Compiles the rule set when needed (throwing `INVALID_RULES`) and builds the case router. */
export function createCaseRouter(
  routing: CaseRouting,
  calendar: WorkCalendar,
  write: (text: string) => string,
): CaseRouter {
  const router = isRouter(routing) ? routing : compileRouting(routing, { calendar });
  // A router compiled with another calendar: the book's calendar still counts the deadline.
  const sameCalendar = router.calendar === calendar;
  const tiers: CaseTier[] = router.tiers.map((tier) =>
    Object.freeze({
      id: tier.id,
      handlers: Object.freeze([...tier.handlers]),
      deadline: Object.freeze({ ...tier.deadline }),
    }),
  );
  const position = new Map(tiers.map((tier, index) => [tier.id, index]));

  const outOfRange = (path: ErrorPath) =>
    invalidField(
      path,
      'gives a deadline after 2999-12-31, outside the supported range of instants',
      'instant',
    );
  // Every deadline is written in the book's zone; one beyond 2999 is refused at its cause,
  // whether the calendar refuses it or a result falls outside the range.
  const inZone = (count: () => string, path: ErrorPath): string => {
    let due: string;
    try {
      due = count();
    } catch (error) {
      if (isLanewiseError(error, 'INVALID_INPUT')) throw outOfRange(path);
      throw error;
    }
    if (Number.isNaN(instantMs(due))) throw outOfRange(path);
    return write(due);
  };

  return {
    router,
    tiers,
    hasTier: (id) => position.has(id),
    nextTier(id) {
      const index = position.get(id);
      return index === undefined ? undefined : tiers[index + 1];
    },
    dispatch(intake) {
      const route = router.route(intake);
      const due = () =>
        sameCalendar ? route.dueAt : calendar.deadline(intake.receivedAt, route.deadline);
      const dispatch: { -readonly [K in keyof CaseDispatch]: CaseDispatch[K] } = {
        tier: route.tier,
        handlers: [...route.handlers],
        deadline: { ...route.deadline },
        dueAt: inZone(due, ['receivedAt']),
        ruleId: route.ruleId,
        kind: route.kind,
      };
      if (route.tags.length > 0) dispatch.tags = [...route.tags];
      return dispatch;
    },
    deadline: (fromMs, spec, path) => inZone(() => calendar.deadline(new Date(fromMs), spec), path),
  };
}
