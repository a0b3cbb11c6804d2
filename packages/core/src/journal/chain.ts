import type { JournalEvent } from './journal.js';

/** A hash function over text, returning a printable digest (hex or base64). */
export type ChainHash = (text: string) => string;

/** The hash of one event: over the previous hash and the event's own content, in a fixed order. */
export function chainLink(
  hash: ChainHash,
  previous: string,
  event: Pick<JournalEvent, 'seq' | 'type' | 'at' | 'data'>,
): string {
  return hash(`${previous}\n${JSON.stringify([event.seq, event.type, event.at, event.data])}`);
}

/** The outcome of {@link verifyChain}: the first event that does not match, if any. */
export type ChainCheck = { ok: true } | { ok: false; seq: number; reason: 'hash' | 'seq' };

/**
 * Checks a chained journal's events: every `seq` in order from 1, every hash recomputed.
 *
 * @example
 * ```ts
 * import { createHash } from 'node:crypto';
 * const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
 * const journal = createJournal({ now: manualClock('2025-01-24T09:00:00+08:00').now, hash: sha256 });
 * verifyChain(journal.events(), sha256); // { ok: true }
 * ```
 */
export function verifyChain(events: readonly JournalEvent[], hash: ChainHash): ChainCheck {
  let previous = '';
  for (const [index, event] of events.entries()) {
    if (event.seq !== index + 1) return { ok: false, seq: event.seq, reason: 'seq' };
    const expected = chainLink(hash, previous, event);
    if (event.hash !== expected) return { ok: false, seq: event.seq, reason: 'hash' };
    previous = expected;
  }
  return { ok: true };
}
