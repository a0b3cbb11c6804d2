import type { Clock } from '../clock.js';
import type { HoursLedger } from '../hours/index.js';
import type { ListenerErrorHandler } from '../internal/dispatch.js';
import type { ChainHash, Checkpoint } from '../journal/index.js';
import type { PointsLedger } from '../points/index.js';
import type {
  ProgramEarningRules,
  ProgramEvent,
  ProgramSnapshot,
  VolunteerProgramPolicy,
  VolunteerStanding,
} from './types.js';

/** The options of {@link createVolunteerProgram}. */
export interface VolunteerProgramOptions {
  policy?: VolunteerProgramPolicy | undefined;
  /** The clock of both ledgers. */
  now: Clock;
  /** The community's time zone for days, periods and point lots. Default `Asia/Shanghai`. */
  timeZone?: string | undefined;
  /**
   * Events from an earlier program's `events()`, to rebuild it. Checked as strictly as the
   * live calls that wrote them: a log no program could have written is `INVALID_LOG`.
   */
  events?: readonly ProgramEvent[] | undefined;
  /**
   * Chains the program's log: every event carries `hash`, over the previous event's hash and
   * the canonical JSON of its own `seq`, `type`, `at` and `data`; replay recomputes every hash.
   */
  hash?: ChainHash | undefined;
  /** The `checkpoint()` a caller kept: a replayed log that no longer reaches it is `INVALID_LOG`. */
  checkpoint?: Checkpoint | undefined;
  /**
   * Starts the program from a snapshot instead of its whole log: `snapshot` is what
   * `snapshot()` returned when `checkpoint()` was `checkpoint`. `events` then holds only the
   * events after it (`seq` from `checkpoint.seq + 1`, chained from `checkpoint.hash`), and
   * `events()` returns those and the new ones. Each entry, transfer, item and redemption goes
   * through the checks of the live calls that made it, and the state they build must be the
   * snapshot exactly (`INVALID_LOG` at `['restore', 'snapshot', ...]`). A snapshot does not
   * keep the order of one day's approvals: credits are held to the caps, not replayed.
   */
  restore?: { readonly snapshot: ProgramSnapshot; readonly checkpoint: Checkpoint } | undefined;
  /** Makes redemption pickup codes (see the point ledger's option of the same name). */
  pickupCode?: ((redemptionId: string, attempt: number) => string) | undefined;
  /**
   * Called with each error a listener (of the program or of either ledger) throws; the write
   * stands. Default: reported as an unhandled promise rejection.
   */
  onListenerError?: ListenerErrorHandler | undefined;
}

/**
 * A volunteer program: an hour ledger and a point ledger sharing one clock and one event
 * log. Approving hours earns points; revoking or correcting approved hours takes them back.
 */
export interface VolunteerProgram {
  /**
   * The hour ledger. `approve` also posts `earn:<entryId>` from `issuer` to the volunteer, in
   * the same command; `revoke` and `correct` of an approved entry post `reverse:<entryId>`
   * back, even below zero. `record` refuses entry ids over 192 characters, so that
   * `reverse:<entryId>` fits the 200-character id limit.
   */
  readonly hours: HoursLedger;
  /**
   * The point ledger: redemption, expiry, transfers, the hledger export. Transfer ids that
   * start with `earn:` or `reverse:` are the program's own and refused here.
   */
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
   * Listens to every later event of either ledger, heard after the command that wrote it is
   * complete (an approval and its earn both written); returns the function that stops
   * listening. A write made by a listener runs after the current command.
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
  /**
   * Where the program's log ends now: `{ seq, hash }` of its last event (`{ seq: 0 }` when
   * empty). Keep it apart from the log and pass it back as `checkpoint` to detect a cut tail.
   *
   * @example
   * ```ts
   * const mark = program.checkpoint(); // { seq: 12, hash: '9f2c...' } with `hash`
   * ```
   */
  checkpoint(): Checkpoint;
}
