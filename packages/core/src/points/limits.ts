// The limits of the point ledger, in one place: ids the ledger builds from a caller's id must
// fit the id limit, and numbers that feed instant arithmetic must keep every result in range.
import { MAX_ID_LENGTH } from '../internal/plain.js';
import { MAX_INSTANT_MS, MIN_INSTANT_MS, MS_PER_MINUTE } from '../time/constants.js';

/** Every id: 1 to 200 UTF-16 units (as `idSchema`). */
export { MAX_ID_LENGTH };
/** A redemption id: `redeem:<id>`, its transfer's id, must fit {@link MAX_ID_LENGTH}. */
export const MAX_REDEMPTION_ID_LENGTH = MAX_ID_LENGTH - 'redeem:'.length;
/**
 * A volunteer id in `volunteer:<id>`: the expiry id `expire:<id>:<YYYY-MM>:<n>` (with `n` up
 * to {@link MAX_EXPIRY_SUFFIX}) must fit {@link MAX_ID_LENGTH}.
 */
export const MAX_VOLUNTEER_ID_LENGTH = 180;
/** A station id in `station:<id>`. */
export const MAX_STATION_ID_LENGTH = MAX_ID_LENGTH;
/** The largest `n` of a repeated expiry id `expire:<id>:<YYYY-MM>:<n>` (five units at most). */
export const MAX_EXPIRY_SUFFIX = 9999;
/**
 * The longest timeout or hold, in minutes: the whole supported instant range, so that no
 * deadline computed from an instant in range leaves what `Date` can hold. A deadline past the
 * range is refused where the transfer is made (see `commands.ts`).
 */
export const MAX_TIMEOUT_MINUTES = Math.floor((MAX_INSTANT_MS - MIN_INSTANT_MS) / MS_PER_MINUTE);
