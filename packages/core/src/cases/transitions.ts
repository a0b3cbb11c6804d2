// Which moves each status allows. One table, so the state machine is read in one place.
import { LanewiseError } from '../errors/index.js';
import type { CaseRecord, CaseStatus } from './types.js';

/** The moves of the case life cycle that depend on the status. */
export type CaseMove =
  'accept' | 'act' | 'extend' | 'resolve' | 'followUp' | 'close' | 'markDuplicate' | 'escalate';

/** The statuses from which each move is allowed. */
export const CASE_MOVES: { readonly [M in CaseMove]: readonly CaseStatus[] } = {
  accept: ['dispatched'],
  act: ['in_progress'],
  extend: ['dispatched', 'in_progress'],
  resolve: ['in_progress'],
  followUp: ['resolved'],
  close: ['resolved'],
  markDuplicate: ['dispatched', 'in_progress'],
  escalate: ['dispatched', 'in_progress'],
};

/** True when the case is still open: counted against its deadline and escalated when late. */
export function isOpenStatus(status: CaseStatus): boolean {
  return status === 'dispatched' || status === 'in_progress';
}

/** Throws `INVALID_TRANSITION` unless `move` is allowed from the case's status. */
export function assertMove(record: CaseRecord, move: CaseMove): void {
  if (CASE_MOVES[move].includes(record.status)) return;
  throw new LanewiseError(
    'INVALID_TRANSITION',
    `case ${record.id} is ${record.status}: cannot ${move} (allowed from ${CASE_MOVES[move].join(', ')})`,
    { details: { id: record.id, status: record.status, move, allowedFrom: CASE_MOVES[move] } },
  );
}
