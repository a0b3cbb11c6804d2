import { canonicalJson } from '../internal/canonical-json.js';
import type { JournalEvent } from './types.js';

/** A hash function over text, returning a printable digest (hex or base64). */
export type ChainHash = (text: string) => string;

/**
 * Where a caller last saw a log end: the `seq` of its last event and, for a chained log, that
 * event's `hash`. Given back on replay, it shows a log whose tail was cut off.
 */
export interface Checkpoint {
  readonly seq: number;
  readonly hash?: string | undefined;
}

/**
 * The hash of one event: over the previous event's hash and the canonical JSON (RFC 8785) of
 * `[seq, type, at, data]`, so that the same event hashes the same whatever order its keys
 * were stored in.
 */
export function chainLink(
  hash: ChainHash,
  previous: string,
  event: Pick<JournalEvent, 'seq' | 'type' | 'at' | 'data'>,
): string {
  return hash(`${previous}\n${canonicalJson([event.seq, event.type, event.at, event.data])}`);
}

/** The outcome of {@link verifyChain}: the first event that does not match, if any. */
export type ChainCheck =
  { ok: true } | { ok: false; seq: number; reason: 'seq' | 'hash' | 'checkpoint' | 'shape' };

/**
 * Checks a chained log's events: every `seq` in order from 1, every hash recomputed, and, with
 * a checkpoint, that the log still holds the event the checkpoint names.
 *
 * @example
 * ```ts
 * import { createHash } from 'node:crypto';
 * const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
 * const journal = createJournal({ now: manualClock('2025-01-24T09:00:00+08:00').now, hash: sha256 });
 * verifyChain(journal.events(), sha256); // { ok: true }
 * ```
 */
export function verifyChain(
  events: readonly JournalEvent[],
  hash: ChainHash,
  options: { checkpoint?: Checkpoint | undefined } = {},
): ChainCheck {
  if (!Array.isArray(events)) return { ok: false, seq: 0, reason: 'shape' };
  let previous = '';
  for (let index = 0; index < events.length; index += 1) {
    const event: unknown = events[index];
    if (typeof event !== 'object' || event === null) {
      return { ok: false, seq: index + 1, reason: 'shape' };
    }
    const { seq } = event as JournalEvent;
    if (seq !== index + 1) {
      return { ok: false, seq: typeof seq === 'number' ? seq : index + 1, reason: 'seq' };
    }
    let expected: string;
    try {
      expected = chainLink(hash, previous, event as JournalEvent);
    } catch {
      return { ok: false, seq, reason: 'shape' };
    }
    if ((event as JournalEvent).hash !== expected) return { ok: false, seq, reason: 'hash' };
    previous = expected;
  }
  const checkpoint = options.checkpoint;
  if (checkpoint && !holdsCheckpoint(events, checkpoint)) {
    return { ok: false, seq: checkpoint.seq, reason: 'checkpoint' };
  }
  return { ok: true };
}

/**
 * Whether a log still holds the event a checkpoint names (and, when it has one, its hash). A log
 * that continues from `start` holds what it starts from and, unchecked here, what came before.
 */
export function holdsCheckpoint(
  events: readonly JournalEvent[],
  checkpoint: Checkpoint,
  start?: Checkpoint,
): boolean {
  const from = start?.seq ?? 0;
  if (checkpoint.seq < from) return true;
  if (checkpoint.seq === from) {
    return from === 0 || checkpoint.hash === undefined || checkpoint.hash === start?.hash;
  }
  const event = events[checkpoint.seq - from - 1];
  return event !== undefined && (checkpoint.hash === undefined || event.hash === checkpoint.hash);
}

/**
 * The checkpoint of a log: its last event's `seq` and `hash` (`{ seq: 0 }` when empty, or the
 * `start` it continues from).
 */
export function checkpointOf(events: readonly JournalEvent[], start?: Checkpoint): Checkpoint {
  const last = events[events.length - 1];
  if (!last) return start ?? { seq: 0 };
  return last.hash === undefined ? { seq: last.seq } : { seq: last.seq, hash: last.hash };
}
