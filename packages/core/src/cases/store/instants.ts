// Instants written the one way the book writes them (ISO with the zone's offset), without a
// new string for one that is already in that form: a replay of a million events keeps the
// strings of its log instead of making a second copy of each.
import { offsetSuffixes } from '../../time/format.js';
import { instantMs } from '../../time/parse.js';
import type { ZoneOffsets } from '../../time/zone.js';

/** Writes instants in a zone: `format(ms)`, and `write(text)` for an instant given as text. */
export interface InstantWriter {
  readonly format: (ms: number) => string;
  /** The instant (already checked) as the book writes it; the same string when it already is. */
  readonly write: (text: string) => string;
}

export function instantWriter(zone: ZoneOffsets): InstantWriter {
  const suffixOf = offsetSuffixes();
  return {
    format: zone.format,
    write(text) {
      const ms = instantMs(text);
      const suffix = suffixOf(zone.at(ms));
      // `YYYY-MM-DDTHH:mm:ss.sss` and the zone's offset at that instant: the canonical form.
      if (
        text.length === 23 + suffix.length &&
        text.charCodeAt(19) === 46 &&
        text.endsWith(suffix)
      ) {
        return text;
      }
      return zone.format(ms);
    },
  };
}
