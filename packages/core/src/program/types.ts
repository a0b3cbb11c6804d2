import type { Clock } from '../clock.js';
import type { HoursEvent, HoursLedger, HoursPolicy, HoursSnapshot } from '../hours/index.js';
import type { JournalEvent } from '../journal/index.js';
import type {
  PointsBalance,
  PointsEvent,
  PointsLedger,
  PointsPolicy,
  PointsSnapshot,
} from '../points/index.js';

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
   * Multipliers by activity tag (up to 4 decimal places). An entry with several such tags
   * takes the largest; an entry with none takes 1. Default: none.
   */
  multipliers?: Readonly<Record<string, number>>;
}

/** How hours turn into points, with the defaults filled in. */
export interface ProgramEarningRules {
  readonly pointsPerHour: number;
  readonly multipliers: Readonly<Record<string, number>>;
}

/** An event of the program's log: one event of either ledger, in the order they happened. */
export type ProgramEvent = JournalEvent<'hours', HoursEvent> | JournalEvent<'points', PointsEvent>;

/** The options of {@link createVolunteerProgram}. */
export interface VolunteerProgramOptions {
  policy?: VolunteerProgramPolicy | undefined;
  /** The clock of both ledgers. */
  now: Clock;
  /** The community's time zone for days, periods and point lots. Default `Asia/Shanghai`. */
  timeZone?: string | undefined;
  /** Events from an earlier program's `events()`, to rebuild it. */
  events?: readonly ProgramEvent[] | undefined;
  /** Makes redemption pickup codes (see the point ledger's option of the same name). */
  pickupCode?: ((redemptionId: string, attempt: number) => string) | undefined;
}

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

/**
 * A volunteer program: an hour ledger and a point ledger sharing one clock and one event
 * log. Approving hours earns points; revoking or correcting approved hours takes them back.
 */
export interface VolunteerProgram {
  /**
   * The hour ledger. `approve` also posts `earn:<entryId>` from `issuer` to the volunteer;
   * `revoke` and `correct` of an approved entry post `reverse:<entryId>` back, even below zero.
   */
  readonly hours: HoursLedger;
  /** The point ledger: redemption, expiry, transfers, the hledger export. */
  readonly points: PointsLedger;
  /** How hours turn into points. */
  readonly earning: ProgramEarningRules;
  /**
   * The points `creditedMinutes` earn with these tags: rounded down, in the issuer's favour.
   *
   * @example
   * ```ts
   * program.pointsFor(90); // 15 at 10 points an hour
   * program.pointsFor(120, ['elderly']); // 30 with multipliers { elderly: 1.5 }
   * ```
   */
  pointsFor(creditedMinutes: number, tags?: readonly string[]): number;
  /**
   * A volunteer's hours, star level, points and debt.
   *
   * @example
   * ```ts
   * const { creditedMinutes, starLevel, points, owing } = program.standing('v-li');
   * ```
   */
  standing(volunteerId: string): VolunteerStanding;
  /**
   * The log of both ledgers, oldest first: pass it as `events` to rebuild an equal program.
   *
   * @example
   * ```ts
   * const copy = createVolunteerProgram({ now: clock.now, policy, events: program.events() });
   * ```
   */
  events(): readonly ProgramEvent[];
  /**
   * Listens to every later event of either ledger, heard after it is applied; returns the
   * function that stops listening.
   *
   * @example
   * ```ts
   * const stop = program.subscribe((event) => save(event));
   * ```
   */
  subscribe(listener: (event: ProgramEvent) => void): () => void;
  /**
   * Both ledgers' snapshots: a new object after each change, the same one until then.
   *
   * @example
   * ```ts
   * const { version, hours, points } = program.snapshot();
   * ```
   */
  snapshot(): ProgramSnapshot;
}
