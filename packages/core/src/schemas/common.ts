// The schemas every folder shares.
// A schema made by a method call (`.check`) is marked pure: a bundler cannot tell that such a
// call has no side effects, and would keep the schema in bundles that do not use it.
import * as z from 'zod/mini';
import { instantMs } from '../time/parse.js';

/** A caller-supplied id: 1 to 200 characters, no control characters. */
export const idSchema = /* @__PURE__ */ z.string().check(
  z.minLength(1),
  z.maxLength(200),
  z.refine((id) => /^[^\p{Cc}]+$/u.test(id), {
    message: 'must not contain control characters',
    params: { reason: 'control_characters' },
  }),
);

/**
 * An ISO 8601 instant with an offset (`Z` or `+08:00`), from 1970-01-01T00:00:00Z up to
 * 3000-01-01T00:00:00Z (see `MAX_INSTANT_MS`).
 */
export const instantSchema = /* @__PURE__ */ z.string().check(
  z.refine((value) => !Number.isNaN(instantMs(value)), {
    message: 'must be an ISO 8601 instant with an offset',
    params: { reason: 'instant' },
  }),
);

/** A calendar day, `YYYY-MM-DD`. */
export const daySchema = z.iso.date();

/** An IANA time zone name such as `Asia/Shanghai`. */
export const timeZoneSchema = /* @__PURE__ */ z.string().check(
  z.refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'unknown time zone', params: { reason: 'time_zone' } },
  ),
);
