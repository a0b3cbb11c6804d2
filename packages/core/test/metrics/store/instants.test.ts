import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isInstant } from '../../../src/metrics/store/instants.js';
import { instantMs } from '../../../src/time/parse.js';

const valid = fc
  .integer({ min: -86_400_000 * 2, max: 32_503_680_000_000 + 86_400_000 * 2 })
  .chain((ms) =>
    fc
      .record({
        offset: fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fraction: fc.constantFrom('', '.5', '.25', '.125', '.1234567'),
        zulu: fc.boolean(),
      })
      .map(({ offset, fraction, zulu }) => {
        const local = new Date(ms + (zulu ? 0 : offset) * 60_000).toISOString().slice(0, 19);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        return `${local}${fraction}${zulu ? 'Z' : zone}`;
      }),
  );

/** One character of a valid instant changed, dropped or added. */
const damaged = fc
  .tuple(valid, fc.nat(), fc.constantFrom('0', '9', '3', ':', '-', 'T', 'Z', '+', '.', ' ', ''))
  .map(([text, at, char]) => {
    const index = at % (text.length + 1);
    return text.slice(0, index) + char + text.slice(index + 1);
  });

describe('isInstant (the bulk loops’ check)', () => {
  it('says yes exactly when instantMs gives a number', () => {
    fc.assert(
      fc.property(fc.oneof(valid, damaged, fc.string()), (text) => {
        assert.equal(isInstant(text), !Number.isNaN(instantMs(text)), text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('rejects what is not an instant with an offset in the supported range', () => {
    for (const text of [
      '2025-06-01T10:00:00',
      '2025-06-01 10:00:00Z',
      '2025-02-29T10:00:00Z',
      '2025-06-01T24:00:00Z',
      '2025-06-01T10:00:00+24:00',
      '1969-12-31T23:59:59Z',
      '1970-01-01T07:59:59+08:00',
      '3000-01-01T00:00:00Z',
      '2999-12-31T23:00:00-05:00',
    ]) {
      assert.equal(isInstant(text), false, text);
    }
    for (const value of [null, undefined, 1, {}, ['2025-06-01T10:00:00Z']]) {
      assert.equal(isInstant(value), false);
    }
    assert.equal(isInstant('2024-02-29T10:00:00.5+05:30'), true);
    assert.equal(isInstant('1970-01-01T08:00:00+08:00'), true);
  });
});
