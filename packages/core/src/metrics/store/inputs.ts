// The fast input path of `RatioTracker.add`: the rules of `ratioActionInputSchema`, checked by
// hand in a few nanoseconds. When it says no, the schema parses the input again to give the
// error with its path and message; a property test keeps the two in step.
import type { RatioActionInput } from '../api.js';
import { isWeight } from './actions.js';
import { isInstant } from '../../time/parse.js';
import { isId } from '../../internal/plain.js';

const KEYS = new Set(['id', 'at', 'kind', 'weight', 'unit', 'type']);

/** The input when it is a valid add, as it is; `undefined` when the schema must say why not. */
export function fastActionInput(input: unknown): RatioActionInput | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const prototype: unknown = Object.getPrototypeOf(input);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  for (const key in input) if (!KEYS.has(key)) return undefined;
  const { id, at, kind, weight, unit, type } = input as Record<string, unknown>;
  if (kind !== 'service' && kind !== 'manage' && kind !== 'enforce') return undefined;
  if (weight !== undefined && !isWeight(weight)) return undefined;
  if (unit !== undefined && typeof unit !== 'string') return undefined;
  if (type !== undefined && typeof type !== 'string') return undefined;
  if (id !== undefined && !isId(id)) return undefined;
  if (at !== undefined && !isInstant(at)) return undefined;
  return input as RatioActionInput;
}
