// A plain reference model of the hour ledger: lists and scans, no indexes, no caches. The
// model-based tests run the same commands on it and on the real ledger and compare.
import type { ErrorCode } from '../../src/errors/index.js';

export interface ModelPolicy {
  readonly unitMinutes: number;
  readonly maxMinutesPerEntry: number;
  readonly maxMinutesPerActivity: number | null;
  readonly maxMinutesPerDay: number | null;
}

export interface ModelEntry {
  readonly id: string;
  readonly volunteerId: string;
  readonly activityId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly recordedBy: string;
  readonly tags: readonly string[];
  status: 'pending' | 'approved' | 'rejected' | 'revoked' | 'superseded';
  credited?: number;
  corrects?: string;
  reason?: string;
}

/** The fields of a record call, instants already in milliseconds. */
export interface ModelDraft {
  readonly id: string;
  readonly volunteerId: string;
  readonly activityId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly recordedBy: string;
  readonly tags: readonly string[];
}

/** What a call should do: fail with a code, or succeed (and touch this entry). */
export type Outcome = { readonly error: ErrorCode } | { readonly entry: ModelEntry };

const SHANGHAI_MS = 8 * 3_600_000;

/** The Shanghai calendar day of an instant (no summer time there, so plain arithmetic). */
export const shanghaiDay = (ms: number) => new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);

export class HoursModel {
  readonly entries: ModelEntry[] = [];

  constructor(
    readonly policy: ModelPolicy,
    public nowMs: number,
  ) {}

  find(id: string): ModelEntry | undefined {
    return this.entries.find((entry) => entry.id === id);
  }

  private live(entry: ModelEntry): boolean {
    return entry.status === 'pending' || entry.status === 'approved';
  }

  private sameDraft(entry: ModelEntry, draft: ModelDraft): boolean {
    return (
      entry.volunteerId === draft.volunteerId &&
      entry.activityId === draft.activityId &&
      entry.startMs === draft.startMs &&
      entry.endMs === draft.endMs &&
      entry.recordedBy === draft.recordedBy &&
      entry.tags.join() === draft.tags.join()
    );
  }

  private problem(draft: ModelDraft, except?: string): ErrorCode | undefined {
    if (draft.endMs <= draft.startMs) return 'INVALID_INPUT';
    if (Math.floor((draft.endMs - draft.startMs) / 60_000) > this.policy.maxMinutesPerEntry)
      return 'DURATION_LIMIT';
    if (draft.endMs > this.nowMs) return 'FUTURE_ENTRY';
    const clash = this.entries.some(
      (entry) =>
        entry.id !== except &&
        entry.volunteerId === draft.volunteerId &&
        this.live(entry) &&
        entry.startMs < draft.endMs &&
        draft.startMs < entry.endMs,
    );
    return clash ? 'OVERLAP' : undefined;
  }

  record(draft: ModelDraft): Outcome {
    const existing = this.find(draft.id);
    if (existing) {
      return existing.corrects === undefined && this.sameDraft(existing, draft)
        ? { entry: existing }
        : { error: 'ID_CONFLICT' };
    }
    const error = this.problem(draft);
    if (error) return { error };
    const entry: ModelEntry = { ...draft, status: 'pending' };
    this.entries.push(entry);
    return { entry };
  }

  approve(id: string, by: string): Outcome {
    const entry = this.find(id);
    if (!entry) return { error: 'NOT_FOUND' };
    if (entry.status !== 'pending') return { error: 'INVALID_TRANSITION' };
    if (by === entry.volunteerId) return { error: 'SELF_APPROVAL' };
    const duration = Math.floor((entry.endMs - entry.startMs) / 60_000);
    let credited = Math.floor(duration / this.policy.unitMinutes) * this.policy.unitMinutes;
    if (this.policy.maxMinutesPerActivity !== null)
      credited = Math.min(credited, this.policy.maxMinutesPerActivity);
    if (this.policy.maxMinutesPerDay !== null) {
      const day = shanghaiDay(entry.startMs);
      const used = this.entries
        .filter(
          (other) =>
            other.status === 'approved' &&
            other.volunteerId === entry.volunteerId &&
            shanghaiDay(other.startMs) === day,
        )
        .reduce((sum, other) => sum + other.credited!, 0);
      credited = Math.min(credited, Math.max(0, this.policy.maxMinutesPerDay - used));
    }
    entry.status = 'approved';
    entry.credited = credited;
    return { entry };
  }

  close(action: 'reject' | 'revoke', id: string, reason: string): Outcome {
    const entry = this.find(id);
    if (!entry) return { error: 'NOT_FOUND' };
    if (entry.status !== (action === 'reject' ? 'pending' : 'approved'))
      return { error: 'INVALID_TRANSITION' };
    entry.status = action === 'reject' ? 'rejected' : 'revoked';
    entry.reason = reason;
    return { entry };
  }

  correct(
    id: string,
    change: {
      newId: string;
      startMs?: number;
      endMs?: number;
      activityId?: string;
      by: string;
      reason: string;
    },
  ): Outcome {
    const old = this.find(id);
    if (!old) return { error: 'NOT_FOUND' };
    const draft: ModelDraft = {
      id: change.newId,
      volunteerId: old.volunteerId,
      activityId: change.activityId ?? old.activityId,
      startMs: change.startMs ?? old.startMs,
      endMs: change.endMs ?? old.endMs,
      recordedBy: change.by,
      tags: old.tags,
    };
    const existing = this.find(change.newId);
    if (existing) {
      const repeat =
        existing.corrects === id && old.reason === change.reason && this.sameDraft(existing, draft);
      return repeat ? { entry: existing } : { error: 'ID_CONFLICT' };
    }
    if (!this.live(old)) return { error: 'INVALID_TRANSITION' };
    const error = this.problem(draft, id);
    if (error) return { error };
    old.status = 'superseded';
    old.reason = change.reason;
    const entry: ModelEntry = { ...draft, status: 'pending', corrects: id };
    this.entries.push(entry);
    return { entry };
  }

  credited(volunteerId?: string): number {
    return this.entries
      .filter(
        (entry) =>
          entry.status === 'approved' &&
          (volunteerId === undefined || entry.volunteerId === volunteerId),
      )
      .reduce((sum, entry) => sum + entry.credited!, 0);
  }
}
