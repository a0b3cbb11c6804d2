import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyActions, ratio721, type RatioKind } from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors/index.js';

const at = '2025-06-01T10:00:00+08:00';
const invalidAt = (path: (string | number)[]) => (error: unknown) =>
  isLanewiseError(error, 'INVALID_INPUT') && JSON.stringify(error.path) === JSON.stringify(path);

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
