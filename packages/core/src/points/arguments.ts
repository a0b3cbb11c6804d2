// The single arguments of the ledger's methods (ids, accounts, instants), parsed quickly when
// they are plainly valid and through their schema otherwise, so that errors read the same.
import { idSchema } from '../schemas/common.js';
import { isId } from '../internal/plain.js';
import { parseInput } from '../schemas/parse.js';
import { instantMs } from '../time/parse.js';
import { instantOrDate, pointsAccountSchema } from './schemas.js';
import { isAccountString } from './store/fast-input.js';

/** Parses an id argument named `name`. */
export function parseId(id: unknown, name = 'id'): string {
  return isId(id) ? id : parseInput(idSchema, id, [name]);
}

/** Parses an account argument. */
export const parseAccount = (account: unknown): string =>
  isAccountString(account) ? account : parseInput(pointsAccountSchema, account, ['account']);

/** The epoch milliseconds of an instant argument (ISO string with an offset, or a `Date`). */
export function parseInstant(input: unknown, name: string): number {
  const parsed = parseInput(instantOrDate, input, [name]);
  return typeof parsed === 'string' ? instantMs(parsed) : parsed.getTime();
}
