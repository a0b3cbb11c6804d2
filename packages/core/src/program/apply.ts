// The program's reducer: what the log must hold between the two ledgers' events. Live calls
// and replay both pass every event through it, so that a replayed log is held to the rules the
// live calls follow: an earn right after each approval that earns, a reverse right after each
// revocation or correction of an entry that earned, each matching its entry, and no other
// transfer with the program's ids.
import { invalidLog } from '../errors/index.js';
import type { PointsTransferInput } from '../points/index.js';
import {
  EARN_PREFIX,
  REVERSE_PREFIX,
  accountOf,
  earnTransfer,
  entryIdProblem,
  reverseTransfer,
} from './commands.js';
import { pointsForMinutes } from './policy.js';
import type { ProgramEarningRules, ProgramEvent } from './types.js';

/** What the program remembers of an entry. */
interface EntryState {
  readonly volunteerId: string;
  readonly tags: readonly string[];
  approved: boolean;
  /** The points its earn transfer paid (0 when none was written). */
  earned: number;
}

/** The transfer the next event must be, and the hour event that calls for it. */
interface Expected {
  readonly index: number;
  readonly transfer: PointsTransferInput;
}

/** The program's state between events, and the reducer over it. */
export interface Settlement {
  /** Applies event `index` of the program's log; throws `INVALID_LOG` at it when it breaks a rule. */
  apply(event: ProgramEvent, index: number): void;
  /** Ends a replayed log of `length` events: an approval may not be the last word. */
  finish(): void;
}

type Data = Readonly<Record<string, unknown>>;

/** Makes the reducer. `isAccount` says whether the point ledger takes `volunteer:<id>`. */
export function createSettlement(
  earning: ProgramEarningRules,
  isAccount: (volunteerId: string) => boolean,
): Settlement {
  const entries = new Map<string, EntryState>();
  const accounts = new Set<string>();
  let expected: Expected | undefined;

  const addEntry = (draft: Data, index: number, at: readonly string[]) => {
    const { id, volunteerId, tags } = draft;
    if (typeof id !== 'string' || typeof volunteerId !== 'string' || !Array.isArray(tags)) {
      throw invalidLog(index, [...at], 'is not an entry');
    }
    const problem = entryIdProblem(id);
    if (problem) throw invalidLog(index, [...at, 'id'], `id ${problem}`);
    if (!accounts.has(volunteerId)) {
      if (!isAccount(volunteerId)) {
        throw invalidLog(
          index,
          [...at, 'volunteerId'],
          `volunteerId is too long for ${accountOf('<id>')}`,
        );
      }
      accounts.add(volunteerId);
    }
    entries.set(id, { volunteerId, tags: tags as string[], approved: false, earned: 0 });
  };

  /** Revocation or correction: what the entry earned must come back next. */
  const takeBack = (entry: EntryState | undefined, id: string, index: number) => {
    if (entry?.approved && entry.earned > 0) {
      expected = { index, transfer: reverseTransfer(id, entry.volunteerId, entry.earned) };
    }
    if (entry) entry.approved = false;
  };

  const match = (data: Data, want: PointsTransferInput, index: number) => {
    const fields = want as unknown as Data;
    for (const key of Object.keys(fields)) {
      if (data[key] !== fields[key]) {
        throw invalidLog(
          index,
          ['data', key],
          `${key} of ${want.id} must be ${JSON.stringify(fields[key])}, as its entry gives`,
        );
      }
    }
    for (const key of Object.keys(data)) {
      if (!Object.hasOwn(fields, key)) {
        throw invalidLog(index, ['data', key], `${key} is not a field of ${want.id}`);
      }
    }
  };

  return {
    apply(event, index) {
      const data = event.data as unknown as Data;
      if (expected) {
        const want = expected;
        expected = undefined;
        if (event.type === 'points.transferred' && data.id === want.transfer.id) {
          match(data, want.transfer, index);
          return;
        }
        throw invalidLog(want.index, [], `must be followed by its transfer ${want.transfer.id}`, {
          transfer: want.transfer.id,
        });
      }
      switch (event.type) {
        case 'hours.recorded':
          addEntry(data, index, ['data']);
          return;
        case 'hours.approved': {
          const id = data.id as string;
          const entry = entries.get(id);
          if (!entry) return;
          const amount = pointsForMinutes(earning, data.creditedMinutes as number, entry.tags);
          entry.approved = true;
          entry.earned = amount;
          if (amount > 0) {
            expected = { index, transfer: earnTransfer(id, entry.volunteerId, amount) };
          }
          return;
        }
        case 'hours.revoked':
          takeBack(entries.get(data.id as string), data.id as string, index);
          return;
        case 'hours.corrected': {
          const id = data.id as string;
          takeBack(entries.get(id), id, index);
          const draft = data.entry;
          if (typeof draft !== 'object' || draft === null) {
            throw invalidLog(index, ['data', 'entry'], 'is not an entry');
          }
          addEntry(draft as Data, index, ['data', 'entry']);
          return;
        }
        case 'points.transferred': {
          const id = data.id;
          if (
            typeof id === 'string' &&
            (id.startsWith(EARN_PREFIX) || id.startsWith(REVERSE_PREFIX))
          ) {
            throw invalidLog(
              index,
              ['data', 'id'],
              `${id} is not right after the approval, revocation or correction it belongs to`,
            );
          }
          return;
        }
        default:
          return;
      }
    },
    finish() {
      if (expected) {
        throw invalidLog(
          expected.index,
          [],
          `must be followed by its transfer ${expected.transfer.id}`,
          {
            transfer: expected.transfer.id,
          },
        );
      }
    },
  };
}
