// The operations the bin offers beside serving: verify every stored chain, export a
// community's events as NDJSON, import them back.
import { isDeepStrictEqual } from 'node:util';
import { chainLink, verifyChain } from '@lanewise/core/journal';
import { sha256 } from './communities/settings.js';
import type { EventStore, StoredEvent, StoredSnapshot } from './store/events.js';
import {
  buildCommunity,
  snapshotState,
  STREAMS,
  type StreamName,
} from './communities/community.js';
import type { CommunitySettings } from './communities/settings.js';

/** A stream whose chain does not verify, with its first bad event. */
export interface VerifyProblem {
  readonly community: string;
  readonly stream: string;
  readonly seq: number;
  readonly reason: string;
}

/**
 * Checks every stream's chain, and that each stream still holds its latest snapshot's event.
 * With `settings`, also rebuilds each stream up to its latest snapshot and checks that the
 * snapshot holds that state (reason `snapshot`): a snapshot is a shortcut for loading, and one
 * that keeps the core's rules but not its log's state is found only here.
 */
export async function verifyAll(
  store: EventStore,
  community?: string,
  settings?: CommunitySettings,
): Promise<{ streams: number; events: number; problems: VerifyProblem[] }> {
  const problems: VerifyProblem[] = [];
  let events = 0;
  const streams = await store.streams(community);
  for (const { community: c, stream } of streams) {
    const log = await store.read(c, stream);
    events += log.length;
    const snapshot = await store.latestSnapshot(c, stream);
    const check = verifyChain(log as never, sha256, {
      checkpoint: snapshot && { seq: snapshot.seq, hash: snapshot.hash },
    });
    if (!check.ok) problems.push({ community: c, stream, seq: check.seq, reason: check.reason });
    else if (
      snapshot &&
      settings &&
      !(await holdsItsState(store, c, stream, log, snapshot, settings))
    ) {
      problems.push({ community: c, stream, seq: snapshot.seq, reason: 'snapshot' });
    }
  }
  return { streams: streams.length, events, problems };
}

/** Whether a stream rebuilt from its log up to a snapshot's event has the snapshot's state. */
async function holdsItsState(
  store: EventStore,
  community: string,
  stream: string,
  log: readonly StoredEvent[],
  snapshot: StoredSnapshot,
  settings: CommunitySettings,
): Promise<boolean> {
  if (!(STREAMS as readonly string[]).includes(stream)) return true;
  const name = stream as StreamName;
  // The rules in force are the routing log's latest, as at load.
  const routing = name === 'routing' ? [] : await store.read(community, 'routing');
  const logs = { program: [], cases: [], routing, [name]: log.slice(0, snapshot.seq) };
  try {
    const rebuilt = buildCommunity(community, settings, logs);
    return isDeepStrictEqual(
      JSON.parse(JSON.stringify(snapshotState(rebuilt, name))),
      snapshot.state,
    );
  } catch {
    return false;
  }
}

/** A community's events as NDJSON lines: `{ stream, seq, type, at, data, hash }`. */
export async function* exportCommunity(
  store: EventStore,
  community: string,
): AsyncGenerator<string> {
  for (const { stream } of await store.streams(community)) {
    for (const event of await store.read(community, stream)) {
      yield `${JSON.stringify({ stream, ...event })}\n`;
    }
  }
}

/** Loads NDJSON lines of {@link exportCommunity} into an empty community, stream by stream, with the chains checked first. */
export async function importCommunity(
  store: EventStore,
  community: string,
  lines: Iterable<string>,
): Promise<number> {
  const streams = new Map<string, StoredEvent[]>();
  for (const line of lines) {
    if (line.trim() === '') continue;
    const { stream, ...event } = JSON.parse(line) as StoredEvent & { stream: string };
    const list = streams.get(stream) ?? [];
    list.push(event);
    streams.set(stream, list);
  }
  let count = 0;
  for (const [stream, events] of streams) {
    const check = verifyChain(events as never, sha256);
    if (!check.ok)
      throw new Error(`${stream}: the chain breaks at event ${check.seq} (${check.reason})`);
    const existing = await store.read(community, stream);
    if (existing.length > 0) throw new Error(`${community}/${stream} already has events`);
    for (let start = 0; start < events.length; start += 500) {
      await store.append(community, stream, start, events.slice(start, start + 500));
    }
    count += events.length;
  }
  return count;
}

/**
 * Loads logs that the core wrote without a chain (a core object's `events()`, such as the
 * example community's) into an empty community, chaining them on the way. Returns false,
 * writing nothing, when the community already has events.
 */
export async function seedCommunity(
  store: EventStore,
  community: string,
  logs: Partial<Record<'program' | 'cases', readonly unknown[]>>,
): Promise<boolean> {
  if ((await store.streams(community)).length > 0) return false;
  for (const [stream, log] of Object.entries(logs)) {
    let previous = '';
    const events = (log ?? []).map((raw) => {
      const { seq, type, at, data } = raw as StoredEvent;
      const hash = chainLink(sha256, previous, { seq, type, at, data });
      previous = hash;
      return { seq, type, at, data, hash };
    });
    for (let start = 0; start < events.length; start += 500) {
      await store.append(community, stream, start, events.slice(start, start + 500));
    }
  }
  return true;
}
