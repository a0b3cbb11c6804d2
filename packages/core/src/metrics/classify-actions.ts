import { invalidField, parseInput } from '../schemas/parse.js';
import { requireInstantMs } from '../time/parse.js';
import { ratioKindSchema } from './schemas.js';
import { isWeight, weightError } from './store/actions.js';
import type { ClassifiableRecord, ClassifiedActions, RatioAction, RatioKind } from './types.js';

/**
 * The mapping as a `Map` of its own keys, each kind checked: `constructor` or `__proto__` are
 * record types like any other (a zod record would drop `__proto__`).
 */
function mappingOf(mapping: unknown): Map<string, RatioKind> {
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) {
    throw invalidField(['mapping'], 'must be an object of record type to kind', 'type', {
      expected: 'object',
    });
  }
  const kinds = new Map<string, RatioKind>();
  for (const [type, kind] of Object.entries(mapping)) {
    kinds.set(type, parseInput(ratioKindSchema, kind, ['mapping', type]));
  }
  return kinds;
}

/**
 * Turns records of any type into 721 actions through a mapping of record `type` to kind,
 * and reports the types it could not map (those records are left out, not guessed).
 *
 * @param records - records with `at`, `type`, and optionally `weight`, `unit` and `id`.
 * @param mapping - record type to kind, e.g. `{ publicity: 'service', penalty: 'enforce' }`.
 * @throws LanewiseError `INVALID_INPUT` for a mapping to an unknown kind (path `['mapping', type]`),
 *   or a record without a string `type`, an ISO instant `at` with an offset, or with a weight
 *   that is not a number from 0 to 10^12 (path `[index, field]`).
 *
 * @example
 * ```ts
 * const { actions, unmapped } = classifyActions(workLog, {
 *   publicity: 'service',
 *   consultation: 'service',
 *   'joint-meeting': 'manage',
 *   penalty: 'enforce',
 * });
 * for (const { type, count, weight } of unmapped) console.warn(`not counted: ${count} ${type} records, weight ${weight}`);
 * ratio721(actions);
 * ```
 */
export function classifyActions(
  records: readonly ClassifiableRecord[],
  mapping: Readonly<Record<string, RatioKind>>,
): ClassifiedActions {
  if (!Array.isArray(records))
    throw invalidField([], 'records must be a list', 'type', { expected: 'array' });
  const kinds = mappingOf(mapping);
  const actions: RatioAction[] = [];
  const unmapped = new Map<string, { count: number; weight: number }>();
  for (const [index, record] of records.entries()) {
    if (typeof record !== 'object' || record === null)
      throw invalidField([index], 'must be an object', 'type', { expected: 'object' });
    const { id, at, type, weight, unit } = record;
    if (typeof type !== 'string')
      throw invalidField([index, 'type'], 'must be text', 'type', { expected: 'string' });
    requireInstantMs(at, [index, 'at']);
    if (weight !== undefined && !isWeight(weight)) {
      throw weightError([index, 'weight'], weight);
    }
    if (unit !== undefined && typeof unit !== 'string')
      throw invalidField([index, 'unit'], 'must be text', 'type', { expected: 'string' });
    if (id !== undefined && typeof id !== 'string')
      throw invalidField([index, 'id'], 'must be text', 'type', { expected: 'string' });
    const kind = kinds.get(type);
    if (kind === undefined) {
      const tally = unmapped.get(type) ?? { count: 0, weight: 0 };
      tally.count += 1;
      tally.weight += weight ?? 1;
      unmapped.set(type, tally);
      continue;
    }
    actions.push({
      ...(id === undefined ? {} : { id }),
      at,
      kind,
      type,
      ...(weight === undefined ? {} : { weight }),
      ...(unit === undefined ? {} : { unit }),
    });
  }
  return {
    actions,
    unmapped: [...unmapped]
      .map(([type, { count, weight }]) => ({ type, count, weight }))
      .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
  };
}
