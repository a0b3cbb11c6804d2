// How long a case has left, or how late it is, as the board says it.
import type { CaseRecord } from '@lanewise/core/cases';
import type { WorkCalendar } from '@lanewise/core/calendar';

/** What a card says about the deadline. */
export type TimeLeft =
  | {
      readonly kind: 'days-left' | 'hours-left' | 'days-late' | 'hours-late';
      readonly count: number;
    }
  | { readonly kind: 'due-soon' }
  | { readonly kind: 'done'; readonly at: string };

const HOUR = 3_600_000;

/**
 * For an open case: the working days left (`剩 2 个工作日`), or the hours left on its last
 * day and for deadlines counted in hours; when late, the days since the day it fell
 * due (`超期 1 天`), or the hours on that day. For a case no longer open: when it was done.
 */
export function timeLeft(record: CaseRecord, nowMs: number, calendar: WorkCalendar): TimeLeft {
  if (record.status !== 'dispatched' && record.status !== 'in_progress') {
    const at = record.closedAt ?? record.resolvedAt ?? record.duplicateAt ?? record.updatedAt;
    return { kind: 'done', at };
  }
  const dueMs = Date.parse(record.dueAt);
  const now = new Date(nowMs);
  if (nowMs <= dueMs) {
    const days = calendar.workingDaysBetween(now, record.dueAt);
    if (days >= 1 && !('hours' in record.deadline)) return { kind: 'days-left', count: days };
    const hours = Math.floor((dueMs - nowMs) / HOUR);
    return hours >= 1 ? { kind: 'hours-left', count: hours } : { kind: 'due-soon' };
  }
  // Lateness in plain days, as a resident counts it: the days since the day it fell due.
  const days = Math.round(
    (Date.parse(calendar.dayOf(now)) - Date.parse(calendar.dayOf(record.dueAt))) / (24 * HOUR),
  );
  if (days >= 1) return { kind: 'days-late', count: days };
  return { kind: 'hours-late', count: Math.max(1, Math.floor((nowMs - dueMs) / HOUR)) };
}

/** The escalations of the case's current deadline round: chased, noticed. */
export function escalationMarks(record: CaseRecord): { chased: boolean; noticed: boolean } {
  let chased = false;
  let noticed = false;
  for (const step of record.escalations) {
    if (step.round !== record.round) continue;
    if (step.step === 'chase') chased = true;
    if (step.step === 'notice') noticed = true;
  }
  return { chased, noticed };
}
