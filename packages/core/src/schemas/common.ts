import { z } from 'zod';

/** A caller-supplied id: 1 to 200 characters, no control characters. */
export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

/** An ISO 8601 instant with an offset (`Z` or `+08:00`). */
export const instantSchema = z.iso.datetime({ offset: true });

/** A calendar day, `YYYY-MM-DD`. */
export const daySchema = z.iso.date();

/** An IANA time zone name such as `Asia/Shanghai`. */
export const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');
