import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CASE_MOVES,
  type CaseBook,
  type CaseMove,
  type CaseStatus,
} from '../../src/cases/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { intake, makeBook } from './fixtures.js';

/** A fresh book with case `x` in the given status (and an original `o` for duplicates). */
function bookWith(status: CaseStatus): CaseBook {
  const { book } = makeBook();
  book.open(intake({ id: 'o' }));
  book.open(intake({ id: 'x' }));
  if (status === 'duplicate') book.markDuplicate('x', { of: 'o' });
  if (status === 'dispatched' || status === 'duplicate') return book;
  book.accept('x', { by: 'li' });
  if (status === 'in_progress') return book;
  book.resolve('x', { by: 'li', outcome: 'resolved' });
  if (status === 'resolved') return book;
  book.close('x');
  return book;
}

/** Each move called with valid input on case `x`. */
const CALLS: { readonly [M in Exclude<CaseMove, 'escalate'>]: (book: CaseBook) => unknown } = {
  accept: (book) => book.accept('x', { by: 'wang' }),
  act: (book) =>
    book.act('x', {
      id: 'a',
      kind: 'service',
      type: 'visit',
      by: 'wang',
      at: '2025-01-24T09:30:00+08:00',
    }),
  extend: (book) =>
    book.extend('x', { until: '2025-03-01T00:00:00+08:00', reason: 'parts', by: 'wang' }),
  resolve: (book) => book.resolve('x', { by: 'wang', outcome: 'unresolvable' }),
  followUp: (book) => book.followUp('x', { rating: 'basic', at: '2025-01-25T12:00:00+08:00' }),
  close: (book) => book.close('x'),
  markDuplicate: (book) => book.markDuplicate('x', { of: 'o' }),
};

const STATUSES: readonly CaseStatus[] = [
  'dispatched',
  'in_progress',
  'resolved',
  'closed',
  'duplicate',
];

describe('case life cycle: the state machine', () => {
  for (const [move, call] of Object.entries(CALLS) as [
    Exclude<CaseMove, 'escalate'>,
    (book: CaseBook) => unknown,
  ][]) {
    for (const status of STATUSES) {
      const allowed = CASE_MOVES[move].includes(status);
      it(`${allowed ? 'allows' : 'refuses'} ${move} from ${status}`, () => {
        const book = bookWith(status);
        assert.equal(book.get('x')?.status, status);
        const before = book.events().length;
        const record = book.get('x');
        if (allowed) {
          call(book);
          assert.equal(book.events().length, before + 1);
        } else {
          expectLanewiseError(() => call(book), 'INVALID_TRANSITION');
          assert.equal(book.events().length, before, 'a refused move appends nothing');
          assert.equal(book.get('x'), record, 'a refused move changes nothing');
        }
      });
    }
  }

  it('names the status and the move in the error details', () => {
    const book = bookWith('closed');
    assert.throws(
      () => book.accept('x', { by: 'li' }),
      (error: unknown) => {
        assert.deepEqual((error as { details: unknown }).details, {
          id: 'x',
          status: 'closed',
          move: 'accept',
          allowedFrom: ['dispatched'],
        });
        return true;
      },
    );
  });

  it('never escalates closed, resolved or duplicate cases', () => {
    for (const status of ['resolved', 'closed', 'duplicate'] as const) {
      const book = bookWith(status);
      assert.deepEqual(
        book.review('2026-01-01T00:00:00+08:00').filter((entry) => entry.caseId === 'x'),
        [],
      );
    }
  });
});
