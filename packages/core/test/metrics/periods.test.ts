import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ratio721, trend, MAX_TREND_PERIODS, type RatioAction } from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors.js';

const service = (at: string): RatioAction => ({ at, kind: 'service' });
const keys = (groups: { key: string | null; total: number }[]) =>
  groups.map((group) => [group.key, group.total]);

describe('periods in the community time zone', () => {
  it('cuts days and months at midnight in Shanghai, not in UTC', () => {
    const actions = [
      service('2025-02-28T15:59:59.999Z'), // 23:59:59.999 on 28 February in Shanghai
      service('2025-02-28T16:00:00Z'), // midnight, 1 March in Shanghai
      service('2025-03-01T07:00:00+08:00'),
    ];
    assert.deepEqual(keys(ratio721(actions, { groupBy: 'day' })), [
      ['2025-02-28', 1],
      ['2025-03-01', 2],
    ]);
    const months = ratio721(actions, { groupBy: 'month' });
    assert.deepEqual(keys(months), [
      ['2025-02', 1],
      ['2025-03', 2],
    ]);
    assert.equal(months[1]?.start, '2025-03-01T00:00:00.000+08:00');
    assert.equal(months[1]?.end, '2025-04-01T00:00:00.000+08:00');
    assert.deepEqual(keys(ratio721(actions, { groupBy: 'day', timeZone: 'UTC' })), [
      ['2025-02-28', 3],
    ]);
  });

  it('cuts ISO weeks on Monday, with the ISO week-year at the turn of the year', () => {
    const actions = [
      service('2024-12-29T23:59:00+08:00'), // Sunday: 2024-W52
      service('2024-12-29T16:00:00Z'), // Monday 30 December in Shanghai: 2025-W01
      service('2025-01-05T23:00:00+08:00'), // Sunday: still 2025-W01
      service('2021-01-03T12:00:00+08:00'), // Sunday: 2020-W53
      service('2026-01-01T12:00:00+08:00'), // Thursday: 2026-W01
    ];
    const weeks = ratio721(actions, { groupBy: 'week' });
    assert.deepEqual(keys(weeks), [
      ['2020-W53', 1],
      ['2024-W52', 1],
      ['2025-W01', 2],
      ['2026-W01', 1],
    ]);
    assert.equal(weeks[2]?.start, '2024-12-30T00:00:00.000+08:00');
    assert.equal(weeks[2]?.end, '2025-01-06T00:00:00.000+08:00');
  });

  it('follows daylight saving time where the zone has it (a 23-hour day)', () => {
    const zone = { groupBy: 'day' as const, timeZone: 'America/New_York' };
    const days = ratio721(
      [
        service('2025-03-09T04:59:00Z'),
        service('2025-03-09T05:00:00Z'),
        service('2025-03-10T03:59:00Z'),
        service('2025-03-10T04:00:00Z'),
      ],
      zone,
    );
    assert.deepEqual(keys(days), [
      ['2025-03-08', 1],
      ['2025-03-09', 2],
      ['2025-03-10', 1],
    ]);
    assert.equal(days[1]?.start, '2025-03-09T00:00:00.000-05:00');
    assert.equal(days[1]?.end, '2025-03-10T00:00:00.000-04:00');
  });

  it('puts each instant in the period whose bounds hold it, whatever the order of the data', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({
            min: Date.parse('2020-01-01T00:00:00Z'),
            max: Date.parse('2030-01-01T00:00:00Z'),
          }),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        fc.constantFrom('day', 'week', 'month') as fc.Arbitrary<'day' | 'week' | 'month'>,
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Asia/Kolkata', 'UTC'),
        (instants, period, timeZone) => {
          const groups = ratio721(
            instants.map((ms) => service(new Date(ms).toISOString())),
            { groupBy: period, timeZone },
          );
          assert.equal(
            groups.reduce((sum, group) => sum + group.total, 0),
            instants.length,
          );
          for (const [index, group] of groups.entries()) {
            const start = Date.parse(group.start ?? '');
            const end = Date.parse(group.end ?? '');
            const inside = instants.filter((ms) => ms >= start && ms < end).length;
            assert.equal(inside, group.total);
            if (index > 0) assert.ok(start >= Date.parse(groups[index - 1]?.end ?? ''));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('trend', () => {
  it('gives one point per month, clipping the first to from', () => {
    const seen: string[] = [];
    const points = trend(
      (window) => {
        seen.push(window.key);
        return ratio721(
          [service('2025-02-10T10:00:00+08:00'), service('2025-03-31T23:30:00+08:00')],
          { from: window.from, to: window.to },
        ).total;
      },
      { period: 'month', from: '2025-01-15T00:00:00+08:00', to: '2025-04-01T00:00:00+08:00' },
    );
    assert.deepEqual(points, [
      {
        key: '2025-01',
        from: '2025-01-15T00:00:00.000+08:00',
        to: '2025-02-01T00:00:00.000+08:00',
        partial: true,
        value: 0,
      },
      {
        key: '2025-02',
        from: '2025-02-01T00:00:00.000+08:00',
        to: '2025-03-01T00:00:00.000+08:00',
        partial: false,
        value: 1,
      },
      {
        key: '2025-03',
        from: '2025-03-01T00:00:00.000+08:00',
        to: '2025-04-01T00:00:00.000+08:00',
        partial: false,
        value: 1,
      },
    ]);
    assert.deepEqual(seen, ['2025-01', '2025-02', '2025-03']);
  });

  it('gives days and ISO weeks in the chosen zone, the last clipped to to', () => {
    const days = trend((window) => window.to, {
      period: 'day',
      from: '2025-03-08T12:00:00Z',
      to: '2025-03-10T12:00:00Z',
      timeZone: 'America/New_York',
    });
    assert.deepEqual(
      days.map((point) => [point.key, point.partial]),
      [
        ['2025-03-08', true],
        ['2025-03-09', false],
        ['2025-03-10', true],
      ],
    );
    // The caller's `to`, 12:00 UTC, written with New York's offset that day.
    assert.equal(days[2]?.to, '2025-03-10T08:00:00.000-04:00');
    const weeks = trend(() => null, {
      period: 'week',
      from: '2024-12-30T00:00:00+08:00',
      to: '2025-01-13T00:00:00+08:00',
    });
    assert.deepEqual(
      weeks.map((point) => [point.key, point.partial]),
      [
        ['2025-W01', false],
        ['2025-W02', false],
      ],
    );
  });

  it('rejects bad windows and runaway series', () => {
    const fn = () => 0;
    assert.throws(
      () => trend(fn, { period: 'day', from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }),
      (error) => isLanewiseError(error, 'INVALID_INPUT') && error.path[0] === 'to',
    );
    assert.throws(
      () =>
        trend(fn, {
          period: 'quarter' as 'day',
          from: '2025-01-01T00:00:00Z',
          to: '2025-02-01T00:00:00Z',
        }),
      (error) => isLanewiseError(error, 'INVALID_INPUT') && error.path[0] === 'period',
    );
    assert.throws(
      () => trend(fn, { period: 'day', from: '1970-01-01T00:00:00Z', to: '2999-01-01T00:00:00Z' }),
      (error) =>
        isLanewiseError(error, 'INVALID_INPUT') && error.details.limit === MAX_TREND_PERIODS,
    );
  });
});
