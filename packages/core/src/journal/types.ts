/**
 * One entry of an append-only log, the same envelope for every log of the core. `seq` counts
 * from 1 without gaps; `type` is `<folder>.<what_happened>` (`hours.recorded`); `at` is an
 * ISO 8601 instant with an offset; `data` is the event's payload, a plain JSON object.
 */
export interface JournalEvent<Type extends string = string, Data = unknown> {
  readonly seq: number;
  readonly type: Type;
  readonly at: string;
  readonly data: Data;
  /** In a chained log: the hash over the previous event's hash and this event (see `chainLink`). */
  readonly hash?: string;
}
