import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cnCalendar } from '../../src/calendar/index.js';
import { compileRouting } from '../../src/routing/index.js';
import { createCaseBook, type CaseEvent } from '../../src/cases/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { RULES, intake, local, makeBook } from './fixtures.js';

describe('case book: intake and dispatch', () => {
  it('routes and dispatches an opened case with a due time in working days', () => {
    const { book } = makeBook();
    const record = book.open(intake({ attributes: { reports: 3 } }));
    assert.equal(record.status, 'dispatched');
    assert.equal(record.tier, 'coordinated');
    assert.deepEqual(record.handlers, ['section', 'squad', 'community']);
    assert.equal(record.ruleId, 'repeat-noise');
    assert.equal(record.kind, 'manage');
    assert.deepEqual(record.deadline, { workingDays: 3 });
    // Friday 01-24, 3 working days: 01-26 (make-up Sunday), 01-27, then 02-05 after the festival.
    assert.equal(record.dueAt, local('2025-02-05T23:59:59.999+08:00'));
    assert.equal(record.receivedAt, '2025-01-24T09:00:00.000+08:00');
    assert.equal(record.openedAt, '2025-01-24T10:00:00.000+08:00');
    assert.deepEqual(record.attributes, { reports: 3 });
  });

  it('applies the default when no rule matches, and hour deadlines for emergencies', () => {
    const { book, clock } = makeBook();
    const plain = book.open(intake({ id: 'c-2', category: 'litter' }));
    assert.equal(plain.ruleId, null);
    assert.equal(plain.tier, 'coordinated');
    clock.set('2025-03-03T21:30:00+08:00');
    const fire = book.open(
      intake({ id: 'c-3', category: 'fire', receivedAt: '2025-03-03T21:30:00+08:00' }),
    );
    assert.equal(fire.tier, 'joint');
    assert.equal(fire.dueAt, local('2025-03-03T22:30:00+08:00'));
    assert.deepEqual(fire.deadline, { hours: 1 });
    assert.deepEqual(fire.tags, ['urgent']);
  });

  it('counts the deadline from the local day of receipt (23:30 and 00:30 in Shanghai)', () => {
    const { book } = makeBook({ start: '2025-01-25T00:00:00+08:00' });
    const late = book.open(intake({ id: 'late', receivedAt: '2025-01-24T23:30:00+08:00' }));
    const early = book.open(intake({ id: 'early', receivedAt: '2025-01-23T16:30:00Z' }));
    assert.equal(late.dueAt, local('2025-02-05T23:59:59.999+08:00'));
    assert.equal(early.dueAt, late.dueAt, '16:30Z on the 23rd is 00:30 on the 24th in Shanghai');
    const previousDay = book.open(intake({ id: 'prev', receivedAt: '2025-01-23T15:30:00Z' }));
    assert.equal(previousDay.dueAt, local('2025-01-27T23:59:59.999+08:00'), 'Thursday 23:30 local');
  });

  it('accepts a compiled router as well as a rule set', () => {
    const router = compileRouting(RULES, { calendar: cnCalendar });
    const now = () => new Date('2025-01-24T10:00:00+08:00');
    const book = createCaseBook({ routing: router, calendar: cnCalendar, now });
    const { book: other } = makeBook();
    const input = intake({ attributes: { reports: 5 } });
    const { openedAt: _a, updatedAt: _b, ...fromRouter } = book.open(input);
    const { openedAt: _c, updatedAt: _d, ...fromRules } = other.open(input);
    assert.deepEqual(fromRouter, fromRules);
    assert.equal(book.router, router);
  });

  it('rejects a rule set that does not compile with INVALID_RULES', () => {
    expectLanewiseError(
      () =>
        createCaseBook({
          routing: { ...RULES, default: { tier: 'nowhere' } },
          calendar: cnCalendar,
          now: () => new Date(0),
        }),
      'INVALID_RULES',
    );
  });

  it('rejects bad options and bad input with the path, changing nothing', () => {
    expectLanewiseError(
      () => createCaseBook({ routing: RULES, calendar: cnCalendar, now: 'soon' as never }),
      'INVALID_INPUT',
      ['now'],
    );
    expectLanewiseError(
      () => makeBook({ escalation: { noticeAfterWorkingDays: -1 } }),
      'INVALID_INPUT',
      ['escalation', 'noticeAfterWorkingDays'],
    );
    const { book } = makeBook();
    expectLanewiseError(
      () => book.open(intake({ receivedAt: '2025-01-24 09:00' })),
      'INVALID_INPUT',
      ['receivedAt'],
    );
    expectLanewiseError(() => book.open({ ...intake(), urgent: true } as never), 'INVALID_INPUT');
    expectLanewiseError(() => book.open(intake({ location: { lat: 120 } })), 'INVALID_INPUT', [
      'location',
      'lat',
    ]);
    assert.equal(book.events().length, 0);
    assert.equal(book.size, 0);
  });
});

describe('case book: the closed loop', () => {
  it('goes from intake to closing, one event per change', () => {
    const { book, clock } = makeBook();
    book.open(intake());
    clock.advance({ minutes: 30 });
    const accepted = book.accept('c-1', { by: 'officer-li' });
    assert.equal(accepted.status, 'in_progress');
    assert.equal(accepted.acceptedAt, '2025-01-24T10:30:00.000+08:00');
    assert.equal(accepted.acceptedBy, 'officer-li');
    const acted = book.act('c-1', {
      id: 'a-1',
      kind: 'service',
      type: 'visit',
      by: 'officer-li',
      at: '2025-01-24T10:30:00+08:00',
      note: 'talked to both neighbours',
    });
    assert.deepEqual(acted.actions, [
      {
        id: 'a-1',
        kind: 'service',
        type: 'visit',
        by: 'officer-li',
        at: '2025-01-24T10:30:00.000+08:00',
        note: 'talked to both neighbours',
      },
    ]);
    clock.advance({ hours: 2 });
    const resolved = book.resolve('c-1', {
      by: 'officer-li',
      outcome: 'mediated',
      note: 'agreed quiet hours',
    });
    assert.equal(resolved.status, 'resolved');
    assert.equal(resolved.outcome, 'mediated');
    assert.equal(resolved.resolvedAt, '2025-01-24T12:30:00.000+08:00');
    clock.advance({ days: 1 });
    const visited = book.followUp('c-1', {
      rating: 'satisfied',
      comment: '谢谢',
      at: '2025-01-25T12:00:00+08:00',
    });
    assert.equal(visited.status, 'resolved');
    assert.deepEqual(visited.followUps, [
      { rating: 'satisfied', comment: '谢谢', at: '2025-01-25T12:00:00.000+08:00' },
    ]);
    const closed = book.close('c-1');
    assert.equal(closed.status, 'closed');
    assert.equal(closed.closedAt, '2025-01-25T12:30:00.000+08:00');
    assert.deepEqual(
      book.events().map((event) => event.type),
      [
        'cases.opened',
        'cases.accepted',
        'cases.acted',
        'cases.resolved',
        'cases.followed_up',
        'cases.closed',
      ],
    );
    assert.equal(book.get('c-1'), closed);
  });

  it('reopens an unsatisfied case with a fresh deadline, keeping the earlier follow-ups', () => {
    const { book, clock } = makeBook();
    book.open(intake());
    book.accept('c-1', { by: 'li' });
    book.resolve('c-1', { by: 'li', outcome: 'resolved' });
    clock.set('2025-02-07T10:00:00+08:00');
    const reopened = book.followUp('c-1', {
      rating: 'unsatisfied',
      comment: 'still loud',
      at: '2025-02-07T10:00:00+08:00',
    });
    assert.equal(reopened.status, 'dispatched');
    assert.equal(reopened.reopenedCount, 1);
    assert.equal(reopened.round, 1);
    // Friday 02-07, 3 working days: 02-08 (make-up Saturday), 02-10, 02-11.
    assert.equal(reopened.dueAt, local('2025-02-11T23:59:59.999+08:00'));
    for (const cleared of [
      'resolvedAt',
      'resolvedBy',
      'outcome',
      'acceptedAt',
      'acceptedBy',
    ] as const) {
      assert.equal(cleared in reopened, false, `${cleared} is cleared`);
    }
    assert.equal(reopened.followUps.length, 1);
    book.accept('c-1', { by: 'wang' });
    book.resolve('c-1', { by: 'wang', outcome: 'resolved' });
    const second = book.followUp('c-1', { rating: 'basic', at: '2025-02-08T09:00:00+08:00' });
    assert.deepEqual(
      second.followUps.map((followUp) => followUp.rating),
      ['unsatisfied', 'basic'],
    );
    assert.equal(book.close('c-1').status, 'closed');
  });

  it('takes one follow-up per resolution, not before it', () => {
    const { book } = makeBook();
    book.open(intake());
    book.accept('c-1', { by: 'li' });
    book.resolve('c-1', { by: 'li', outcome: 'resolved' });
    expectLanewiseError(
      () => book.followUp('c-1', { rating: 'satisfied', at: '2025-01-24T09:59:00+08:00' }),
      'INVALID_INPUT',
      ['at'],
    );
    book.followUp('c-1', { rating: 'satisfied', at: '2025-01-24T12:00:00+08:00' });
    const before = book.events().length;
    expectLanewiseError(
      () => book.followUp('c-1', { rating: 'unsatisfied', at: '2025-01-24T13:00:00+08:00' }),
      'INVALID_TRANSITION',
    );
    assert.equal(book.events().length, before);
  });

  it('extends a deadline only before it passes, and only to a later time', () => {
    const { book, clock } = makeBook();
    const opened = book.open(intake());
    const extended = book.extend('c-1', {
      until: '2025-02-10T18:00:00+08:00',
      reason: 'waiting for the owner',
      by: 'li',
    });
    assert.equal(extended.dueAt, '2025-02-10T18:00:00.000+08:00');
    assert.deepEqual(extended.extensions, [
      {
        from: opened.dueAt,
        until: '2025-02-10T18:00:00.000+08:00',
        reason: 'waiting for the owner',
        by: 'li',
        at: '2025-01-24T10:00:00.000+08:00',
      },
    ]);
    expectLanewiseError(
      () => book.extend('c-1', { until: '2025-02-09T18:00:00+08:00', reason: 'x', by: 'li' }),
      'INVALID_INPUT',
      ['until'],
    );
    clock.set('2025-02-10T18:00:00.001+08:00');
    expectLanewiseError(
      () => book.extend('c-1', { until: '2025-02-20T18:00:00+08:00', reason: 'x', by: 'li' }),
      'TOO_LATE',
    );
    assert.equal(book.get('c-1')?.extensions.length, 1);
  });

  it('marks duplicates against the original case', () => {
    const { book } = makeBook();
    book.open(intake({ id: 'a' }));
    book.open(intake({ id: 'b' }));
    book.open(intake({ id: 'c' }));
    assert.equal(book.markDuplicate('b', { of: 'a' }).duplicateOf, 'a');
    const chained = book.markDuplicate('c', { of: 'b' });
    assert.equal(chained.status, 'duplicate');
    assert.equal(chained.duplicateOf, 'a', 'a duplicate of a duplicate points at the original');
    book.open(intake({ id: 'd' }));
    expectLanewiseError(() => book.markDuplicate('d', { of: 'd' }), 'INVALID_INPUT', ['of']);
    expectLanewiseError(() => book.markDuplicate('d', { of: 'zzz' }), 'NOT_FOUND', ['of']);
  });
});

describe('case book: idempotency', () => {
  it('returns the stored case for the same id and content, ID_CONFLICT for other content', () => {
    const { book } = makeBook();
    const first = book.open(
      intake({ attributes: { reports: 3, tags: ['a'] }, location: { address: '1 Lane' } }),
    );
    book.accept('c-1', { by: 'li' });
    const again = book.open({
      location: { address: '1 Lane' },
      attributes: { tags: ['a'], reports: 3 },
      ...intake({ receivedAt: '2025-01-24T01:00:00Z' }),
    });
    assert.equal(again.status, 'in_progress', 'the stored record, as it is now');
    assert.equal(again.dueAt, first.dueAt);
    assert.equal(book.events().length, 2);
    expectLanewiseError(() => book.open(intake({ title: 'Another problem' })), 'ID_CONFLICT', [
      'id',
    ]);
  });

  it('treats an action id as the idempotency key of act', () => {
    const { book } = makeBook();
    book.open(intake());
    book.accept('c-1', { by: 'li' });
    const action = {
      id: 'a-1',
      kind: 'manage',
      type: 'notice',
      by: 'li',
      at: '2025-01-24T10:00:00+08:00',
    } as const;
    book.act('c-1', action);
    const again = book.act('c-1', { ...action, at: '2025-01-24T02:00:00Z' });
    assert.equal(again.actions.length, 1);
    expectLanewiseError(() => book.act('c-1', { ...action, kind: 'enforce' }), 'ID_CONFLICT', [
      'id',
    ]);
    assert.equal(book.events().length, 3);
  });

  it('keeps its records even when the caller changes its input objects later', () => {
    const { book } = makeBook();
    const attributes = { reports: 3, nested: { floor: 5 } };
    book.open(intake({ attributes }));
    attributes.nested.floor = 6;
    assert.deepEqual(book.get('c-1')?.attributes, { reports: 3, nested: { floor: 5 } });
  });
});

describe('case book: reading', () => {
  it('lists with filters and keeps the snapshot until something changes', () => {
    const { book, clock } = makeBook();
    book.open(intake({ id: 'a' }));
    book.open(intake({ id: 'b', category: 'stall' }));
    book.open(intake({ id: 'c', category: 'fire' }));
    book.accept('a', { by: 'li' });
    assert.deepEqual(
      book.list({ status: 'in_progress' }).map((record) => record.id),
      ['a'],
    );
    assert.deepEqual(
      book.list({ status: ['dispatched'] }).map((record) => record.id),
      ['b', 'c'],
    );
    assert.deepEqual(
      book.list({ tier: 'joint' }).map((record) => record.id),
      ['c'],
    );
    assert.deepEqual(
      book.list({ handler: 'station' }).map((record) => record.id),
      ['b'],
    );
    assert.deepEqual(
      book.list({ category: 'noise', channel: 'hotline' }).map((record) => record.id),
      ['a'],
    );
    // 01-24 09:00 received: the fire (1 hour) and the stall (2 hours) are late by noon.
    assert.deepEqual(
      book.list({ overdueAt: '2025-01-24T12:00:00+08:00' }).map((record) => record.id),
      ['b', 'c'],
    );
    const snapshot = book.snapshot();
    assert.equal(book.snapshot(), snapshot);
    assert.equal(snapshot.cases.length, 3);
    clock.advance({ minutes: 1 });
    book.accept('b', { by: 'zhao' });
    assert.notEqual(book.snapshot(), snapshot);
    assert.equal(snapshot.cases[1]?.status, 'dispatched', 'an old snapshot does not change');
    expectLanewiseError(() => book.list({ status: 'lost' as never }), 'INVALID_INPUT', [
      'filter',
      'status',
    ]);
  });

  it('tells subscribers about every change until they unsubscribe', () => {
    const { book } = makeBook();
    const seen: CaseEvent[] = [];
    const stop = book.subscribe((event) => seen.push(event));
    book.open(intake());
    book.accept('c-1', { by: 'li' });
    stop();
    book.resolve('c-1', { by: 'li', outcome: 'referred' });
    assert.deepEqual(
      seen.map((event) => event.type),
      ['cases.opened', 'cases.accepted'],
    );
    assert.equal(seen[1], book.events()[1]);
  });

  it('answers NOT_FOUND for unknown ids and undefined from get', () => {
    const { book } = makeBook();
    assert.equal(book.get('nope'), undefined);
    expectLanewiseError(() => book.accept('nope', { by: 'li' }), 'NOT_FOUND', ['id']);
    expectLanewiseError(() => book.close(''), 'INVALID_INPUT', ['id']);
  });
});
