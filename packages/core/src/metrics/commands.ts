// The checks an add makes before it writes. A replayed event goes through the same check: a
// log holds only what a live add could have written.
import { LanewiseError } from '../errors/index.js';
import { instantMs } from '../time/parse.js';
import type { TrackerState } from './apply.js';
import type { RatioAction } from './types.js';

function sameAction(stored: RatioAction, action: RatioAction): boolean {
  return (
    instantMs(action.at) === instantMs(stored.at) &&
    action.kind === stored.kind &&
    action.weight === stored.weight &&
    action.unit === stored.unit &&
    action.type === stored.type
  );
}

/**
 * Checks an add of `action` (already parsed): returns the stored action when its `id` was
 * added before with the same content (the add writes nothing), `undefined` when the action is
 * new, and throws `ID_CONFLICT` (path `['id']`) when the id was added with other content.
 * An input without `at` takes the stored one's, so `at` is compared only when given.
 */
export function checkAdd(
  state: TrackerState,
  action: Omit<RatioAction, 'at'> & { readonly at?: string | undefined },
): RatioAction | undefined {
  if (action.id === undefined) return undefined;
  const stored = state.byId.get(action.id);
  if (stored === undefined) return undefined;
  if (sameAction(stored, { ...action, at: action.at ?? stored.at })) return stored;
  throw new LanewiseError('ID_CONFLICT', `action ${action.id} was added with other content`, {
    path: ['id'],
    details: { id: action.id, stored },
  });
}
