import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tzOffset } from '@date-fns/tz';
import { zoneOffsets } from '../../src/time/zone.js';

const ZONES = [
  'Asia/Shanghai',
  'Europe/London',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
];

describe('zoneOffsets', () => {
  it('gives the exact offset at every instant, near transitions too, from its day and hour caches', () => {
    for (const zone of ZONES) {
      const offsets = zoneOffsets(zone);
      // Instants of one year, many in the same days, so cached days are asked again.
      const instant = fc.oneof(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: Date.UTC(2025, 2, 1), max: Date.UTC(2025, 3, 15) }),
        fc.integer({ min: Date.UTC(2025, 8, 1), max: Date.UTC(2025, 10, 15) }),
      );
      fc.assert(
        fc.property(instant, (ms) => {
          assert.equal(
            offsets.at(ms),
            tzOffset(zone, new Date(ms)),
            `${zone} ${new Date(ms).toISOString()}`,
          );
        }),
        { numRuns: 2000 },
      );
    }
  });
});
