import type { HoursEvent, HoursPolicy, HoursSnapshot } from '../hours/index.js';
import type { PointsBalance, PointsEvent, PointsPolicy, PointsSnapshot } from '../points/index.js';

/**
 * The rules of a volunteer program: those of the hour ledger, those of the point ledger, and
 * how hours turn into points.
 *
 * @example
 * ```ts
 * // Kunshan: 1 h = 10 points. Hailin: 1 h = 1 point, 2 h per activity at most.
 * const kunshan: VolunteerProgramPolicy = { pointsPerHour: 10 };
 * const hailin: VolunteerProgramPolicy = { pointsPerHour: 1, maxMinutesPerActivity: 120 };
 * // Huangyan: 2 h = 1 point; elderly care counts double.
 * const huangyan: VolunteerProgramPolicy = { pointsPerHour: 0.5, multipliers: { elderly: 2 } };
 * ```
 */
export interface VolunteerProgramPolicy extends HoursPolicy, PointsPolicy {
  /** Points per credited hour; up to 4 decimal places (0.5 for "2 h = 1 point"). Default 10. */
  pointsPerHour?: number;
  /**
   * Multipliers by activity tag (up to 4 decimal places), as a `Map` or an object whose own
   * keys are the tags (`__proto__` and `constructor` are tags like any other). An entry with
   * several such tags takes the largest; an entry with none takes 1. Default: none.
   */
  multipliers?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

/** How hours turn into points, with the defaults filled in. */
export interface ProgramEarningRules {
  readonly pointsPerHour: number;
  /** Multipliers by tag: a frozen object without a prototype, so every key is an own key. */
  readonly multipliers: Readonly<Record<string, number>>;
}

/**
 * An event of the program's log: an event of either ledger, with the same `type`, `at` and
 * `data`, numbered by the program's own `seq` (and chained by the program's `hash`).
 */
export type ProgramEvent = HoursEvent | PointsEvent;

/** A volunteer's standing: hours, star level, points, and what they owe after a reversal. */
export interface VolunteerStanding {
  readonly volunteerId: string;
  readonly creditedMinutes: number;
  readonly starLevel: number;
  readonly points: PointsBalance;
  /** Points owed because a reversal took the balance below zero; 0 when nothing is owed. */
  readonly owing: number;
}

/** The program's state at one moment: both ledgers' snapshots. */
export interface ProgramSnapshot {
  /** The number of events in the program's log. */
  readonly version: number;
  readonly hours: HoursSnapshot;
  readonly points: PointsSnapshot;
}
