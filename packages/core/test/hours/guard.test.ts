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
  // The instant fast path's edges: odd offsets, leap seconds, year 0000, 24:00, lowercase.
  '2025-03-01T09:00:00+23:59',
  '2025-03-01T09:00:00-00:00',
  '2016-12-31T23:59:60Z',
  '0000-01-01T00:00:00Z',
  '2025-03-01T24:00:00Z',
  '2025-03-01t09:00:00Z',
  '2025-03-01T09:00:00z',
  '1970-01-01T00:00:00+00:01',
  '2999-12-31T23:59:59.999-00:01',
  '2024-02-29T12:00:00Z',
  '2025-02-29T12:00:00Z',
  '1970-01-01',
  '0000-01-01',
  // Ids beyond the BMP, and a lone surrogate.
  '\u{20BB7}\u{1F600}',
  'v-\uD83D',
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

describe('isHoursSnapshot fast paths', () => {
  const base = ledgerSnapshot() as { entries: Record<string, unknown>[] };
  const instantFields = ['start', 'end', 'recordedAt', 'approvedAt', 'closedAt'];
  const idFields = ['id', 'volunteerId', 'activityId', 'recordedBy', 'approvedBy', 'closedBy'];
  const edgeInstants = [
    '2025-03-01T09:00:00+23:59',
    '2025-03-01T09:00:00-23:59',
    '2025-03-01T09:00:00-00:00',
    '2025-03-01T09:00:00.123456789+05:45',
    '2024-02-29T23:59:59.9Z',
    '1970-01-01T00:00:00Z',
    '1970-01-01T00:00:00-00:01',
    '2999-12-31T23:59:59.999Z',
    '3000-01-01T00:00:00+00:01',
    '2016-12-31T23:59:60Z',
    '0000-01-01T00:00:00Z',
    '2025-03-01T24:00:00Z',
    '2025-03-01t09:00:00Z',
    '2025-03-01T09:00:00z',
    '1970-01-01T00:00:00+00:01',
    '3000-01-01T00:00:00Z',
    '2025-02-29T09:00:00Z',
    '2025-04-31T09:00:00Z',
  ];
  const edgeIds = [
    '\u{20BB7}',
    '\u{1F600}'.repeat(100),
    '\u{1F600}'.repeat(101),
    'v-\uD83D',
    'a\u0085',
  ];

  /** A copy of the sample with `field` of entry `index` set to `value`. */
  const withField = (index: number, field: string, value: unknown) => {
    const doc = structuredClone(base);
    doc.entries[index]![field] = value;
    return doc;
  };

  it('accepts nothing the schema rejects at the edges of instants and ids', () => {
    for (let index = 0; index < base.entries.length; index++) {
      for (const field of instantFields) {
        for (const value of edgeInstants) {
          const doc = withField(index, field, value);
          // Instants are read by the schema's own parser: the guard agrees both ways.
          assert.equal(isHoursSnapshot(doc), schemaAccepts(doc), `${index} ${field} ${value}`);
        }
      }
      for (const field of idFields) {
        for (const value of edgeIds) {
          const doc = withField(index, field, value);
          // The guard counts UTF-16 units, the schema code points: it may say no more often.
          if (isHoursSnapshot(doc)) assert.equal(schemaAccepts(doc), true, `${field} ${value}`);
          else assert.ok(value.length > 200 || !schemaAccepts(doc), `${field} ${value}`);
        }
      }
    }
  });

  it('takes entries of many key orders, and remembers none that has a foreign key', () => {
    const doc = structuredClone(base);
    // Twelve orders, more than the guard remembers, then a known order with a foreign key.
    doc.entries = Array.from({ length: 12 }, (_, n) => {
      const keys = Object.keys(base.entries[0]!);
      const rotated = [...keys.slice(n % keys.length), ...keys.slice(0, n % keys.length)];
      const entry = base.entries[0]!;
      return Object.fromEntries(rotated.map((key) => [key, entry[key]]));
    });
    assert.equal(schemaAccepts(doc), true);
    assert.equal(isHoursSnapshot(doc), true);
    const extra = structuredClone(doc);
    extra.entries.push({ ...doc.entries[0]!, x: 1 });
    assert.equal(isHoursSnapshot(extra), false);
    const swapped = structuredClone(doc);
    const { id, ...rest } = doc.entries[0]!;
    swapped.entries.push({ ...rest, x: id });
    assert.equal(isHoursSnapshot(swapped), false);
  });

  it('does not count a field that for…in does not see as one of the keys', () => {
    const doc = structuredClone(base);
    const entry = doc.entries[0]!;
    const note = 'a note the strict check does not see';
    delete entry['note'];
    Object.defineProperty(entry, 'note', { value: note, enumerable: false });
    entry['x'] = 1;
    assert.equal(schemaAccepts(doc), false);
    assert.equal(isHoursSnapshot(doc), false);
  });

  it('takes a field that is there with the value undefined only as the schema does', () => {
    const doc = withField(0, 'note', undefined);
    assert.equal(isHoursSnapshot(doc), schemaAccepts(doc));
  });
});
