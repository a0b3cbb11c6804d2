// What a caller holds cannot change the book, and listeners cannot break a write.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cnCalendar } from '../../src/calendar/index.js';
import { manualClock } from '../../src/clock.js';
import { createDispatcher } from '../../src/internal/dispatch.js';
import { createCaseBook, type CaseEvent } from '../../src/cases/index.js';
import { expectLanewiseError, expectUnchanged } from '../support/expect.js';
import { RULES, intake, makeBook } from './fixtures.js';

/** Whether a value and everything in it is frozen. */
function deeplyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(deeplyFrozen);
}

/** A book with one case through most of its life, and a chase. */
function busyBook() {
  const { book, clock } = makeBook();
  book.open(
    intake({
      attributes: { reports: 3, floor: { level: 5 } },
      reporter: { name: 'Wang' },
      location: { lat: 24.3, lon: 109.4 },
    }),
  );
  book.open(intake({ id: 'c-2', category: 'fire' }));
  book.accept('c-1', { by: 'li' });
  book.act('c-1', {
    id: 'a',
    kind: 'service',
    type: 'visit',
    by: 'li',
    at: '2025-01-24T09:30:00+08:00',
  });
  book.extend('c-1', { until: '2025-02-20T18:00:00+08:00', reason: 'owner away', by: 'li' });
  book.resolve('c-1', { by: 'li', outcome: 'resolved' });
  book.followUp('c-1', { rating: 'unsatisfied', at: '2025-01-24T12:00:00+08:00' });
  clock.set('2025-01-26T10:00:00+08:00');
  book.review();
  return { book, clock };
}

describe('case book: what a caller holds is frozen', () => {
  it('hands out deeply frozen records, lists, snapshots, events and review entries', () => {
    const { book } = busyBook();
    const record = book.get('c-1');
    assert.ok(record);
    assert.ok(deeplyFrozen(record));
    assert.ok(deeplyFrozen(book.list()));
    assert.ok(deeplyFrozen(book.list({ status: 'dispatched' })));
    assert.ok(deeplyFrozen(book.snapshot()));
    assert.ok(deeplyFrozen(book.events()));
    book.open(intake({ id: 'c-3' }));
    assert.ok(deeplyFrozen(book.review('2025-03-20T10:00:00+08:00')));
  });

  it('cannot be changed through a record, an array or an event', () => {
    const { book } = busyBook();
    const before = JSON.stringify({ list: book.list(), events: book.events() });
    const record = book.get('c-1') as unknown as { -readonly [K in string]: unknown };
    assert.throws(() => {
      record['status'] = 'closed';
    }, TypeError);
    assert.throws(() => (book.events() as CaseEvent[]).reverse(), TypeError);
    assert.throws(() => (book.list() as unknown[]).pop(), TypeError);
    assert.throws(() => (book.snapshot().cases as unknown[]).splice(0, 1), TypeError);
    assert.throws(() => {
      (book.get('c-1')?.attributes as { reports: number }).reports = 0;
    }, TypeError);
    assert.throws(() => {
      (book.get('c-1')?.actions as unknown as { by: string }[])[0]!.by = 'x';
    }, TypeError);
    assert.throws(() => {
      (book.events()[0]?.data as { intake: { id: string } }).intake.id = 'x';
    }, TypeError);
    assert.equal(JSON.stringify({ list: book.list(), events: book.events() }), before);
    assert.equal(book.get('c-1')?.status, 'dispatched');
  });

  it('keeps an earlier events() array as it was', () => {
    const { book } = makeBook();
    book.open(intake());
    const early = book.events();
    book.open(intake({ id: 'c-2' }));
    assert.equal(early.length, 1);
    assert.equal(book.events().length, 2);
  });

  it("freezes the records of a replayed book, not the caller's log", () => {
    const { book } = busyBook();
    const log = JSON.parse(JSON.stringify(book.events())) as CaseEvent[];
    const again = createCaseBook({
      routing: RULES,
      calendar: cnCalendar,
      now: () => new Date(),
      events: log,
    });
    assert.ok(deeplyFrozen(again.list()));
    assert.ok(deeplyFrozen(again.events()));
    assert.equal(Object.isFrozen(log[0]), false, "the caller's objects stay the caller's");
    (log[0] as { at: string }).at = 'changed';
    assert.notEqual(again.events()[0]?.at, 'changed');
  });
});

describe('case book: listeners', () => {
  it('runs listeners after the command, and a throwing one does not undo or fail the write', () => {
    const errors: unknown[] = [];
    const clock = manualClock('2025-01-24T10:00:00+08:00');
    const book = createCaseBook({
      routing: RULES,
      calendar: cnCalendar,
      now: clock.now,
      onListenerError: (error) => errors.push(error),
    });
    const seen: string[] = [];
    book.subscribe(() => {
      throw new Error('listener broke');
    });
    book.subscribe((event) => seen.push(`${event.type}:${book.get('c-1')?.status ?? '-'}`));
    const opened = book.open(intake());
    assert.equal(opened.status, 'dispatched');
    assert.equal(book.events().length, 1);
    assert.equal(errors.length, 1);
    assert.equal((errors[0] as Error).message, 'listener broke');
    assert.deepEqual(seen, ['cases.opened:dispatched']);
  });

  it('runs a write made by a listener after the current command, never inside it', () => {
    const { book, clock } = makeBook({ escalation: { tierAfterWorkingDays: 2 } });
    book.open(intake());
    book.open(intake({ id: 'c-2' }));
    const order: string[] = [];
    book.subscribe((event) => {
      order.push(`${event.type}:${event.seq}`);
      // Accept each case that moves up a tier, from inside the listener.
      if (event.type === 'cases.escalated' && event.data.step === 'tier') {
        book.accept(event.data.id, { by: 'bureau' });
      }
    });
    clock.set('2025-02-10T10:00:00+08:00');
    const done = book.review();
    assert.deepEqual(
      done.map((entry) => `${entry.caseId}:${entry.step}`),
      ['c-1:chase', 'c-1:tier', 'c-2:chase', 'c-2:tier'],
    );
    // Every escalation of the review first, then the accepts the listener asked for.
    assert.deepEqual(
      book
        .events()
        .slice(2)
        .map((event) => event.type),
      [
        'cases.escalated',
        'cases.escalated',
        'cases.escalated',
        'cases.escalated',
        'cases.accepted',
        'cases.accepted',
      ],
    );
    assert.equal(book.get('c-1')?.status, 'in_progress');
    // The log the listener helped to write replays.
    const again = createCaseBook({
      routing: RULES,
      calendar: cnCalendar,
      now: clock.now,
      escalation: { tierAfterWorkingDays: 2 },
      events: JSON.parse(JSON.stringify(book.events())) as CaseEvent[],
    });
    assert.deepStrictEqual(again.list(), book.list());
    assert.ok(order.length >= 6);
  });

  it('shares a dispatcher when given one, and stops telling a listener that unsubscribed', () => {
    const dispatcher = createDispatcher();
    const clock = manualClock('2025-01-24T10:00:00+08:00');
    const book = createCaseBook({
      routing: RULES,
      calendar: cnCalendar,
      now: clock.now,
      dispatcher,
    });
    const seen: number[] = [];
    const stop = book.subscribe((event) => seen.push(event.seq));
    dispatcher.run(() => {
      book.open(intake());
      book.open(intake({ id: 'c-2' }));
      assert.deepEqual(seen, [], 'told when the outermost command returns');
    });
    assert.deepEqual(seen, [1, 2]);
    stop();
    book.open(intake({ id: 'c-3' }));
    assert.deepEqual(seen, [1, 2]);
  });

  it('refuses a listener that is not a function', () => {
    const { book } = makeBook();
    expectLanewiseError(() => book.subscribe(null as never), 'INVALID_INPUT', ['listener']);
  });
});

describe('case book: options', () => {
  it('refuses bad options with LanewiseError, never a TypeError', () => {
    const base = { routing: RULES, calendar: cnCalendar, now: () => new Date() };
    expectLanewiseError(() => createCaseBook(null as never), 'INVALID_INPUT');
    expectLanewiseError(
      () => createCaseBook({ ...base, routing: null as never }),
      'INVALID_INPUT',
      ['routing'],
    );
    expectLanewiseError(() => createCaseBook({ ...base, calendar: {} as never }), 'INVALID_INPUT', [
      'calendar',
    ]);
    expectLanewiseError(
      () => createCaseBook({ ...base, hash: 'sha256' as never }),
      'INVALID_INPUT',
      ['hash'],
    );
    expectLanewiseError(
      () => createCaseBook({ ...base, checkpoint: { seq: -1 } }),
      'INVALID_INPUT',
      ['checkpoint', 'seq'],
    );
    expectLanewiseError(
      () => createCaseBook({ ...base, onListenerError: 1 as never }),
      'INVALID_INPUT',
      ['onListenerError'],
    );
    expectLanewiseError(() => createCaseBook({ ...base, extra: 1 } as never), 'INVALID_INPUT', [
      'extra',
    ]);
  });

  it('refuses a clock that does not give a valid date, changing nothing', () => {
    let reading: unknown = new Date('2025-01-24T10:00:00+08:00');
    const book = createCaseBook({
      routing: RULES,
      calendar: cnCalendar,
      now: () => reading as Date,
    });
    book.open(intake());
    reading = new Date(Number.NaN);
    expectUnchanged(book, () => book.open(intake({ id: 'c-2' })), 'INVALID_INPUT');
    reading = 'tomorrow';
    expectUnchanged(book, () => book.accept('c-1', { by: 'li' }), 'INVALID_INPUT');
    expectUnchanged(book, () => book.review(), 'INVALID_INPUT');
  });
});
