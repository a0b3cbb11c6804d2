import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { createZoneDays } from '../../src/time/days.js';
import { createMonthCalendar } from '../../src/time/months.js';

// Zones with whole-hour, half-hour and 45-minute offsets, summer time on either hemisphere,
// and Asia/Shanghai's summer time of 1986-1991.
const ZONES = [
  'Asia/Shanghai',
  'Europe/London',
  'America/New_York',
  'Australia/Adelaide',
  'Asia/Kathmandu',
  'America/Santiago',
  'Pacific/Auckland',
];
const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) });
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

describe('zone days and months, against date-fns with @date-fns/tz', () => {
  it('give each instant the local day, its bounds and its ISO week', () => {
    for (const zone of ZONES) {
      const days = createZoneDays(zone);
      fc.assert(
        fc.property(instant, (ms) => {
          const local = new TZDate(ms, zone);
          const label = `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
          assert.equal(days.dayOf(ms), label);
          const start = days.startOfDay(label);
          const end = days.endOfDay(label);
          assert.ok(start <= ms && ms < end, `${zone} ${new Date(ms).toISOString()}`);
          assert.equal(days.dayOf(start), label);
          assert.notEqual(days.dayOf(end), label);
          assert.equal(days.dayOf(start - 1) === label, false);
          assert.equal(
            days.periodOf(label, 'week'),
            `${pad(getISOWeekYear(local), 4)}-W${pad(getISOWeek(local))}`,
          );
        }),
        { numRuns: 300 },
      );
    }
  });

  it('give each instant its local month and the month’s first instant', () => {
    for (const zone of ZONES) {
      const months = createMonthCalendar(zone);
      fc.assert(
        fc.property(instant, (ms) => {
          const local = new TZDate(ms, zone);
          const index = months.indexOf(ms);
          assert.equal(index, local.getFullYear() * 12 + local.getMonth());
          const start = months.startOf(index);
          assert.ok(start <= ms && ms < months.startOf(index + 1));
          assert.equal(months.indexOf(start), index);
          assert.equal(months.indexOf(start - 1), index - 1);
        }),
        { numRuns: 300 },
      );
    }
  });
});
