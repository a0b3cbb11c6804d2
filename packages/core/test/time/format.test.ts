// The hand-written instant parser and formatter the router uses agree with Date.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { instantFormatter } from '../../src/time/format.js';
import { instantMs } from '../../src/time/parse.js';

const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2999, 0, 1) });
const offset = fc.integer({ min: -14 * 4, max: 14 * 4 }).map((quarters) => quarters * 15);

describe('instant parsing and formatting', () => {
  it('formats like toISOString, shifted to the offset, and parses back', () => {
    const format = instantFormatter();
    fc.assert(
      fc.property(instant, offset, (ms, minutes) => {
        const text = format(ms, minutes);
        const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 23);
        assert.equal(text.slice(0, 23), local);
        assert.equal(instantMs(text), ms);
        assert.equal(Date.parse(text), ms);
      }),
    );
    assert.equal(
      format(Date.UTC(2025, 1, 5, 15, 59, 59, 999), 480),
      '2025-02-05T23:59:59.999+08:00',
    );
    assert.equal(format(Date.UTC(2025, 0, 1), -330), '2024-12-31T18:30:00.000-05:30');
    assert.equal(format(0, 0), '1970-01-01T00:00:00.000Z');
  });

  it('agrees with Date.parse on the forms it accepts', () => {
    for (const text of [
      '2025-01-24T10:00:05Z',
      '2025-01-24T10:00:05.1Z',
      '2024-02-29T23:59:59.123456-03:30',
      '2025-01-24T10:00:05.98765+14:00',
    ]) {
      assert.equal(instantMs(text), Date.parse(text), text);
    }
  });

  it('refuses what is not an instant with an offset', () => {
    for (const text of [
      '2025-01-24',
      '2025-01-24T10:00:00',
      '2025-01-24T10:00+08:00',
      '2025-01-24t10:00:05z',
      '2025-01-24 10:00:00Z',
      '2025-02-29T10:00Z',
      '2025-13-01T10:00Z',
      '2025-01-24T24:00Z',
      '2025-01-24T10:60Z',
      '2025-01-24T10:00:00.Z',
      '2025-01-24T10:00:00+0800',
      'soon',
    ]) {
      assert.ok(Number.isNaN(instantMs(text)), text);
    }
  });
});
