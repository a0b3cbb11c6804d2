import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ratio721, trend, MAX_TREND_PERIODS, type RatioAction } from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors/index.js';

const service = (at: string): RatioAction => ({ at, kind: 'service' });

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
