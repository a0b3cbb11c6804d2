import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ratio721,
  ratioActionSchema,
  type RatioAction,
  type RatioKind,
} from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors/index.js';

const at = '2025-06-01T10:00:00+08:00';
/** Actions with the given counts of each kind, one record per action. */
function actionsOf(service: number, manage: number, enforce: number, unit?: string): RatioAction[] {
  const make = (kind: RatioKind, count: number) =>
    Array.from({ length: count }, () => ({ at, kind, ...(unit === undefined ? {} : { unit }) }));
  return [...make('service', service), ...make('manage', manage), ...make('enforce', enforce)];
}
const invalidAt = (path: (string | number)[]) => (error: unknown) =>
  isLanewiseError(error, 'INVALID_INPUT') && JSON.stringify(error.path) === JSON.stringify(path);

describe('ratio721', () => {
  it("judges Liuzhou's 2025 figures far off target and says how much service is missing", () => {
    const result = ratio721([
      { at, kind: 'service', weight: 251, type: 'calls-visits-complaints' },
      { at, kind: 'service', weight: 146, type: 'publicity' },
      { at, kind: 'service', weight: 184, type: 'community-help' },
      { at, kind: 'manage', weight: 65, type: 'joint-meeting' },
      { at, kind: 'enforce', weight: 3362, type: 'violation' },
    ]);
    assert.equal(result.total, 4008);
    assert.deepEqual(result.counts, { service: 581, manage: 65, enforce: 3362 });
    assert.equal(result.shares.service.toFixed(3), '0.145');
    assert.equal(result.deviation.service.toFixed(2), '-55.50');
    assert.equal(result.deviation.enforce.toFixed(2), '73.88');
    assert.equal(result.status, 'off-target');
    // (581 + x) / (4008 + x) >= 0.7  <=>  x >= 7415.33
    assert.equal(result.serviceNeeded, 7416);
  });

  it('gives shares and deviations in percentage points', () => {
    const result = ratio721(actionsOf(7, 2, 1));
    assert.deepEqual(result.shares, { service: 0.7, manage: 0.2, enforce: 0.1 });
    for (const kind of ['service', 'manage', 'enforce'] as const)
      assert.ok(Math.abs(result.deviation[kind]) < 1e-9);
    assert.equal(result.status, 'on-target');
    assert.equal(result.serviceNeeded, 0);
    assert.deepEqual(result.target, { service: 0.7, manage: 0.2, enforce: 0.1 });
    assert.equal(result.tolerance, 0.05);
  });

  it('is on target exactly at the tolerance, drifting exactly at twice it, off target beyond', () => {
    assert.equal(ratio721(actionsOf(75, 15, 10)).status, 'on-target'); // +5 / -5 points
    assert.equal(ratio721(actionsOf(76, 14, 10)).status, 'drifting');
    assert.equal(ratio721(actionsOf(80, 10, 10)).status, 'drifting'); // +10 / -10: twice, not more
    assert.equal(ratio721(actionsOf(81, 9, 10)).status, 'off-target');
    assert.equal(ratio721(actionsOf(65, 25, 10)).status, 'on-target');
    assert.equal(ratio721(actionsOf(60, 20, 20)).status, 'drifting');
    assert.equal(ratio721(actionsOf(59, 20, 21)).status, 'off-target');
    assert.equal(ratio721(actionsOf(7, 2, 1), { tolerance: 0 }).status, 'on-target');
    assert.equal(ratio721(actionsOf(71, 19, 10), { tolerance: 0 }).status, 'off-target');
  });

  it('uses a custom target and tolerance', () => {
    const target = { service: 0.5, manage: 0.3, enforce: 0.2 };
    const result = ratio721(actionsOf(5, 3, 2), { target, tolerance: 0.01 });
    assert.equal(result.status, 'on-target');
    assert.equal(ratio721(actionsOf(7, 2, 1), { target, tolerance: 0.1 }).status, 'drifting');
  });

  it('finds the least further service actions by brute force on small inputs', () => {
    fc.assert(
      fc.property(
        fc.nat(60),
        fc.nat(60),
        fc.nat(60),
        fc.integer({ min: 0, max: 99 }),
        fc.nat(100),
        (service, manage, enforce, servicePercent, split) => {
          const managePercent = Math.min(100 - servicePercent, split);
          const target = {
            service: servicePercent / 100,
            manage: managePercent / 100,
            enforce: (100 - servicePercent - managePercent) / 100,
          };
          const total = service + manage + enforce;
          // Integer arithmetic: 100 (s + x) >= p (T + x), and at least one action when there is none.
          let expected = total === 0 && servicePercent > 0 ? 1 : 0;
          while (total > 0 && 100 * (service + expected) < servicePercent * (total + expected))
            expected += 1;
          const result = ratio721(actionsOf(service, manage, enforce), { target });
          assert.equal(result.serviceNeeded, expected);
        },
      ),
    );
  });

  it('adds weights (hours work as well as counts)', () => {
    const result = ratio721([
      { at, kind: 'service', weight: 3.5 },
      { at, kind: 'service', weight: 3.5 },
      { at, kind: 'manage', weight: 2 },
      { at, kind: 'enforce', weight: 1 },
      { at, kind: 'enforce', weight: 0 },
    ]);
    assert.deepEqual(result.counts, { service: 7, manage: 2, enforce: 1 });
    assert.equal(result.total, 10);
    assert.equal(result.status, 'on-target');
  });

  it('with no actions has zero shares, is off target, and needs one service action', () => {
    const result = ratio721([]);
    assert.equal(result.total, 0);
    assert.deepEqual(result.shares, { service: 0, manage: 0, enforce: 0 });
    assert.equal(result.status, 'off-target');
    assert.equal(result.serviceNeeded, 1);
  });

  it('counts only the actions in [from, to), comparing instants across offsets', () => {
    const actions: RatioAction[] = [
      { at: '2025-05-31T23:59:59+08:00', kind: 'enforce' }, // before from
      { at: '2025-05-31T16:00:00Z', kind: 'service' }, // = 2025-06-01T00:00+08:00, the first instant in
      { at: '2025-06-30T23:59:59.999+08:00', kind: 'manage' },
      { at: '2025-06-30T16:00:00.000Z', kind: 'enforce' }, // = to: out
    ];
    const result = ratio721(actions, {
      from: '2025-06-01T00:00:00+08:00',
      to: '2025-07-01T00:00:00+08:00',
    });
    assert.deepEqual(result.counts, { service: 1, manage: 1, enforce: 0 });
  });

  it('groups by unit and by type, names first and actions without one last', () => {
    const actions: RatioAction[] = [
      ...actionsOf(3, 1, 0, 'station-b'),
      ...actionsOf(1, 0, 4, 'station-a'),
      { at, kind: 'service' },
      { at, kind: 'service', type: 'publicity' },
      { at, kind: 'enforce', type: 'penalty' },
    ];
    const byUnit = ratio721(actions, { groupBy: 'unit' });
    assert.deepEqual(
      byUnit.map((group) => [group.key, group.total]),
      [
        ['station-a', 5],
        ['station-b', 4],
        [null, 3],
      ],
    );
    assert.deepEqual(byUnit[0]?.counts, { service: 1, manage: 0, enforce: 4 });
    assert.equal(byUnit[1]?.status, 'drifting'); // 75% / 25% / 0%: 5, 5 and 10 points off
    const byType = ratio721(actions, { groupBy: 'type' });
    assert.deepEqual(
      byType.map((group) => [group.key, group.total]),
      [
        ['penalty', 1],
        ['publicity', 1],
        [null, 10],
      ],
    );
  });

  it('rejects bad actions with the index and field, and bad options with their field', () => {
    const good = actionsOf(1, 1, 1);
    assert.throws(
      () => ratio721([...good, { at, kind: 'serve' as RatioKind }]),
      invalidAt([3, 'kind']),
    );
    assert.throws(() => ratio721([{ at, kind: 'service', weight: -1 }]), invalidAt([0, 'weight']));
    assert.throws(
      () => ratio721([{ at, kind: 'service', weight: Number.NaN }]),
      invalidAt([0, 'weight']),
    );
    assert.throws(
      () => ratio721([{ at, kind: 'service', weight: '2' as unknown as number }]),
      invalidAt([0, 'weight']),
    );
    assert.throws(() => ratio721([null as unknown as RatioAction]), invalidAt([0]));
    assert.throws(() => ratio721([{ kind: 'service' } as RatioAction]), invalidAt([0, 'at']));
    assert.throws(
      () => ratio721([{ at: '2025-06-01 10:00', kind: 'service' }], { groupBy: 'day' }),
      invalidAt([0, 'at']),
    );
    assert.throws(() => ratio721(good, { tolerance: -0.1 }), invalidAt(['tolerance']));
    assert.throws(
      () => ratio721(good, { target: { service: 0.7, manage: 0.2, enforce: 0.2 } }),
      invalidAt(['target']),
    );
    assert.throws(
      () => ratio721(good, { from: '2025-07-01T00:00:00Z', to: '2025-06-01T00:00:00Z' }),
      invalidAt(['to']),
    );
    assert.throws(() => ratio721(good, { timeZone: 'Mars/Olympus' }), invalidAt(['timeZone']));
    assert.throws(() => ratio721(good, { groupBy: 'year' as 'day' }), invalidAt(['groupBy']));
  });

  it('accepts exactly the actions the schema accepts, on the fields it reads', () => {
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('service', 'manage', 'enforce', 'Service', ''),
      fc.double(),
      fc.integer({ min: -2, max: 5 }),
      fc.constant(null),
      fc.constantFrom('unit-1', '2'),
    );
    fc.assert(
      fc.property(fc.record({ kind: value, weight: value, unit: value, type: value }), (fields) => {
        const action = Object.fromEntries(
          Object.entries({ at, ...fields }).filter(([, v]) => v !== undefined),
        );
        const schemaAccepts = ratioActionSchema.safeParse(action).success;
        let counted = true;
        try {
          ratio721([action as unknown as RatioAction]);
        } catch (error) {
          assert.ok(isLanewiseError(error, 'INVALID_INPUT'));
          counted = false;
        }
        assert.equal(counted, schemaAccepts);
      }),
      { numRuns: 2000 },
    );
  });
});

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

describe('periods where the clocks skip midnight', () => {
  it('starts the next day at its own midnight (Santiago, 3 September 2023 began at 01:00)', () => {
    const days = ratio721(
      [service('2023-09-03T12:00:00-03:00'), service('2023-09-04T00:30:00-03:00')],
      { groupBy: 'day', timeZone: 'America/Santiago' },
    );
    assert.deepEqual(keys(days), [
      ['2023-09-03', 1],
      ['2023-09-04', 1],
    ]);
    assert.equal(days[0]?.start, '2023-09-03T01:00:00.000-03:00');
    assert.equal(days[0]?.end, '2023-09-04T00:00:00.000-03:00');
  });
});
