import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  caseRates,
  ratio721FromCases,
  wilsonInterval,
  type MetricsCase,
} from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { JUNE, JUNE_NOW, juneBook, makeCase } from './fixtures.js';

const now = () => new Date(JUNE_NOW);
const counts = (estimate: { successes: number; n: number }) => [estimate.successes, estimate.n];
const invalidAt = (path: (string | number)[]) => (error: unknown) =>
  isLanewiseError(error, 'INVALID_INPUT') && JSON.stringify(error.path) === JSON.stringify(path);

describe('caseRates over the June book', () => {
  const june = caseRates(juneBook, { ...JUNE, now });

  it('counts the cases received in June in Shanghai, by status, duplicates apart', () => {
    assert.equal(june.received, 9); // c1-c7, c9, c11; c8 is a duplicate, c10 came in May
    assert.equal(june.duplicates, 1);
    assert.deepEqual(june.byStatus, {
      dispatched: 3,
      in_progress: 1,
      resolved: 1,
      closed: 4,
      duplicate: 1,
    });
    // The result's instants carry the community's offset, to the millisecond.
    assert.equal(june.from, '2025-06-01T00:00:00.000+08:00');
    assert.equal(june.at, '2025-06-30T12:00:00.000+08:00');
  });

  it('response: within 24 hours of the decided cases, the reopened one by its first action', () => {
    // In time: c1, c3, c4, c5, c9 (first action), c11. Late: c2 (27 h), c7 (never). Pending: c6.
    assert.deepEqual(counts(june.response), [6, 8]);
    assert.equal(june.responsePending, 1);
    assert.deepEqual(june.response.interval, wilsonInterval(6, 8));
  });

  it('on time: resolved by the due time, of those resolved', () => {
    // Resolved: c1 (on time), c2 (late), c3 (on time), c4 (late), c11 (on time).
    assert.deepEqual(counts(june.onTime), [3, 5]);
  });

  it('resolution: resolved or mediated, of those closed', () => {
    // Closed: c1 resolved, c2 mediated, c3 unresolvable, c11 resolved.
    assert.deepEqual(counts(june.resolution), [3, 4]);
  });

  it('satisfaction: the latest follow-up of each case followed up', () => {
    // c1 satisfied, c2 basic, c3 unsatisfied, c9 unsatisfied, c11 satisfied (after an unsatisfied one).
    assert.deepEqual(counts(june.satisfaction), [3, 5]);
    assert.equal(june.satisfaction.rate, 0.6);
  });

  it('counts open cases past their due time now', () => {
    assert.equal(june.overdueOpen, 3); // c5, c7, c9
  });

  it('gives the median and 90th percentile handling time in minutes', () => {
    // 3060 (c1), 7200 (c2), 5760 (c3), 3600 (c4), 4320 (c11): sorted 3060 3600 4320 5760 7200.
    assert.deepEqual(june.handlingMinutes, { n: 5, median: 4320, p90: 5760 + 0.6 * 1440 });
  });

  it('breaks the figures down by tier, category and handling unit', () => {
    assert.deepEqual(
      june.byTier.map((group) => [group.key, group.received, group.duplicates]),
      [
        ['general', 3, 0],
        ['major', 1, 0],
        ['simple', 5, 1],
      ],
    );
    const simple = june.byTier.find((group) => group.key === 'simple');
    assert.deepEqual(simple && counts(simple.onTime), [2, 3]); // c1, c11 on time; c4 late
    assert.deepEqual(
      june.byCategory.map((group) => [group.key, group.received]),
      [
        ['building', 1],
        ['litter', 2],
        ['noise', 4],
        ['parking', 2],
      ],
    );
    // c2 has two handlers and counts for both.
    assert.deepEqual(
      june.byUnit.map((group) => [group.key, group.received]),
      [
        ['bureau', 1],
        ['squad-2', 3],
        ['station-1', 6],
      ],
    );
    const squad = june.byUnit.find((group) => group.key === 'squad-2');
    assert.deepEqual(squad && counts(squad.response), [2, 3]); // c2 late; c3 and c9 in time
    assert.deepEqual(squad?.handlingMinutes, { n: 2, median: 6480, p90: 5760 + 0.9 * 1440 });
  });

  it('takes per-tier response limits, a strict satisfied setting, and every follow-up', () => {
    const lenient = caseRates(juneBook, {
      ...JUNE,
      now,
      responseMinutesByTier: { general: 48 * 60 },
    });
    assert.deepEqual(counts(lenient.response), [7, 8]); // c2 in time within 48 hours
    const strict = caseRates(juneBook, { ...JUNE, now, satisfied: ['satisfied'] });
    assert.deepEqual(counts(strict.satisfaction), [2, 5]);
    const all = caseRates(juneBook, { ...JUNE, now, followUps: 'all' });
    assert.deepEqual(counts(all.satisfaction), [3, 6]);
  });

  it('decides pending responses by the clock', () => {
    const later = caseRates(juneBook, {
      ...JUNE,
      now: () => new Date('2025-07-02T00:00:00+08:00'),
    });
    assert.equal(later.responsePending, 0);
    assert.deepEqual(counts(later.response), [6, 9]); // c6 never accepted: late
    assert.equal(later.overdueOpen, 3); // c6 is not due until 3 July
  });

  it('cuts the window at the instant, whatever the offset of the record', () => {
    const edge = [
      makeCase({ id: 'e1', status: 'dispatched', receivedAt: '2025-05-31T15:59:59Z' }), // 23:59:59 May 31 Shanghai
      makeCase({ id: 'e2', status: 'dispatched', receivedAt: '2025-05-31T16:00:00Z' }), // midnight June 1 Shanghai
      makeCase({ id: 'e3', status: 'dispatched', receivedAt: '2025-06-30T23:59:59+08:00' }),
      makeCase({ id: 'e4', status: 'dispatched', receivedAt: '2025-07-01T00:00:00+08:00' }),
    ];
    assert.equal(caseRates(edge, { ...JUNE, now }).received, 2);
    assert.equal(caseRates(edge, { now }).received, 4);
  });

  it('reads a case book through list() the same as an array', () => {
    const book = { list: () => juneBook };
    assert.deepEqual(caseRates(book, { ...JUNE, now }), june);
  });

  it('gives empty figures without cases', () => {
    const empty = caseRates([], { now });
    assert.equal(empty.received, 0);
    assert.equal(empty.onTime.rate, null);
    assert.deepEqual(empty.onTime.interval, [0, 1]);
    assert.deepEqual(empty.handlingMinutes, { n: 0, median: null, p90: null });
    assert.deepEqual(empty.byTier, []);
  });

  it('rejects bad options and case fields, naming them', () => {
    assert.throws(() => caseRates(juneBook, {} as { now: () => Date }), invalidAt(['now']));
    assert.throws(
      () => caseRates(juneBook, { now, responseMinutes: 0 }),
      invalidAt(['responseMinutes']),
    );
    assert.throws(() => caseRates('cases' as unknown as MetricsCase[], { now }), invalidAt([]));
    const bad = (draft: Partial<MetricsCase>) => [
      juneBook[0] as MetricsCase,
      {
        ...makeCase({ id: 'x', status: 'dispatched', receivedAt: '2025-06-02T09:00:00+08:00' }),
        ...draft,
      },
    ];
    assert.throws(
      () => caseRates(bad({ receivedAt: '2025-06-02' }), { now }),
      invalidAt([1, 'receivedAt']),
    );
    assert.throws(
      () => caseRates(bad({ status: 'open' as 'closed' }), { now }),
      invalidAt([1, 'status']),
    );
    assert.throws(() => caseRates(bad({ dueAt: 'soon' }), { now }), invalidAt([1, 'dueAt']));
    assert.throws(
      () => caseRates(bad({ followUps: [{ rating: 'fine' as 'basic', at: JUNE_NOW }] }), { now }),
      invalidAt([1, 'followUps', 0, 'rating']),
    );
    assert.throws(
      () =>
        caseRates(
          bad({ actions: [{ id: 'a', kind: 'service', type: 't', by: 'u', at: 'then' }] }),
          { now },
        ),
      invalidAt([1, 'actions', 0, 'at']),
    );
  });
});

describe('ratio721FromCases', () => {
  it('counts the handling actions of the cases, duplicates left out', () => {
    const result = ratio721FromCases(juneBook);
    // service: c1 consultation, c2 mediation, c9 visit; manage: c2 joint meeting; enforce: c3 penalty, c5 notice.
    assert.deepEqual(result.counts, { service: 3, manage: 1, enforce: 2 });
    assert.equal(result.status, 'off-target');
  });

  it('counts each case by its kind when asked', () => {
    const result = ratio721FromCases({ list: () => juneBook }, { count: 'cases' });
    // c1, c4, c11 service; c2 manage; c3 enforce; c8 is a duplicate; the rest have no kind.
    assert.deepEqual(result.counts, { service: 3, manage: 1, enforce: 1 });
  });

  it('groups actions by the unit that acted, and by period', () => {
    const byUnit = ratio721FromCases(juneBook, { groupBy: 'unit' });
    assert.deepEqual(
      byUnit.map((group) => [group.key, group.counts]),
      [
        ['bureau', { service: 0, manage: 0, enforce: 1 }],
        ['squad-2', { service: 2, manage: 0, enforce: 1 }],
        ['station-1', { service: 1, manage: 1, enforce: 0 }],
      ],
    );
    const weeks = ratio721FromCases(juneBook, {
      groupBy: 'week',
      from: '2025-06-02T00:00:00+08:00',
    });
    assert.deepEqual(
      weeks.map((group) => [group.key, group.total]),
      [
        ['2025-W23', 4],
        ['2025-W25', 1],
      ],
    );
  });

  it('rejects an action of an unknown kind, naming the case and the action', () => {
    const record = makeCase({
      id: 'x',
      status: 'in_progress',
      receivedAt: JUNE_NOW,
      actions: [{ id: 'a', kind: 'help' as 'service', type: 't', by: 'u', at: JUNE_NOW }],
    });
    assert.throws(() => ratio721FromCases([record]), invalidAt([0, 'actions', 0, 'kind']));
  });
});
