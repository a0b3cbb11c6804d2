// The public interface of the tracker and the option types of every metrics function.
import type { Clock } from '../clock.js';
import type { Dispatcher } from '../internal/dispatch.js';
import type { ChainHash, Checkpoint } from '../journal/index.js';
import type {
  MetricsPeriod,
  Ratio721Result,
  RatioAction,
  RatioByKind,
  RatioTrackerEvent,
  SatisfactionLevel,
} from './types.js';

/** What `ratio721` can group by: the acting unit, the action type, or a calendar period. */
export type Ratio721GroupBy = 'unit' | 'type' | MetricsPeriod;

/** Options of `ratio721`. */
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

/** Options of `ratio721FromCases`. */
export interface Ratio721FromCasesOptions extends Ratio721Options {
  /**
   * What is counted: `actions` (the default) counts every handling action recorded on the
   * cases, at its own time, by its `by` as the unit and its `type`; `cases` counts each case
   * once by its `kind`, at `receivedAt`, with its first handler as the unit and its category
   * as the type (cases without a kind are not counted).
   */
  count?: 'actions' | 'cases';
}

/** Options of `satisfaction` on the three-level scale. */
export interface ThreeLevelOptions {
  scale?: 'three-level';
  /** The levels that count as satisfied; `['satisfied', 'basic']` by default. */
  satisfied?: readonly SatisfactionLevel[];
  /** The interval's confidence level, strictly between 0 and 1; 0.95 by default. */
  confidence?: number;
}

/** Options of `satisfaction` on a scored scale. */
export interface ScoreScaleOptions {
  scale: 'five-point' | 'nps';
  /** The scores that count as satisfied: `[4, 5]` on five points (top-two-box), `[9, 10]` for NPS. */
  satisfied?: readonly number[];
  /** The interval's confidence level, strictly between 0 and 1; 0.95 by default. */
  confidence?: number;
  /** The prior mean of the Bayesian mean: the scale's midpoint (3, or 5 for NPS) by default. */
  prior?: number;
  /** How many answers the prior weighs as: 10 by default, at most 10^9. */
  priorWeight?: number;
}

/** Options of `caseRates`. */
export interface CaseRatesOptions {
  /** The clock: decides which responses are still pending and which open cases are overdue. */
  now: Clock;
  /** Counts the cases received at or after this instant. */
  from?: string;
  /** Counts the cases received before this instant. */
  to?: string;
  /** The community's time zone, whose offset the result's instants carry; `Asia/Shanghai` by default. */
  timeZone?: string;
  /** The response limit from receipt, in minutes: 1440 (24 hours) by default. */
  responseMinutes?: number;
  /** Response limits per tier, in minutes, over `responseMinutes`. */
  responseMinutesByTier?: Readonly<Record<string, number>>;
  /** The follow-up answers that count as satisfied: `['satisfied', 'basic']` by default. */
  satisfied?: readonly SatisfactionLevel[];
  /** Which follow-ups count: each case's `latest` (the default) or `all` of them. */
  followUps?: 'latest' | 'all';
  /** The intervals' confidence level, strictly between 0 and 1; 0.95 by default. */
  confidence?: number;
}

/** Options of `trend`. */
export interface TrendOptions {
  /** `day`, `week` (ISO weeks, Monday first) or `month`, cut in `timeZone`. */
  period: MetricsPeriod;
  /** The series starts with the period that holds this instant. */
  from: string;
  /** The series ends with the period that holds the instant just before this one. */
  to: string;
  /** The community's time zone; `Asia/Shanghai` by default. */
  timeZone?: string;
}

/** Options of `compareRates`. */
export interface CompareRatesOptions {
  /** The interval's confidence level, strictly between 0 and 1; 0.95 by default. */
  confidence?: number;
}

/** What {@link RatioTracker.add} takes: an action whose `at` defaults to the clock's now. */
export type RatioActionInput = Omit<RatioAction, 'at'> & { readonly at?: string };

/** Options of `createRatioTracker`. */
export interface RatioTrackerOptions {
  /** Stamps the log and the actions added without `at`. */
  now: Clock;
  /** The target shares; `{ service: 0.7, manage: 0.2, enforce: 0.1 }` by default. */
  target?: RatioByKind;
  /** 0.05 by default. */
  tolerance?: number;
  /** The community's time zone, whose offset the stamps carry; `Asia/Shanghai` by default. */
  timeZone?: string;
  /**
   * A log from an earlier tracker's `events()`, replayed to start from. It is checked as
   * strictly as the adds that wrote it; a log no tracker could have written is `INVALID_LOG`.
   */
  events?: readonly RatioTrackerEvent[];
  /** Chains every event to the one before with this hash (SHA-256 hex, say), and verifies a replayed log. */
  hash?: ChainHash;
  /** The `{ seq, hash }` of the last event a caller kept: a replayed log must still hold it. */
  checkpoint?: Checkpoint;
  /** Receives a listener's error; by default it is reported as an unhandled promise rejection. */
  onListenerError?: (error: unknown) => void;
  /** @internal Runs this tracker's commands under another object's dispatcher. */
  dispatcher?: Dispatcher;
}

/** A live 721 count, fed one action at a time. */
export interface RatioTracker {
  /**
   * Adds an action in constant time and tells the subscribers. An action with an `id` that
   * was added before is not counted again: the stored action is returned when the content
   * is the same, and `ID_CONFLICT` is thrown when it differs. Returns the stored action, frozen.
   */
  add(action: RatioActionInput): RatioAction;
  /**
   * The same result as `ratio721` over everything added, deeply frozen; the same object until
   * the next add.
   */
  snapshot(): Ratio721Result;
  /**
   * Listens to every later add (called after the add is complete); returns the function that
   * stops listening.
   */
  subscribe(listener: (event: RatioTrackerEvent) => void): () => void;
  /** The log of adds, oldest first, frozen: pass it as `events` to rebuild an equal tracker. */
  events(): readonly RatioTrackerEvent[];
  /** The `{ seq, hash }` of the last event (`{ seq: 0 }` when the log is empty), to keep and check later. */
  checkpoint(): Checkpoint;
  /** How many actions were added. */
  readonly size: number;
}
