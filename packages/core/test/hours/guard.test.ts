// isHoursSnapshot is a fast path in front of hoursSnapshotSchema: whatever it accepts, the
// schema must accept too (checked on snapshots of real ledgers and on every kind of damage to
// them), and it must accept what ledgers write, or it would not be a fast path.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { createHoursLedger, hoursSnapshotSchema, isHoursSnapshot } from '../../src/hours/index.js';

function sampleLedger() {
  const ledger = createHoursLedger({ now: () => new Date('2025-03-31T20:00:00+08:00') });
  const at = (day: number, hour: number) =>
    `2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  for (let day = 1; day <= 6; day++) {
    ledger.record({
      id: `e${day}`,
      volunteerId: `v${day % 2}`,
      activityId: '助老探访',
      start: at(day, 9),
      end: at(day, 11),
      recordedBy: 'org-zhao',
      ...(day % 2 ? { note: '陪同就医', tags: ['elderly'] } : {}),
    });
  }
  ledger.approve('e1', { by: 'org-sun' });
  ledger.reject('e2', { by: 'org-sun', reason: '重复' });
  ledger.approve('e3', { by: 'org-sun' });
  ledger.revoke('e3', { by: 'org-sun', reason: '不在场' });
  ledger.correct('e4', { id: 'e4b', start: at(4, 10), by: 'org-sun', reason: '开始时间记错' });
  return ledger;
}
const live = sampleLedger();
const ledgerSnapshot = () => JSON.parse(JSON.stringify(live.snapshot())) as unknown;

const schemaAccepts = (value: unknown) => z.safeParse(hoursSnapshotSchema, value).success;

/** Values that break one field or another: wrong types, edges, text with spaces, controls. */
const oddValue = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  ' x',
  'x ',
  '\u0007',
  'a'.repeat(201),
  'a'.repeat(2001),
  -1,
  0,
  1.5,
  2 ** 53,
  Number.NaN,
  Infinity,
  '2025-02-30',
  '2025-03-01',
  '2025-03-01T09:00:00',
  '2025-03-01T09:00:00+08:00',
  '1969-12-31T23:59:59Z',
  'pending',
  'lost',
  [],
  ['x'],
  Array.from({ length: 51 }, (_, i) => `t${i}`),
  {},
  'recorder',
);

type Damage =
  | { kind: 'set'; path: (string | number)[]; value: unknown }
  | { kind: 'delete'; path: (string | number)[] }
  | { kind: 'add'; path: (string | number)[]; key: string };

describe('isHoursSnapshot', () => {
  const base = ledgerSnapshot() as { entries: Record<string, unknown>[]; policy: object };
  const entryKeys = [...new Set(base.entries.flatMap((entry) => Object.keys(entry)))];
  const policyKeys = Object.keys(base.policy);

  it('accepts the snapshots ledgers write, as they hand them out and as JSON', () => {
    assert.equal(schemaAccepts(base), true);
    assert.equal(isHoursSnapshot(base), true);
    assert.equal(isHoursSnapshot(live.snapshot()), true);
  });

  it('accepts nothing the schema rejects, whatever is damaged', () => {
    const path = fc
      .oneof(
        fc.tuple(
          fc.constant('entries'),
          fc.nat(base.entries.length - 1),
          fc.constantFrom(...entryKeys, 'extra'),
        ),
        fc.tuple(fc.constant('policy'), fc.constantFrom(...policyKeys, 'extra')),
        fc.tuple(fc.constantFrom('version', 'timeZone', 'entries', 'policy', 'extra')),
      )
      .map((parts) => [...parts] as (string | number)[]);
    const damage: fc.Arbitrary<Damage> = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), path, value: oddValue }),
      fc.record({ kind: fc.constant('delete' as const), path }),
      fc.record({
        kind: fc.constant('add' as const),
        path,
        key: fc.constantFrom('x', 'toString', '__proto__'),
      }),
    );
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 3 }), (damages) => {
        const doc = structuredClone(base) as Record<string, unknown>;
        for (const change of damages) {
          const keys = change.path;
          let holder = doc as Record<string | number, unknown>;
          for (const key of keys.slice(0, -1)) {
            const next = holder[key];
            if (typeof next !== 'object' || next === null) return;
            holder = next as Record<string | number, unknown>;
          }
          const last = keys[keys.length - 1]!;
          if (change.kind === 'set') holder[last] = change.value;
          else if (change.kind === 'delete') delete holder[last];
          else if (typeof holder[last] === 'object' && holder[last] !== null)
            Object.defineProperty(holder[last], change.key, { value: 1, enumerable: true });
        }
        if (isHoursSnapshot(doc)) assert.equal(schemaAccepts(doc), true, JSON.stringify(damages));
      }),
      { numRuns: 3000 },
    );
  });
});
