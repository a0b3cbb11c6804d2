import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { createJournal, replay, verifyChain, type JournalEvent } from '../../src/journal/index.js';
import { manualClock } from '../../src/clock.js';
import { LanewiseError } from '../../src/errors/index.js';

type Counted = JournalEvent<'added', { by: number }> | JournalEvent<'reset', Record<string, never>>;

const sum = (total: number, event: Counted) => (event.type === 'added' ? total + event.data.by : 0);

describe('journal', () => {
  it('stamps seq from 1 and the clock time', () => {
    const clock = manualClock('2025-01-24T01:00:00Z');
    const journal = createJournal<Counted>({ now: clock.now });
    const first = journal.append('added', { by: 2 });
    clock.advance({ minutes: 5 });
    const second = journal.append('reset', {});
    assert.deepEqual(first, {
      seq: 1,
      type: 'added',
      at: '2025-01-24T01:00:00.000Z',
      data: { by: 2 },
    });
    assert.equal(second.seq, 2);
    assert.equal(second.at, '2025-01-24T01:05:00.000Z');
    assert.equal(journal.size, 2);
    assert.deepEqual(
      journal.events().map((event) => event.seq),
      [1, 2],
    );
  });

  it('freezes events so history cannot be edited', () => {
    const journal = createJournal<Counted>({ now: () => new Date(0) });
    const event = journal.append('added', { by: 1 });
    assert.throws(() => {
      (event as { seq: number }).seq = 9;
    }, TypeError);
  });

  it('tells subscribers of each append until they unsubscribe', () => {
    const journal = createJournal<Counted>({ now: () => new Date(0) });
    const seen: number[] = [];
    const stop = journal.subscribe((event) => seen.push(event.seq));
    journal.append('added', { by: 1 });
    journal.append('added', { by: 1 });
    stop();
    journal.append('added', { by: 1 });
    assert.deepEqual(seen, [1, 2]);
  });

  it('restores from earlier events and refuses a gap in seq', () => {
    const journal = createJournal<Counted>({ now: () => new Date(0) });
    journal.append('added', { by: 3 });
    journal.append('added', { by: 4 });
    const restored = createJournal<Counted>({ now: () => new Date(0), events: journal.events() });
    assert.equal(restored.append('added', { by: 1 }).seq, 3);
    const gap = [journal.events()[1]!];
    assert.throws(
      () => createJournal<Counted>({ now: () => new Date(0), events: gap }),
      (error: unknown) =>
        error instanceof LanewiseError &&
        error.code === 'INVALID_LOG' &&
        error.path.join('.') === 'events.0.seq',
    );
  });

  it('replays to the same state as the running fold (property)', () => {
    const step = fc.oneof(
      fc.record({ type: fc.constant('added' as const), by: fc.integer({ min: -1000, max: 1000 }) }),
      fc.constant({ type: 'reset' as const, by: 0 }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const journal = createJournal<Counted>({ now: () => new Date(0) });
        let running = 0;
        journal.subscribe((event) => {
          running = sum(running, event);
        });
        for (const s of steps) {
          if (s.type === 'added') journal.append('added', { by: s.by });
          else journal.append('reset', {});
        }
        assert.equal(replay(journal.events(), sum, 0), running);
      }),
      { numRuns: 200 },
    );
  });

  describe('hash chain', () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const chained = () => {
      const journal = createJournal<Counted>({ now: () => new Date(0), hash: sha256 });
      journal.append('added', { by: 1 });
      journal.append('added', { by: 2 });
      journal.append('reset', {});
      return journal;
    };

    it('links each event to the one before, and verifies', () => {
      const events = chained().events();
      assert.equal(events[0]!.hash?.length, 64);
      assert.notEqual(events[0]!.hash, events[1]!.hash);
      assert.deepEqual(verifyChain(events, sha256), { ok: true });
    });

    it('shows an edited, removed or reordered event', () => {
      const events = chained().events();
      const edited = events.map((event) =>
        event.seq === 2 ? { ...event, data: { by: 20 } } : event,
      );
      assert.deepEqual(verifyChain(edited, sha256), { ok: false, seq: 2, reason: 'hash' });
      const removed = [events[0]!, ...events.slice(2)];
      assert.deepEqual(verifyChain(removed, sha256), { ok: false, seq: 3, reason: 'seq' });
      const relinked = removed.map((event, index) => ({ ...event, seq: index + 1 }));
      assert.deepEqual(verifyChain(relinked, sha256), { ok: false, seq: 2, reason: 'hash' });
    });

    it('refuses to restore from tampered events, and continues a sound chain', () => {
      const events = chained().events();
      const tampered = events.map((event) =>
        event.seq === 3 ? { ...event, at: '2030-01-01T00:00:00.000Z' } : event,
      );
      assert.throws(
        () => createJournal<Counted>({ now: () => new Date(0), hash: sha256, events: tampered }),
        (error: unknown) =>
          error instanceof LanewiseError && error.path.join('.') === 'events.2.hash',
      );
      const restored = createJournal<Counted>({ now: () => new Date(0), hash: sha256, events });
      restored.append('added', { by: 5 });
      assert.deepEqual(verifyChain(restored.events(), sha256), { ok: true });
    });

    it('leaves unchained journals without hashes', () => {
      const journal = createJournal<Counted>({ now: () => new Date(0) });
      assert.equal('hash' in journal.append('added', { by: 1 }), false);
    });
  });
});
