// The fast input path of the bulk loops: one action checked by hand with the rules of
// `ratioActionSchema` for the fields the metrics read, at a few nanoseconds a record (a schema
// parse per record would cost more than the count). A property test keeps the two in step.
import type { LanewiseError } from '../../errors/index.js';
import { invalidField } from '../../schemas/parse.js';
import { requireInstantMs } from '../../time/parse.js';
import { MAX_RATIO_WEIGHT } from '../schemas.js';
import type { RatioAction } from '../types.js';

const WEIGHT_MESSAGE = `must be a finite number from 0 to ${MAX_RATIO_WEIGHT}`;

/** True when `weight` is a number from 0 to the largest weight (NaN is not). */
export function isWeight(weight: unknown): weight is number {
  return typeof weight === 'number' && weight >= 0 && weight <= MAX_RATIO_WEIGHT;
}

/** The error of a bad weight, with the reason that lets `formatError` say it in any language. */
export function weightError(path: readonly (string | number)[], weight: unknown): LanewiseError {
  if (typeof weight !== 'number')
    return invalidField(path, WEIGHT_MESSAGE, 'type', { expected: 'number' });
  if (!Number.isFinite(weight)) return invalidField(path, WEIGHT_MESSAGE, 'finite_number');
  if (weight < 0) return invalidField(path, WEIGHT_MESSAGE, 'too_small', { minimum: 0 });
  return invalidField(path, WEIGHT_MESSAGE, 'too_big', { maximum: MAX_RATIO_WEIGHT });
}

/** The action's weight, after checking the action; throws `INVALID_INPUT` naming the field. */
export function checkedWeight(action: unknown, index: number): number {
  if (typeof action !== 'object' || action === null)
    throw invalidField([index], 'must be an object', 'type', { expected: 'object' });
  const { kind, weight, unit, type } = action as Partial<RatioAction>;
  if (kind !== 'service' && kind !== 'manage' && kind !== 'enforce') {
    throw invalidField([index, 'kind'], 'must be one of "service", "manage", "enforce"', 'enum', {
      values: ['service', 'manage', 'enforce'],
    });
  }
  if (unit !== undefined && typeof unit !== 'string')
    throw invalidField([index, 'unit'], 'must be text', 'type', { expected: 'string' });
  if (type !== undefined && typeof type !== 'string')
    throw invalidField([index, 'type'], 'must be text', 'type', { expected: 'string' });
  if (weight === undefined) return 1;
  if (!isWeight(weight)) throw weightError([index, 'weight'], weight);
  return weight;
}

/** The action's instant in epoch ms; throws `INVALID_INPUT` naming `at` when it is not one. */
export function checkedAt(action: RatioAction, index: number): number {
  return requireInstantMs(action.at, [index, 'at']);
}

/** Throws the `INVALID_INPUT` error of an action that failed a hot loop's inline check. */
export function rejectAction(action: unknown, index: number): never {
  checkedWeight(action, index);
  checkedAt(action as RatioAction, index);
  throw invalidField([index], 'is not a valid action');
}
