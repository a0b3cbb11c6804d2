import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  checkEnvelopes,
  checkpointOf,
  createJournal,
  verifyChain,
  type JournalEvent,
} from '../../src/journal/index.js';
import { manualClock } from '../../src/clock.js';
import { expectLanewiseError } from '../support/expect.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const types = new Set(['demo.added']);
type Added = JournalEvent<'demo.added', { by: number; note?: { a: number; b: number } }>;

function chained(): readonly Added[] {
  const journal = createJournal<Added>({
    now: manualClock('2025-01-24T09:00:00+08:00').now,
    hash: sha256,
  });
  journal.append('demo.added', { by: 1, note: { a: 1, b: 2 } });
  journal.append('demo.added', { by: 2 });
  journal.append('demo.added', { by: 3 });
  return journal.events();
}

/** The log as PostgreSQL jsonb would give it back: every object's keys in another order. */
function reordered(events: readonly Added[]): unknown[] {
  return JSON.parse(JSON.stringify(events), (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).reverse())
      : value,
  ) as unknown[];
}

describe('checkEnvelopes', () => {
  it('accepts a chained log whose keys were reordered by storage', () => {
    const events = reordered(chained());
    assert.notEqual(JSON.stringify(events), JSON.stringify(chained()));
    checkEnvelopes(events, { types, hash: sha256 });
    assert.deepEqual(verifyChain(events as Added[], sha256), { ok: true });
  });

  it('refuses each kind of damage with INVALID_LOG at the field', () => {
    const events = chained();
    const cases: [unknown, (string | number)[]][] = [
      [null, ['events']],
      [{}, ['events']],
      [[null], ['events', 0]],
      [[{ ...events[0], seq: 2 }], ['events', 0, 'seq']],
      [[{ ...events[0], type: 'demo.removed' }], ['events', 0, 'type']],
      [[{ ...events[0], at: '2025-01-24T09:00:00' }], ['events', 0, 'at']],
      [[{ ...events[0], data: null }], ['events', 0, 'data']],
      [
        [events[0], { ...events[1], at: undefined }],
        ['events', 1, 'at'],
      ],
      [[{ ...events[0], extra: 1 }], ['events', 0, 'extra']],
      // A field that comes from the event's prototype is a field all the same.
      [[Object.assign(Object.create({ extra: 1 }), events[0])], ['events', 0, 'extra']],
      [
        [events[0], { ...events[1], data: { by: 20 } }],
        ['events', 1, 'hash'],
      ],
      [
        [events[0], events[2]],
        ['events', 1, 'seq'],
      ],
    ];
    for (const [log, path] of cases) {
      expectLanewiseError(() => checkEnvelopes(log, { types, hash: sha256 }), 'INVALID_LOG', path);
    }
  });

  it('finds a cut-off tail against the checkpoint kept from the full log', () => {
    const events = chained();
    const checkpoint = checkpointOf(events);
    assert.deepEqual(checkpoint, { seq: 3, hash: events[2]!.hash });
    checkEnvelopes(events, { types, hash: sha256, checkpoint });
    expectLanewiseError(
      () => checkEnvelopes(events.slice(0, 2), { types, hash: sha256, checkpoint }),
      'INVALID_LOG',
      ['events', 2],
    );
    assert.deepEqual(verifyChain(events.slice(0, 2), sha256, { checkpoint }), {
      ok: false,
      seq: 3,
      reason: 'checkpoint',
    });
  });

  it('freezes what it hands out: events() cannot be reordered or edited', () => {
    const journal = createJournal<Added>({ now: manualClock('2025-01-24T09:00:00+08:00').now });
    journal.append('demo.added', { by: 1 });
    journal.append('demo.added', { by: 2 });
    assert.throws(() => (journal.events() as Added[]).reverse(), TypeError);
    assert.deepEqual(
      journal.events().map((event) => event.seq),
      [1, 2],
    );
  });
});
