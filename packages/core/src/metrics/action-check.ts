// The hand-written check of one action in the bulk loops: the same rules as
// `ratioActionSchema` for the fields the metrics read, at a few nanoseconds a record.
import { invalidField } from '../schemas/parse.js';
import { instantMs } from '../time/parse.js';
import type { RatioKind } from './types.js';

/** One action counted by the 721 ratio. */
export interface RatioAction {
  /** An idempotency key for {@link RatioTracker.add}; ignored by `ratio721`. */
  readonly id?: string;
  /** When it happened (ISO instant with an offset). */
  readonly at: string;
  readonly kind: RatioKind;
  /** What it counts for: 1 by default (a count); hours or minutes work too. Never negative. */
  readonly weight?: number;
  /** The station, squad or person who acted, for `groupBy: 'unit'`. */
  readonly unit?: string;
  /** The action's own type (`publicity`, `penalty`, ...), for `groupBy: 'type'`. */
  readonly type?: string;
}

/** The action's weight, after checking the action; throws `INVALID_INPUT` naming the field. */
export function checkedWeight(action: unknown, index: number): number {
  if (typeof action !== 'object' || action === null)
    throw invalidField([index], 'must be an object');
  const { kind, weight, unit, type } = action as Partial<RatioAction>;
  if (kind !== 'service' && kind !== 'manage' && kind !== 'enforce') {
    throw invalidField([index, 'kind'], "must be 'service', 'manage' or 'enforce'");
  }
  if (unit !== undefined && typeof unit !== 'string')
    throw invalidField([index, 'unit'], 'must be a string');
  if (type !== undefined && typeof type !== 'string')
    throw invalidField([index, 'type'], 'must be a string');
  if (weight === undefined) return 1;
  if (typeof weight !== 'number' || !(weight >= 0) || weight === Infinity) {
    throw invalidField([index, 'weight'], 'must be a finite number, 0 or more');
  }
  return weight;
}

/** The action's instant in epoch ms; throws `INVALID_INPUT` naming `at` when it is not one. */
export function checkedAt(action: RatioAction, index: number): number {
  const ms = instantMs(action.at);
  if (Number.isNaN(ms))
    throw invalidField([index, 'at'], 'must be an ISO 8601 instant with an offset');
  return ms;
}

/** Throws the `INVALID_INPUT` error of an action that failed a hot loop's inline check. */
export function rejectAction(action: unknown, index: number): never {
  checkedWeight(action, index);
  throw invalidField([index], 'is not a valid action');
}
