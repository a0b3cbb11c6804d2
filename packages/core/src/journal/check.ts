import { invalidLog, LanewiseError } from '../errors/error.js';
import { instantMs } from '../time/parse.js';
import { chainLink, holdsCheckpoint, type ChainHash, type Checkpoint } from './chain.js';
import type { JournalEvent } from './types.js';

/** What {@link checkEnvelopes} checks a log against. */
export interface EnvelopeCheck {
  /** The event types this log may hold; any text when left out. */
  readonly types?: ReadonlySet<string> | undefined;
  /** With a chained log: the hash function; every event's `hash` is recomputed. */
  readonly hash?: ChainHash | undefined;
  /** The caller's last known end of the log; a log that no longer holds it is cut off. */
  readonly checkpoint?: Checkpoint | undefined;
  /**
   * Where the log starts when it continues a restored snapshot: its first event is `seq`
   * `start.seq + 1`, chained from `start.hash`.
   */
  readonly start?: Checkpoint | undefined;
}

/** True for the keys an event may have (a switch: no array of keys per event). */
function isEnvelopeKey(key: string): boolean {
  switch (key) {
    case 'seq':
    case 'type':
    case 'at':
    case 'data':
    case 'hash':
      return true;
    default:
      return false;
  }
}

/**
 * Checks the envelope of every event of a log given to replay: an array of objects with `seq`
 * 1, 2, 3... (or from `start.seq + 1`), a known `type`, `at` an instant with an offset, `data` an object, no other keys,
 * and with `hash` every hash recomputed; with `checkpoint`, that the log still holds that event.
 * Throws `INVALID_LOG` at `['events', index, field]` of the first bad event. The events' data
 * is the caller's to check.
 */
export function checkEnvelopes(
  events: unknown,
  check: EnvelopeCheck,
): asserts events is readonly JournalEvent[] {
  if (!Array.isArray(events)) {
    throw new LanewiseError('INVALID_LOG', 'events: must be an array of events', {
      path: ['events'],
      details: {
        issues: [
          {
            path: ['events'],
            message: 'must be a list',
            reason: 'type',
            params: { expected: 'array' },
          },
        ],
      },
    });
  }
  const first = (check.start?.seq ?? 0) + 1;
  let previous = check.start?.hash ?? '';
  // Runs of events share one instant: the last one read is not parsed again.
  let lastAt: string | undefined;
  for (let index = 0; index < events.length; index += 1) {
    const event: unknown = events[index];
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      throw invalidLog(index, [], 'must be an event object');
    }
    const { seq, type, at, data, hash } = event as Record<string, unknown>;
    if (seq !== index + first) throw invalidLog(index, ['seq'], `seq must be ${index + first}`);
    if (typeof type !== 'string' || type === '' || (check.types && !check.types.has(type))) {
      const known = check.types ? `one of ${[...check.types].join(', ')}` : 'a name';
      throw invalidLog(index, ['type'], `type must be ${known}`);
    }
    if (typeof at !== 'string' || at !== lastAt) {
      if (Number.isNaN(instantMs(at))) {
        throw invalidLog(index, ['at'], 'at must be an ISO 8601 instant with an offset');
      }
      lastAt = at as string;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw invalidLog(index, ['data'], 'data must be an object');
    }
    // Inherited keys too: an event whose prototype adds fields is not one a ledger wrote.
    for (const key in event) {
      if (!isEnvelopeKey(key)) throw invalidLog(index, [key], `${key} is not a field of an event`);
    }
    if (check.hash) {
      let expected: string;
      try {
        expected = chainLink(check.hash, previous, event as JournalEvent);
      } catch {
        throw invalidLog(index, ['data'], 'data must be JSON');
      }
      if (hash !== expected) throw invalidLog(index, ['hash'], 'does not match its hash');
      previous = expected;
    } else if (hash !== undefined && typeof hash !== 'string') {
      throw invalidLog(index, ['hash'], 'hash must be text');
    }
  }
  const { checkpoint } = check;
  if (checkpoint && !holdsCheckpoint(events as JournalEvent[], checkpoint, check.start)) {
    throw new LanewiseError(
      'INVALID_LOG',
      `events: the log does not reach its checkpoint (event ${checkpoint.seq})`,
      { path: ['events', events.length], details: { index: events.length, checkpoint } },
    );
  }
}
