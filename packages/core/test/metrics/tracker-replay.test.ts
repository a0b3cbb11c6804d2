// Issue 9 for the ratio tracker: a log is replayed only if a live tracker could have written
// it (a changed, dropped, duplicated or swapped event is INVALID_LOG or replayed faithfully),
// every change shows under a hash chain with its checkpoint, and instants are read back only
// as the tracker writes them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  createRatioTracker,
  ratio721,
  type RatioAction,
  type RatioTracker,
  type RatioTrackerEvent,
} from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { at, liveTracker, now } from './fixtures.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const actionInput = fc.record(
  {
    id: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5', 'a6'),
    at: fc.constantFrom(at, '2025-06-01T02:30:00Z', '2025-06-02T09:15:00.250+08:00'),
    kind: fc.constantFrom('service', 'manage', 'enforce') as fc.Arbitrary<RatioAction['kind']>,
    weight: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 8, noNaN: true })),
    unit: fc.constantFrom('station-1', 'station-2', '__proto__'),
    type: fc.constantFrom('publicity', 'penalty', 'constructor'),
  },
  { requiredKeys: ['kind'] },
);

type Mutation =
  | { kind: 'field'; index: number; field: string; value: unknown }
  | { kind: 'drop'; index: number }
  | { kind: 'duplicate'; index: number }
  | { kind: 'swap'; index: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('field' as const),
    index: fc.nat(),
    field: fc.constantFrom(
      'seq',
      'type',
      'at',
      'data',
      'data.kind',
      'data.weight',
      'data.at',
      'data.id',
      'data.unit',
      'data.extra',
    ),
    value: fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.constantFrom(
        'service',
        'enforce',
        'ratio-action-added',
        'a1',
        'a2',
        '2025-06-01T10:00:00',
      ),
      fc.constantFrom(-1, 0, 2, 1.5, 1e308, Number.NaN),
      fc.constant({}),
    ),
  }),
  fc.record({ kind: fc.constant('drop' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), index: fc.nat() }),
);

function mutate(events: readonly RatioTrackerEvent[], change: Mutation): unknown[] {
  const log = JSON.parse(JSON.stringify(events)) as Record<string, unknown>[];
  const index = change.index % log.length;
  if (change.kind === 'drop') log.splice(index, 1);
  else if (change.kind === 'duplicate') log.splice(index, 0, structuredClone(log[index]!));
  else if (change.kind === 'swap') {
    const next = (index + 1) % log.length;
    [log[index], log[next]] = [log[next]!, log[index]!];
  } else {
    const [head, tail] = change.field.split('.') as [string, string | undefined];
    const target =
      tail === undefined ? log[index]! : (log[index]![head] as Record<string, unknown>);
    const key = tail ?? head;
    if (change.value === undefined) delete target[key];
    else target[key] = change.value;
  }
  return log;
}

/** The invariants of a tracker: its snapshot is ratio721 over its log's actions, ids unique. */
function assertInvariants(tracker: RatioTracker) {
  const actions = tracker.events().map((event) => event.data);
  assert.deepEqual(tracker.snapshot(), ratio721(actions));
  const ids = actions.flatMap((action) => (action.id === undefined ? [] : [action.id]));
  assert.equal(new Set(ids).size, ids.length);
  tracker.events().forEach((event, index) => assert.equal(event.seq, index + 1));
}

describe('createRatioTracker replays only what a live tracker could have written', () => {
  it('rejects a changed, dropped, duplicated or swapped event, or replays it faithfully', () => {
    fc.assert(
      fc.property(
        fc.array(actionInput, { minLength: 1, maxLength: 12 }),
        mutation,
        (inputs, change) => {
          const tracker = liveTracker(inputs);
          const log = mutate(tracker.events(), change);
          let replayed: RatioTracker;
          try {
            replayed = createRatioTracker({ now, events: log as RatioTrackerEvent[] });
          } catch (error) {
            assert.ok(isLanewiseError(error, 'INVALID_LOG'), String(error));
            assert.equal(error.path[0], 'events');
            return;
          }
          // A log some live tracker could have written: it is that tracker, exactly.
          assert.deepEqual(replayed.events(), log);
          assertInvariants(replayed);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('with a hash chain and the checkpoint kept, rejects every change at all', () => {
    fc.assert(
      fc.property(
        fc.array(actionInput, { minLength: 1, maxLength: 12 }),
        mutation,
        (inputs, change) => {
          const tracker = liveTracker(inputs, sha256);
          const log = mutate(tracker.events(), change);
          if (JSON.stringify(log) === JSON.stringify(tracker.events())) return; // no change made
          expectLanewiseError(
            () =>
              createRatioTracker({
                now,
                hash: sha256,
                checkpoint: tracker.checkpoint(),
                events: log as RatioTrackerEvent[],
              }),
            'INVALID_LOG',
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('replays a chained log, with its keys in any order, to an equal tracker', () => {
    const tracker = liveTracker(
      [{ id: 'a1', kind: 'service', weight: 2 }, { kind: 'manage' }],
      sha256,
    );
    assert.equal(tracker.events()[1]?.hash?.length, 64);
    const reordered = tracker.events().map((event) => ({
      hash: event.hash,
      data: Object.fromEntries(Object.entries(event.data).reverse()),
      at: event.at,
      type: event.type,
      seq: event.seq,
    })) as RatioTrackerEvent[];
    const replayed = createRatioTracker({
      now,
      hash: sha256,
      events: reordered,
      checkpoint: tracker.checkpoint(),
    });
    assert.deepEqual(replayed.snapshot(), tracker.snapshot());
    assert.deepEqual(replayed.checkpoint(), tracker.checkpoint());
    // Adds after a replay go on with the chain.
    replayed.add({ kind: 'enforce' });
    createRatioTracker({ now, hash: sha256, events: replayed.events() });
  });

  it('counts a duplicated event once: the copy is INVALID_LOG, renumbered or not', () => {
    const tracker = liveTracker([{ id: 'a1', kind: 'service' }, { kind: 'manage' }]);
    const [first, second] = tracker.events() as [RatioTrackerEvent, RatioTrackerEvent];
    expectLanewiseError(
      () => createRatioTracker({ now, events: [first, first, second] }),
      'INVALID_LOG',
      ['events', 1, 'seq'],
    );
    expectLanewiseError(
      () => createRatioTracker({ now, events: [first, { ...first, seq: 2 }] }),
      'INVALID_LOG',
      ['events', 1, 'data', 'id'],
    );
  });

  it('detects a log cut before the checkpoint the caller kept', () => {
    const tracker = liveTracker(
      [{ kind: 'service' }, { kind: 'manage' }, { kind: 'enforce' }],
      sha256,
    );
    const checkpoint = tracker.checkpoint();
    assert.equal(checkpoint.seq, 3);
    expectLanewiseError(
      () =>
        createRatioTracker({ now, hash: sha256, checkpoint, events: tracker.events().slice(0, 2) }),
      'INVALID_LOG',
    );
    assert.deepEqual(createRatioTracker({ now }).checkpoint(), { seq: 0 });
  });

  it('rejects a log that is not one with INVALID_LOG, never a TypeError', () => {
    const event = { seq: 1, type: 'metrics.action_added', at, data: { at, kind: 'service' } };
    const bad: [unknown, (string | number)[]][] = [
      [null, ['events']],
      [{}, ['events']],
      ['events', ['events']],
      [[null], ['events', 0]],
      [[{ ...event, data: null }], ['events', 0, 'data']],
      [[{ ...event, type: 'ratio-action-added' }], ['events', 0, 'type']],
      [[{ ...event, at: '2025-06-01T10:00:00' }], ['events', 0, 'at']],
      [[{ ...event, data: { kind: 'service' } }], ['events', 0, 'data', 'at']],
      [
        [{ ...event, data: { at, kind: 'service', weight: 1e308 } }],
        ['events', 0, 'data', 'weight'],
      ],
      [[{ ...event, data: { at, kind: 'service', note: 'x' } }], ['events', 0, 'data', 'note']],
      [[{ ...event, extra: 1 }], ['events', 0, 'extra']],
    ];
    for (const [events, path] of bad) {
      expectLanewiseError(
        () => createRatioTracker({ now, events: events as RatioTrackerEvent[] }),
        'INVALID_LOG',
        path,
      );
    }
  });
});

describe('createRatioTracker replays instants as it writes them', () => {
  it('rejects an instant written otherwise than the tracker writes it, and replays its own', () => {
    const tracker = liveTracker([{ kind: 'service', at: '2025-06-01T01:00:00Z' }]);
    const [event] = tracker.events() as [RatioTrackerEvent];
    assert.equal(event.data.at, '2025-06-01T09:00:00.000+08:00');
    createRatioTracker({ now, events: [event] });
    expectLanewiseError(
      () => createRatioTracker({ now, events: [{ ...event, at: '2025-06-01T02:01:00.000Z' }] }),
      'INVALID_LOG',
      ['events', 0, 'at'],
    );
    expectLanewiseError(
      () =>
        createRatioTracker({
          now,
          events: [{ ...event, data: { ...event.data, at: '2025-06-01T09:00:00+08:00' } }],
        }),
      'INVALID_LOG',
      ['events', 0, 'data', 'at'],
    );
    // The same log read by a tracker of another zone is not one it could have written.
    expectLanewiseError(
      () => createRatioTracker({ now, timeZone: 'UTC', events: [event] }),
      'INVALID_LOG',
      ['events', 0, 'at'],
    );
  });
});
