import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  commandsArb,
  followsInItsCommand,
  json,
  live,
  program,
  restored,
  sample,
  snapshotAt,
  type Json,
} from './restore-fixtures.js';

describe('program: restore from a snapshot', () => {
  it('equals the replay of the whole log, cut anywhere (property)', () => {
    fc.assert(
      fc.property(
        commandsArb.chain((commands) => {
          const whole = live(commands);
          const events = json(whole.events());
          // A snapshot is taken between commands, never inside one.
          const cuts = [...events.keys(), events.length].filter(
            (cut) => cut === events.length || !followsInItsCommand(events[cut]!),
          );
          return fc.record({ events: fc.constant(events), cut: fc.constantFrom(...cuts) });
        }),
        ({ events, cut }) => {
          const whole = program({ events: json(events) });
          const again = restored(snapshotAt(events, cut), json(events.slice(cut)));
          assert.deepEqual(again.snapshot(), whole.snapshot());
          assert.deepEqual(again.checkpoint(), whole.checkpoint());
          assert.deepEqual(json(again.events()), events.slice(cut));
          const hoursTail = events.slice(cut).filter((event) => event.type.startsWith('hours.'));
          assert.equal(again.hours.events().length, hoursTail.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes what the original writes, chained on from the snapshot', () => {
    const { made, clock } = sample();
    const snapshot = json(made.snapshot());
    const checkpoint = made.checkpoint();
    const again = restored({ snapshot, checkpoint }, [], { now: clock.now });
    clock.advance({ minutes: 5 });
    for (const target of [made, again]) {
      target.points.fulfil('r1', { by: 'clerk-1' });
      target.hours.approve('e1b', { by: 'org-zhao' });
      target.hours.revoke('e2', { by: 'org-zhao', reason: 'twice' });
    }
    const tail = made.events().slice(snapshot.version);
    assert.deepEqual(again.events(), tail);
    assert.equal(again.events()[0]!.seq, snapshot.version + 1);
    assert.deepEqual(again.snapshot(), made.snapshot());
    assert.deepEqual(again.checkpoint(), made.checkpoint());
    assert.deepEqual(again.standing('v-li'), made.standing('v-li'));
    // The hour ledger's own log holds only what came after the snapshot too.
    assert.deepEqual(
      again.hours.events().map((event) => event.type),
      ['hours.approved', 'hours.revoked'],
    );
    // And the whole log still replays to the same program.
    assert.deepEqual(program({ events: json(made.events()) }).snapshot(), again.snapshot());
  });

  it('keeps none of the caller\u2019s objects', () => {
    const { made } = sample();
    const snapshot = json(made.snapshot());
    const again = restored({ snapshot, checkpoint: made.checkpoint() });
    const before = json(again.snapshot());
    const edited: Json = snapshot;
    edited.hours.entries[0].tags.push('changed');
    edited.points.transfers[0].amount = 1;
    edited.points.items[0].name = 'changed';
    assert.deepEqual(json(again.snapshot()), before);
    // What the program keeps of an entry to take its earn back is its own too.
    const e2 = edited.hours.entries.find((entry: Json) => entry.id === 'e2');
    e2.volunteerId = 'v-wu';
    again.hours.revoke('e2', { by: 'org-zhao', reason: 'twice' });
    assert.equal(again.points.getTransfer('reverse:e2')?.from, 'volunteer:v-li');
  });
});
