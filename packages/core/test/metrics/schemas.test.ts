// Every result the metrics return is described by its published schema, so a widget that
// receives it as JSON can check it; and the schemas reject what is not such a result.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { safeParse } from 'zod/mini';
import {
  caseRates,
  caseRatesResultSchema,
  classifiedActionsSchema,
  classifyActions,
  compareRates,
  createRatioTracker,
  rateDifferenceSchema,
  rateEstimate,
  rateEstimateSchema,
  ratio721,
  ratio721GroupsSchema,
  ratio721ResultSchema,
  ratioTrackerEventSchema,
  ratioTrackerSnapshotSchema,
  satisfaction,
  satisfactionResultSchema,
  trend,
  trendWindowSchema,
  type RatioKind,
} from '../../src/metrics/index.js';
import { JUNE, JUNE_NOW, juneBook } from './fixtures.js';

const at = '2025-06-01T10:00:00+08:00';
/** Parses the JSON of `value` (what a widget receives) with `schema`. */
function assertFits(schema: Parameters<typeof safeParse>[0], value: unknown): void {
  const result = safeParse(schema, JSON.parse(JSON.stringify(value)));
  assert.ok(result.success, JSON.stringify(result.error?.issues));
}

describe('result schemas', () => {
  it('describe ratio721 results and groups, and a tracker snapshot and events', () => {
    const action = fc.record({
      at: fc.constantFrom(at, '2025-03-01T00:00:00Z', '2025-12-31T23:59:59.999+08:00'),
      kind: fc.constantFrom('service', 'manage', 'enforce') as fc.Arbitrary<RatioKind>,
      weight: fc.double({ min: 0, max: 1e12, noNaN: true }),
      unit: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 30 }),
        fc.constantFrom('unit', 'type', 'day', 'week', 'month') as fc.Arbitrary<'unit'>,
        (actions, groupBy) => {
          assertFits(ratio721ResultSchema, ratio721(actions));
          assertFits(ratio721GroupsSchema, ratio721(actions, { groupBy }));
          const tracker = createRatioTracker({ now: () => new Date(at) });
          for (const one of actions) tracker.add(one);
          assertFits(ratioTrackerSnapshotSchema, tracker.snapshot());
          for (const event of tracker.events()) assertFits(ratioTrackerEventSchema, event);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('describe satisfaction, rates, differences, classified actions, trends and caseRates', () => {
    const scores = [{ score: 4 }, { score: 3 }, { score: 5 }];
    assertFits(
      satisfactionResultSchema,
      satisfaction([{ rating: 'basic' }, { rating: 'satisfied' }]),
    );
    assertFits(satisfactionResultSchema, satisfaction(scores, { scale: 'five-point' }));
    assertFits(satisfactionResultSchema, satisfaction(scores, { scale: 'nps' }));
    assertFits(satisfactionResultSchema, satisfaction([], { scale: 'nps' }));
    assertFits(rateEstimateSchema, rateEstimate(0, 0));
    assertFits(rateDifferenceSchema, compareRates(rateEstimate(9, 10), rateEstimate(3, 10)));
    assertFits(rateDifferenceSchema, compareRates(rateEstimate(0, 0), rateEstimate(3, 10)));
    assertFits(
      classifiedActionsSchema,
      classifyActions(
        [
          { at, type: 'publicity' },
          { at, type: 'patrol', weight: 12 },
        ],
        {
          publicity: 'service',
        },
      ),
    );
    for (const window of trend((w) => w, { period: 'week', ...JUNE })) {
      assertFits(trendWindowSchema, { ...window, value: undefined });
    }
    assertFits(
      caseRatesResultSchema,
      caseRates(juneBook, { ...JUNE, now: () => new Date(JUNE_NOW) }),
    );
    assertFits(caseRatesResultSchema, caseRates([], { now: () => new Date(JUNE_NOW) }));
  });

  it('reject a result with NaN, Infinity, an unknown field or an instant without offset', () => {
    const result = JSON.parse(JSON.stringify(ratio721([{ at, kind: 'service' }]))) as Record<
      string,
      unknown
    >;
    assert.ok(!safeParse(ratio721ResultSchema, { ...result, total: Number.NaN }).success);
    assert.ok(
      !safeParse(ratio721ResultSchema, {
        ...result,
        shares: { service: Infinity, manage: 0, enforce: 0 },
      }).success,
    );
    assert.ok(!safeParse(ratio721ResultSchema, { ...result, extra: 1 }).success);
    const [group] = ratio721([{ at, kind: 'service' }], { groupBy: 'day' });
    assert.ok(
      !safeParse(ratio721GroupsSchema, [{ ...group, start: '2025-06-01T00:00:00' }]).success,
    );
  });
});
