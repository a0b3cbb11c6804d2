// Random runs of live calls on a case book, for the replay tests: every log they leave is one
// that a live book wrote.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cnCalendar } from '../../src/calendar/index.js';
import { manualClock } from '../../src/clock.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { CASE_MOVES, createCaseBook, type CaseBook, type CaseMove } from '../../src/cases/index.js';
import { RULES, intake } from './fixtures.js';

export type Op =
  | { t: 'open'; category: string; reports: number }
  | { t: 'accept' | 'close' | 'resolve'; i: number }
  | { t: 'act'; i: number; action: number; kind: 'service' | 'manage' | 'enforce' }
  | { t: 'extend'; i: number; days: number }
  | { t: 'followUp'; i: number; rating: 'satisfied' | 'basic' | 'unsatisfied' }
  | { t: 'duplicate'; i: number; j: number }
  | { t: 'review' }
  | { t: 'advance'; hours: number };

const index = fc.nat(8);
export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant('open' as const),
    category: fc.constantFrom('noise', 'fire', 'stall', 'litter'),
    reports: fc.nat(5),
  }),
  fc.record({
    t: fc.constantFrom('accept' as const, 'close' as const, 'resolve' as const),
    i: index,
  }),
  fc.record({
    t: fc.constant('act' as const),
    i: index,
    action: fc.nat(2),
    kind: fc.constantFrom('service' as const, 'manage' as const, 'enforce' as const),
  }),
  fc.record({
    t: fc.constant('extend' as const),
    i: index,
    days: fc.integer({ min: -3, max: 10 }),
  }),
  fc.record({
    t: fc.constant('followUp' as const),
    i: index,
    rating: fc.constantFrom('satisfied' as const, 'basic' as const, 'unsatisfied' as const),
  }),
  fc.record({ t: fc.constant('duplicate' as const), i: index, j: index }),
  fc.record({ t: fc.constant('review' as const) }),
  fc.record({ t: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 120 }) }),
);

const MOVE_OF: Partial<Record<Op['t'], CaseMove>> = {
  accept: 'accept',
  act: 'act',
  extend: 'extend',
  resolve: 'resolve',
  followUp: 'followUp',
  close: 'close',
  duplicate: 'markDuplicate',
};

/** Runs the operations; checks each refused move against the transition table. */
export function run(
  ops: readonly Op[],
  options: { hash?: (text: string) => string } = {},
): { book: CaseBook; clock: ReturnType<typeof manualClock> } {
  const clock = manualClock('2025-01-20T09:00:00+08:00');
  const book = createCaseBook({
    routing: RULES,
    calendar: cnCalendar,
    now: clock.now,
    escalation: { tierAfterWorkingDays: 3 },
    ...(options.hash ? { hash: options.hash } : {}),
  });
  let opened = 0;
  const idAt = (i: number) => `c-${opened === 0 ? 0 : i % opened}`;
  for (const op of ops) {
    const at = clock.now().toISOString();
    const before = book.events().length;
    const id = 'i' in op ? idAt(op.i) : '';
    const status = book.get(id)?.status;
    try {
      switch (op.t) {
        case 'open':
          book.open(
            intake({
              id: `c-${opened}`,
              category: op.category,
              receivedAt: at,
              attributes: { reports: op.reports },
            }),
          );
          opened += 1;
          break;
        case 'accept':
          book.accept(id, { by: 'li' });
          break;
        case 'act':
          book.act(id, { id: `a-${op.action}`, kind: op.kind, type: 'visit', by: 'li', at });
          break;
        case 'extend': {
          const until = new Date(Date.parse(book.get(id)?.dueAt ?? at) + op.days * 86_400_000);
          book.extend(id, { until: until.toISOString(), reason: 'waiting', by: 'li' });
          break;
        }
        case 'resolve':
          book.resolve(id, { by: 'li', outcome: 'resolved' });
          break;
        case 'followUp':
          book.followUp(id, { rating: op.rating, at });
          break;
        case 'close':
          book.close(id);
          break;
        case 'duplicate':
          book.markDuplicate(id, { of: idAt(op.j) });
          break;
        case 'review':
          book.review();
          break;
        case 'advance':
          clock.advance({ hours: op.hours });
          break;
      }
    } catch (error) {
      if (!isLanewiseError(error)) throw error;
      assert.equal(book.events().length, before, `refused ${op.t} appended nothing`);
      const move = MOVE_OF[op.t];
      if (error.code === 'INVALID_TRANSITION' && move !== undefined && status !== undefined) {
        const allowed = CASE_MOVES[move].includes(status);
        // followUp is also refused on a resolution already followed up.
        assert.ok(!allowed || move === 'followUp', `${move} refused from ${status}`);
      } else {
        assert.ok(
          ['NOT_FOUND', 'TOO_LATE', 'INVALID_INPUT', 'ID_CONFLICT', 'INVALID_TRANSITION'].includes(
            error.code,
          ),
          `${op.t}: ${error.code} ${error.message}`,
        );
      }
    }
  }
  return { book, clock };
}
