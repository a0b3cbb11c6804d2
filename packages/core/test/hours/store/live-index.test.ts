// The per-volunteer overlap index against a plain scan, at millisecond grain.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LiveIntervals } from '../../../src/hours/store/live-index.js';

type Interval = { id: number; start: number; end: number };

const overlaps = (list: Interval[], start: number, end: number, except?: number) =>
  list
    .filter((item) => item.id !== except && item.start < end && start < item.end)
    .map((item) => item.id);

describe('hours: live interval index', () => {
  it('finds an overlap exactly when a scan does, with and without an exception', () => {
    const op = fc.record({
      start: fc.integer({ min: 0, max: 60 }),
      length: fc.integer({ min: 1, max: 12 }),
      remove: fc.boolean(),
      except: fc.constantFrom('none', 'random', 'next'),
      pick: fc.nat(40),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const index = new LiveIntervals();
        let live: Interval[] = [];
        ops.forEach(({ start, length, remove, except: mode, pick }, step) => {
          const end = start + length;
          // 'next' skips the first entry starting at or after the new start: the case where
          // the index must look one neighbour further.
          const next = [...live]
            .sort((a, b) => a.start - b.start)
            .find((item) => item.start >= start);
          const except =
            mode === 'none'
              ? undefined
              : mode === 'next'
                ? next?.id
                : live[pick % Math.max(1, live.length)]?.id;
          const expected = overlaps(live, start, end, except);
          const found = index.findOverlap(start, end, except);
          if (expected.length === 0) assert.equal(found, -1);
          else assert.ok(found !== -1 && expected.includes(found), `${found} not in ${expected}`);
          if (remove && live.length > 0) {
            const gone = live[step % live.length]!;
            assert.equal(index.remove(gone.start, gone.id), true);
            assert.equal(index.remove(gone.start, gone.id), false);
            live = live.filter((item) => item !== gone);
          } else if (expected.length === 0 && except === undefined) {
            index.insert(start, end, step, 0);
            live.push({ id: step, start, end });
          }
          assert.equal(index.size, live.length);
          // Each live interval is found at its own start: the records stay in start order.
          for (const item of live)
            assert.equal(index.findOverlap(item.start, item.start + 1), item.id);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('hours: daily totals in the live index', () => {
  it('sums the credited minutes of the same day exactly as a scan of every entry does', () => {
    const HOUR = 3_600_000;
    // Entries an hour to a week long on a grain of hours; days of a few hours to two days
    // long, so that the 72-hour window is tested at its edges.
    const entry = fc.record({
      start: fc.integer({ min: 0, max: 24 * 20 }),
      hours: fc.integer({ min: 1, max: 24 * 7 }),
      credited: fc.integer({ min: 0, max: 900 }),
      approve: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 40 }),
        fc.integer({ min: 3, max: 47 }),
        (entries, dayHours) => {
          const live = new LiveIntervals();
          const kept: { start: number; row: number; day: number; credited: number }[] = [];
          entries.forEach(({ start, hours, credited, approve }, row) => {
            const from = start * HOUR;
            if (live.findOverlap(from, from + hours * HOUR) >= 0) return;
            // Any numbering of days will do as long as a day lasts under 48 hours.
            const day = Math.floor(start / dayHours);
            live.insert(from, from + hours * HOUR, row, day);
            const minutes = approve ? credited : 0;
            if (approve) live.setCredited(from, row, credited);
            kept.push({ start: from, row, day, credited: minutes });
          });
          for (const { start, row, day } of kept) {
            const expected = kept
              .filter((other) => other.day === day)
              .reduce((sum, other) => sum + other.credited, 0);
            assert.equal(live.creditedOnDayOf(start, row), expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
