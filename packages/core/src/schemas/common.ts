import { z } from 'zod';
// These become zod/mini schemas once every folder has moved to zod/mini: use them only through
// zod/mini functions (`z.optional(idSchema)`), never through methods (`idSchema.optional()`).
import { instantMs } from '../time/parse.js';

/** A caller-supplied id: 1 to 200 characters, no control characters. */
export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((id) => /^[^\p{Cc}]+$/u.test(id), {
    message: 'must not contain control characters',
    params: { reason: 'control_characters' },
  });

/**
 * An ISO 8601 instant with an offset (`Z` or `+08:00`), from 1970-01-01T00:00:00Z up to
 * 3000-01-01T00:00:00Z (see `MAX_INSTANT_MS`).
 */
export const instantSchema = z.string().refine((value) => !Number.isNaN(instantMs(value)), {
  message: 'must be an ISO 8601 instant with an offset',
  params: { reason: 'instant' },
});

/** A calendar day, `YYYY-MM-DD`. */
export const daySchema = z.iso.date();

/** An IANA time zone name such as `Asia/Shanghai`. */
export const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'unknown time zone', params: { reason: 'time_zone' } },
);
