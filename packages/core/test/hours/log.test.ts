// The ledger logs its own moves as keys and builds their events when read (at once only for
// listeners), and builds entry objects from its rows: what it hands out must be what the
// moves would have made at once, in content and in shape.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHoursLedger, type HoursEvent, type HoursLedger } from '../../src/hours/index.js';
import { entry, ledgerAt } from './fixtures.js';

type Clock = ReturnType<typeof ledgerAt>['clock'];

/** Every kind of move: notes, tags, a correction of an approved entry and of a pending one. */
const MOVES: ((ledger: HoursLedger, clock: Clock) => unknown)[] = [
  (ledger) =>
    ledger.record(entry('e1', '09:00', '10:00', { note: 'knife grinding', tags: ['repair'] })),
  (ledger, clock) => {
    clock.advance({ minutes: 1 });
    return ledger.approve('e1', { by: 'org-zhao' });
  },
  (ledger) => ledger.record(entry('e2', '10:00', '11:00')),
  (ledger) => ledger.reject('e2', { by: 'org-zhao', reason: 'recorded twice' }),
  (ledger) => ledger.record(entry('e3', '11:00', '12:00', { volunteerId: 'v-zhang' })),
  (ledger) => ledger.approve('e3', { by: 'org-zhao' }),
  (ledger, clock) => {
    clock.advance({ seconds: 30 });
    return ledger.revoke('e3', { by: 'org-zhao', reason: 'was not there' });
  },
  (ledger) =>
    ledger.correct('e1', {
      id: 'e1b',
      end: '2025-03-01T10:30:00+08:00',
      by: 'org-wang',
      reason: '30 minutes missing',
    }),
  (ledger) => ledger.record(entry('e4', '13:00', '14:00')),
  (ledger) =>
    ledger.correct('e4', {
      id: 'e4b',
      note: 'moved',
      tags: ['elderly', 'repair'],
      by: 'org-wang',
      reason: 'wrong lane',
    }),
  (ledger) => ledger.approve('e4b', { by: 'org-zhao' }),
];

/** The fields of an entry that approval sets. */
const UNAPPROVED = { creditedMinutes: undefined, approvedBy: undefined, approvedAt: undefined };

/** Plays the moves from `from` to `to` on a ledger. */
function play(ledger: HoursLedger, clock: Clock, from = 0, to = MOVES.length): void {
  for (const move of MOVES.slice(from, to)) move(ledger, clock);
}

/** The order of an event's fields and of its data's, as the ledger made them at once. */
const DATA_KEYS: Record<HoursEvent['type'], string> = {
  'hours.recorded': 'id volunteerId activityId start end recordedBy tags',
  'hours.approved': 'id by creditedMinutes',
  'hours.rejected': 'id by reason',
  'hours.revoked': 'id by reason',
  'hours.corrected': 'id by reason entry',
};

function assertShape(event: HoursEvent): void {
  assert.deepEqual(Object.keys(event), ['seq', 'type', 'at', 'data']);
  assert.ok(Object.isFrozen(event) && Object.isFrozen(event.data), `event ${event.seq} frozen`);
  const keys = Object.keys(event.data).join(' ');
  const draft = event.type === 'hours.recorded' ? event.data : undefined;
  const expected =
    draft?.note === undefined
      ? DATA_KEYS[event.type]
      : 'id volunteerId activityId start end recordedBy note tags';
  assert.equal(keys, expected, `fields of event ${event.seq}`);
  if (draft) assert.ok(Object.isFrozen(draft.tags));
}

describe('hours: log built from rows', () => {
  it('builds the events that the moves make at once for a listener', () => {
    const quiet = ledgerAt();
    play(quiet.ledger, quiet.clock);
    const heard: HoursEvent[] = [];
    const loud = ledgerAt();
    loud.ledger.subscribe((event) => heard.push(event));
    play(loud.ledger, loud.clock);

    const events = quiet.ledger.events();
    assert.equal(events.length, MOVES.length);
    assert.deepEqual(events, loud.ledger.events());
    assert.deepEqual(heard, loud.ledger.events());
    events.forEach((event, index) => {
      assert.equal(event.seq, index + 1);
      assertShape(event);
    });
    assert.deepEqual(events[0], {
      seq: 1,
      type: 'hours.recorded',
      at: '2025-03-10T12:00:00.000+08:00',
      data: {
        id: 'e1',
        volunteerId: 'v-li',
        activityId: 'repair-lane',
        start: '2025-03-01T09:00:00+08:00',
        end: '2025-03-01T10:00:00+08:00',
        recordedBy: 'org-wang',
        note: 'knife grinding',
        tags: ['repair'],
      },
    });
    assert.deepEqual(events[1], {
      seq: 2,
      type: 'hours.approved',
      at: '2025-03-10T12:01:00.000+08:00',
      data: { id: 'e1', by: 'org-zhao', creditedMinutes: 60 },
    });
    const corrected = events.find((event) => event.type === 'hours.corrected');
    assert.deepEqual(corrected?.data, {
      id: 'e1',
      by: 'org-wang',
      reason: '30 minutes missing',
      entry: {
        id: 'e1b',
        volunteerId: 'v-li',
        activityId: 'repair-lane',
        start: '2025-03-01T09:00:00+08:00',
        end: '2025-03-01T10:30:00+08:00',
        recordedBy: 'org-wang',
        note: 'knife grinding',
        tags: ['repair'],
      },
    });
  });

  it('returns the same event objects on every read', () => {
    const { ledger, clock } = ledgerAt();
    play(ledger, clock);
    const first = ledger.events().slice();
    const second = ledger.events();
    assert.equal(second.length, first.length);
    first.forEach((event, index) => assert.equal(second[index], event));
  });

  it('logs the same events when a listener comes late', () => {
    const late = ledgerAt();
    play(late.ledger, late.clock, 0, 5);
    const heard: HoursEvent[] = [];
    late.ledger.subscribe((event) => heard.push(event));
    play(late.ledger, late.clock, 5);
    const quiet = ledgerAt();
    play(quiet.ledger, quiet.clock);
    assert.deepEqual(late.ledger.events(), quiet.ledger.events());
    assert.deepEqual(heard, quiet.ledger.events().slice(5));
  });

  it('replays its events into an equal ledger that holds its own frozen copies of them', () => {
    const { ledger, clock } = ledgerAt();
    play(ledger, clock);
    const events = ledger.events().slice();
    const rebuilt = createHoursLedger({ now: clock.now, events });
    assert.deepEqual(rebuilt.snapshot(), ledger.snapshot());
    assert.deepEqual(rebuilt.events(), events);
    rebuilt.events().forEach((event, index) => {
      assert.ok(Object.isFrozen(event) && Object.isFrozen(event.data), `event ${index} frozen`);
    });
    // Moves after a replay go on from its last event.
    for (const target of [ledger, rebuilt]) target.record(entry('e5', '15:00', '16:00'));
    assert.deepEqual(rebuilt.events(), ledger.events());
    assert.equal(rebuilt.events().at(-1)?.seq, events.length + 1);
  });

  it('hands out the same entry object until the entry changes', () => {
    const { ledger } = ledgerAt();
    const recorded = ledger.record(entry('e1', '09:00', '10:00'));
    assert.equal(ledger.get('e1'), recorded);
    const before = ledger.snapshot();
    assert.equal(before.entries[0], recorded);
    const approved = ledger.approve('e1', { by: 'org-zhao' });
    assert.notEqual(approved, recorded);
    assert.equal(ledger.get('e1'), approved);
    ledger.record(entry('e2', '10:00', '11:00'));
    const after = ledger.snapshot();
    assert.equal(after.entries[0], approved);
    assert.equal(ledger.list({ status: 'approved' })[0], approved);
    assert.deepEqual(recorded, { ...approved, status: 'pending', ...UNAPPROVED });
  });
});

describe('hours: many rows', () => {
  it('keeps entries past the first blocks of rows, and replays them', () => {
    const { ledger, clock } = ledgerAt();
    const count = 40_000;
    const volunteers = 100;
    for (let index = 0; index < count; index += 1) {
      // Each volunteer serves one hour a day, on successive days.
      const day = Math.floor(index / volunteers);
      const start = Date.parse('2020-01-01T09:00:00+08:00') + day * 86_400_000;
      ledger.record({
        id: `e${index}`,
        volunteerId: `v${index % volunteers}`,
        activityId: `a${index % 7}`,
        start: new Date(start).toISOString(),
        end: new Date(start + 3_600_000).toISOString(),
        recordedBy: 'org-wang',
        ...(index % 5000 === 0 ? { note: `n${index}`, tags: ['t'] } : {}),
      });
      if (index % 3 !== 0) ledger.approve(`e${index}`, { by: 'org-zhao' });
    }
    for (const index of [0, 16_383, 16_384, 32_768, count - 1]) {
      const found = ledger.get(`e${index}`);
      assert.equal(found?.volunteerId, `v${index % volunteers}`, `e${index}`);
      assert.equal(found?.status, index % 3 === 0 ? 'pending' : 'approved');
      assert.equal(found?.note, index % 5000 === 0 ? `n${index}` : undefined);
    }
    const approved = count - Math.ceil(count / 3);
    assert.equal(ledger.creditedMinutes(), approved * 60);
    assert.equal(ledger.list({ volunteerId: 'v7' }).length, count / volunteers);
    assert.equal(ledger.list({ activityId: 'a3' }).length, Math.floor((count - 4) / 7) + 1);
    const rebuilt = createHoursLedger({ now: clock.now, events: ledger.events() });
    assert.deepEqual(rebuilt.snapshot(), ledger.snapshot());
  });
});
