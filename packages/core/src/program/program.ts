import { z } from 'zod';
import { LanewiseError } from '../errors.js';
import type { HoursEvent, HourEntry } from '../hours/index.js';
import { createHoursLedgerWith, type HoursCommitHook } from '../hours/ledger.js';
import { hoursPolicySchema } from '../hours/schemas.js';
import { createJournal } from '../journal/index.js';
import { createPointsLedger, type PointsEvent, type PointsLedger } from '../points/index.js';
import { idSchema, parseInput } from '../schemas/index.js';
import { earningSchema, pointsForMinutes, resolveEarning } from './earning.js';
import type {
  ProgramEvent,
  ProgramSnapshot,
  VolunteerProgram,
  VolunteerProgramOptions,
} from './types.js';

/** Every key a program policy may hold; the point ledger checks its own two. */
const programPolicySchema = z.strictObject({
  ...hoursPolicySchema.shape,
  ...earningSchema.shape,
  expireAfterMonths: z.unknown().optional(),
  redemptionHoldMinutes: z.unknown().optional(),
});

const HOURS_KEYS = Object.keys(hoursPolicySchema.shape);

/** The volunteer's point account. */
const accountOf = (volunteerId: string) => `volunteer:${volunteerId}` as const;

/** Splits the program's log into each ledger's log, remembering where each event came from. */
function splitEvents(events: readonly ProgramEvent[]) {
  const hours: HoursEvent[] = [];
  const points: PointsEvent[] = [];
  const origin = { hours: [] as number[], points: [] as number[] };
  events.forEach((event, index) => {
    const data: unknown = event?.data;
    if (
      (event?.type !== 'hours' && event?.type !== 'points') ||
      typeof data !== 'object' ||
      !data
    ) {
      throw new LanewiseError('INVALID_INPUT', `event ${index} is not a program event`, {
        path: ['events', index, 'type'],
      });
    }
    if (event.type === 'hours') hours.push(event.data);
    else points.push(event.data);
    origin[event.type].push(index);
  });
  return { hours, points, origin };
}

/** Runs a ledger's rebuild, pointing any error at the program event it came from. */
function rebuilding<T>(origin: number[], build: () => T): T {
  try {
    return build();
  } catch (error) {
    const [head, index, ...rest] = error instanceof LanewiseError ? error.path : [];
    if (!(error instanceof LanewiseError) || head !== 'events' || typeof index !== 'number') {
      throw error;
    }
    throw new LanewiseError(error.code, error.message, {
      path: ['events', origin[index] ?? index, 'data', ...rest],
      details: { ...error.details },
      cause: error,
    });
  }
}

/**
 * Creates a volunteer program: an hour ledger and a point ledger wired together. Approving an
 * entry posts `earn:<entryId>` (issuer to volunteer, `floor(minutes * pointsPerHour *
 * multiplier / 60)`); revoking or correcting an approved entry posts `reverse:<entryId>`
 * back as a system reversal, which may leave the volunteer owing. The earn transfer is written
 * before the approval, so that if it fails neither is written.
 *
 * @example
 * ```ts
 * const clock = manualClock('2025-03-01T18:00:00+08:00');
 * const program = createVolunteerProgram({ now: clock.now, policy: { pointsPerHour: 10 } });
 * program.hours.record({
 *   id: 'e1', volunteerId: 'v-li', activityId: 'repair-lane', recordedBy: 'org-wang',
 *   start: '2025-03-01T09:00:00+08:00', end: '2025-03-01T11:00:00+08:00',
 * });
 * program.hours.approve('e1', { by: 'org-zhao' });
 * program.points.balance('volunteer:v-li'); // { posted: 20, pending: 0, available: 20 }
 * const again = createVolunteerProgram({ now: clock.now, events: program.events() });
 * ```
 */
export function createVolunteerProgram(options: VolunteerProgramOptions): VolunteerProgram {
  if (typeof options?.now !== 'function') {
    throw new LanewiseError('INVALID_INPUT', 'now: must be a clock function', { path: ['now'] });
  }
  const policy = parseInput(programPolicySchema.optional(), options.policy, ['policy']) ?? {};
  const earning = resolveEarning(policy);
  const hoursPolicy = Object.fromEntries(
    HOURS_KEYS.filter((key) => key in policy).map((key) => [
      key,
      policy[key as keyof typeof policy],
    ]),
  );
  const pointsPolicy = {
    ...(policy.expireAfterMonths === undefined
      ? {}
      : { expireAfterMonths: policy.expireAfterMonths }),
    ...(policy.redemptionHoldMinutes === undefined
      ? {}
      : { redemptionHoldMinutes: policy.redemptionHoldMinutes }),
  } as VolunteerProgramOptions['policy'];
  const now = options.now;
  const log = parseInput(z.array(z.unknown()).optional(), options.events, ['events']) ?? [];
  const split = splitEvents(log as readonly ProgramEvent[]);

  const points: PointsLedger = rebuilding(split.origin.points, () =>
    createPointsLedger({
      now,
      policy: pointsPolicy ?? {},
      events: split.points,
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      ...(options.pickupCode === undefined ? {} : { pickupCode: options.pickupCode }),
    }),
  );

  /** Earns on approval, reverses on revocation or correction of an approved entry. */
  const settle: HoursCommitHook = (type, data, before) => {
    if (!before) return;
    const { id, volunteerId } = before;
    if (type === 'hours.approved') {
      const { creditedMinutes } = data as { creditedMinutes: number };
      const amount = pointsForMinutes(earning, creditedMinutes, before.tags);
      if (amount === 0) return;
      points.transfer({
        id: `earn:${id}`,
        from: 'issuer',
        to: accountOf(volunteerId),
        amount,
        code: 'earn',
        ref: id,
      });
      return;
    }
    if ((type === 'hours.revoked' || type === 'hours.corrected') && before.status === 'approved') {
      reverse(before);
    }
  };
  const reverse = (entry: HourEntry) => {
    const earned = points.getTransfer(`earn:${entry.id}`);
    if (!earned) return;
    points.transfer({
      id: `reverse:${entry.id}`,
      from: accountOf(entry.volunteerId),
      to: 'issuer',
      amount: earned.amount,
      code: 'reverse',
      ref: entry.id,
      reversal: true,
    });
  };

  const hours = rebuilding(split.origin.hours, () =>
    createHoursLedgerWith(
      { now, policy: hoursPolicy, timeZone: options.timeZone, events: split.hours },
      settle,
    ),
  );

  const journal = createJournal<ProgramEvent>({ now, events: log as readonly ProgramEvent[] });
  const listeners = new Set<(event: ProgramEvent) => void>();
  const forward = (event: ProgramEvent) => {
    for (const listener of listeners) listener(event);
  };
  hours.subscribe((event) => forward(journal.append('hours', event, event.at)));
  points.subscribe((event) => forward(journal.append('points', event, event.at)));
  let cached: ProgramSnapshot | undefined;

  return {
    hours,
    points,
    earning,
    pointsFor(creditedMinutes, tags = []) {
      const minutes = parseInput(z.int().nonnegative(), creditedMinutes, ['creditedMinutes']);
      const labels = parseInput(z.array(idSchema), tags, ['tags']);
      return pointsForMinutes(earning, minutes, labels);
    },
    standing(volunteerId) {
      const id = parseInput(idSchema, volunteerId, ['volunteerId']);
      return Object.freeze({
        volunteerId: id,
        creditedMinutes: hours.creditedMinutes({ volunteerId: id }),
        starLevel: hours.starLevel(id),
        points: points.balance(accountOf(id)),
        owing: points.owing(accountOf(id)),
      });
    },
    events: () => journal.events(),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    snapshot() {
      if (cached?.version !== journal.size) {
        cached = Object.freeze({
          version: journal.size,
          hours: hours.snapshot(),
          points: points.snapshot(),
        });
      }
      return cached;
    },
  };
}
