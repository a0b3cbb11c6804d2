import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { instantMs, isInstant } from '../../src/time/parse.js';
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

/**
 * What an instant is, said apart from the parser: the grammar, a real calendar day, and the
 * range. Date.parse reads the fraction to the millisecond, so it is cut to three digits.
 */
const GRAMMAR =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-](\d{2}):(\d{2}))$/;
function referenceMs(text: string): number {
  const match = GRAMMAR.exec(text);
  if (!match) return NaN;
  const [, year, month, day, hour, minute, second, fraction, offset, offsetHours, offsetMins] =
    match.map(String);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return NaN;
  if (offset !== 'Z' && (Number(offsetHours) > 23 || Number(offsetMins) > 59)) return NaN;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return NaN;
  const millis = match[7] === undefined ? '' : `.${(fraction + '00').slice(0, 3)}`;
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${millis}${offset}`);
  return ms >= MIN_INSTANT_MS && ms < MAX_INSTANT_MS ? ms : NaN;
}

/** Instants at the edges of the fast paths: years, days of the month, odd offsets. */
const edgeInstant = fc
  .tuple(
    fc.constantFrom(0, 99, 1968, 1969, 1970, 1971, 2000, 2024, 2025, 2100, 2998, 2999, 3000, 9999),
    fc.integer({ min: 0, max: 13 }),
    fc.constantFrom(0, 1, 27, 28, 29, 30, 31, 32),
    fc.constantFrom('00:00:00', '23:59:59', '12:30:00', '24:00:00', '23:60:00', '23:59:60'),
    fc.constantFrom('', '.5', '.999', '.123456789'),
    fc.constantFrom('Z', '+00:00', '-00:00', '+23:59', '-23:59', '+14:00', '+05:45', '-09:30'),
  )
  .map(
    ([year, month, day, time, fraction, offset]) =>
      `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-` +
      `${String(day).padStart(2, '0')}T${time}${fraction}${offset}`,
  );

describe('instantMs and isInstant against an independent reading', () => {
  it('instantMs reads what the grammar, the calendar and the range allow, and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(nearInstant, edgeInstant), (text) => {
        assert.ok(Object.is(instantMs(text), referenceMs(text)), text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('isInstant is true exactly when instantMs gives a number', () => {
    const anyOffset = fc
      .tuple(
        fc.integer({
          min: Date.parse('1960-01-01T00:00:00Z'),
          max: Date.parse('3010-01-01T00:00:00Z'),
        }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
      )
      .map(([ms, offset]) => {
        const local = new Date(ms + offset * 60_000).toISOString().slice(0, -1);
        const size = Math.abs(offset);
        const hours = String(Math.floor(size / 60)).padStart(2, '0');
        return `${local}${offset < 0 ? '-' : '+'}${hours}:${String(size % 60).padStart(2, '0')}`;
      });
    fc.assert(
      fc.property(fc.oneof(nearInstant, edgeInstant, anyOffset, fc.string()), (text) => {
        assert.equal(isInstant(text), !Number.isNaN(instantMs(text)), text);
      }),
      { numRuns: 30_000 },
    );
  });

  it('rejects the near misses: leap seconds, 24:00, lowercase t and z, year 0000, no offset', () => {
    for (const bad of [
      '2016-12-31T23:59:60Z',
      '2025-03-01T24:00:00Z',
      '2025-03-01t09:00:00Z',
      '2025-03-01T09:00:00z',
      '0000-01-01T00:00:00Z',
      '2025-03-01T09:00:00',
      '2025-03-01T09:00:00+24:00',
      '2025-03-01T09:00:00+08:60',
      '2025-03-01T09:00:00.Z',
      '2025-02-29T09:00:00Z',
      '1970-01-01T00:00:00+00:01',
      '2999-12-31T23:59:59-00:01',
      '2025-03-01T09:00:00Z\n',
      '２０２５-03-01T09:00:00Z',
      null,
      1_740_000_000_000,
    ]) {
      assert.equal(isInstant(bad), false, String(bad));
      assert.ok(Number.isNaN(instantMs(bad)), String(bad));
    }
    for (const good of [
      '1970-01-01T00:00:00Z',
      '1970-01-01T00:00:00-00:01',
      '2024-02-29T23:59:59.999+23:59',
      '2025-03-31T09:00:00-23:59',
      '2999-12-31T23:59:59.999Z',
      '3000-01-01T00:00:00+00:01',
      '2025-03-01T09:00:00-00:00',
    ]) {
      assert.equal(isInstant(good), true, good);
      assert.equal(instantMs(good), referenceMs(good), good);
    }
  });
});
