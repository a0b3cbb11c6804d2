import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { cnCalendar } from '../../src/calendar/index.js';
import { formatError } from '../../src/errors/index.js';
import {
  createCaseBook,
  type CaseBookOptions,
  type CaseEvent,
  type CaseSnapshot,
} from '../../src/cases/index.js';
import type { Checkpoint } from '../../src/journal/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { RULES, intake, makeBook } from './fixtures.js';
import { opArbitrary, run } from './runs.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const book = (options: Partial<CaseBookOptions> = {}) =>
  createCaseBook({
    routing: RULES,
    calendar: cnCalendar,
    now: () => new Date('2026-01-01T00:00:00Z'),
    escalation: { tierAfterWorkingDays: 3 },
    hash: sha256,
    ...options,
  });

/** The snapshot and checkpoint of a book rebuilt from the first `cut` events of `events`. */
function snapshotAt(events: readonly CaseEvent[], cut: number) {
  const early = book({ events: json(events.slice(0, cut)) });
  return { snapshot: json(early.snapshot()), checkpoint: early.checkpoint() };
}

/** A small book in every status, with its log, for the tampering tests. */
function sample() {
  const { book: live } = makeBook({ hash: sha256 });
  live.open(intake({ id: 'a' }));
  live.open(intake({ id: 'b', attributes: { reports: 2 } }));
  live.open(intake({ id: 'c' }));
  live.accept('a', { by: 'li' });
  live.act('a', {
    id: 'x',
    kind: 'service',
    type: 'visit',
    by: 'li',
    at: '2025-01-24T09:30:00+08:00',
  });
  live.resolve('a', { by: 'li', outcome: 'resolved' });
  live.followUp('a', { rating: 'satisfied', at: '2025-01-24T10:00:00+08:00' });
  live.markDuplicate('c', { of: 'b' });
  return { events: live.events(), snapshot: json(live.snapshot()), checkpoint: live.checkpoint() };
}

describe('case book: restore from a snapshot', () => {
  it('a snapshot and the events after it rebuild what the whole log rebuilds', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 50 }), fc.nat(), (ops, pick) => {
        const { book: live } = run(ops, { hash: sha256 });
        const events = live.events();
        const cut = events.length === 0 ? 0 : pick % (events.length + 1);
        const restore = snapshotAt(events, cut);
        const restored = book({ restore, events: json(events.slice(cut)) });
        assert.deepEqual(json(restored.list()), json(live.list()));
        assert.deepEqual(restored.checkpoint(), live.checkpoint());
        assert.deepEqual(json(restored.events()), json(events.slice(cut)));
      }),
      { numRuns: 150 },
    );
  });

  it('restores a case moved up a tier, whose new deadline lies ahead', () => {
    const ops = [
      { t: 'open', category: 'stall', reports: 0 },
      { t: 'advance', hours: 87 },
      { t: 'review' },
    ] as const;
    const { book: live } = run([...ops], { hash: sha256 });
    const events = live.events();
    assert.ok(live.list()[0]!.escalations.some((e) => e.step === 'tier'));
    const restored = book({ restore: snapshotAt(events, events.length) });
    assert.deepEqual(json(restored.list()), json(live.list()));
  });

  it('goes on writing the same chain as the book it was taken from', () => {
    const { events, snapshot, checkpoint } = sample();
    const whole = book({ events: json(events) });
    const restored = book({ restore: { snapshot, checkpoint } });
    const next = intake({ id: 'd', receivedAt: '2025-12-31T09:00:00+08:00' });
    whole.open(next);
    restored.open(next);
    assert.deepEqual(restored.events(), whole.events().slice(events.length));
    assert.equal(restored.events()[0]?.seq, events.length + 1);
    assert.deepEqual(restored.checkpoint(), whole.checkpoint());
  });

  it('keeps no object of the caller', () => {
    const { snapshot, checkpoint } = sample();
    const restored = book({ restore: { snapshot, checkpoint } });
    (snapshot.cases[0] as { title: string }).title = 'changed';
    (snapshot.cases[0]!.actions[0] as { type: string }).type = 'changed';
    assert.notEqual(restored.get('a')?.title, 'changed');
    assert.equal(restored.get('a')?.actions[0]?.type, 'visit');
    (snapshot.cases[1]!.attributes as { reports: number }).reports = 9;
    assert.equal(restored.get('b')?.attributes?.['reports'], 2);
    assert.ok(Object.isFrozen(restored.get('a')));
  });

  type Tamper = (cases: Record<string, unknown>[]) => void;
  const tampered: [string, Tamper, (string | number)[]][] = [
    ['a field of the wrong type', (c) => (c[0]!['title'] = 7), [0, 'title']],
    ['an unknown field', (c) => (c[0]!['hacker'] = true), [0]],
    ['an id twice', (c) => (c[1]!['id'] = 'a'), [1, 'id']],
    ['a closed case without closedAt', (c) => (c[0]!['status'] = 'closed'), [0, 'closedAt']],
    ['an open case with a resolution', (c) => (c[0]!['status'] = 'in_progress'), [0, 'resolvedAt']],
    ['acceptedBy without acceptedAt', (c) => (c[1]!['acceptedBy'] = 'li'), [1, 'acceptedBy']],
    ['a duplicate of an unknown case', (c) => (c[2]!['duplicateOf'] = 'z'), [2, 'duplicateOf']],
    ['a reopening not counted', (c) => (c[0]!['reopenedCount'] = 1), [0, 'reopenedCount']],
    ['a round out of step', (c) => (c[1]!['round'] = 2), [1, 'round']],
    ['an unknown tier', (c) => (c[1]!['tier'] = 'moon'), [1, 'tier']],
    [
      'an instant in another zone',
      (c) => (c[1]!['updatedAt'] = new Date(Date.parse(String(c[1]!['updatedAt']))).toISOString()),
      [1, 'updatedAt'],
    ],
    [
      'acceptance after the last change',
      (c) => (c[0]!['acceptedAt'] = '2025-12-01T09:00:00.000+08:00'),
      [0, 'acceptedAt'],
    ],
    [
      'an action id twice',
      (c) => {
        const actions = c[0]!['actions'] as unknown[];
        actions.push(actions[0]);
      },
      [0, 'actions', 1, 'id'],
    ],
    [
      'two settled follow-ups',
      (c) => {
        const followUps = c[0]!['followUps'] as unknown[];
        followUps.push(followUps[0]);
      },
      [0, 'followUps'],
    ],
  ];
  for (const [what, tamper, at] of tampered) {
    it(`refuses a snapshot with ${what} (INVALID_LOG at the field)`, () => {
      const { snapshot, checkpoint } = sample();
      tamper(snapshot.cases as unknown as Record<string, unknown>[]);
      const error = expectLanewiseError(
        () => book({ restore: { snapshot, checkpoint } }),
        'INVALID_LOG',
      );
      assert.deepEqual(error.path.slice(0, 3 + at.length), ['restore', 'snapshot', 'cases', ...at]);
      assert.equal(error.details['snapshot'], checkpoint.seq);
    });
  }

  it('refuses what is not a snapshot, and says so in both languages', () => {
    const checkpoint: Checkpoint = { seq: 3, hash: 'x' };
    for (const snapshot of [null, [], { cases: 'x' }, { cases: [], extra: 1 }]) {
      expectLanewiseError(
        () => book({ restore: { snapshot: snapshot as unknown as CaseSnapshot, checkpoint } }),
        'INVALID_LOG',
      );
    }
    const error = expectLanewiseError(
      () => book({ restore: { snapshot: { cases: 'x' } as never, checkpoint } }),
      'INVALID_LOG',
    );
    assert.match(formatError(error, 'en'), /snapshot taken at event 3 is damaged/);
    assert.match(formatError(error, 'zh-CN'), /第 3 条事件处的快照已损坏/);
  });

  it('refuses a tail that does not continue the snapshot', () => {
    const { events } = sample();
    const cut = 4;
    const restore = snapshotAt(events, cut);
    const tail = json(events.slice(cut));
    expectLanewiseError(() => book({ restore, events: tail.slice(1) }), 'INVALID_LOG', [
      'events',
      0,
      'seq',
    ]);
    const elsewhere = { ...restore, checkpoint: { ...restore.checkpoint, hash: sha256('other') } };
    expectLanewiseError(() => book({ restore: elsewhere, events: tail }), 'INVALID_LOG', [
      'events',
      0,
      'hash',
    ]);
    expectLanewiseError(
      () => book({ restore: { ...restore, checkpoint: { seq: cut } }, events: tail }),
      'INVALID_INPUT',
      ['restore', 'checkpoint', 'hash'],
    );
  });

  it('checks a tail event against the restored records', () => {
    const { events } = sample();
    const { snapshot, checkpoint } = snapshotAt(events, events.length);
    const restore = { snapshot, checkpoint: { seq: checkpoint.seq } };
    const accept = (id: string) =>
      [
        {
          seq: checkpoint.seq + 1,
          type: 'cases.accepted',
          at: '2025-12-01T09:00:00.000+08:00',
          data: { id, by: 'li' },
        },
      ] as unknown as CaseEvent[];
    // b is dispatched in the snapshot: accepting it is a move a book makes.
    const accepted = book({ hash: undefined, restore, events: accept('b') });
    assert.equal(accepted.get('b')?.status, 'in_progress');
    // a is resolved in the snapshot: no book accepts it.
    expectLanewiseError(
      () => book({ hash: undefined, restore, events: accept('a') }),
      'INVALID_LOG',
      ['events', 0, 'type'],
    );
  });
});
