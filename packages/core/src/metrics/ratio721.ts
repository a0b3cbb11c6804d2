import type { z } from 'zod';
import { parseInput } from '../schemas/parse.js';
import { checkedAt, checkedWeight, rejectAction, type RatioAction } from './action-check.js';
import { invalidField } from '../schemas/parse.js';
import { createPeriodCutter, type PeriodSlot } from '../time/periods.js';
import { summarize721, type Ratio721Result } from './ratio-summary.js';
import { ratio721OptionsSchema } from './ratio-schemas.js';
import type { MetricsPeriod, RatioByKind } from './types.js';

/** What `ratio721` can group by: the acting unit, the action type, or a calendar period. */
export type Ratio721GroupBy = 'unit' | 'type' | MetricsPeriod;

/** Options of {@link ratio721}. */
export interface Ratio721Options {
  /** The target shares; `{ service: 0.7, manage: 0.2, enforce: 0.1 }` by default. */
  target?: RatioByKind;
  /** How far (as a share) each kind may be from its target and still be on target; 0.05 by default. */
  tolerance?: number;
  /** Counts only actions at or after this instant. */
  from?: string;
  /** Counts only actions before this instant. */
  to?: string;
  /** Returns one result per unit, type, day, ISO week or month instead of one in all. */
  groupBy?: Ratio721GroupBy;
  /** The community's time zone, where days, weeks and months are cut; `Asia/Shanghai` by default. */
  timeZone?: string;
}

/** One group's 721 figures. */
export interface Ratio721Group extends Ratio721Result {
  /**
   * The unit or type (`null` for actions without one), or the period's key: `2025-03-01`,
   * `2025-W09` (ISO week), `2025-03`.
   */
  readonly key: string | null;
  /** For periods: the period's start, an ISO instant in the community's time zone. */
  readonly start?: string;
  /** For periods: the period's end (the next one's start). */
  readonly end?: string;
}

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
 * Each action is checked as it is counted (a hand-written check with the rules of the
 * schema, since a schema parse per record would cost more than the count): a bad action
 * throws `INVALID_INPUT` with its index and field in `path`. `at` must be a string; its
 * format is checked where it is read (with `from`, `to` or a period `groupBy`).
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
  if (!Array.isArray(actions)) throw invalidField([], 'actions must be an array');
  return ratio721Parsed(actions, parseInput(ratio721OptionsSchema, options));
}

/** `ratio721` with options already parsed: for callers that built the actions themselves. */
export function ratio721Parsed(
  actions: readonly RatioAction[],
  options: ParsedRatio721Options,
): Ratio721Result | Ratio721Group[] {
  const { target, tolerance, groupBy } = options;
  if (groupBy === undefined && options.from === undefined && options.to === undefined) {
    const [service, manage, enforce] = sumAll(actions);
    return summarize721(service, manage, enforce, target, tolerance);
  }
  const fromMs = options.from === undefined ? -Infinity : Date.parse(options.from);
  const toMs = options.to === undefined ? Infinity : Date.parse(options.to);
  if (groupBy === undefined) {
    const [service, manage, enforce] = sumWindow(actions, fromMs, toMs);
    return summarize721(service, manage, enforce, target, tolerance);
  }
  return sumGroups(actions, fromMs, toMs, groupBy, options.timeZone).map(({ key, sums, slot }) => {
    const result = summarize721(sums[0], sums[1], sums[2], target, tolerance);
    return slot === undefined
      ? { key, ...result }
      : { key, start: slot.start, end: slot.end, ...result };
  });
}

/** The hot loop: three sums, every action checked inline. */
function sumAll(actions: readonly RatioAction[]): [number, number, number] {
  let service = 0;
  let manage = 0;
  let enforce = 0;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index] as RatioAction;
    if (typeof action !== 'object' || action === null) rejectAction(action, index);
    let weight = action.weight;
    if (weight === undefined) weight = 1;
    else if (typeof weight !== 'number' || !(weight >= 0) || weight === Infinity)
      rejectAction(action, index);
    const { unit, type } = action;
    if (
      (unit !== undefined && typeof unit !== 'string') ||
      (type !== undefined && typeof type !== 'string')
    ) {
      rejectAction(action, index);
    }
    // The instant is not read here, so only its type is checked (a full parse costs more than the count).
    if (typeof action.at !== 'string') checkedAt(action, index);
    const kind = action.kind;
    if (kind === 'service') service += weight;
    else if (kind === 'manage') manage += weight;
    else if (kind === 'enforce') enforce += weight;
    else rejectAction(action, index);
  }
  return [service, manage, enforce];
}

/** Three sums over the actions in `[fromMs, toMs)`. */
function sumWindow(
  actions: readonly RatioAction[],
  fromMs: number,
  toMs: number,
): [number, number, number] {
  const sums: [number, number, number] = [0, 0, 0];
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index] as RatioAction;
    const weight = checkedWeight(action, index);
    const ms = checkedAt(action, index);
    if (ms >= fromMs && ms < toMs) sums[kindIndex(action.kind)] += weight;
  }
  return sums;
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
  const readsTime = cut !== undefined || fromMs !== -Infinity || toMs !== Infinity;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index] as RatioAction;
    const weight = checkedWeight(action, index);
    if (!readsTime && typeof action.at !== 'string') checkedAt(action, index);
    const ms = readsTime ? checkedAt(action, index) : 0;
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
