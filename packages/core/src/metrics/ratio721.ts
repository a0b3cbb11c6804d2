import { invalidField, parseInput } from '../schemas/parse.js';
import { instantMs, isInstant } from '../time/parse.js';
import { createPeriodCutter, type PeriodSlot } from '../time/periods.js';
import { zoneOffsets } from '../time/zone.js';
import type * as z from 'zod/mini';
import type { Ratio721GroupBy, Ratio721Options } from './api.js';
import { MAX_RATIO_WEIGHT, ratio721OptionsSchema } from './schemas.js';
import { checkedAt, checkedWeight, rejectAction } from './store/actions.js';
import type { Ratio721Group, Ratio721Result, RatioAction } from './types.js';
import { summarize721 } from './views.js';

/** The options after parsing, defaults filled in. */
export type ParsedRatio721Options = z.output<typeof ratio721OptionsSchema>;

/**
 * The 721 ratio of a set of actions: is the work mostly service (70% service, 20% management,
 * 10% enforcement)? Shares are of the summed weights; each action weighs 1 unless it says
 * otherwise.
 *
 * With `groupBy`, returns one result per group that has actions in the window, in order:
 * periods oldest first, units and types by name with `null` last.
 *
 * Each action is checked as it is counted (a hand-written check with the rules of
 * `ratioActionSchema`, since a schema parse per record would cost more than the count): a bad
 * action throws `INVALID_INPUT` with its index and field in `path` (`[3, 'at']`), bad options
 * with the option's name (`['tolerance']`), unknown option keys included. Every `at` must be an
 * ISO instant with an offset, window or not; every weight a number from 0 to 10^12, so that no
 * sum overflows and every share is finite.
 *
 * @example
 * ```ts
 * // Liuzhou, 2025: 251 + 146 + 184 service, 65 management and 3,362 enforcement actions.
 * const at = '2025-12-31T12:00:00+08:00';
 * const result = ratio721([
 *   { at, kind: 'service', weight: 251 + 146 + 184 },
 *   { at, kind: 'manage', weight: 65 },
 *   { at, kind: 'enforce', weight: 3362 },
 * ]);
 * result.shares.service; // 0.145 (14.5%)
 * result.status; // 'off-target'
 * result.serviceNeeded; // 7416 more service actions to reach 70%
 * ```
 */
export function ratio721(
  actions: readonly RatioAction[],
  options?: Ratio721Options & { groupBy?: undefined },
): Ratio721Result;
export function ratio721(
  actions: readonly RatioAction[],
  options: Ratio721Options & { groupBy: Ratio721GroupBy },
): Ratio721Group[];
export function ratio721(
  actions: readonly RatioAction[],
  options?: Ratio721Options,
): Ratio721Result | Ratio721Group[];
export function ratio721(
  actions: readonly RatioAction[],
  options: Ratio721Options = {},
): Ratio721Result | Ratio721Group[] {
  if (!Array.isArray(actions))
    throw invalidField([], 'actions must be a list', 'type', { expected: 'array' });
  return ratio721Parsed(actions, parseInput(ratio721OptionsSchema, options));
}

/** `ratio721` with options already parsed: for callers that built the actions themselves. */
export function ratio721Parsed(
  actions: readonly RatioAction[],
  options: ParsedRatio721Options,
): Ratio721Result | Ratio721Group[] {
  const { target, tolerance, groupBy } = options;
  const fromMs = options.from === undefined ? -Infinity : instantMs(options.from);
  const toMs = options.to === undefined ? Infinity : instantMs(options.to);
  if (groupBy === undefined) {
    const [service, manage, enforce] =
      fromMs === -Infinity && toMs === Infinity
        ? sumAll(actions)
        : sumWindow(actions, fromMs, toMs);
    return summarize721(service, manage, enforce, target, tolerance);
  }
  const zone = zoneOffsets(options.timeZone);
  return sumGroups(actions, fromMs, toMs, groupBy, options.timeZone).map(({ key, sums, slot }) => {
    const result = summarize721(sums[0], sums[1], sums[2], target, tolerance);
    // The period's bounds are written with the zone's offset, as every instant the core returns.
    return slot === undefined
      ? { key, ...result }
      : { key, start: zone.format(slot.startMs), end: zone.format(slot.endMs), ...result };
  });
}

/** The hottest loop: three sums, every action checked inline, instants checked but not read. */
function sumAll(actions: readonly RatioAction[]): [number, number, number] {
  let service = 0;
  let manage = 0;
  let enforce = 0;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index] as RatioAction;
    if (typeof action !== 'object' || action === null) rejectAction(action, index);
    let weight = action.weight;
    if (weight === undefined) weight = 1;
    else if (typeof weight !== 'number' || !(weight >= 0 && weight <= MAX_RATIO_WEIGHT))
      rejectAction(action, index);
    const { unit, type } = action;
    if (
      (unit !== undefined && typeof unit !== 'string') ||
      (type !== undefined && typeof type !== 'string')
    ) {
      rejectAction(action, index);
    }
    if (!isInstant(action.at)) rejectAction(action, index);
    const kind = action.kind;
    if (kind === 'service') service += weight;
    else if (kind === 'manage') manage += weight;
    else if (kind === 'enforce') enforce += weight;
    else rejectAction(action, index);
  }
  return [service, manage, enforce];
}

/** The loop of a window: three sums over the actions in `[fromMs, toMs)`, every action checked inline. */
function sumWindow(
  actions: readonly RatioAction[],
  fromMs: number,
  toMs: number,
): [number, number, number] {
  let service = 0;
  let manage = 0;
  let enforce = 0;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index] as RatioAction;
    if (typeof action !== 'object' || action === null) rejectAction(action, index);
    let weight = action.weight;
    if (weight === undefined) weight = 1;
    else if (typeof weight !== 'number' || !(weight >= 0 && weight <= MAX_RATIO_WEIGHT))
      rejectAction(action, index);
    const { unit, type } = action;
    if (
      (unit !== undefined && typeof unit !== 'string') ||
      (type !== undefined && typeof type !== 'string')
    ) {
      rejectAction(action, index);
    }
    const ms = instantMs(action.at);
    if (ms !== ms) rejectAction(action, index); // NaN: not an instant with an offset
    const kind = action.kind;
    const inside = ms >= fromMs && ms < toMs;
    if (kind === 'service') {
      if (inside) service += weight;
    } else if (kind === 'manage') {
      if (inside) manage += weight;
    } else if (kind === 'enforce') {
      if (inside) enforce += weight;
    } else rejectAction(action, index);
  }
  return [service, manage, enforce];
}

interface GroupSums {
  readonly key: string | null;
  readonly sums: [number, number, number];
  readonly slot?: PeriodSlot;
}

/** Sums per group over the actions in `[fromMs, toMs)`, in the order described on `ratio721`. */
function sumGroups(
  actions: readonly RatioAction[],
  fromMs: number,
  toMs: number,
  groupBy: Ratio721GroupBy,
  timeZone: string,
): GroupSums[] {
  const groups = new Map<string | null, GroupSums>();
  const cut =
    groupBy === 'unit' || groupBy === 'type' ? undefined : createPeriodCutter(groupBy, timeZone);
  // Units and types without a window need no instant's value: a validity check does.
  const readsTime = cut !== undefined || fromMs !== -Infinity || toMs !== Infinity;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index] as RatioAction;
    const weight = checkedWeight(action, index);
    let ms = 0;
    if (readsTime) ms = checkedAt(action, index);
    else if (!isInstant(action.at)) checkedAt(action, index);
    if (ms < fromMs || ms >= toMs) continue;
    const slot = cut?.(ms);
    const key =
      slot !== undefined ? slot.key : ((groupBy === 'unit' ? action.unit : action.type) ?? null);
    let group = groups.get(key);
    if (group === undefined) {
      group = slot === undefined ? { key, sums: [0, 0, 0] } : { key, sums: [0, 0, 0], slot };
      groups.set(key, group);
    }
    group.sums[kindIndex(action.kind)] += weight;
  }
  return [...groups.values()].sort(
    cut === undefined
      ? (a, b) =>
          a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1
      : (a, b) => (a.slot?.startMs ?? 0) - (b.slot?.startMs ?? 0),
  );
}

function kindIndex(kind: RatioAction['kind']): 0 | 1 | 2 {
  return kind === 'service' ? 0 : kind === 'manage' ? 1 : 2;
}
