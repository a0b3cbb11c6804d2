import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CompactLog } from '../../src/internal/compact-log.js';
import { StampList } from '../../src/internal/stamps.js';
import type { JournalEvent } from '../../src/journal/index.js';

type Noted = JournalEvent<'noted', { key: number }>;

const made = (key: number, seq: number): Noted => ({
  seq,
  type: 'noted',
  at: '2025-01-24T01:00:00.000Z',
  data: { key },
});

type Step = { op: 'push'; key: number } | { op: 'pushKey'; key: number } | { op: 'at' | 'events' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('push' as const), key: fc.nat(1000) }),
  fc.record({ op: fc.constant('pushKey' as const), key: fc.nat(1000) }),
  fc.record({ op: fc.constantFrom('at' as const, 'events' as const) }),
);

describe('compact log', () => {
  it('reads as the plain array of its events after any mix of built and compact appends', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 3000 }), fc.nat(), (steps, pick) => {
        let builds = 0;
        const log = new CompactLog<Noted>((key, seq) => {
          builds += 1;
          return made(key, seq);
        });
        const model: Noted[] = [];
        for (const { op, ...rest } of steps) {
          if (op === 'push') {
            const event = made((rest as { key: number }).key, model.length + 1);
            log.push(event);
            model.push(event);
          } else if (op === 'pushKey') {
            const key = (rest as { key: number }).key;
            assert.equal(log.pushKey(key), model.length + 1);
            model.push(made(key, model.length + 1));
          } else if (op === 'at' && model.length > 0) {
            const seq = (pick % model.length) + 1;
            assert.deepEqual(log.at(seq), model[seq - 1]);
            assert.equal(log.at(seq), log.at(seq), 'built once, then the same object');
          } else if (op === 'events') {
            assert.deepEqual(log.events(), model);
          }
          assert.equal(log.size, model.length);
        }
        const events = log.events();
        assert.deepEqual(events, model);
        // Every compact event was built exactly once, however often it was read.
        const compact = steps.filter((s) => s.op === 'pushKey').length;
        assert.equal(builds, compact);
        events.forEach((event, index) => assert.equal(log.at(index + 1), event));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a built event pushed after compact ones as the same object', () => {
    const log = new CompactLog<Noted>(made);
    log.pushKey(7);
    const event = made(8, 2);
    log.push(event);
    assert.equal(log.at(2), event);
    assert.equal(log.events()[1], event);
  });

  it('refuses a seq outside the log', () => {
    const log = new CompactLog<Noted>(made);
    log.pushKey(1);
    assert.throws(() => log.at(0), RangeError);
    assert.throws(() => log.at(2), RangeError);
  });
});

describe('stamp list', () => {
  it('keeps one string per run of equal instants and gives each back', () => {
    const stamps = new StampList();
    const first = stamps.indexOfTime(Date.UTC(2025, 0, 24, 1));
    assert.equal(stamps.indexOfTime(Date.UTC(2025, 0, 24, 1)), first);
    const second = stamps.indexOfTime(Date.UTC(2025, 0, 24, 2));
    assert.notEqual(second, first);
    assert.equal(stamps.text(first), '2025-01-24T01:00:00.000Z');
    assert.equal(stamps.text(second), '2025-01-24T02:00:00.000Z');
    assert.throws(() => stamps.text(99), RangeError);
  });
});
