// Pickup codes: the short code a volunteer shows at the station to collect a redemption.
import { LanewiseError } from '../errors/index.js';
import { invalidField } from '../schemas/parse.js';
import { pointsPickupCodeSchema } from './schemas.js';
import type { PointsState } from './store/state.js';

const PICKUP_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** FNV-1a, 32 bits: enough to spread pickup codes; uniqueness is checked, not assumed. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The default pickup code: 8 characters derived from the redemption id and the attempt. */
export function defaultPickupCode(redemptionId: string, attempt: number): string {
  const text = `${attempt}:${redemptionId}`;
  let bits = fnv1a(text, 0x811c9dc5) * 256 + (fnv1a(text, 0x01234567) & 0xff);
  let code = '';
  for (let index = 0; index < 8; index++) {
    code += PICKUP_ALPHABET[bits % 32];
    bits = Math.floor(bits / 32);
  }
  return code;
}

/** A pickup code from `pickupCode` (the ledger's option) that no redemption has. */
export function uniquePickupCode(
  state: PointsState,
  pickupCode: (redemptionId: string, attempt: number) => unknown,
  redemptionId: string,
): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const code = pickupCode(redemptionId, attempt);
    if (typeof code !== 'string' || !pointsPickupCodeSchema.safeParse(code).success) {
      throw new LanewiseError(
        'INVALID_INPUT',
        'pickupCode: must return 1 to 64 visible characters',
        {
          path: ['pickupCode'],
          details: { code },
        },
      );
    }
    if (!state.pickupCodes.has(code)) return code;
  }
  throw invalidField(['pickupCode'], 'returned used codes 100 times');
}
