import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intake, local, makeBook } from './fixtures.js';

const steps = (entries: readonly { caseId: string; step: string }[]) =>
  entries.map((entry) => `${entry.caseId}:${entry.step}`);

describe('review: chase and notice', () => {
  it('chases the day after the deadline and gives notice 5 working days later, across the Spring Festival', () => {
    const { book } = makeBook();
    book.open(intake()); // due at the end of 2025-02-05
    assert.deepEqual(book.review('2025-02-05T23:59:59.999+08:00'), []);
    const chased = book.review('2025-02-06T00:00:00+08:00');
    assert.deepEqual(chased, [
      {
        caseId: 'c-1',
        step: 'chase',
        at: local('2025-02-06T00:00:00+08:00'),
        dueAt: local('2025-02-05T23:59:59.999+08:00'),
        round: 0,
        tier: 'coordinated',
      },
    ]);
    // 5 working days after 02-05: 02-06, 02-07, 02-08 (make-up Saturday), 02-10, 02-11.
    assert.deepEqual(book.review('2025-02-11T23:59:59+08:00'), []);
    assert.deepEqual(steps(book.review('2025-02-12T00:00:00+08:00')), ['c-1:notice']);
    assert.deepEqual(
      book.get('c-1')?.escalations.map((entry) => entry.step),
      ['chase', 'notice'],
    );
  });

  it('counts across the National Day holiday and its make-up Saturday', () => {
    const { book } = makeBook({ start: '2025-09-26T10:00:00+08:00' });
    // Friday 09-26, 3 working days: 09-28 (make-up Sunday), 09-29, 09-30.
    const record = book.open(intake({ receivedAt: '2025-09-26T09:00:00+08:00' }));
    assert.equal(record.dueAt, local('2025-09-30T23:59:59.999+08:00'));
    assert.deepEqual(steps(book.review('2025-10-01T08:00:00+08:00')), ['c-1:chase']);
    // 5 working days after 09-30: 10-09, 10-10, 10-11 (make-up Saturday), 10-13, 10-14.
    assert.deepEqual(book.review('2025-10-14T20:00:00+08:00'), []);
    assert.deepEqual(steps(book.review('2025-10-15T00:00:01+08:00')), ['c-1:notice']);
  });

  it('chases an hour deadline on the day after it, as the rule says', () => {
    const { book } = makeBook({ start: '2025-03-03T21:00:00+08:00' });
    book.open(intake({ category: 'fire', receivedAt: '2025-03-03T20:00:00+08:00' })); // due 21:00
    assert.deepEqual(book.review('2025-03-03T23:00:00+08:00'), []);
    assert.deepEqual(steps(book.review('2025-03-04T00:00:00+08:00')), ['c-1:chase']);
  });

  it('applies each step once only, however often it runs', () => {
    const { book } = makeBook();
    book.open(intake());
    assert.deepEqual(steps(book.review('2025-03-01T10:00:00+08:00')), ['c-1:chase', 'c-1:notice']);
    assert.deepEqual(book.review('2025-03-01T10:00:00+08:00'), []);
    assert.deepEqual(book.review('2025-06-01T10:00:00+08:00'), []);
    assert.equal(book.get('c-1')?.escalations.length, 2);
  });

  it('uses the clock when no instant is given and follows an extension', () => {
    const { book, clock } = makeBook();
    book.open(intake());
    book.extend('c-1', { until: '2025-02-07T18:00:00+08:00', reason: 'owner away', by: 'li' });
    clock.set('2025-02-07T23:00:00+08:00');
    assert.deepEqual(book.review(), []);
    clock.set('2025-02-08T00:00:00+08:00');
    assert.deepEqual(steps(book.review()), ['c-1:chase']);
  });

  it('follows the policy: no chase, a later notice', () => {
    const { book } = makeBook({ escalation: { chase: false, noticeAfterWorkingDays: 1 } });
    book.open(intake());
    assert.deepEqual(book.review('2025-02-06T12:00:00+08:00'), []);
    assert.deepEqual(steps(book.review('2025-02-07T00:00:00+08:00')), ['c-1:notice']);
  });

  it('escalates a reopened case afresh: a new round', () => {
    const { book, clock } = makeBook();
    book.open(intake());
    book.review('2025-02-06T09:00:00+08:00');
    book.accept('c-1', { by: 'li' });
    clock.set('2025-02-06T10:00:00+08:00');
    book.resolve('c-1', { by: 'li', outcome: 'resolved' });
    book.followUp('c-1', { rating: 'unsatisfied', at: '2025-02-06T11:00:00+08:00' });
    // Thursday 02-06, 3 working days: 02-07, 02-08, 02-10.
    assert.equal(book.get('c-1')?.dueAt, local('2025-02-10T23:59:59.999+08:00'));
    const again = book.review('2025-02-11T09:00:00+08:00');
    assert.deepEqual(steps(again), ['c-1:chase']);
    assert.equal(again[0]?.round, 1);
  });
});

describe('review: moving up a tier', () => {
  it('moves a late case to the next tier with its handlers and a new deadline, once per round', () => {
    const { book } = makeBook({ escalation: { tierAfterWorkingDays: 2 } });
    book.open(intake());
    book.accept('c-1', { by: 'li' });
    // 2 working days after 02-05: 02-06, 02-07; due after the end of 02-07.
    assert.deepEqual(steps(book.review('2025-02-07T20:00:00+08:00')), ['c-1:chase']);
    const moved = book.review('2025-02-08T09:00:00+08:00');
    assert.deepEqual(steps(moved), ['c-1:tier']);
    assert.equal(moved[0]?.toTier, 'joint');
    const record = book.get('c-1');
    assert.equal(record?.tier, 'joint');
    assert.equal(record?.status, 'dispatched', 'the new tier accepts it afresh');
    assert.equal(record?.acceptedAt, undefined);
    assert.deepEqual(record?.handlers, ['district-bureau', 'subdistrict', 'departments']);
    assert.deepEqual(record?.deadline, { workingDays: 7 });
    // From Saturday 02-08 (a make-up workday), 7 working days: 02-10 .. 02-14, 02-17, 02-18.
    assert.equal(record?.dueAt, local('2025-02-18T23:59:59.999+08:00'));
    assert.equal(record?.round, 1);
    assert.deepEqual(book.review('2025-02-18T09:00:00+08:00'), []);
    // The top tier is late too: chased again, but there is no tier above it.
    assert.deepEqual(steps(book.review('2025-03-10T09:00:00+08:00')), ['c-1:chase', 'c-1:notice']);
    assert.deepEqual(book.review('2025-04-10T09:00:00+08:00'), []);
  });

  it('applies chase, notice and move in one review when it runs late', () => {
    const { book } = makeBook({ escalation: { tierAfterWorkingDays: 5 } });
    book.open(intake({ id: 'a' }));
    book.open(intake({ id: 'b', category: 'fire' }));
    const done = book.review('2025-02-20T09:00:00+08:00');
    assert.deepEqual(steps(done), ['a:chase', 'a:notice', 'a:tier', 'b:chase', 'b:notice']);
    assert.equal(book.get('a')?.tier, 'joint');
    assert.equal(book.events().filter((event) => event.type === 'cases.escalated').length, 5);
  });
});
