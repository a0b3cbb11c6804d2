import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertRejected, ledgerAt } from './fixtures.js';

/** A ledger with entries of two volunteers and two activities over a year's turn. */
function busyLedger() {
  const { ledger } = ledgerAt();
  const add = (
    id: string,
    volunteerId: string,
    activityId: string,
    start: string,
    minutes: number,
    approve = true,
  ) => {
    const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
    ledger.record({ id, volunteerId, activityId, start, end, recordedBy: 'org-wang' });
    if (approve) ledger.approve(id, { by: 'org-zhao' });
  };
  add('a', 'v-li', 'repair', '2024-12-30T09:00:00+08:00', 60); // ISO week 2025-W01
  add('b', 'v-li', 'repair', '2024-12-31T23:30:00+08:00', 30); // Shanghai 2024-12-31, UTC same
  add('c', 'v-li', 'elderly', '2025-01-01T07:00:00+08:00', 120); // 2024-12-31 in UTC
  add('d', 'v-zhang', 'repair', '2025-02-01T10:00:00+08:00', 90);
  add('e', 'v-zhang', 'elderly', '2025-02-02T10:00:00+08:00', 45, false);
  return ledger;
}

describe('hours: list', () => {
  it('filters by volunteer, activity, status and span, ordered by start', () => {
    const ledger = busyLedger();
    const ids = (filter: Parameters<typeof ledger.list>[0]) =>
      ledger.list(filter).map((item) => item.id);
    assert.deepEqual(ids({}), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(ids({ volunteerId: 'v-zhang' }), ['d', 'e']);
    assert.deepEqual(ids({ activityId: 'elderly' }), ['c', 'e']);
    assert.deepEqual(ids({ status: 'pending' }), ['e']);
    assert.deepEqual(ids({ status: ['pending', 'approved'], volunteerId: 'v-zhang' }), ['d', 'e']);
    assert.deepEqual(ids({ from: '2025-01-01', to: '2025-01-31' }), ['c']);
    assert.deepEqual(ids({ from: '2024-12-31T15:30:00Z' }), ['b', 'c', 'd', 'e']);
    assert.deepEqual(ids({ to: '2024-12-31T15:30:00Z' }), ['a']);
    assert.deepEqual(ids({ volunteerId: 'nobody' }), []);
  });

  it('refuses a span that ends before it starts', () => {
    const ledger = busyLedger();
    assertRejected(
      ledger,
      () => ledger.list({ from: '2025-02-01', to: '2025-01-01' }),
      'INVALID_INPUT',
      ['to'],
    );
  });
});

describe('hours: creditedMinutes', () => {
  it('sums approved entries by volunteer, activity, both, span, or all', () => {
    const ledger = busyLedger();
    assert.equal(ledger.creditedMinutes(), 300);
    assert.equal(ledger.creditedMinutes({ volunteerId: 'v-li' }), 210);
    assert.equal(ledger.creditedMinutes({ activityId: 'repair' }), 180);
    assert.equal(ledger.creditedMinutes({ volunteerId: 'v-li', activityId: 'repair' }), 90);
    assert.equal(ledger.creditedMinutes({ volunteerId: 'v-li', to: '2024-12-31' }), 90);
    assert.equal(ledger.creditedMinutes({ from: '2025-01-01' }), 210);
    assert.equal(ledger.creditedMinutes({ volunteerId: 'nobody' }), 0);
  });
});

describe('hours: summary', () => {
  it('groups by volunteer per month, cut in Shanghai time', () => {
    const rows = busyLedger().summary({ groupBy: 'volunteer', period: 'month' });
    assert.deepEqual(rows, [
      { key: 'v-li', period: '2024-12', minutes: 90, entries: 2 },
      { key: 'v-li', period: '2025-01', minutes: 120, entries: 1 },
      { key: 'v-zhang', period: '2025-02', minutes: 90, entries: 1 },
    ]);
  });

  it('groups by activity per ISO week and per year, and over everything', () => {
    const ledger = busyLedger();
    assert.deepEqual(
      ledger
        .summary({ groupBy: 'activity', period: 'week' })
        .map((row) => [row.key, row.period, row.minutes]),
      [
        ['elderly', '2025-W01', 120],
        ['repair', '2025-W01', 90],
        ['repair', '2025-W05', 90],
      ],
    );
    assert.deepEqual(
      ledger
        .summary({ groupBy: 'activity', period: 'year' })
        .map((row) => [row.key, row.period, row.minutes]),
      [
        ['elderly', '2025', 120],
        ['repair', '2024', 90],
        ['repair', '2025', 90],
      ],
    );
    assert.deepEqual(ledger.summary({ groupBy: 'volunteer', from: '2025-01-01' }), [
      { key: 'v-li', period: null, minutes: 120, entries: 1 },
      { key: 'v-zhang', period: null, minutes: 90, entries: 1 },
    ]);
  });

  it('cuts days in the ledger time zone, not in UTC', () => {
    const { ledger } = ledgerAt({}, 'UTC');
    ledger.record({
      id: 'c',
      volunteerId: 'v',
      activityId: 'x',
      start: '2025-01-01T07:00:00+08:00',
      end: '2025-01-01T08:00:00+08:00',
      recordedBy: 'o',
    });
    ledger.approve('c', { by: 'o' });
    assert.equal(ledger.summary({ groupBy: 'volunteer', period: 'day' })[0]?.period, '2024-12-31');
  });
});

describe('hours: certificate', () => {
  it('lists the approved service of the period with totals per activity', () => {
    const ledger = busyLedger();
    const certificate = ledger.certificate('v-li', {
      from: '2024-12-01',
      to: '2025-01-31',
      issuer: 'Huana community volunteer team',
      serial: 'HN-2025-0001',
    });
    assert.deepEqual(certificate, {
      volunteerId: 'v-li',
      period: { from: '2024-12-01', to: '2025-01-31' },
      totalMinutes: 210,
      entries: [
        {
          id: 'a',
          activityId: 'repair',
          start: '2024-12-30T09:00:00.000+08:00',
          end: '2024-12-30T10:00:00.000+08:00',
          minutes: 60,
        },
        {
          id: 'b',
          activityId: 'repair',
          start: '2024-12-31T23:30:00.000+08:00',
          end: '2025-01-01T00:00:00.000+08:00',
          minutes: 30,
        },
        {
          id: 'c',
          activityId: 'elderly',
          start: '2025-01-01T07:00:00.000+08:00',
          end: '2025-01-01T09:00:00.000+08:00',
          minutes: 120,
        },
      ],
      activities: [
        { activityId: 'repair', minutes: 90, entries: 2 },
        { activityId: 'elderly', minutes: 120, entries: 1 },
      ],
      issuer: 'Huana community volunteer team',
      serial: 'HN-2025-0001',
      issuedOn: '2025-03-10',
      starLevel: 0,
    });
  });

  it('leaves out pending and other-period entries, and refuses an unknown volunteer', () => {
    const ledger = busyLedger();
    const zhang = ledger.certificate('v-zhang', {
      from: '2025-02-02',
      to: '2025-02-28',
      issuer: 'x',
      serial: '2',
    });
    assert.equal(zhang.totalMinutes, 0);
    assert.deepEqual(zhang.entries, []);
    assertRejected(
      ledger,
      () =>
        ledger.certificate('v-nobody', {
          from: '2025-01-01',
          to: '2025-12-31',
          issuer: 'x',
          serial: '3',
        }),
      'NOT_FOUND',
      ['volunteerId'],
    );
  });
});

describe('hours: snapshot', () => {
  it('carries the zone and the resolved policy, so a view can show stars and local days', () => {
    const { ledger } = ledgerAt({ unitMinutes: 30, starThresholdsHours: [10, 20] }, 'Asia/Urumqi');
    const snapshot = ledger.snapshot();
    assert.equal(snapshot.timeZone, 'Asia/Urumqi');
    assert.deepEqual(snapshot.policy, ledger.policy);
    assert.deepEqual(snapshot.policy.starThresholdsHours, [10, 20]);
    assert.equal(snapshot.policy.maxMinutesPerDay, null);
  });
});
