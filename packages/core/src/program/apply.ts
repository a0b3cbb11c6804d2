// The program's reducer: what the log must hold between the two ledgers' events. Live calls
// and replay both pass every event through it, so that a replayed log is held to the rules the
// live calls follow: an earn right after each approval that earns, a reverse right after each
// revocation or correction of an entry that earned, each matching its entry, and no other
// transfer with the program's ids.
import { invalidLog } from '../errors/index.js';
import { IdIndex } from '../internal/id-index.js';
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

/** The transfer the next event must be, and the hour event that calls for it. */
interface Expected {
  readonly index: number;
  readonly kind: 'earn' | 'reverse';
  readonly entryId: string;
  readonly volunteerId: string;
  readonly amount: number;
}

/** The transfer the program writes for `expected`. */
const transferOf = (expected: Expected): PointsTransferInput =>
  (expected.kind === 'earn' ? earnTransfer : reverseTransfer)(
    expected.entryId,
    expected.volunteerId,
    expected.amount,
  );

/** Whether `data` is exactly the transfer the program writes (checked without building it). */
function isTransferOf(data: Data, expected: Expected): boolean {
  const { kind, entryId, volunteerId, amount } = expected;
  const volunteer = kind === 'earn' ? data.to : data.from;
  const issuer = kind === 'earn' ? data.from : data.to;
  return (
    data.amount === amount &&
    data.code === kind &&
    data.ref === entryId &&
    issuer === 'issuer' &&
    typeof volunteer === 'string' &&
    volunteer.length === volunteerId.length + 10 &&
    volunteer.startsWith('volunteer:') &&
    volunteer.endsWith(volunteerId) &&
    (kind === 'earn' ? data.reversal === undefined : data.reversal === true) &&
    ownKeyCount(data) === (kind === 'earn' ? 6 : 7)
  );
}

/** The number of own keys of `data`, counted without making their list. */
function ownKeyCount(data: Data): number {
  let count = 0;
  for (const key in data) if (Object.hasOwn(data, key)) count += 1;
  return count;
}

/** The program's state between events, and the reducer over it. */
export interface Settlement {
  /** Applies event `index` of the program's log; throws `INVALID_LOG` at it when it breaks a rule. */
  apply(event: ProgramEvent, index: number): void;
  /** Ends a replayed log of `length` events: an approval may not be the last word. */
  finish(): void;
  /** The recorded data of an entry (its volunteer, tags, start and end never change). */
  draft(entryId: string): Readonly<Record<string, unknown>> | undefined;
  /**
   * Takes an entry of a restored snapshot as recorded; throws through `fail` at its field
   * when the program could not have recorded it.
   */
  adopt(entry: Data, fail: (path: readonly (string | number)[], message: string) => never): void;
}

type Data = Readonly<Record<string, unknown>>;

/** What the reducer asks of the point ledger. */
export interface SettlementLedger {
  /** Whether the point ledger takes `volunteer:<id>` as an account. */
  isAccount(volunteerId: string): boolean;
  /** The points the entry's earn transfer paid, or `undefined` when it has none. */
  earned(entryId: string): number | undefined;
}

/**
 * Makes the reducer. An entry earns once, right after its approval, and a corrected or revoked
 * entry is never approved again, so the earn the point ledger holds is the one to take back.
 */
export function createSettlement(
  earning: ProgramEarningRules,
  ledger: SettlementLedger,
): Settlement {
  // An entry's volunteer and tags never change: its recorded data is kept as it is, in the
  // order recorded, found by id through an IdIndex (a Map of a million ids costs more to fill).
  // The ids are kept as read when added: the index never reads the caller's object again.
  const draftList: Data[] = [];
  const draftIds: string[] = [];
  const draftIndex = new IdIndex((row) => draftIds[row]!);
  const draftOf = (id: string): Data | undefined => draftList[draftIndex.get(id)];
  const accounts = new Set<string>();
  let expected: Expected | undefined;

  /** Keeps an entry as recorded, or says which of its fields the program could not record. */
  const addEntry = (draft: Data): [path: string[], message: string] | undefined => {
    const { id, volunteerId, tags } = draft;
    if (typeof id !== 'string' || typeof volunteerId !== 'string' || !Array.isArray(tags)) {
      return [[], 'is not an entry'];
    }
    const problem = entryIdProblem(id);
    if (problem) return [['id'], `id ${problem}`];
    if (!accounts.has(volunteerId)) {
      if (!ledger.isAccount(volunteerId)) {
        return [['volunteerId'], `volunteerId is too long for ${accountOf('<id>')}`];
      }
      accounts.add(volunteerId);
    }
    const row = draftIndex.get(id);
    if (row >= 0) draftList[row] = draft;
    else {
      draftIndex.add(id, draftList.length);
      draftList.push(draft);
      draftIds.push(id);
    }
    return undefined;
  };
  /** Adds the entry that event `index` holds at `at`, or refuses the log there. */
  const addLogged = (draft: Data, index: number, at: readonly string[]) => {
    const problem = addEntry(draft);
    if (problem) throw invalidLog(index, [...at, ...problem[0]], problem[1]);
  };

  /** Revocation or correction: what the entry earned must come back next. */
  const takeBack = (id: string, index: number) => {
    const amount = ledger.earned(id);
    const draft = draftOf(id);
    if (amount === undefined || !draft) return;
    const volunteerId = draft.volunteerId as string;
    expected = { index, kind: 'reverse', entryId: id, volunteerId, amount };
  };

  /** Names the first field of `data` that differs from the transfer the program writes. */
  const mismatch = (data: Data, want: PointsTransferInput, index: number): never => {
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
    throw invalidLog(index, ['data'], `must be ${want.id} as its entry gives it`);
  };

  return {
    apply(event, index) {
      const data = event.data as unknown as Data;
      if (expected) {
        const want = expected;
        expected = undefined;
        const id = `${want.kind}:${want.entryId}`;
        if (event.type === 'points.transferred' && data.id === id) {
          if (!isTransferOf(data, want)) mismatch(data, transferOf(want), index);
          return;
        }
        throw invalidLog(want.index, [], `must be followed by its transfer ${id}`, {
          transfer: id,
        });
      }
      switch (event.type) {
        case 'hours.recorded':
          addLogged(data, index, ['data']);
          return;
        case 'hours.approved': {
          const id = data.id as string;
          const draft = draftOf(id);
          if (!draft) return;
          const tags = draft.tags as readonly string[];
          const amount = pointsForMinutes(earning, data.creditedMinutes as number, tags);
          if (amount > 0) {
            const volunteerId = draft.volunteerId as string;
            expected = { index, kind: 'earn', entryId: id, volunteerId, amount };
          }
          return;
        }
        case 'hours.revoked':
          takeBack(data.id as string, index);
          return;
        case 'hours.corrected': {
          takeBack(data.id as string, index);
          const draft = data.entry;
          if (typeof draft !== 'object' || draft === null) {
            throw invalidLog(index, ['data', 'entry'], 'is not an entry');
          }
          addLogged(draft as Data, index, ['data', 'entry']);
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
    draft: draftOf,
    adopt(entry, fail) {
      const problem = addEntry(entry);
      if (problem) fail(...problem);
    },
    finish() {
      if (expected) {
        const id = `${expected.kind}:${expected.entryId}`;
        throw invalidLog(expected.index, [], `must be followed by its transfer ${id}`, {
          transfer: id,
        });
      }
    },
  };
}
