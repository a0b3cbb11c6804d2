// Where the server gets a community: from the cache, or loaded from its streams on first use.
// Commands on one community run one at a time in this process; each command's new events are
// appended at the place the command saw, so a writer in another process that got there first
// makes this one reload and run the command again on fresh state (or answer CONFLICT).
import { LanewiseError } from '@lanewise/core/errors';
import { StreamConflictError, type EventStore, type StoredEvent } from '../store/events.js';
import {
  loadCommunity,
  snapshotState,
  STREAMS,
  type Community,
  type StreamName,
} from './community.js';
import { Lru } from './lru.js';
import type { CommunitySettings } from './settings.js';

/** The stream moved under a writer more times than it may retry. */
export class ConflictError extends Error {
  constructor(
    readonly community: string,
    readonly stream: string,
  ) {
    super(`another writer appended to ${community}/${stream} first`);
    this.name = 'ConflictError';
  }
}

/** A community whose stored log does not replay (edited, cut, out of order): it is not served. */
export class CommunityRefusedError extends Error {
  constructor(
    readonly community: string,
    readonly inner: LanewiseError,
  ) {
    super(`community ${community} was refused at load: ${inner.message}`);
    this.name = 'CommunityRefusedError';
  }
}

/** Options of {@link createRegistry}. */
export interface RegistryOptions {
  readonly store: EventStore;
  readonly settings: CommunitySettings;
  /** Communities kept in memory at most. */
  readonly cacheSize: number;
  /** How often a command is run again on fresh state after a conflict before CONFLICT. */
  readonly conflictRetries: number;
  /**
   * Whether other processes may write to the same database (PostgreSQL): then each use checks
   * that the cached streams still end where the database does.
   */
  readonly shared: boolean;
}

/** A community's objects, loaded on demand. */
export interface Registry {
  /** Runs `read` on the community's current state. */
  read<T>(community: string, read: (community: Community) => T): Promise<T>;
  /**
   * Runs `command`, which may write to `stream` only, and stores what it wrote before
   * resolving: a resolved write is acknowledged (committed).
   */
  write<T>(community: string, stream: StreamName, command: (community: Community) => T): Promise<T>;
  /** Drops a community from the cache (its next use reloads it). */
  evict(community: string): void;
  readonly cached: number;
}

export function createRegistry(options: RegistryOptions): Registry {
  const { store, settings } = options;
  const cache = new Lru<string, Community>(options.cacheSize);
  const queues = new Map<string, Promise<unknown>>();

  // One command at a time per community, in arrival order.
  const exclusive = <T>(community: string, work: () => Promise<T>): Promise<T> => {
    const before = queues.get(community) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.catch(() => undefined);
    queues.set(community, settled);
    void settled.then(() => {
      if (queues.get(community) === settled) queues.delete(community);
    });
    return run;
  };

  const current = async (id: string): Promise<Community> => {
    const cached = cache.get(id);
    if (cached && options.shared) {
      // Another process may have appended: reload when any stream grew.
      const ends = await store.ends(id);
      const grown = STREAMS.map((stream) => (ends[stream] ?? 0) !== cached.events(stream).length);
      if (!grown.some(Boolean)) return cached;
    } else if (cached) {
      return cached;
    }
    let loaded: Community;
    try {
      loaded = await loadCommunity(store, id, settings);
    } catch (error) {
      if (error instanceof LanewiseError && error.code === 'INVALID_LOG') {
        throw new CommunityRefusedError(id, error);
      }
      throw error;
    }
    cache.set(id, loaded);
    return loaded;
  };

  const maybeSnapshot = async (
    community: Community,
    stream: StreamName,
    before: number,
    after: readonly StoredEvent[],
  ) => {
    const every = settings.snapshotEvery;
    if (Math.floor(after.length / every) === Math.floor(before / every)) return;
    const last = after.at(-1)!;
    await store.saveSnapshot(community.id, stream, {
      seq: last.seq,
      hash: last.hash,
      state: snapshotState(community, stream),
    });
  };

  return {
    read: (id, read) => exclusive(id, async () => read(await current(id))),
    write: <T>(id: string, stream: StreamName, command: (community: Community) => T) =>
      exclusive(id, async () => {
        for (let attempt = 0; ; attempt += 1) {
          const community = await current(id);
          const before = community.events(stream).length;
          let result: T;
          try {
            result = command(community);
          } catch (error) {
            // The core changed nothing; anything else may have left the objects half changed.
            if (!(error instanceof LanewiseError)) cache.delete(id);
            throw error;
          }
          const log = community.events(stream);
          const fresh = log.slice(before);
          if (fresh.length === 0) return result;
          try {
            await store.append(id, stream, before, fresh);
          } catch (error) {
            // The objects are ahead of the database now: forget them.
            cache.delete(id);
            if (error instanceof StreamConflictError) {
              if (attempt < options.conflictRetries) {
                // A short random pause, so that two processes racing for one stream fall out
                // of step instead of colliding again.
                await new Promise((resolve) =>
                  setTimeout(resolve, Math.random() * 4 * (attempt + 1)),
                );
                continue;
              }
              throw new ConflictError(id, stream);
            }
            throw error;
          }
          await maybeSnapshot(community, stream, before, log).catch(() => {});
          return result;
        }
      }),
    evict: (id) => cache.delete(id),
    get cached() {
      return cache.size;
    },
  };
}
