import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createRatioTracker,
  ratio721,
  type RatioAction,
  type RatioTrackerEvent,
} from '../../src/metrics/index.js';
import { manualClock } from '../../src/clock.js';
import { isLanewiseError } from '../../src/errors.js';

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
