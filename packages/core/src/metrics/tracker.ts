import { z } from 'zod';
import type { Clock } from '../clock.js';
import { LanewiseError } from '../errors.js';
import { createJournal, type JournalEvent } from '../journal/index.js';
import { instantSchema } from '../schemas/common.js';
import { parseInput } from '../schemas/parse.js';
import type { RatioAction } from './action-check.js';
import { summarize721, type Ratio721Result } from './ratio-summary.js';
import { ratio721GoalShape, ratioActionSchema } from './ratio-schemas.js';
import type { RatioByKind } from './types.js';

/** The one event of a tracker's log: an action was added. */
export type RatioTrackerEvent = JournalEvent<'ratio-action-added', RatioAction>;

/** What {@link RatioTracker.add} takes: an action whose `at` defaults to the clock's now. */
export type RatioActionInput = Omit<RatioAction, 'at'> & { readonly at?: string };

/** A live 721 count, fed one action at a time. */
export interface RatioTracker {
  /**
   * Adds an action in constant time and tells the subscribers. An action with an `id` that
   * was added before is not counted again: the stored action is returned when the content
   * is the same, and `ID_CONFLICT` is thrown when it differs.
   */
  add(action: RatioActionInput): RatioAction;
  /** The same result as `ratio721` over everything added; the same object until the next add. */
  snapshot(): Ratio721Result;
  /** Listens to every later add; returns the function that stops listening. */
  subscribe(listener: (event: RatioTrackerEvent) => void): () => void;
  /** The log of adds, oldest first: pass it as `events` to rebuild an equal tracker. */
  events(): readonly RatioTrackerEvent[];
  /** How many actions were added. */
  readonly size: number;
}

/** Options of {@link createRatioTracker}. */
export interface RatioTrackerOptions {
  /** Stamps the log and the actions added without `at`. */
  now: Clock;
  /** The target shares; `{ service: 0.7, manage: 0.2, enforce: 0.1 }` by default. */
  target?: RatioByKind;
  /** 0.05 by default. */
  tolerance?: number;
  /** A log from an earlier tracker's `events()`, replayed to start from. */
  events?: readonly RatioTrackerEvent[];
}

const optionsSchema = z.object({
  ...ratio721GoalShape,
  now: z.custom<Clock>(
    (value) => typeof value === 'function',
    'must be a function returning a Date',
  ),
  events: z
    .array(
      z.object({
        seq: z.number().int(),
        type: z.literal('ratio-action-added'),
        at: instantSchema,
        data: ratioActionSchema,
      }),
    )
    .optional(),
});
const inputSchema = ratioActionSchema.extend({ at: instantSchema.optional() });

function sameAction(stored: RatioAction, input: RatioActionInput): boolean {
  return (
    (input.at === undefined || input.at === stored.at) &&
    input.kind === stored.kind &&
    input.weight === stored.weight &&
    input.unit === stored.unit &&
    input.type === stored.type
  );
}

/**
 * Creates a live 721 tracker: `add` is constant time, `snapshot` is the result of `ratio721`
 * over everything added, and every add is an event in an append-only log.
 *
 * @example
 * ```ts
 * const tracker = createRatioTracker({ now: manualClock('2025-07-01T09:00:00+08:00').now });
 * tracker.subscribe(() => render(tracker.snapshot()));
 * tracker.add({ kind: 'service', type: 'consultation', unit: 'station-1' });
 * tracker.snapshot().shares.service; // 1
 * ```
 */
export function createRatioTracker(options: RatioTrackerOptions): RatioTracker {
  const { target, tolerance, now, events = [] } = parseInput(optionsSchema, options);
  const journal = createJournal<RatioTrackerEvent>({ now });
  const byId = new Map<string, RatioAction>();
  const sums = { service: 0, manage: 0, enforce: 0 };
  let cached: Ratio721Result | undefined;

  const record = (action: RatioAction, at?: string): void => {
    journal.append('ratio-action-added', action, at);
    if (action.id !== undefined) byId.set(action.id, action);
    sums[action.kind] += action.weight ?? 1;
    cached = undefined;
  };
  for (const [index, event] of events.entries()) {
    if (event.seq !== index + 1) {
      throw new LanewiseError(
        'INVALID_INPUT',
        `event ${index} has seq ${event.seq}, expected ${index + 1}`,
        {
          path: ['events', index, 'seq'],
        },
      );
    }
    record(Object.freeze(event.data), event.at);
  }

  return {
    add(input) {
      const parsed = parseInput(inputSchema, input);
      if (parsed.id !== undefined) {
        const stored = byId.get(parsed.id);
        if (stored !== undefined) {
          if (sameAction(stored, parsed)) return stored;
          throw new LanewiseError(
            'ID_CONFLICT',
            `action ${parsed.id} was added with other content`,
            {
              path: ['id'],
              details: { id: parsed.id, stored },
            },
          );
        }
      }
      const action: RatioAction = Object.freeze({
        ...parsed,
        at: parsed.at ?? now().toISOString(),
      });
      record(action);
      return action;
    },
    snapshot() {
      cached ??= summarize721(sums.service, sums.manage, sums.enforce, target, tolerance);
      return cached;
    },
    subscribe: (listener) => journal.subscribe(listener),
    events: () => journal.events(),
    get size() {
      return journal.size;
    },
  };
}
