import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  createRatioTracker,
  ratio721,
  type RatioAction,
  type RatioActionInput,
  type RatioTracker,
  type RatioTrackerEvent,
  type RatioTrackerOptions,
} from '../../src/metrics/index.js';
import { manualClock } from '../../src/clock.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { createDispatcher } from '../../src/internal/dispatch.js';
import { expectLanewiseError, expectUnchanged } from '../support/expect.js';

const at = '2025-06-01T10:00:00+08:00';

describe('createRatioTracker', () => {
  it('gives the same snapshot as ratio721 over everything added', () => {
    const action = fc.record(
      {
        at: fc.constant(at),
        kind: fc.constantFrom('service', 'manage', 'enforce') as fc.Arbitrary<RatioAction['kind']>,
        weight: fc.oneof(
          fc.integer({ min: 0, max: 20 }),
          fc.double({ min: 0, max: 8, noNaN: true }),
        ),
      },
      { requiredKeys: ['at', 'kind'] },
    );
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 80 }),
        fc.integer({ min: 0, max: 10 }),
        (actions, tolerancePoints) => {
          const tolerance = tolerancePoints / 100;
          const tracker = createRatioTracker({ now: () => new Date(at), tolerance });
          for (const one of actions) tracker.add(one);
          assert.deepEqual(tracker.snapshot(), ratio721(actions, { tolerance }));
          assert.equal(tracker.size, actions.length);
        },
      ),
    );
  });

  it('stamps actions without at with the clock, and logs every add', () => {
    const clock = manualClock('2025-06-01T02:00:00Z');
    const tracker = createRatioTracker({ now: clock.now });
    const added = tracker.add({ kind: 'service', type: 'consultation', unit: 'station-1' });
    // Every instant is written with the community's offset (Asia/Shanghai by default).
    assert.deepEqual(added, {
      kind: 'service',
      type: 'consultation',
      unit: 'station-1',
      at: '2025-06-01T10:00:00.000+08:00',
    });
    clock.advance({ minutes: 5 });
    tracker.add({ kind: 'enforce', at: '2025-06-01T01:00:00Z' });
    assert.deepEqual(
      tracker.events().map((event) => [event.seq, event.type, event.at, event.data.at]),
      [
        [
          1,
          'metrics.action_added',
          '2025-06-01T10:00:00.000+08:00',
          '2025-06-01T10:00:00.000+08:00',
        ],
        [
          2,
          'metrics.action_added',
          '2025-06-01T10:05:00.000+08:00',
          '2025-06-01T09:00:00.000+08:00',
        ],
      ],
    );
  });

  it('keeps the snapshot object until the next add, and tells subscribers until they stop', () => {
    const tracker = createRatioTracker({ now: () => new Date(at) });
    const seen: number[] = [];
    const stop = tracker.subscribe((event) => seen.push(event.seq));
    const first = tracker.snapshot();
    assert.equal(tracker.snapshot(), first);
    tracker.add({ at, kind: 'service' });
    const second = tracker.snapshot();
    assert.notEqual(second, first);
    assert.equal(second.counts.service, 1);
    stop();
    tracker.add({ at, kind: 'manage' });
    assert.deepEqual(seen, [1]);
    assert.equal(tracker.snapshot().total, 2);
  });

  it('treats ids as idempotency keys', () => {
    const tracker = createRatioTracker({ now: () => new Date(at) });
    const first = tracker.add({ id: 'a1', at, kind: 'service', weight: 2 });
    assert.equal(tracker.add({ id: 'a1', at, kind: 'service', weight: 2 }), first);
    assert.equal(tracker.add({ id: 'a1', kind: 'service', weight: 2 }), first); // no at: the stored one stands
    assert.equal(tracker.size, 1);
    assert.equal(tracker.snapshot().counts.service, 2);
    assert.throws(
      () => tracker.add({ id: 'a1', at, kind: 'enforce', weight: 2 }),
      (error) => isLanewiseError(error, 'ID_CONFLICT') && error.details.id === 'a1',
    );
    assert.equal(tracker.size, 1);
  });

  it('rebuilds an equal tracker from its events', () => {
    const clock = manualClock(at);
    const tracker = createRatioTracker({ now: clock.now, tolerance: 0.1 });
    tracker.add({ id: 'a1', at, kind: 'service', unit: 'u1' });
    tracker.add({ at, kind: 'manage', weight: 1.5 });
    clock.advance({ hours: 1 });
    tracker.add({ kind: 'enforce', type: 'penalty' });
    const events = JSON.parse(JSON.stringify(tracker.events())) as RatioTrackerEvent[];
    const rebuilt = createRatioTracker({ now: clock.now, tolerance: 0.1, events });
    assert.deepEqual(rebuilt.snapshot(), tracker.snapshot());
    assert.deepEqual(rebuilt.events(), tracker.events());
    assert.equal(rebuilt.add({ id: 'a1', at, kind: 'service', unit: 'u1' }).id, 'a1');
    assert.equal(rebuilt.size, 3);
  });

  it('rejects bad actions, options and logs without counting anything', () => {
    const tracker = createRatioTracker({ now: () => new Date(at) });
    assert.throws(
      () => tracker.add({ at, kind: 'serve' as 'service' }),
      (error) => isLanewiseError(error, 'INVALID_INPUT') && error.path[0] === 'kind',
    );
    assert.throws(
      () => tracker.add({ at: 'today', kind: 'service' }),
      (error) => isLanewiseError(error, 'INVALID_INPUT') && error.path[0] === 'at',
    );
    assert.equal(tracker.size, 0);
    assert.throws(
      () => createRatioTracker({ now: 'now' as unknown as () => Date }),
      (error) => isLanewiseError(error, 'INVALID_INPUT') && error.path[0] === 'now',
    );
    const event = {
      seq: 2,
      type: 'metrics.action_added',
      at,
      data: { at, kind: 'service' },
    } as const;
    assert.throws(
      () => createRatioTracker({ now: () => new Date(at), events: [event] }),
      (error) => isLanewiseError(error, 'INVALID_LOG') && error.path.join('.') === 'events.0.seq',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 9: logs you can trust, frozen hand-outs, listeners that cannot break an add.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const now = () => new Date(at);

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

/** A tracker fed `inputs` by live adds (ids that conflict are skipped, as a caller would see). */
function liveTracker(inputs: readonly RatioActionInput[], hash?: (text: string) => string) {
  const clock = manualClock(at);
  const tracker = createRatioTracker({ now: clock.now, ...(hash ? { hash } : {}) });
  for (const input of inputs) {
    clock.advance({ minutes: 1 });
    try {
      tracker.add(input);
    } catch (error) {
      assert.ok(isLanewiseError(error, 'ID_CONFLICT'));
    }
  }
  return tracker;
}

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

describe('createRatioTracker hands out nothing that can change it', () => {
  it('freezes actions, events, the log and the snapshot', () => {
    const tracker = liveTracker([{ id: 'a1', kind: 'service' }, { kind: 'manage' }]);
    const before = JSON.stringify([tracker.events(), tracker.snapshot()]);
    const action = tracker.add({ id: 'a1', kind: 'service' });
    assert.throws(() => ((action as { kind: string }).kind = 'enforce'), TypeError);
    assert.throws(() => (tracker.events() as RatioTrackerEvent[]).reverse(), TypeError);
    assert.throws(
      () => (tracker.events() as RatioTrackerEvent[]).push(tracker.events()[0]!),
      TypeError,
    );
    assert.throws(() => ((tracker.events()[0] as { seq: number }).seq = 9), TypeError);
    assert.throws(() => ((tracker.events()[0]!.data as { weight: number }).weight = 9), TypeError);
    const snapshot = tracker.snapshot();
    assert.throws(() => ((snapshot as { total: number }).total = 9), TypeError);
    assert.throws(() => ((snapshot.counts as { service: number }).service = 9), TypeError);
    assert.throws(() => ((snapshot.target as { service: number }).service = 0.5), TypeError);
    assert.equal(JSON.stringify([tracker.events(), tracker.snapshot()]), before);
  });
});

describe('createRatioTracker listeners', () => {
  it('hear an add once it is complete; a throwing listener neither fails the add nor stops others', () => {
    const errors: unknown[] = [];
    const tracker = createRatioTracker({ now, onListenerError: (error) => errors.push(error) });
    const seen: [number, number][] = [];
    tracker.subscribe(() => {
      throw new Error('listener broke');
    });
    tracker.subscribe((event) => seen.push([event.seq, tracker.snapshot().total]));
    const added = tracker.add({ kind: 'service' });
    assert.equal(added.kind, 'service');
    assert.equal(tracker.size, 1);
    assert.deepEqual(seen, [[1, 1]]);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /listener broke/);
  });

  it('runs an add made by a listener after the current one, in order', () => {
    const tracker = createRatioTracker({ now });
    const seen: number[] = [];
    tracker.subscribe((event) => {
      seen.push(event.seq);
      if (event.data.kind === 'service') tracker.add({ kind: 'manage' });
    });
    tracker.add({ kind: 'service' });
    assert.deepEqual(seen, [1, 2]);
    assert.deepEqual(
      tracker.events().map((event) => event.data.kind),
      ['service', 'manage'],
    );
    createRatioTracker({ now, events: tracker.events() }); // a log that replays
  });

  it('share a dispatcher with another object', () => {
    const dispatcher = createDispatcher();
    const a = createRatioTracker({ now, dispatcher });
    const b = createRatioTracker({ now, dispatcher });
    const seen: string[] = [];
    a.subscribe(() => seen.push(`a sees b at ${b.size}`));
    dispatcher.run(() => {
      a.add({ kind: 'service' });
      b.add({ kind: 'manage' });
    });
    assert.deepEqual(seen, ['a sees b at 1']);
  });
});

describe('createRatioTracker bad options and adds', () => {
  it('rejects null, wrong types and unknown keys with the path, and changes nothing', () => {
    expectLanewiseError(
      () => createRatioTracker(null as unknown as RatioTrackerOptions),
      'INVALID_INPUT',
      [],
    );
    expectLanewiseError(
      () => createRatioTracker({ now, tolerence: 0.1 } as RatioTrackerOptions),
      'INVALID_INPUT',
      ['tolerence'],
    );
    expectLanewiseError(
      () => createRatioTracker({ now, hash: 'sha256' as unknown as (text: string) => string }),
      'INVALID_INPUT',
      ['hash'],
    );
    expectLanewiseError(
      () => createRatioTracker({ now, checkpoint: { seq: -1 } }),
      'INVALID_INPUT',
      ['checkpoint', 'seq'],
    );
    expectLanewiseError(
      () => createRatioTracker({ now, timeZone: 'Mars/Olympus' }),
      'INVALID_INPUT',
      ['timeZone'],
    );
    const tracker = liveTracker([{ id: 'a1', kind: 'service' }]);
    for (const [input, path] of [
      [null, []],
      [{ kind: 'service', weight: 1e308 }, ['weight']],
      [{ kind: 'service', weight: -1 }, ['weight']],
      [{ kind: 'service', at: '2025-06-01T10:00:00' }, ['at']],
      [{ kind: 'service', at: '1969-12-31T23:59:59Z' }, ['at']],
      [{ kind: 'service', wieght: 2 }, ['wieght']],
      [{ kind: 'service', id: 'x'.repeat(201) }, ['id']],
    ] as const) {
      const error = expectUnchanged(
        tracker,
        () => tracker.add(input as unknown as RatioActionInput),
        'INVALID_INPUT',
      );
      assert.deepEqual(error.path, path);
    }
    expectUnchanged(tracker, () => tracker.add({ id: 'a1', kind: 'manage' }), 'ID_CONFLICT');
    expectLanewiseError(
      () => createRatioTracker({ now: () => new Date(Number.NaN) }).add({ kind: 'service' }),
      'INVALID_INPUT',
      ['now'],
    );
  });

  it('writes every instant with the zone given', () => {
    const tracker = createRatioTracker({ now, timeZone: 'America/New_York' });
    assert.equal(tracker.add({ kind: 'service' }).at, '2025-05-31T22:00:00.000-04:00');
    assert.equal(tracker.events()[0]?.at, '2025-05-31T22:00:00.000-04:00');
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
