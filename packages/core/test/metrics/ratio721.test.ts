import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  classifyActions,
  ratio721,
  ratioActionSchema,
  type RatioAction,
  type RatioKind,
} from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors.js';

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

describe('classifyActions', () => {
  const mapping = {
    publicity: 'service',
    consultation: 'service',
    'joint-meeting': 'manage',
    penalty: 'enforce',
  } as const;

  it('maps record types to kinds and reports the types it could not map', () => {
    const records = [
      { at, type: 'publicity', unit: 'station-1', id: 'r1' },
      { at, type: 'penalty', weight: 2 },
      { at, type: 'patrol' },
      { at, type: 'consultation' },
      { at, type: 'toString' },
      { at, type: 'patrol' },
      { at, type: 'joint-meeting', note: 'extra fields are fine' },
    ];
    const { actions, unmapped } = classifyActions(records, mapping);
    assert.deepEqual(actions, [
      { id: 'r1', at, kind: 'service', type: 'publicity', unit: 'station-1' },
      { at, kind: 'enforce', type: 'penalty', weight: 2 },
      { at, kind: 'service', type: 'consultation' },
      { at, kind: 'manage', type: 'joint-meeting' },
    ]);
    assert.deepEqual(unmapped, [
      { type: 'patrol', count: 2, weight: 2 },
      { type: 'toString', count: 1, weight: 1 },
    ]);
    assert.deepEqual(ratio721(actions).counts, { service: 2, manage: 1, enforce: 2 });
  });

  it('rejects a mapping to an unknown kind and records without a type or instant', () => {
    assert.throws(
      () => classifyActions([], { patrol: 'watch' as RatioKind }),
      invalidAt(['mapping', 'patrol']),
    );
    assert.throws(
      () => classifyActions([{ at } as { at: string; type: string }], mapping),
      invalidAt([0, 'type']),
    );
    assert.throws(
      () => classifyActions([{ at: 'yesterday', type: 'penalty' }], mapping),
      invalidAt([0, 'at']),
    );
  });
});
