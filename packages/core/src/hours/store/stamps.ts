import type { ZoneOffsets } from '../../time/zone.js';

/**
 * The instants events were written at, each run of equal instants kept once, so that a row
 * stores a small index rather than a string. Each keeps its text as logged (an event's `at`,
 * which a replayed log may have written with another offset) and its text in the ledger's
 * zone (what records show).
 */
export class ZoneStamps {
  private readonly logged: string[] = [];
  private readonly zoned: string[] = [];
  private lastMs = Number.NaN;
  /** Whether the last stamp was written by this ledger (its logged text is the zoned one). */
  private lastOwn = false;

  constructor(private readonly zone: ZoneOffsets) {}

  /** The index of `ms`, read from the clock now: formatted in the zone only when it changed. */
  indexOfTime(ms: number): number {
    if (ms !== this.lastMs || !this.lastOwn) {
      const text = this.zone.format(ms);
      this.logged.push(text);
      this.zoned.push(text);
      this.lastMs = ms;
      this.lastOwn = true;
    }
    return this.logged.length - 1;
  }

  /** The index of an instant read from a log: `at` as written, `ms` its value. */
  indexOfLogged(at: string, ms: number): number {
    const last = this.logged.length - 1;
    if (last >= 0 && this.logged[last] === at) return last;
    const zoned = ms === this.lastMs ? this.zoned[last]! : this.zone.format(ms);
    this.logged.push(at);
    this.zoned.push(zoned === at ? at : zoned);
    this.lastMs = ms;
    this.lastOwn = zoned === at;
    return last + 1;
  }

  /** The instant at `index` as logged (an event's `at`). */
  text(index: number): string {
    return this.logged[index]!;
  }

  /** The instant at `index` in the ledger's zone (a record's `recordedAt`, `approvedAt`...). */
  zonedText(index: number): string {
    return this.zoned[index]!;
  }
}

/**
 * Instants written in the ledger's zone, the last two remembered: an entry's start and end
 * are formatted in turn, and a burst of entries mostly shares them.
 */
export class ZoneTexts {
  private lastMs = Number.NaN;
  private lastText = '';
  private previousMs = Number.NaN;
  private previousText = '';

  constructor(private readonly zone: ZoneOffsets) {}

  format(ms: number): string {
    if (ms === this.lastMs) return this.lastText;
    if (ms === this.previousMs) return this.previousText;
    const text = this.zone.format(ms);
    this.previousMs = this.lastMs;
    this.previousText = this.lastText;
    this.lastMs = ms;
    this.lastText = text;
    return text;
  }
}
