// A hand-built case book for the metrics tests: every status, a reopened case, a duplicate,
// and a case just outside June 2025 (Asia/Shanghai). The expected figures are worked out by
// hand in rates.test.ts. Also what the ratio tracker's tests share: their instant and clock,
// and a tracker fed by live adds.
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import { isLanewiseError } from '../../src/errors/index.js';
import {
  createRatioTracker,
  type MetricsCase,
  type RatioActionInput,
} from '../../src/metrics/index.js';

type Draft = Partial<MetricsCase> & Pick<MetricsCase, 'id' | 'receivedAt' | 'status'>;

/** A case record with the fields the metrics read; the rest as given. */
export function makeCase(draft: Draft): MetricsCase {
  return {
    category: 'noise',
    tier: 'simple',
    handlers: ['station-1'],
    dueAt: '2025-12-31T18:00:00+08:00',
    followUps: [],
    actions: [],
    ...draft,
  };
}

const action = (
  id: string,
  kind: 'service' | 'manage' | 'enforce',
  type: string,
  by: string,
  at: string,
) => ({
  id,
  kind,
  type,
  by,
  at,
});

/** The clock's now for the June book: 2025-06-30 12:00 in Shanghai. */
export const JUNE_NOW = '2025-06-30T12:00:00+08:00';
export const JUNE = { from: '2025-06-01T00:00:00+08:00', to: '2025-07-01T00:00:00+08:00' };

export const juneBook: readonly MetricsCase[] = [
  makeCase({
    id: 'c1',
    status: 'closed',
    kind: 'service',
    receivedAt: '2025-06-02T09:00:00+08:00',
    acceptedAt: '2025-06-02T10:00:00+08:00',
    dueAt: '2025-06-05T18:00:00+08:00',
    resolvedAt: '2025-06-04T12:00:00+08:00',
    outcome: 'resolved',
    followUps: [{ rating: 'satisfied', at: '2025-06-05T10:00:00+08:00' }],
    actions: [action('a1', 'service', 'consultation', 'station-1', '2025-06-02T10:30:00+08:00')],
  }),
  makeCase({
    id: 'c2',
    status: 'closed',
    kind: 'manage',
    tier: 'general',
    category: 'parking',
    handlers: ['station-1', 'squad-2'],
    receivedAt: '2025-06-03T09:00:00+08:00',
    acceptedAt: '2025-06-04T12:00:00+08:00', // 27 hours: late
    dueAt: '2025-06-06T18:00:00+08:00',
    resolvedAt: '2025-06-08T09:00:00+08:00', // after the due time
    outcome: 'mediated',
    followUps: [{ rating: 'basic', at: '2025-06-09T10:00:00+08:00' }],
    actions: [
      action('a1', 'manage', 'joint-meeting', 'station-1', '2025-06-04T12:00:00+08:00'),
      action('a2', 'service', 'mediation', 'squad-2', '2025-06-05T15:00:00+08:00'),
    ],
  }),
  makeCase({
    id: 'c3',
    status: 'closed',
    kind: 'enforce',
    tier: 'general',
    handlers: ['squad-2'],
    receivedAt: '2025-06-05T08:00:00+08:00',
    acceptedAt: '2025-06-05T09:00:00+08:00',
    dueAt: '2025-06-10T18:00:00+08:00',
    resolvedAt: '2025-06-09T08:00:00+08:00',
    outcome: 'unresolvable',
    followUps: [{ rating: 'unsatisfied', at: '2025-06-10T10:00:00+08:00' }],
    actions: [action('a1', 'enforce', 'penalty', 'squad-2', '2025-06-06T10:00:00+08:00')],
  }),
  makeCase({
    id: 'c4',
    status: 'resolved',
    kind: 'service',
    category: 'litter',
    receivedAt: '2025-06-10T08:00:00+08:00',
    acceptedAt: '2025-06-10T08:30:00+08:00',
    dueAt: '2025-06-12T18:00:00+08:00',
    resolvedAt: '2025-06-12T20:00:00+08:00', // two hours late
    outcome: 'resolved',
  }),
  makeCase({
    id: 'c5',
    status: 'in_progress',
    tier: 'major',
    category: 'building',
    handlers: ['bureau'],
    receivedAt: '2025-06-20T08:00:00+08:00',
    acceptedAt: '2025-06-20T09:00:00+08:00',
    dueAt: '2025-06-25T18:00:00+08:00', // overdue at now
    actions: [action('a1', 'enforce', 'notice', 'bureau', '2025-06-21T09:00:00+08:00')],
  }),
  makeCase({
    id: 'c6',
    status: 'dispatched',
    receivedAt: '2025-06-30T08:00:00+08:00', // four hours before now: response pending
    dueAt: '2025-07-03T18:00:00+08:00',
  }),
  makeCase({
    id: 'c7',
    status: 'dispatched',
    category: 'litter',
    receivedAt: '2025-06-25T08:00:00+08:00', // never accepted: late
    dueAt: '2025-06-26T18:00:00+08:00', // overdue at now
  }),
  makeCase({
    id: 'c8',
    status: 'duplicate',
    kind: 'service',
    category: 'litter',
    receivedAt: '2025-06-11T08:00:00+08:00',
    actions: [action('a1', 'service', 'consultation', 'station-1', '2025-06-11T09:00:00+08:00')],
  }),
  makeCase({
    // Reopened after an unsatisfied follow-up: acceptance cleared, the first action stays.
    id: 'c9',
    status: 'dispatched',
    tier: 'general',
    category: 'parking',
    handlers: ['squad-2'],
    receivedAt: '2025-06-01T09:00:00+08:00',
    dueAt: '2025-06-20T18:00:00+08:00', // overdue at now
    followUps: [{ rating: 'unsatisfied', at: '2025-06-08T10:00:00+08:00' }],
    actions: [action('a1', 'service', 'visit', 'squad-2', '2025-06-01T11:00:00+08:00')],
  }),
  makeCase({
    id: 'c10',
    status: 'closed',
    receivedAt: '2025-05-31T23:30:00+08:00', // May in Shanghai, outside the window
    acceptedAt: '2025-05-31T23:45:00+08:00',
    resolvedAt: '2025-06-01T08:00:00+08:00',
    outcome: 'resolved',
    followUps: [{ rating: 'satisfied', at: '2025-06-02T10:00:00+08:00' }],
  }),
  makeCase({
    // Reopened once, redone, and satisfied the second time.
    id: 'c11',
    status: 'closed',
    kind: 'service',
    receivedAt: '2025-06-15T08:00:00+08:00',
    acceptedAt: '2025-06-15T09:00:00+08:00',
    dueAt: '2025-06-20T18:00:00+08:00',
    resolvedAt: '2025-06-18T08:00:00+08:00',
    outcome: 'resolved',
    followUps: [
      { rating: 'unsatisfied', at: '2025-06-16T10:00:00+08:00' },
      { rating: 'satisfied', at: '2025-06-19T10:00:00+08:00' },
    ],
  }),
];

/** The instant the ratio tracker tests add their actions at, and a clock stopped there. */
export const at = '2025-06-01T10:00:00+08:00';
export const now = () => new Date(at);

/** A tracker fed `inputs` by live adds (ids that conflict are skipped, as a caller would see). */
export function liveTracker(inputs: readonly RatioActionInput[], hash?: (text: string) => string) {
  const clock = manualClock(at);
  const tracker = createRatioTracker({ now: clock.now, ...(hash ? { hash } : {}) });
  for (const input of inputs) {
    clock.advance({ minutes: 1 });
    try {
      tracker.add(input);
    } catch (error) {
      assert.ok(isLanewiseError(error, 'ID_CONFLICT'));
    }
  }
  return tracker;
}
