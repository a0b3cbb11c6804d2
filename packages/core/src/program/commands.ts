// The checks the program makes before it writes, so that approve-and-earn and
// revoke-and-reverse never stop half-way: what the earn or reverse transfer needs is checked
// before the hour ledger's event is written.
import type { PointsLedger, PointsTransferInput } from '../points/index.js';
import { invalidField } from '../schemas/parse.js';

/** Ids of every kind are at most this long (see `idSchema`). */
export const MAX_ID_LENGTH = 200;
/** The longest prefix the program puts before an entry id: `reverse:`. */
const LONGEST_PREFIX = 'reverse:';
/** An entry id must leave room for `reverse:<entryId>` within the id limit: 192 characters. */
export const MAX_ENTRY_ID_LENGTH = MAX_ID_LENGTH - LONGEST_PREFIX.length;

/** The prefixes of the transfer ids the program writes, and no one else may. */
export const EARN_PREFIX = 'earn:';
export const REVERSE_PREFIX = 'reverse:';

/** The volunteer's point account. */
export const accountOf = (volunteerId: string) => `volunteer:${volunteerId}` as const;

/** The reason an entry id cannot be used by the program, or `undefined` when it can. */
export function entryIdProblem(id: unknown): string | undefined {
  if (typeof id !== 'string' || id.length <= MAX_ENTRY_ID_LENGTH) return undefined;
  return (
    `must be at most ${MAX_ENTRY_ID_LENGTH} characters in a program: its transfers ` +
    `${REVERSE_PREFIX}<id> must fit the ${MAX_ID_LENGTH}-character id limit`
  );
}

/** `record` and `correct`: an entry id the program can earn and reverse for. */
export function checkEntryId(id: unknown, path: readonly (string | number)[]): void {
  const problem = entryIdProblem(id);
  if (problem) {
    throw invalidField(path, problem, 'too_big', {
      maximum: MAX_ENTRY_ID_LENGTH,
      unit: 'characters',
    });
  }
}

/** Whether the point ledger takes `volunteer:<id>` as an account. */
export function isVolunteerAccount(points: PointsLedger, volunteerId: string): boolean {
  try {
    points.balance(accountOf(volunteerId));
    return true;
  } catch {
    return false;
  }
}

/** `record` and `correct`: a volunteer whose point account the point ledger takes. */
export function checkVolunteer(
  points: PointsLedger,
  volunteerId: unknown,
  path: readonly (string | number)[],
): void {
  // A malformed id is the hour ledger's to name; only a well-formed one is asked about.
  if (
    typeof volunteerId !== 'string' ||
    volunteerId.length === 0 ||
    volunteerId.length > MAX_ID_LENGTH
  ) {
    return;
  }
  if (!isVolunteerAccount(points, volunteerId)) {
    throw invalidField(path, `is too long for its point account ${accountOf('<id>')}`, 'invalid');
  }
}

/** `points.transfer`: ids `earn:...` and `reverse:...` are the program's own. */
export function checkTransferId(input: unknown): void {
  const id: unknown =
    typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  if (typeof id === 'string' && (id.startsWith(EARN_PREFIX) || id.startsWith(REVERSE_PREFIX))) {
    throw invalidField(
      ['id'],
      `must not start with ${EARN_PREFIX} or ${REVERSE_PREFIX}: those transfers are written by the program`,
      'invalid',
    );
  }
}

/**
 * `approve`: the earn transfer of up to `most` points will fit the volunteer's and the
 * issuer's balances (safe integers), so that it cannot fail once the approval is written.
 */
export function checkEarnRoom(points: PointsLedger, volunteerId: string, most: number): void {
  const volunteer = points.balance(accountOf(volunteerId)).posted;
  const issuer = points.balance('issuer').posted;
  if (
    !Number.isSafeInteger(most) ||
    volunteer + most > Number.MAX_SAFE_INTEGER ||
    issuer - most < -Number.MAX_SAFE_INTEGER
  ) {
    throw invalidField(
      ['id'],
      'the points this entry would earn do not fit the balances',
      'too_big',
    );
  }
}

/** The transfer that pays an approved entry. */
export function earnTransfer(
  entryId: string,
  volunteerId: string,
  amount: number,
): PointsTransferInput {
  return {
    id: `${EARN_PREFIX}${entryId}`,
    from: 'issuer',
    to: accountOf(volunteerId),
    amount,
    code: 'earn',
    ref: entryId,
  };
}

/** The transfer that takes back what an entry earned, even below zero. */
export function reverseTransfer(
  entryId: string,
  volunteerId: string,
  amount: number,
): PointsTransferInput {
  return {
    id: `${REVERSE_PREFIX}${entryId}`,
    from: accountOf(volunteerId),
    to: 'issuer',
    amount,
    code: 'reverse',
    ref: entryId,
    reversal: true,
  };
}
