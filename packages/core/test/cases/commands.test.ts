// The checks of the live calls: instants bounded by the clock and the case, the supported range
// of instants for every input and every deadline derived from one, and plain keys.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cnCalendar } from '../../src/calendar/index.js';
import { manualClock } from '../../src/clock.js';
import { CLOCK_SKEW_MS, createCaseBook } from '../../src/cases/index.js';
import { caseRates } from '../../src/metrics/index.js';
import { expectLanewiseError, expectUnchanged } from '../support/expect.js';
import { RULES, intake, makeBook } from './fixtures.js';

const action = (at: string, id = 'a-1') =>
  ({ id, kind: 'service', type: 'visit', by: 'li', at }) as const;

describe('case book: instants a caller gives', () => {
  it('refuses a receivedAt after the clock, beyond 5 minutes of skew', () => {
    const { book } = makeBook(); // the clock reads 2025-01-24 10:00 in Shanghai
    assert.equal(CLOCK_SKEW_MS, 5 * 60_000);
    const error = expectUnchanged(
      book,
      () => book.open(intake({ receivedAt: '2025-12-24T09:00:00+08:00' })),
      'INVALID_INPUT',
    );
    assert.deepEqual(error.path, ['receivedAt']);
    expectUnchanged(book, () => book.open(intake({ receivedAt: '2025-01-24T10:05:01+08:00' })));
    assert.equal(
      book.open(intake({ receivedAt: '2025-01-24T10:05:00+08:00' })).status,
      'dispatched',
    );
  });

  it('refuses an action dated before the case was received or after the clock', () => {
    const { book, clock } = makeBook();
    book.open(intake()); // received 09:00
    book.accept('c-1', { by: 'li' });
    for (const at of ['2019-03-01T09:00:00+08:00', '2025-01-24T08:59:59.999+08:00']) {
      const error = expectUnchanged(book, () => book.act('c-1', action(at)), 'INVALID_INPUT');
      assert.deepEqual(error.path, ['at']);
    }
    expectUnchanged(
      book,
      () => book.act('c-1', action('2025-01-24T10:06:00+08:00')),
      'INVALID_INPUT',
    );
    book.act('c-1', action('2025-01-24T09:00:00+08:00'));
    book.act('c-1', action('2025-01-24T10:04:00+08:00', 'a-2'));
    // The response rate counts only what was really done after the case came in.
    book.resolve('c-1', { by: 'li', outcome: 'resolved' });
    const rates = caseRates(book, { now: clock.now });
    assert.equal(rates.response.successes, 1);
  });

  it('accepts only instants from 1970 to 2999, with an offset, for every input', () => {
    const { book, clock } = makeBook();
    for (const receivedAt of [
      '0099-01-01T00:00:00Z',
      '0000-01-01T00:00:00+08:00',
      '1900-06-01T00:00:00+08:00',
      '1969-12-31T23:59:59Z',
      '+010000-01-01T00:00:00Z',
      '10000-01-01T00:00:00Z',
      '2025-01-24T09:00:00',
    ]) {
      const error = expectUnchanged(book, () => book.open(intake({ receivedAt })), 'INVALID_INPUT');
      assert.deepEqual(error.path, ['receivedAt'], receivedAt);
    }
    book.open(intake());
    book.accept('c-1', { by: 'li' });
    expectUnchanged(
      book,
      () => book.extend('c-1', { until: '3000-01-02T00:00:00Z', reason: 'x', by: 'li' }),
      'INVALID_INPUT',
    );
    expectUnchanged(
      book,
      () => book.act('c-1', action('1899-01-01T00:00:00+08:00')),
      'INVALID_INPUT',
    );
    expectUnchanged(book, () => book.review('0001-01-01T00:00:00Z'), 'INVALID_INPUT');
    expectUnchanged(book, () => book.review(new Date(Number.NaN)), 'INVALID_INPUT');
    expectUnchanged(book, () => book.review(42 as never), 'INVALID_INPUT');
    expectUnchanged(book, () => book.list({ overdueAt: '1899-01-01T00:00:00Z' }), 'INVALID_INPUT');
    clock.advance({ minutes: 1 });
  });

  it('refuses an input whose derived deadline would leave the range, changing nothing', () => {
    const clock = manualClock('2999-12-31T12:00:00Z');
    const book = createCaseBook({
      routing: RULES,
      calendar: cnCalendar,
      now: clock.now,
      escalation: { tierAfterWorkingDays: 0 },
    });
    // 3 working days after the last day of 2999 fall in 3000.
    const error = expectUnchanged(
      book,
      () => book.open(intake({ receivedAt: '2999-12-31T12:00:00Z' })),
      'INVALID_INPUT',
    );
    assert.deepEqual(error.path, ['receivedAt']);
    // One hour is fine: the fire case is due within the range.
    const fire = book.open(
      intake({ id: 'f', category: 'fire', receivedAt: '2999-12-31T12:00:00Z' }),
    );
    assert.equal(fire.dueAt, '2999-12-31T21:00:00.000+08:00');
    book.accept('f', { by: 'li' });
    book.resolve('f', { by: 'li', outcome: 'resolved' });
    // Reopening counts a fresh hour from the follow-up, still in 2999 here.
    clock.set('2999-12-31T22:30:00Z');
    const later = expectUnchanged(
      book,
      () => book.followUp('f', { rating: 'unsatisfied', at: '2999-12-31T23:30:00Z' }),
      'INVALID_INPUT',
    );
    assert.deepEqual(later.path, ['at']);
  });

  it('refuses a review whose tier move would get a deadline after 2999', () => {
    const clock = manualClock('2999-12-20T09:00:00+08:00');
    const book = createCaseBook({
      routing: RULES,
      calendar: cnCalendar,
      now: clock.now,
      escalation: { tierAfterWorkingDays: 0 },
    });
    book.open(intake({ category: 'stall', receivedAt: '2999-12-20T09:00:00+08:00' }));
    // The stall case moves up to the coordinated tier (3 working days), one hour before 3000.
    const error = expectUnchanged(
      book,
      () => book.review('2999-12-31T23:00:00+08:00'),
      'INVALID_INPUT',
    );
    assert.deepEqual(error.path, ['now']);
  });
});

describe('case book: keys are own keys', () => {
  it('keeps __proto__ and constructor as plain attribute keys', () => {
    const { book } = makeBook();
    const attributes = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as {
      [key: string]: never;
    };
    const record = book.open(intake({ attributes }));
    assert.deepEqual(Object.keys(record.attributes ?? {}), ['__proto__', 'constructor']);
    assert.deepEqual(JSON.parse(JSON.stringify(record.attributes)), {
      ['__proto__']: { polluted: true },
      constructor: 1,
    });
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
    // The same content again is the same case; the replay keeps the keys.
    assert.equal(book.open(intake({ attributes: JSON.parse(JSON.stringify(attributes)) })), record);
    const again = createCaseBook({
      routing: RULES,
      calendar: cnCalendar,
      now: () => new Date(),
      events: JSON.parse(JSON.stringify(book.events())),
    });
    assert.deepStrictEqual(again.get('c-1')?.attributes, record.attributes);
  });

  it('takes ids and categories such as constructor, __proto__ and toString as plain text', () => {
    const { book } = makeBook();
    assert.equal(book.get('toString'), undefined);
    assert.equal(book.get('constructor'), undefined);
    expectLanewiseError(() => book.accept('toString', { by: 'li' }), 'NOT_FOUND', ['id']);
    const record = book.open(intake({ id: '__proto__', category: 'constructor' }));
    assert.equal(book.get('__proto__'), record);
    assert.equal(record.category, 'constructor');
    assert.equal(book.get(null as never), undefined);
  });
});
