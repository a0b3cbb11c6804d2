// The metrics over a real case book (issue 4's createCaseBook), not only hand-built arrays.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cnCalendar } from '../../src/calendar/index.js';
import { createCaseBook } from '../../src/cases/index.js';
import { manualClock } from '../../src/clock.js';
import type { RoutingConfig } from '../../src/routing/index.js';
import { caseRates, ratio721FromCases } from '../../src/metrics/index.js';

const RULES: RoutingConfig = {
  tiers: [
    {
      id: 'onsite',
      name: { 'zh-CN': '简易', en: 'On the spot' },
      handlers: ['station'],
      deadline: { hours: 2 },
    },
    {
      id: 'coordinated',
      name: { 'zh-CN': '一般', en: 'Coordinated' },
      handlers: ['section', 'squad'],
      deadline: { workingDays: 3 },
    },
  ],
  rules: [
    {
      id: 'stall',
      when: { fact: 'category', op: 'eq', value: 'stall' },
      then: { tier: 'onsite', kind: 'service' },
    },
    {
      id: 'noise',
      when: { fact: 'category', op: 'eq', value: 'noise' },
      then: { tier: 'coordinated', kind: 'manage' },
    },
  ],
  default: { tier: 'coordinated' },
};

describe('metrics over a case book', () => {
  it('reads the book through list() and agrees with its records as an array', () => {
    const clock = manualClock('2025-06-02T09:00:00+08:00'); // a Monday
    const book = createCaseBook({ routing: RULES, calendar: cnCalendar, now: clock.now });
    const open = (id: string, category: string) =>
      book.open({
        id,
        category,
        title: id,
        channel: 'station',
        receivedAt: '2025-06-02T09:00:00+08:00',
      });

    open('n1', 'stall');
    clock.advance({ minutes: 30 });
    book.accept('n1', { by: 'station' });
    clock.advance({ minutes: 10 }); // an action is logged once it has happened
    book.act('n1', {
      id: 'a1',
      kind: 'service',
      type: 'consultation',
      by: 'station',
      at: '2025-06-02T09:40:00+08:00',
    });
    clock.advance({ minutes: 20 });
    book.resolve('n1', { by: 'station', outcome: 'resolved' });
    book.followUp('n1', { rating: 'satisfied', at: '2025-06-02T10:30:00+08:00' });
    book.close('n1');

    open('n2', 'noise');
    book.accept('n2', { by: 'squad' });
    book.act('n2', {
      id: 'a1',
      kind: 'manage',
      type: 'joint-meeting',
      by: 'squad',
      at: '2025-06-02T10:00:00+08:00',
    });
    book.resolve('n2', { by: 'squad', outcome: 'mediated' });
    clock.advance({ hours: 1 });
    book.followUp('n2', { rating: 'unsatisfied', at: '2025-06-02T11:00:00+08:00' }); // reopens n2

    open('n3', 'litter');
    open('n4', 'litter');
    book.markDuplicate('n4', { of: 'n3' });

    const now = clock.now;
    const rates = caseRates(book, { now });
    assert.equal(rates.received, 3);
    assert.equal(rates.duplicates, 1);
    assert.deepEqual(rates.byStatus, {
      dispatched: 2,
      in_progress: 0,
      resolved: 0,
      closed: 1,
      duplicate: 1,
    });
    assert.deepEqual(
      [rates.response.successes, rates.response.n, rates.responsePending],
      [2, 2, 1],
    );
    assert.deepEqual([rates.onTime.successes, rates.onTime.n], [1, 1]); // n2's resolution was undone
    assert.deepEqual([rates.resolution.successes, rates.resolution.n], [1, 1]);
    assert.deepEqual([rates.satisfaction.successes, rates.satisfaction.n], [1, 2]);
    assert.deepEqual(rates, caseRates([...book.list()], { now }));

    assert.deepEqual(ratio721FromCases(book).counts, { service: 1, manage: 1, enforce: 0 });
    // By case: routing gives n3 the default kind, service; n4 is a duplicate.
    assert.deepEqual(ratio721FromCases(book, { count: 'cases' }).counts, {
      service: 2,
      manage: 1,
      enforce: 0,
    });
  });
});
