// The log of a case book: replay trusts nothing. Every damaged log is INVALID_LOG at the event,
// a chained log verifies after its keys were reordered, and a checkpoint shows a cut-off tail.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { cnCalendar } from '../../src/calendar/index.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { canonicalJson } from '../../src/internal/canonical-json.js';
import {
  createCaseBook,
  type CaseBook,
  type CaseEvent,
  type CaseRecord,
} from '../../src/cases/index.js';
import type { Checkpoint } from '../../src/journal/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { logMutation } from '../support/log-mutations.js';
import { RULES, intake, makeBook } from './fixtures.js';
import { opArbitrary, run } from './runs.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const replay = (
  events: unknown,
  options: { hash?: (text: string) => string; checkpoint?: Checkpoint } = {},
): CaseBook =>
  createCaseBook({
    routing: RULES,
    calendar: cnCalendar,
    now: () => new Date('2025-01-20T09:00:00+08:00'),
    escalation: { tierAfterWorkingDays: 3 },
    events: events as CaseEvent[],
    ...options,
  });

/** The same JSON with the keys of every object in reverse order, as `jsonb` may return them. */
function reorderKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).reverse()) out[key] = reorderKeys(value[key] as Json);
  return out;
}

/** The invariants every replayed book keeps. */
function assertInvariants(book: CaseBook): void {
  for (const record of book.list()) {
    assert.ok(Object.isFrozen(record), 'records are frozen');
    const unsatisfied = record.followUps.filter((entry) => entry.rating === 'unsatisfied').length;
    assert.equal(record.reopenedCount, unsatisfied);
    assert.ok(record.followUps.length <= record.reopenedCount + 1, 'one follow-up per round');
    const ids = record.actions.map((action) => action.id);
    assert.equal(new Set(ids).size, ids.length, 'action ids are unique within a case');
    const receivedMs = Date.parse(record.receivedAt);
    for (const action of record.actions) assert.ok(Date.parse(action.at) >= receivedMs);
    for (const extension of record.extensions) {
      assert.ok(Date.parse(extension.until) > Date.parse(extension.from), 'extensions move later');
    }
    const steps = record.escalations.map((entry) => `${entry.round}:${entry.step}`);
    assert.equal(new Set(steps).size, steps.length, 'each step once per round');
    const tiers = new Set(RULES.tiers.map((tier) => tier.id));
    assert.ok(tiers.has(record.tier), 'a known tier');
    for (const entry of record.escalations) if (entry.toTier) assert.ok(tiers.has(entry.toTier));
    assert.equal(record.status === 'closed', record.closedAt !== undefined);
    if (record.duplicateOf !== undefined) {
      assert.ok(book.get(record.duplicateOf), 'a duplicate names a case of the book');
    }
  }
}

/** Valid logs written by live calls (chained with `hash` when given), each with one damage. */
const damagedLogs = (hash?: (text: string) => string) =>
  fc
    .array(opArbitrary, { minLength: 10, maxLength: 60 })
    .map((ops) => run(ops, hash ? { hash } : {}).book)
    .filter((book) => book.events().length > 0)
    .chain((book) => logMutation(book.events()).map((mutation) => ({ book, mutation })));

describe('case log: replay trusts nothing', () => {
  it('replays an edited log only when a live book could have written it', () => {
    fc.assert(
      fc.property(damagedLogs(), ({ book, mutation }) => {
        const events = mutation.events as Json[];
        fc.pre(canonicalJson(events) !== canonicalJson(book.events()));
        let replayed: CaseBook;
        try {
          replayed = replay(events);
        } catch (error) {
          assert.ok(
            isLanewiseError(error, 'INVALID_LOG'),
            `${mutation.description}: ${String(error)}`,
          );
          assert.deepEqual(error.path.slice(0, 1), ['events']);
          return;
        }
        // A log some live book could have written: its own events are the edited log.
        assert.deepStrictEqual(copy(replayed.events()), events, mutation.description);
        assertInvariants(replayed);
        assert.deepStrictEqual(replay(copy(replayed.events())).list(), replayed.list());
      }),
      { numRuns: 300, includeErrorInReport: true },
    );
  });

  it('refuses every edit of a chained log, a cut-off tail against its checkpoint', () => {
    fc.assert(
      fc.property(damagedLogs(sha256), ({ book, mutation }) => {
        fc.pre(canonicalJson(mutation.events) !== canonicalJson(book.events()));
        expectLanewiseError(
          () => replay(mutation.events, { hash: sha256, checkpoint: book.checkpoint() }),
          'INVALID_LOG',
        );
      }),
      { numRuns: 300, includeErrorInReport: true },
    );
  });

  it('verifies a chained log whose keys storage reordered (PostgreSQL jsonb)', () => {
    const { book } = makeBook({ hash: sha256 });
    book.open(intake({ attributes: { reports: 4, floor: { level: 3, unit: 'B' } } }));
    book.accept('c-1', { by: 'li' });
    book.act('c-1', {
      id: 'a',
      kind: 'manage',
      type: 'visit',
      by: 'li',
      at: '2025-01-24T09:30:00+08:00',
    });
    const stored = reorderKeys(copy(book.events()) as unknown as Json);
    assert.notEqual(JSON.stringify(stored), JSON.stringify(book.events()), 'the keys moved');
    const again = replay(stored, { hash: sha256, checkpoint: book.checkpoint() });
    assert.deepStrictEqual(again.list(), book.list());
    assert.deepStrictEqual(again.checkpoint(), book.checkpoint());
  });

  it('offers a checkpoint and refuses a log cut short of it', () => {
    const { book } = makeBook({ hash: sha256 });
    assert.deepEqual(book.checkpoint(), { seq: 0 });
    book.open(intake({ id: 'a' }));
    book.open(intake({ id: 'b' }));
    const checkpoint = book.checkpoint();
    assert.equal(checkpoint.seq, 2);
    assert.equal(checkpoint.hash, book.events()[1]?.hash);
    const cut = copy(book.events()).slice(0, 1);
    assert.equal(replay(cut, { hash: sha256 }).size, 1, 'without a checkpoint a prefix is a log');
    expectLanewiseError(() => replay(cut, { hash: sha256, checkpoint }), 'INVALID_LOG', [
      'events',
      1,
    ]);
  });

  it('refuses what is not a log with INVALID_LOG, never a TypeError', () => {
    for (const events of [null, {}, 'log', 3, [null], [{ seq: 1 }]]) {
      expectLanewiseError(() => replay(events), 'INVALID_LOG');
    }
    const { book } = makeBook();
    book.open(intake());
    const [opened] = copy(book.events()) as unknown as { data: unknown }[];
    expectLanewiseError(() => replay([{ ...opened, data: null }]), 'INVALID_LOG', [
      'events',
      0,
      'data',
    ]);
  });
});

/** A book at the point each damaged log below starts from: c-1 resolved, c-2 in progress. */
function base(): { book: CaseBook; log: CaseEvent[] } {
  const { book, clock } = makeBook({ escalation: { tierAfterWorkingDays: 2 } });
  book.open(intake());
  book.open(intake({ id: 'c-2' }));
  book.accept('c-1', { by: 'li' });
  book.accept('c-2', { by: 'li' });
  book.act('c-2', {
    id: 'a-1',
    kind: 'service',
    type: 'visit',
    by: 'li',
    at: '2025-01-24T09:30:00+08:00',
  });
  book.resolve('c-1', { by: 'li', outcome: 'resolved' });
  clock.set('2025-01-25T10:00:00+08:00');
  return { book, log: copy(book.events()) as CaseEvent[] };
}

/** The log plus one event, appended with the next seq. */
function plus(log: readonly CaseEvent[], ...more: Omit<CaseEvent, 'seq'>[]): CaseEvent[] {
  return [
    ...log,
    ...more.map((event, index) => ({ ...event, seq: log.length + index + 1 }) as CaseEvent),
  ];
}

describe('case log: the rules of the live calls hold on replay', () => {
  const at = '2025-01-25T10:00:00.000+08:00';

  it('refuses two follow-ups in one round', () => {
    const { log } = base();
    const followUp = {
      type: 'cases.followed_up',
      at,
      data: { id: 'c-1', rating: 'satisfied', at },
    } as const;
    assert.equal(replay(plus(log, followUp)).get('c-1')?.followUps.length, 1);
    expectLanewiseError(() => replay(plus(log, followUp, followUp)), 'INVALID_LOG', [
      'events',
      log.length + 1,
      'type',
    ]);
  });

  it('refuses a duplicate action id in a case', () => {
    const { log } = base();
    const acted = log.find((event) => event.type === 'cases.acted') as CaseEvent;
    expectLanewiseError(
      () => replay(plus(log, { type: acted.type, at, data: acted.data } as CaseEvent)),
      'INVALID_LOG',
      ['events', log.length, 'data', 'action', 'id'],
    );
  });

  it('refuses an action dated before the case was received or after the event', () => {
    const { log } = base();
    const action = { id: 'a-2', kind: 'enforce', type: 'fine', by: 'li' } as const;
    for (const when of ['2019-01-01T00:00:00.000+08:00', '2026-01-01T00:00:00.000+08:00']) {
      expectLanewiseError(
        () =>
          replay(
            plus(log, {
              type: 'cases.acted',
              at,
              data: { id: 'c-2', action: { ...action, at: when } },
            }),
          ),
        'INVALID_LOG',
        ['events', log.length, 'data', 'action', 'at'],
      );
    }
  });

  it('refuses an extension earlier than the deadline, or after it passed', () => {
    const { book, log } = base();
    const dueAt = book.get('c-2')?.dueAt as string;
    const extended = (until: string, when = at) =>
      plus(log, {
        type: 'cases.extended',
        at: when,
        data: { id: 'c-2', until, reason: 'parts', by: 'li' },
      });
    assert.ok(replay(extended('2025-02-20T18:00:00.000+08:00')).get('c-2'));
    expectLanewiseError(() => replay(extended('2025-01-30T18:00:00.000+08:00')), 'INVALID_LOG', [
      'events',
      log.length,
      'data',
      'until',
    ]);
    expectLanewiseError(() => replay(extended(dueAt)), 'INVALID_LOG');
    expectLanewiseError(
      () => replay(extended('2025-03-20T18:00:00.000+08:00', '2025-03-01T10:00:00.000+08:00')),
      'INVALID_LOG',
      ['events', log.length, 'at'],
    );
  });

  it('refuses an escalation to an unknown tier, or one that is not the next', () => {
    const { book, log } = base();
    const record = book.get('c-2') as CaseRecord;
    const move = (toTier: string, step = 'tier') =>
      plus(log, {
        type: 'cases.escalated',
        at: '2025-02-20T10:00:00.000+08:00',
        data: {
          id: 'c-2',
          step,
          dueAt: record.dueAt,
          round: 0,
          tier: record.tier,
          toTier,
          handlers: ['x'],
          newDueAt: '2025-03-01T23:59:59.999+08:00',
          deadline: { workingDays: 7 },
        },
      } as never);
    assert.equal(replay(move('joint')).get('c-2')?.tier, 'joint');
    expectLanewiseError(() => replay(move('moon-base')), 'INVALID_LOG', [
      'events',
      log.length,
      'data',
      'toTier',
    ]);
    expectLanewiseError(() => replay(move('onsite')), 'INVALID_LOG', [
      'events',
      log.length,
      'data',
      'toTier',
    ]);
    // A chase carries no move.
    expectLanewiseError(() => replay(move('joint', 'chase')), 'INVALID_LOG');
    // Not late yet.
    const early = move('joint');
    (early[early.length - 1] as { at: string }).at = '2025-01-25T10:00:00.000+08:00';
    expectLanewiseError(() => replay(early), 'INVALID_LOG', [
      'events',
      log.length,
      'data',
      'dueAt',
    ]);
  });

  it('refuses a case opened into an unknown tier, received after its event, or opened twice', () => {
    const { log } = base();
    const opened = log[0] as Extract<CaseEvent, { type: 'cases.opened' }>;
    const withTier = copy(opened);
    (withTier.data.dispatch as { tier: string }).tier = 'moon-base';
    expectLanewiseError(() => replay([withTier]), 'INVALID_LOG', [
      'events',
      0,
      'data',
      'dispatch',
      'tier',
    ]);
    const future = copy(opened);
    (future as { at: string }).at = '2025-01-01T00:00:00.000+08:00';
    expectLanewiseError(() => replay([future]), 'INVALID_LOG', [
      'events',
      0,
      'data',
      'intake',
      'receivedAt',
    ]);
  });

  it('refuses a duplicate of a duplicate, and a case named that is not in the log', () => {
    const { log } = base();
    const marked = (id: string, of: string) =>
      ({ type: 'cases.marked_duplicate', at, data: { id, of } }) as const;
    const opened = copy(log[0]) as Extract<CaseEvent, { type: 'cases.opened' }>;
    const third = {
      type: opened.type,
      at,
      data: { ...opened.data, intake: { ...opened.data.intake, id: 'c-3' } },
    } as const;
    const chain = plus(log, third, marked('c-2', 'c-3'));
    assert.equal(replay(chain).get('c-2')?.duplicateOf, 'c-3');
    const fourth = {
      ...third,
      data: { ...third.data, intake: { ...third.data.intake, id: 'c-4' } },
    };
    expectLanewiseError(() => replay(plus(chain, fourth, marked('c-4', 'c-2'))), 'INVALID_LOG', [
      'events',
      chain.length + 1,
      'data',
      'of',
    ]);
    expectLanewiseError(() => replay(plus(log, marked('c-2', 'c-9'))), 'INVALID_LOG', [
      'events',
      log.length,
      'data',
      'of',
    ]);
  });

  it('refuses a log whose instants are not written as the book writes them', () => {
    const { log } = base();
    const utc = copy(log).map((event) => ({ ...event, at: new Date(event.at).toISOString() }));
    expectLanewiseError(() => replay(utc), 'INVALID_LOG', ['events', 0, 'at']);
    const opened = copy(log);
    const first = opened[0] as Extract<CaseEvent, { type: 'cases.opened' }>;
    (first.data.intake as { receivedAt: string }).receivedAt = '2025-01-24T09:00:00+08:00';
    expectLanewiseError(() => replay(opened), 'INVALID_LOG', [
      'events',
      0,
      'data',
      'intake',
      'receivedAt',
    ]);
  });
});
