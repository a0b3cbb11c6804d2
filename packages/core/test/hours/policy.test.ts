// The caps, units and star levels of DOMAIN.md, worked through.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolveHoursPolicy } from '../../src/hours/index.js';
import { entry, ledgerAt } from './fixtures.js';

describe('hours: credited minutes under local rules', () => {
  it('Hailin: at most 2 h counted per activity', () => {
    const { ledger } = ledgerAt({ maxMinutesPerActivity: 120 });
    ledger.record(entry('long', '08:00', '11:30'));
    ledger.record(entry('short', '13:00', '14:30'));
    assert.equal(ledger.approve('long', { by: 'org' }).creditedMinutes, 120);
    assert.equal(ledger.approve('short', { by: 'org' }).creditedMinutes, 90);
  });

  it('a university: half-hour units and an 8 h daily cap, in approval order', () => {
    const { ledger } = ledgerAt({ unitMinutes: 30, maxMinutesPerDay: 480 });
    ledger.record(entry('morning', '06:00', '10:50')); // 290 min -> 270
    ledger.record(entry('afternoon', '11:00', '15:20')); // 260 min -> 240
    ledger.record(entry('evening', '16:00', '17:00')); // 60 min
    ledger.record(
      entry('next-day', '08:00', '09:00', {
        start: '2025-03-02T08:00:00+08:00',
        end: '2025-03-02T09:00:00+08:00',
      }),
    );
    // Approved afternoon first: it gets its full 240; the morning then gets what is left.
    assert.equal(ledger.approve('afternoon', { by: 'org' }).creditedMinutes, 240);
    assert.equal(ledger.approve('morning', { by: 'org' }).creditedMinutes, 240);
    assert.equal(ledger.approve('evening', { by: 'org' }).creditedMinutes, 0);
    assert.equal(ledger.approve('next-day', { by: 'org' }).creditedMinutes, 60);
    assert.equal(ledger.creditedMinutes({ volunteerId: 'v-li' }), 540);
    assert.deepEqual(
      ledger
        .summary({ groupBy: 'volunteer', period: 'day' })
        .map((row) => [row.period, row.minutes, row.entries]),
      [
        ['2025-03-01', 480, 3],
        ['2025-03-02', 60, 1],
      ],
    );
  });

  it('a revoked entry gives its room in the day back to later approvals', () => {
    const { ledger } = ledgerAt({ maxMinutesPerDay: 120 });
    ledger.record(entry('a', '08:00', '10:00'));
    ledger.record(entry('b', '10:00', '12:00'));
    ledger.approve('a', { by: 'org' });
    ledger.revoke('a', { by: 'org', reason: 'wrong volunteer' });
    assert.equal(ledger.approve('b', { by: 'org' }).creditedMinutes, 120);
  });

  it('the daily cap counts per volunteer and per local day of the start', () => {
    const { ledger } = ledgerAt({ maxMinutesPerDay: 60 });
    // 23:30 to 00:30 local belongs to the day it starts.
    ledger.record(entry('late', '23:30', '23:59', { end: '2025-03-02T00:30:00+08:00' }));
    ledger.record(
      entry('next', '08:00', '09:00', {
        start: '2025-03-02T08:00:00+08:00',
        end: '2025-03-02T09:00:00+08:00',
      }),
    );
    ledger.record(entry('other', '08:00', '09:00', { volunteerId: 'v-zhang' }));
    assert.equal(ledger.approve('late', { by: 'org' }).creditedMinutes, 60);
    assert.equal(ledger.approve('next', { by: 'org' }).creditedMinutes, 60);
    assert.equal(ledger.approve('other', { by: 'org' }).creditedMinutes, 60);
  });

  it('quarter-hour rounding (timebanks) rounds down', () => {
    const { ledger } = ledgerAt({ unitMinutes: 15 });
    ledger.record(entry('e', '09:00', '10:14'));
    assert.equal(ledger.approve('e', { by: 'org' }).creditedMinutes, 60);
  });

  it('credits a multiple of the unit, never more than the duration or the caps', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 15, 30, 60),
        fc.integer({ min: 1, max: 600 }),
        fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
        fc.option(fc.integer({ min: 30, max: 600 }), { nil: undefined }),
        (unitMinutes, duration, perActivity, perDay) => {
          const { ledger } = ledgerAt({
            unitMinutes,
            maxMinutesPerActivity: perActivity,
            maxMinutesPerDay: perDay,
          });
          const start = Date.parse('2025-03-01T08:00:00+08:00');
          const end = new Date(start + duration * 60_000).toISOString();
          ledger.record({ ...entry('e', '08:00', '09:00'), end });
          const credited = ledger.approve('e', { by: 'org' }).creditedMinutes!;
          assert.ok(credited <= duration);
          assert.ok(
            credited > duration - unitMinutes ||
              credited === (perActivity ?? Infinity) ||
              credited === (perDay ?? Infinity),
          );
          if (perActivity === undefined && perDay === undefined)
            assert.equal(credited % unitMinutes, 0);
          assert.ok(credited <= (perActivity ?? Infinity) && credited <= (perDay ?? Infinity));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('hours: star levels', () => {
  it('counts thresholds reached by cumulative credited hours (100, 300, 600, 1000, 1500)', () => {
    const { ledger } = ledgerAt();
    assert.equal(ledger.starLevel('v-li'), 0);
    // One approved entry a day, 10 h each, going back from 2025-03-09.
    let day = Date.parse('2025-03-09T08:00:00+08:00');
    const levels: number[] = [];
    for (let index = 0; index < 150; index += 1) {
      const start = new Date(day).toISOString();
      const end = new Date(day + 600 * 60_000).toISOString();
      ledger.record({ ...entry(`e${index}`, '08:00', '18:00'), start, end });
      ledger.approve(`e${index}`, { by: 'org' });
      day -= 86_400_000;
      levels.push(ledger.starLevel('v-li'));
    }
    // After 10 entries (100 h) one star, after 30 two, 60 three, 100 four, 150 five.
    assert.deepEqual(
      [levels[8], levels[9], levels[29], levels[59], levels[99], levels[148], levels[149]],
      [0, 1, 2, 3, 4, 4, 5],
    );
  });

  it('follows other thresholds when the scheme sets them', () => {
    const { ledger } = ledgerAt({ starThresholdsHours: [1, 2] });
    ledger.record(entry('e', '08:00', '10:00'));
    ledger.approve('e', { by: 'org' });
    assert.equal(ledger.starLevel('v-li'), 2);
    assert.deepEqual(resolveHoursPolicy({}).starThresholdsHours, [100, 300, 600, 1000, 1500]);
  });
});
