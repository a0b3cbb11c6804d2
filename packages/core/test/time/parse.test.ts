import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { instantMs } from '../../src/time/parse.js';
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from '../../src/time/constants.js';
import { instantSchema } from '../../src/schemas/index.js';

const padded = (min: number, max: number, width: number) =>
  fc.integer({ min, max }).map((value) => String(value).padStart(width, '0'));

/** Strings close to ISO instants: every part sometimes out of range or malformed. */
const nearInstant = fc
  .tuple(
    fc.oneof(padded(0, 9999, 4), fc.constantFrom('', '99', '20x5', '+02025')),
    fc.constantFrom('-', '-', '/'),
    padded(0, 13, 2),
    fc.constantFrom('-'),
    padded(0, 32, 2),
    fc.constantFrom('T', 'T', ' ', 't'),
    padded(0, 25, 2),
    fc.constantFrom(':'),
    padded(0, 61, 2),
    fc.constantFrom(':', ':', ''),
    fc.oneof(padded(0, 61, 2), fc.constant('')),
    fc.constantFrom('', '', '.', '.1', '.12', '.123', '.1239', '.123456789', '.x'),
    fc.constantFrom(
      'Z',
      '+08:00',
      '-05:30',
      '+00:00',
      '+0800',
      '+08',
      '+24:00',
      '-23:59',
      '',
      '+08:60',
      'ZZ',
      'z',
    ),
  )
  .map((parts) => parts.join(''));

describe('instantMs (the hot paths’ instant parser)', () => {
  it('accepts exactly what instantSchema accepts and reads what Date.parse reads', () => {
    fc.assert(
      fc.property(nearInstant, (text) => {
        const expected = instantSchema.safeParse(text).success ? Date.parse(text) : NaN;
        assert.ok(
          Object.is(instantMs(text), expected),
          `${text}: ${instantMs(text)} vs ${expected}`,
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads every millisecond of the supported range like Date, and nothing outside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS - 1 }), (ms) => {
        assert.equal(instantMs(new Date(ms).toISOString()), ms);
      }),
    );
    const outside = fc.oneof(
      fc.integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: MIN_INSTANT_MS - 1 }),
      fc.integer({ min: MAX_INSTANT_MS, max: Date.parse('9999-12-31T23:59:59Z') }),
    );
    fc.assert(
      fc.property(outside, (ms) => {
        assert.ok(Number.isNaN(instantMs(new Date(ms).toISOString())));
      }),
    );
    assert.ok(Number.isNaN(instantMs('0099-03-01T00:00:00+08:00')), 'a two-digit-century year');
  });

  it('takes the offset into account and rejects what is not an instant', () => {
    assert.equal(instantMs('2025-03-01T00:00:00+08:00'), Date.parse('2025-02-28T16:00:00Z'));
    assert.equal(instantMs('2024-02-29T12:00:00-05:30'), Date.parse('2024-02-29T17:30:00Z'));
    for (const bad of [
      '2025-02-29T00:00:00Z',
      '2025-03-01T00:00:00',
      '2025-03-01',
      20250301,
      null,
    ]) {
      assert.ok(Number.isNaN(instantMs(bad)), String(bad));
    }
  });
});
