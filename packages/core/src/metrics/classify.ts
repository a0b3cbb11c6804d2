import { parseInput } from '../schemas/parse.js';
import type { RatioAction } from './action-check.js';
import { invalidField } from '../schemas/parse.js';
import { requireInstantMs } from '../time/parse.js';
import { actionMappingSchema } from './ratio-schemas.js';
import type { RatioKind } from './types.js';

/** A record of any type that {@link classifyActions} can turn into an action. */
export interface ClassifiableRecord {
  readonly id?: string;
  /** When it happened (ISO instant with an offset). */
  readonly at: string;
  /** The record's type, looked up in the mapping (`publicity`, `joint-meeting`, `penalty`). */
  readonly type: string;
  readonly weight?: number;
  readonly unit?: string;
}

/** The result of {@link classifyActions}. */
export interface ClassifiedActions {
  /** The actions of the records whose type is in the mapping, in the records' order. */
  readonly actions: RatioAction[];
  /** The types that are not in the mapping, with how many records had each, most first. */
  readonly unmapped: { readonly type: string; readonly count: number }[];
}

/**
 * Turns records of any type into 721 actions through a mapping of record `type` to kind,
 * and reports the types it could not map (those records are left out, not guessed).
 *
 * @param records - records with `at`, `type`, and optionally `weight`, `unit` and `id`.
 * @param mapping - record type to kind, e.g. `{ publicity: 'service', penalty: 'enforce' }`.
 * @throws LanewiseError `INVALID_INPUT` for a mapping to an unknown kind, or a record without
 *   a string `type`, an ISO instant `at`, or with a negative `weight`.
 *
 * @example
 * ```ts
 * const { actions, unmapped } = classifyActions(workLog, {
 *   publicity: 'service',
 *   consultation: 'service',
 *   'joint-meeting': 'manage',
 *   penalty: 'enforce',
 * });
 * if (unmapped.length > 0) console.warn('types not counted:', unmapped);
 * ratio721(actions);
 * ```
 */
export function classifyActions(
  records: readonly ClassifiableRecord[],
  mapping: Readonly<Record<string, RatioKind>>,
): ClassifiedActions {
  if (!Array.isArray(records)) throw invalidField([], 'records must be an array');
  const kinds = new Map(Object.entries(parseInput(actionMappingSchema, mapping, ['mapping'])));
  const actions: RatioAction[] = [];
  const unmapped = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    if (typeof record !== 'object' || record === null)
      throw invalidField([index], 'must be an object');
    const { id, at, type, weight, unit } = record;
    if (typeof type !== 'string') throw invalidField([index, 'type'], 'must be a string');
    requireInstantMs(at, [index, 'at']);
    if (
      weight !== undefined &&
      (typeof weight !== 'number' || !(weight >= 0) || weight === Infinity)
    ) {
      throw invalidField([index, 'weight'], 'must be a finite number, 0 or more');
    }
    if (unit !== undefined && typeof unit !== 'string')
      throw invalidField([index, 'unit'], 'must be a string');
    if (id !== undefined && typeof id !== 'string')
      throw invalidField([index, 'id'], 'must be a string');
    const kind = kinds.get(type);
    if (kind === undefined) {
      unmapped.set(type, (unmapped.get(type) ?? 0) + 1);
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
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
  };
}
