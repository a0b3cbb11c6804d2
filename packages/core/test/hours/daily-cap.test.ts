// The daily cap counts what was credited on the entry's local day. The ledger sums it from
// the live entries near the entry; here a plain sum over every approved entry of the same
// `day` is the reference, in time zones with summer time, half-hour shifts, a midnight
// change and a whole repeated day, and over replays.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LanewiseError } from '../../src/errors/index.js';
import { createHoursLedger, type HoursLedger } from '../../src/hours/index.js';

const HOUR = 3_600_000;

/** Zones and instants around their odd days. */
const places = [
  { timeZone: 'Asia/Shanghai', at: '2025-03-01T00:00:00Z' },
  { timeZone: 'Europe/London', at: '2025-03-29T12:00:00Z' },
  { timeZone: 'America/Sao_Paulo', at: '2018-02-16T12:00:00Z' }, // back from 00:00 to 23:00
  { timeZone: 'America/Sao_Paulo', at: '2018-11-03T12:00:00Z' }, // 00:00 skipped
  { timeZone: 'Australia/Lord_Howe', at: '2025-04-04T12:00:00Z' }, // half an hour back
  { timeZone: 'Pacific/Apia', at: '2011-12-28T12:00:00Z' }, // 30 December skipped
  { timeZone: 'America/Sitka', at: '1867-10-17T12:00:00Z' }, // 18 October lived twice
] as const;

const move = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      volunteer: fc.constantFrom('v0', 'v1'),
      start: fc.integer({ min: 0, max: 4 * 24 * 4 }), // quarter hours over four days
      quarters: fc.integer({ min: 1, max: 40 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('approve' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), pick: fc.nat() }) },
);

/** The minutes credited on the entry's day so far, by a scan of every approved entry. */
function usedOnDay(ledger: HoursLedger, id: string): number {
  const entry = ledger.get(id)!;
  return ledger
    .list({ volunteerId: entry.volunteerId, status: 'approved' })
    .filter((other) => other.day === entry.day)
    .reduce((sum, other) => sum + other.creditedMinutes!, 0);
}

describe('hours: the daily cap across time zones', () => {
  for (const { timeZone, at } of places) {
    it(`credits what is left of the local day (${timeZone}, ${at.slice(0, 10)})`, () => {
      const base = Date.parse(at) - 24 * HOUR;
      fc.assert(
        fc.property(fc.array(move, { maxLength: 60 }), (moves) => {
          const now = () => new Date(base + 100 * 24 * HOUR);
          const policy = { maxMinutesPerDay: 300, unitMinutes: 15 };
          const ledger = createHoursLedger({ now, timeZone, policy });
          const ids: string[] = [];
          for (const [step, action] of moves.entries()) {
            try {
              if (action.kind === 'record') {
                const start = base + action.start * 15 * 60_000;
                const id = `e${step}`;
                ledger.record({
                  id,
                  volunteerId: action.volunteer,
                  activityId: 'a',
                  start: new Date(start).toISOString(),
                  end: new Date(start + action.quarters * 15 * 60_000).toISOString(),
                  recordedBy: 'o',
                });
                ids.push(id);
              } else if (ids.length > 0) {
                const id = ids[action.pick % ids.length]!;
                if (action.kind === 'revoke') ledger.revoke(id, { by: 'o', reason: 'r' });
                else {
                  const entry = ledger.get(id)!;
                  const left = Math.max(0, 300 - usedOnDay(ledger, id));
                  const expected = Math.min(
                    entry.durationMinutes - (entry.durationMinutes % 15),
                    left,
                  );
                  assert.equal(ledger.approve(id, { by: 'o' }).creditedMinutes, expected);
                }
              }
            } catch (error) {
              if (!(error instanceof LanewiseError)) throw error;
            }
          }
          const copy = createHoursLedger({ now, timeZone, policy, events: ledger.events() });
          assert.deepEqual(copy.snapshot(), ledger.snapshot());
        }),
        { numRuns: 60 },
      );
    });
  }
});
