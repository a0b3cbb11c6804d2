// The per-volunteer overlap index against a plain scan, at millisecond grain.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LiveIntervals } from '../../src/hours/live-index.js';

type Interval = { id: string; start: number; end: number };

const overlaps = (list: Interval[], start: number, end: number, except?: string) =>
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
          if (expected.length === 0) assert.equal(found, undefined);
          else
            assert.ok(
              found !== undefined && expected.includes(found),
              `${found} not in ${expected}`,
            );
          if (remove && live.length > 0) {
            const gone = live[step % live.length]!;
            assert.equal(index.remove(gone.start, gone.id), true);
            live = live.filter((item) => item !== gone);
          } else if (expected.length === 0 && except === undefined) {
            index.insert(start, end, `i${step}`);
            live.push({ id: `i${step}`, start, end });
          }
          assert.equal(index.size, live.length);
          const sorted = [...live].sort((a, b) => a.start - b.start).map((item) => item.id);
          assert.deepEqual(index.idsStartingIn(-Infinity, Infinity), sorted);
        });
      }),
      { numRuns: 500 },
    );
  });
});
