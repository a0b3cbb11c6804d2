// The escalation policy: which steps a late case is due for at a given instant. Pure: it
// reads the record and the calendar and returns event payloads; the book appends them.
import type { DeadlineSpec, WorkCalendar } from '../calendar/types.js';
import type { CaseEscalatedEvent } from './events.js';
import type { CaseRecord, EscalationStep } from './types.js';

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

/** A tier as escalation needs it: its id, handlers and default deadline. */
export interface EscalationTier {
  readonly id: string;
  readonly handlers: readonly string[];
  readonly deadline: DeadlineSpec;
}

type EscalationData = CaseEscalatedEvent['data'];

/** True when `step` was already applied in the case's current round. */
function done(record: CaseRecord, step: EscalationStep): boolean {
  return record.escalations.some((entry) => entry.step === step && entry.round === record.round);
}

/** The instant (ms) after which a step is due: the end of the n-th working day after the deadline's day. */
function threshold(
  calendar: WorkCalendar,
  dueAt: string,
  workingDays: number,
  memo: Map<string, number>,
): number {
  // Many late cases share a deadline: count each (deadline, n) once per review.
  const key = `${dueAt}|${workingDays}`;
  let ms = memo.get(key);
  if (ms === undefined) {
    ms = Date.parse(calendar.deadline(dueAt, { workingDays }));
    memo.set(key, ms);
  }
  return ms;
}

/**
 * The escalation steps an open case is due for at `nowMs`, in order (chase, notice, tier).
 * A tier move starts a new round with a deadline after `now`, so nothing follows it.
 */
export function dueEscalations(
  record: CaseRecord,
  nowMs: number,
  policy: SettledEscalationPolicy,
  calendar: WorkCalendar,
  tiers: readonly EscalationTier[],
  memo: Map<string, number> = new Map(),
): EscalationData[] {
  const dueMs = Date.parse(record.dueAt);
  if (!(nowMs > dueMs)) return [];
  const base = { id: record.id, dueAt: record.dueAt, round: record.round, tier: record.tier };
  const steps: EscalationData[] = [];
  const passed = (workingDays: number) =>
    nowMs > threshold(calendar, record.dueAt, workingDays, memo);

  if (policy.chase && !done(record, 'chase') && passed(policy.chaseAfterWorkingDays)) {
    steps.push({ ...base, step: 'chase' });
  }
  const notice = policy.noticeAfterWorkingDays;
  if (notice !== null && !done(record, 'notice') && passed(notice)) {
    steps.push({ ...base, step: 'notice' });
  }
  const moveAfter = policy.tierAfterWorkingDays;
  if (moveAfter !== null && !done(record, 'tier') && passed(moveAfter)) {
    const index = tiers.findIndex((tier) => tier.id === record.tier);
    const next = index >= 0 ? tiers[index + 1] : undefined;
    if (next !== undefined) {
      const now = new Date(nowMs);
      const newDueAt = new Date(calendar.deadline(now, next.deadline)).toISOString();
      steps.push({
        ...base,
        step: 'tier',
        toTier: next.id,
        handlers: [...next.handlers],
        deadline: next.deadline,
        newDueAt,
      });
    }
  }
  return steps;
}
