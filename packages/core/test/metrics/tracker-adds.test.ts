// The ratio tracker as its callers use it: the same figures as ratio721 over what was added,
// actions stamped by the clock, ids as idempotency keys, frozen hand-outs, listeners that
// cannot break an add, and bad options and adds refused without counting anything.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createRatioTracker,
  ratio721,
  type RatioAction,
  type RatioActionInput,
  type RatioTrackerEvent,
  type RatioTrackerOptions,
} from '../../src/metrics/index.js';
import { manualClock } from '../../src/clock.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { createDispatcher } from '../../src/internal/dispatch.js';
import { expectLanewiseError, expectUnchanged } from '../support/expect.js';
import { at, liveTracker, now } from './fixtures.js';

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
