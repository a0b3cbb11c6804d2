// The bad input of issue 9, function by function: each is a LanewiseError with its path, never
// a TypeError, NaN or Infinity, and keys found through Object.prototype are plain keys.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  MAX_RATIO_WEIGHT,
  caseRates,
  classifyActions,
  compareRates,
  createRatioTracker,
  normalQuantile,
  rateEstimate,
  ratio721,
  ratio721FromCases,
  satisfaction,
  trend,
  wilsonInterval,
  type RatioAction,
  type RatioKind,
} from '../../src/metrics/index.js';
import { formatError } from '../../src/errors/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { JUNE, JUNE_NOW, juneBook, makeCase } from './fixtures.js';

const at = '2025-06-01T10:00:00+08:00';
const now = () => new Date(JUNE_NOW);
const anything = <T>(value: unknown) => value as T;

describe('ratio721 with extreme weights', () => {
  it('rejects a weight above 10^12 (1e308 included) with its path', () => {
    for (const weight of [1e308, MAX_RATIO_WEIGHT * 2, Infinity]) {
      expectLanewiseError(
        () =>
          ratio721([
            { at, kind: 'service', weight: 1 },
            { at, kind: 'manage', weight },
          ]),
        'INVALID_INPUT',
        [1, 'weight'],
      );
      expectLanewiseError(
        () => ratio721([{ at, kind: 'manage', weight }], { groupBy: 'unit' }),
        'INVALID_INPUT',
        [0, 'weight'],
      );
    }
  });

  it('gives finite shares from 0 to 1 for any weights it accepts', () => {
    const weight = fc.oneof(
      fc.constant(MAX_RATIO_WEIGHT),
      fc.constant(0),
      fc.constant(Number.MIN_VALUE),
      fc.double({ min: 0, max: MAX_RATIO_WEIGHT, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom('service', 'manage', 'enforce') as fc.Arbitrary<RatioKind>,
            weight,
          }),
          { maxLength: 40 },
        ),
        (parts) => {
          const result = ratio721(parts.map((part) => ({ at, ...part })));
          for (const kind of ['service', 'manage', 'enforce'] as const) {
            assert.ok(Number.isFinite(result.shares[kind]));
            assert.ok(result.shares[kind] >= 0 && result.shares[kind] <= 1);
            assert.ok(Number.isFinite(result.deviation[kind]));
          }
          assert.ok(Number.isFinite(result.total) && Number.isFinite(result.serviceNeeded));
        },
      ),
    );
  });
});

describe('instants without an offset', () => {
  it('are rejected by ratio721 with or without a window, and by every other reader', () => {
    const local = '2025-06-01T10:00:00';
    expectLanewiseError(() => ratio721([{ at: local, kind: 'service' }]), 'INVALID_INPUT', [
      0,
      'at',
    ]);
    expectLanewiseError(
      () =>
        ratio721(
          [
            { at, kind: 'service' },
            { at: local, kind: 'service' },
          ],
          { groupBy: 'type' },
        ),
      'INVALID_INPUT',
      [1, 'at'],
    );
    expectLanewiseError(() => ratio721([], { from: local }), 'INVALID_INPUT', ['from']);
    expectLanewiseError(
      () => classifyActions([{ at: local, type: 'publicity' }], { publicity: 'service' }),
      'INVALID_INPUT',
      [0, 'at'],
    );
    expectLanewiseError(
      () => caseRates([makeCase({ id: 'c1', status: 'dispatched', receivedAt: local })], { now }),
      'INVALID_INPUT',
      [0, 'receivedAt'],
    );
    expectLanewiseError(
      () => trend(() => 0, { period: 'day', from: local, to: '2025-06-02T00:00:00Z' }),
      'INVALID_INPUT',
      ['from'],
    );
  });

  it('outside 1970 to 2999 are rejected too', () => {
    expectLanewiseError(
      () => ratio721([{ at: '0099-06-01T10:00:00Z', kind: 'service' }]),
      'INVALID_INPUT',
      [0, 'at'],
    );
    expectLanewiseError(
      () => ratio721([{ at: '+010000-01-01T00:00:00Z', kind: 'service' }]),
      'INVALID_INPUT',
      [0, 'at'],
    );
  });
});

describe('confidence levels and the normal quantile', () => {
  it('gives a finite interval inside [0, 1] at any confidence strictly between 0 and 1', () => {
    const [lower, upper] = wilsonInterval(18, 20, 0.9999999999999999);
    assert.ok(Number.isFinite(lower) && Number.isFinite(upper));
    assert.ok(lower >= 0 && lower <= 0.9 && upper >= 0.9 && upper <= 1);
    fc.assert(
      fc.property(
        fc.double({ min: Number.MIN_VALUE, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (confidence, n, share) => {
          const k = Math.round(share * n);
          const [low, high] = wilsonInterval(k, n, confidence);
          assert.ok(Number.isFinite(low) && Number.isFinite(high), `${confidence}`);
          assert.ok(low >= 0 && low <= k / n && k / n <= high && high <= 1);
          const difference = compareRates(
            { successes: k, n },
            { successes: n - k, n },
            { confidence },
          );
          assert.ok(difference.interval.every(Number.isFinite));
          const rate = satisfaction([{ rating: 'satisfied' }, { rating: 'basic' }], { confidence });
          assert.ok(rate.interval.every(Number.isFinite));
        },
      ),
    );
  });

  it('rejects a confidence of 0, 1, NaN or a string with its path', () => {
    for (const confidence of [0, 1, Number.NaN, -0.5, 1.5, '0.95']) {
      expectLanewiseError(() => wilsonInterval(1, 2, anything(confidence)), 'INVALID_INPUT', [
        'confidence',
      ]);
      expectLanewiseError(() => rateEstimate(1, 2, anything(confidence)), 'INVALID_INPUT', [
        'confidence',
      ]);
      expectLanewiseError(
        () => satisfaction([], { confidence: anything(confidence) }),
        'INVALID_INPUT',
        ['confidence'],
      );
      expectLanewiseError(
        () =>
          compareRates(
            { successes: 1, n: 2 },
            { successes: 1, n: 2 },
            { confidence: anything(confidence) },
          ),
        'INVALID_INPUT',
        ['options', 'confidence'],
      );
      expectLanewiseError(
        () => caseRates(juneBook, { now, confidence: anything(confidence) }),
        'INVALID_INPUT',
        ['confidence'],
      );
    }
  });

  it('normalQuantile rejects NaN, numbers outside [0, 1] and non-numbers', () => {
    for (const p of [Number.NaN, -0.1, 1.1, '0.5', null, undefined]) {
      expectLanewiseError(() => normalQuantile(anything(p)), 'INVALID_INPUT', ['p']);
    }
    assert.equal(normalQuantile(0), -Infinity);
    assert.equal(normalQuantile(1), Infinity);
  });
});

describe('null, wrong types and unknown option keys', () => {
  it('are LanewiseErrors with their path in every function', () => {
    const cases: [() => unknown, (string | number)[]][] = [
      [() => ratio721(anything(null)), []],
      [() => ratio721([], anything(null)), []],
      [() => ratio721([], anything({ groupby: 'unit' })), ['groupby']],
      [() => ratio721([], anything({ tolerance: '0.1' })), ['tolerance']],
      [
        () =>
          ratio721([], anything({ target: { service: 0.7, manage: 0.2, enforce: 0.1, other: 0 } })),
        ['target', 'other'],
      ],
      [() => ratio721([anything(null)]), [0]],
      [() => ratio721([anything('service')]), [0]],
      [() => ratio721FromCases(anything(null)), []],
      [() => ratio721FromCases(juneBook, anything({ count: 'all' })), ['count']],
      [() => ratio721FromCases(juneBook, anything({ counts: 'cases' })), ['counts']],
      [() => classifyActions(anything(null), {}), []],
      [() => classifyActions([], anything(null)), ['mapping']],
      [() => classifyActions([], anything({ patrol: 'watch' })), ['mapping', 'patrol']],
      [() => classifyActions([anything(null)], {}), [0]],
      [() => satisfaction(anything(null)), []],
      [() => satisfaction([], anything(null)), []],
      [() => satisfaction([], anything({ scale: 'five-point', satisfy: [5] })), ['satisfy']],
      [() => satisfaction([], anything({ scale: 'nps', priorWeight: 1e308 })), ['priorWeight']],
      [() => satisfaction([], anything({ scale: 'ten-point' })), ['scale']],
      [() => satisfaction([anything(null)]), [0]],
      [() => satisfaction([anything({ score: 11 })], { scale: 'nps' }), [0, 'score']],
      [() => caseRates(anything(null), { now }), []],
      [() => caseRates(juneBook, anything(null)), []],
      [() => caseRates(juneBook, anything({ now, responseMinute: 60 })), ['responseMinute']],
      [() => caseRates(juneBook, { now, responseMinutes: 1e308 }), ['responseMinutes']],
      [
        () => caseRates(juneBook, { now, responseMinutesByTier: { onsite: -1 } }),
        ['responseMinutesByTier', 'onsite'],
      ],
      [() => caseRates(juneBook, { now: () => new Date(Number.NaN) }), ['now']],
      [() => caseRates([anything(null)], { now }), [0]],
      [
        () => trend(anything(null), { period: 'day', from: at, to: '2025-06-02T00:00:00Z' }),
        ['fn'],
      ],
      [() => trend(() => 0, anything(null)), []],
      [
        () =>
          trend(
            () => 0,
            anything({ period: 'day', from: at, to: '2025-06-02T00:00:00Z', zone: 'UTC' }),
          ),
        ['zone'],
      ],
      [() => compareRates(anything(null), { successes: 1, n: 2 }), ['a']],
      [() => compareRates({ successes: 1, n: 2 }, anything(undefined)), ['b']],
      [
        () => compareRates({ successes: 1, n: 2 }, { successes: 1, n: 2 }, anything(null)),
        ['options'],
      ],
      [
        () =>
          compareRates({ successes: 1, n: 2 }, { successes: 1, n: 2 }, anything({ level: 0.9 })),
        ['options', 'level'],
      ],
      [() => wilsonInterval(anything(null), 2), ['successes']],
      [() => wilsonInterval(1, anything('2')), ['n']],
      [() => rateEstimate(3, 2), ['successes']],
    ];
    for (const [call, path] of cases) {
      const error = expectLanewiseError(call, 'INVALID_INPUT');
      assert.deepEqual(error.path, path, `${call.toString()}: ${error.message}`);
    }
  });
});

describe('keys through Object.prototype', () => {
  it('are plain units, types, tiers, categories and mapping keys', () => {
    const actions: RatioAction[] = [
      { at, kind: 'service', unit: '__proto__', type: 'constructor' },
      { at, kind: 'enforce', unit: 'toString', type: '__proto__' },
    ];
    assert.deepEqual(
      ratio721(actions, { groupBy: 'unit' }).map((group) => [group.key, group.total]),
      [
        ['__proto__', 1],
        ['toString', 1],
      ],
    );
    assert.deepEqual(
      ratio721(actions, { groupBy: 'type' }).map((group) => [group.key, group.counts.service]),
      [
        ['__proto__', 0],
        ['constructor', 1],
      ],
    );
    const mapping = JSON.parse('{"__proto__": "enforce", "constructor": "service"}') as Record<
      string,
      RatioKind
    >;
    const { actions: classified, unmapped } = classifyActions(
      [
        { at, type: '__proto__', weight: 3 },
        { at, type: 'constructor' },
        { at, type: 'hasOwnProperty', weight: 12 },
      ],
      mapping,
    );
    assert.deepEqual(
      classified.map((action) => [action.type, action.kind]),
      [
        ['__proto__', 'enforce'],
        ['constructor', 'service'],
      ],
    );
    assert.deepEqual(unmapped, [{ type: 'hasOwnProperty', count: 1, weight: 12 }]);
    expectLanewiseError(
      () => classifyActions([], JSON.parse('{"__proto__": "watch"}') as Record<string, RatioKind>),
      'INVALID_INPUT',
      ['mapping', '__proto__'],
    );
  });

  it('a tier named __proto__ or constructor has its own response limit', () => {
    // Received at 9:00 and accepted at 12:00: in time within a day, late within an hour.
    const received = {
      status: 'in_progress' as const,
      receivedAt: '2025-06-02T09:00:00+08:00',
      acceptedAt: '2025-06-02T12:00:00+08:00',
    };
    const book = [
      makeCase({ ...received, id: 'p', tier: '__proto__' }),
      makeCase({ ...received, id: 'c', tier: 'constructor' }),
    ];
    const limits = JSON.parse('{"__proto__": 60, "constructor": 60}') as Record<string, number>;
    const tight = caseRates(book, { ...JUNE, now, responseMinutesByTier: limits });
    const loose = caseRates(book, { ...JUNE, now });
    assert.equal(tight.response.successes, 0);
    assert.equal(loose.response.successes, 2);
    assert.deepEqual(
      tight.byTier.map((group) => group.key),
      ['__proto__', 'constructor'],
    );
    expectLanewiseError(
      () => caseRates(book, { now, responseMinutesByTier: JSON.parse('{"__proto__": -5}') }),
      'INVALID_INPUT',
      ['responseMinutesByTier', '__proto__'],
    );
  });
});

describe('one instant format in results', () => {
  it('writes period bounds, trend windows and caseRates instants with the zone offset, never Z', () => {
    const utc = '2025-06-01T02:00:00Z';
    for (const group of ratio721([{ at: utc, kind: 'service' }], { groupBy: 'week' })) {
      assert.equal(group.start, '2025-05-26T00:00:00.000+08:00');
      assert.equal(group.end, '2025-06-02T00:00:00.000+08:00');
    }
    const points = trend((window) => window, {
      period: 'day',
      from: utc,
      to: '2025-06-02T16:00:00Z',
    });
    assert.deepEqual(
      points.map((point) => [point.from, point.to]),
      [
        ['2025-06-01T10:00:00.000+08:00', '2025-06-02T00:00:00.000+08:00'],
        ['2025-06-02T00:00:00.000+08:00', '2025-06-03T00:00:00.000+08:00'],
      ],
    );
    const rates = caseRates(juneBook, {
      now,
      from: '2025-05-31T16:00:00Z',
      to: '2025-06-30T16:00:00Z',
    });
    assert.equal(rates.from, '2025-06-01T00:00:00.000+08:00');
    assert.equal(rates.to, '2025-07-01T00:00:00.000+08:00');
    assert.match(rates.at, /\+08:00$/);
    assert.match(caseRates(juneBook, { now, timeZone: 'Europe/Berlin' }).at, /\+02:00$/);
  });
});

describe('errors in two languages', () => {
  it('say what a bad weight, kind or confidence should be, in zh-CN and en', () => {
    const weight = expectLanewiseError(
      () => ratio721([{ at, kind: 'service', weight: 1e308 }]),
      'INVALID_INPUT',
    );
    assert.match(formatError(weight, 'en'), /0\.weight.*at most 1,000,000,000,000/);
    assert.match(formatError(weight, 'zh-CN'), /0\.weight/);
    assert.doesNotMatch(formatError(weight, 'zh-CN'), /must be/);
    const kind = expectLanewiseError(
      () => ratio721([{ at, kind: anything<RatioKind>('serve') }]),
      'INVALID_INPUT',
    );
    assert.match(formatError(kind, 'en'), /"service", "manage", "enforce"/);
    const log = expectLanewiseError(
      () => createRatioTracker({ now, events: anything([{ seq: 2 }]) }),
      'INVALID_LOG',
    );
    assert.match(formatError(log, 'en'), /event 0/);
  });
});
