// The escalation policy: which steps a late case is due for at a given instant. Pure: it
// reads the record and the calendar and returns event payloads; the book appends them.
import { isLanewiseError } from '../errors/index.js';
import type { WorkCalendar } from '../calendar/types.js';
import { instantMs } from '../time/parse.js';
import type { CaseRouter } from './case-router.js';
import type {
  CaseEventData,
  CaseRecord,
  EscalationStep,
  SettledEscalationPolicy,
} from './types.js';

type EscalationData = CaseEventData<'cases.escalated'>;

/** True when `step` was already applied in the case's current round. */
export function stepDone(record: CaseRecord, step: EscalationStep): boolean {
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
    try {
      ms = instantMs(calendar.deadline(dueAt, { workingDays }));
    } catch (error) {
      // A step that would fall after 2999 never comes due within the supported range.
      if (!isLanewiseError(error, 'INVALID_INPUT')) throw error;
      ms = Number.POSITIVE_INFINITY;
    }
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
  router: CaseRouter,
  memo: Map<string, number> = new Map(),
): EscalationData[] {
  const dueMs = instantMs(record.dueAt);
  if (!(nowMs > dueMs)) return [];
  const base = { id: record.id, dueAt: record.dueAt, round: record.round, tier: record.tier };
  const steps: EscalationData[] = [];
  const passed = (workingDays: number) =>
    nowMs > threshold(calendar, record.dueAt, workingDays, memo);

  if (policy.chase && !stepDone(record, 'chase') && passed(policy.chaseAfterWorkingDays)) {
    steps.push({ ...base, step: 'chase' });
  }
  const notice = policy.noticeAfterWorkingDays;
  if (notice !== null && !stepDone(record, 'notice') && passed(notice)) {
    steps.push({ ...base, step: 'notice' });
  }
  const moveAfter = policy.tierAfterWorkingDays;
  if (moveAfter !== null && !stepDone(record, 'tier') && passed(moveAfter)) {
    const next = router.nextTier(record.tier);
    if (next !== undefined) {
      // A deadline beyond the supported range is refused at the review's instant.
      const newDueAt = router.deadline(nowMs, next.deadline, ['now']);
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
