/**
 * The instants records were made at, as ISO strings, each run of equal instants kept once:
 * a record stores the small index of its instant instead of a string of its own. Internal to
 * the core.
 */
export class StampList {
  private readonly texts: string[] = [];
  private lastTime = Number.NaN;

  /** `format` writes an instant; pass the ledger zone's (`zoneOffsets(zone).format`). */
  constructor(
    private readonly format: (time: number) => string = (time) => new Date(time).toISOString(),
  ) {}

  /** The index of the instant `time` (epoch milliseconds), formatting it only when it changed. */
  indexOfTime(time: number): number {
    if (time !== this.lastTime) {
      this.lastTime = time;
      this.texts.push(this.format(time));
    }
    return this.texts.length - 1;
  }

  /** The instant at `index`. */
  text(index: number): string {
    const text = this.texts[index];
    if (text === undefined) throw new RangeError(`no instant ${index}`);
    return text;
  }
}
