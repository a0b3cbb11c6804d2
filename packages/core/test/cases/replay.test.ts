import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { cnCalendar } from '../../src/calendar/index.js';
import { manualClock } from '../../src/clock.js';
import { createCaseBook, type CaseEvent } from '../../src/cases/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { RULES, intake, makeBook } from './fixtures.js';
import { opArbitrary, run } from './runs.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const rebuild = (events: readonly CaseEvent[], now = () => new Date(0)) =>
  createCaseBook({
    routing: RULES,
    calendar: cnCalendar,
    now,
    escalation: { tierAfterWorkingDays: 3 },
    events: JSON.parse(JSON.stringify(events)) as CaseEvent[],
  });

describe('case book: replay', () => {
  it('rebuilds equal records from its events, also through JSON', () => {
    const { book, clock } = makeBook({ escalation: { tierAfterWorkingDays: 3 } });
    book.open(
      intake({
        id: 'a',
        attributes: { reports: 4 },
        location: { lat: 24.3, lon: 109.4, address: '柳州' },
      }),
    );
    book.open(intake({ id: 'b' }));
    book.accept('a', { by: 'li' });
    book.act('a', {
      id: 'x',
      kind: 'enforce',
      type: 'fine',
      by: 'li',
      at: '2025-01-24T09:30:00+08:00',
      note: '罚款',
    });
    book.resolve('a', { by: 'li', outcome: 'resolved', note: 'done' });
    book.followUp('a', { rating: 'unsatisfied', at: '2025-01-25T10:00:00+08:00' });
    book.markDuplicate('b', { of: 'a' });
    clock.set('2025-03-01T10:00:00+08:00');
    book.review();
    const replayed = rebuild(book.events());
    assert.deepStrictEqual(replayed.list(), book.list());
    assert.deepStrictEqual(replayed.events(), JSON.parse(JSON.stringify(book.events())));
    assert.equal(replayed.size, 2);
  });

  it('agrees with the live book on random runs, and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { minLength: 30, maxLength: 150 }), (ops) => {
        const { book } = run(ops);
        const replayed = rebuild(book.events());
        assert.deepStrictEqual(replayed.list(), book.list());
        for (const record of book.list()) {
          const unsatisfied = record.followUps.filter(
            (followUp) => followUp.rating === 'unsatisfied',
          ).length;
          assert.equal(record.reopenedCount, unsatisfied);
          assert.ok(record.followUps.length <= record.reopenedCount + 1);
          const steps = record.escalations.map((entry) => `${entry.round}:${entry.step}`);
          assert.equal(new Set(steps).size, steps.length, 'each step once per round');
          assert.equal(record.status === 'closed', record.closedAt !== undefined);
          assert.equal(
            record.status === 'resolved' || record.status === 'closed',
            record.outcome !== undefined,
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('continues from a replay exactly as the original would', () => {
    const { book, clock } = makeBook();
    book.open(intake());
    const replayed = rebuild(book.events(), clock.now);
    clock.advance({ hours: 1 });
    const live = book.accept('c-1', { by: 'li' });
    const again = replayed.accept('c-1', { by: 'li' });
    assert.deepStrictEqual(again, live);
    assert.deepStrictEqual(replayed.events().at(-1), book.events().at(-1));
  });

  it('refuses events that are malformed, out of order or impossible', () => {
    const { book } = makeBook();
    book.open(intake());
    book.accept('c-1', { by: 'li' });
    book.resolve('c-1', { by: 'li', outcome: 'resolved' });
    const events = JSON.parse(JSON.stringify(book.events())) as CaseEvent[];
    const [opened, accepted, resolved] = events as [CaseEvent, CaseEvent, CaseEvent];
    expectLanewiseError(
      () => rebuild([{ ...opened, type: 'cases.vanished' } as never]),
      'INVALID_LOG',
      ['events', 0, 'type'],
    );
    expectLanewiseError(
      () => rebuild([{ ...opened, data: { ...opened.data, intake: { id: 'c-1' } } } as CaseEvent]),
      'INVALID_LOG',
    );
    expectLanewiseError(() => rebuild([opened, resolved]), 'INVALID_LOG', ['events', 1, 'seq']);
    expectLanewiseError(() => rebuild([opened, { ...resolved, seq: 2 }]), 'INVALID_LOG', [
      'events',
      1,
      'type',
    ]);
    expectLanewiseError(() => rebuild([{ ...accepted, seq: 1 }]), 'INVALID_LOG', [
      'events',
      0,
      'data',
      'id',
    ]);
    expectLanewiseError(() => rebuild([opened, { ...opened, seq: 2 }]), 'INVALID_LOG', [
      'events',
      1,
      'data',
      'intake',
      'id',
    ]);
  });

  it('chains events with a hash when asked, and refuses a tampered log', () => {
    const clock = manualClock('2025-01-24T10:00:00+08:00');
    const options = { routing: RULES, calendar: cnCalendar, now: clock.now, hash: sha256 };
    const book = createCaseBook(options);
    book.open(intake());
    book.accept('c-1', { by: 'li' });
    const events = book.events();
    assert.ok(events.every((event) => typeof event.hash === 'string'));
    assert.deepStrictEqual(createCaseBook({ ...options, events }).list(), book.list());
    const tampered = events.map((event) =>
      event.type === 'cases.accepted'
        ? { ...event, data: { ...event.data, by: 'someone-else' } }
        : event,
    );
    expectLanewiseError(() => createCaseBook({ ...options, events: tampered }), 'INVALID_LOG', [
      'events',
      1,
      'hash',
    ]);
  });
});
