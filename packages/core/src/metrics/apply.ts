// The tracker's reducer: one `metrics.action_added` event applied to the state. Live adds and
// replay both go through it, so a replayed tracker is built exactly as the live one was.
import type { RatioAction, RatioTrackerEvent } from './types.js';

/** What a tracker holds: its log, its actions by id, and the three sums. */
export interface TrackerState {
  readonly events: RatioTrackerEvent[];
  readonly byId: Map<string, RatioAction>;
  readonly sums: { service: number; manage: number; enforce: number };
}

/** An empty tracker's state. */
export function emptyTrackerState(): TrackerState {
  return { events: [], byId: new Map(), sums: { service: 0, manage: 0, enforce: 0 } };
}

/** Applies one event (already checked, and frozen) to the state. */
export function applyActionAdded(state: TrackerState, event: RatioTrackerEvent): void {
  const action = event.data;
  state.events.push(event);
  if (action.id !== undefined) state.byId.set(action.id, action);
  state.sums[action.kind] += action.weight ?? 1;
}
