// Where the server gets a community: from the cache, or loaded from its streams on first use.
// A community's work runs in arrival order, one group at a time: the reads waiting together
// run on its committed state; the commands waiting together run one after another in memory
// and their events are appended in one statement at the position the community was seen at,
// each command answered only after that commit (group commit). A writer in another process
// that got there first makes this one reload and run the group again on fresh state (or
// answer CONFLICT). Communities idle for a while are dropped from memory.
import { LanewiseError } from '@lanewise/core/errors';
import {
  CommunityMovedError,
  type EventStore,
  type StoredEvent,
  type StreamAppend,
} from '../store/events.js';
import {
  loadCommunity,
  snapshotState,
  STREAMS,
  type Community,
  type StreamName,
} from './community.js';
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
   * Whether other processes may write to the same database (PostgreSQL): then each read
   * checks that the community's position is still the one its cached state was built at.
   */
  readonly shared: boolean;
  /** A community unused for this many milliseconds is dropped from memory (0: never). */
  readonly idleEvictMs?: number | undefined;
  /** The clock of idleness, in milliseconds (Date.now by default; a fake one in tests). */
  readonly clock?: (() => number) | undefined;
}

/** A community's objects, loaded on demand. */
export interface Registry {
  /** Runs `read` on the community's current committed state. */
  read<T>(community: string, read: (community: Community) => T): Promise<T>;
  /**
   * Runs `command`, which may write to `stream` only, and stores what it wrote before
   * resolving: a resolved write is acknowledged (committed).
   */
  write<T>(community: string, stream: StreamName, command: (community: Community) => T): Promise<T>;
  /** Drops a community from the cache (its next use reloads it). */
  evict(community: string): void;
  /** Drops the communities idle for longer than the setting; returns how many. */
  evictIdle(): number;
  readonly cached: number;
  /** Stops the timer of idle eviction. */
  close(): void;
}

/** A community in memory: its objects, the position they were built at, its last use. */
interface Entry {
  readonly community: Community;
  position: number;
  usedAt: number;
}

/** A read or a command waiting its turn. */
interface Job {
  readonly kind: 'read' | 'write';
  /** The stream a command writes to (named in a conflict). */
  readonly stream?: StreamName;
  readonly run: (community: Community) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createRegistry(options: RegistryOptions): Registry {
  const { store, settings } = options;
  const clock = options.clock ?? Date.now;
  const idleEvictMs = options.idleEvictMs ?? 0;
  // Least recently used first (a Map keeps insertion order; a use moves the entry last).
  const cache = new Map<string, Entry>();
  const queues = new Map<string, Job[]>();

  const remember = (id: string, entry: Entry) => {
    cache.delete(id);
    cache.set(id, entry);
    for (const [oldest] of cache) {
      if (cache.size <= options.cacheSize) break;
      if (!queues.has(oldest)) cache.delete(oldest);
      else break;
    }
  };

  const load = async (id: string): Promise<Entry> => {
    // The position first: events appended after it make the entry stale, never wrongly fresh.
    const position = await store.position(id);
    let community: Community;
    try {
      community = await loadCommunity(store, id, settings);
    } catch (error) {
      if (error instanceof LanewiseError && error.code === 'INVALID_LOG') {
        throw new CommunityRefusedError(id, error);
      }
      throw error;
    }
    const entry = { community, position, usedAt: clock() };
    remember(id, entry);
    return entry;
  };

  /** The cached entry, checked against the database when other processes write too. */
  const current = async (id: string, check: boolean): Promise<Entry> => {
    const cached = cache.get(id);
    if (cached === undefined) return load(id);
    cached.usedAt = clock();
    remember(id, cached);
    if (check && options.shared && (await store.position(id)) !== cached.position) {
      return load(id);
    }
    return cached;
  };

  const maybeSnapshot = async (community: Community, stream: StreamName, before: number) => {
    const every = settings.snapshotEvery;
    const last = community.events(stream).at(-1)!;
    if (Math.floor(last.seq / every) === Math.floor(before / every)) return;
    await store.saveSnapshot(community.id, stream, {
      seq: last.seq,
      hash: last.hash,
      state: snapshotState(community, stream),
    });
  };

  /** Runs a group of commands on the entry and commits their events; the outcome of each. */
  const commitGroup = async (
    id: string,
    entry: Entry,
    jobs: readonly Job[],
    unchecked: boolean,
  ): Promise<{ outcomes: Outcome[] } | { broken: Job; error: unknown }> => {
    const { community } = entry;
    const before = Object.fromEntries(
      STREAMS.map((stream) => [stream, community.end(stream)]),
    ) as Record<StreamName, number>;
    const outcomes: Outcome[] = [];
    for (const job of jobs) {
      try {
        outcomes.push({ ok: true, value: job.run(community) });
      } catch (error) {
        // The core changed nothing; anything else may have left the objects half changed,
        // so the group is run again without that command on freshly loaded objects.
        if (!(error instanceof LanewiseError)) return { broken: job, error };
        outcomes.push({ ok: false, error });
      }
    }
    const writes: (StreamAppend & { stream: StreamName })[] = STREAMS.map((stream) => ({
      stream,
      expected: before[stream],
      events: community.eventsAfter(stream, before[stream]) as StoredEvent[],
    })).filter((write) => write.events.length > 0);
    if (writes.length > 0) {
      entry.position = await store.appendCommunity(id, entry.position, writes);
      for (const { stream } of writes) {
        await maybeSnapshot(community, stream, before[stream]).catch(() => {});
      }
    } else if (unchecked && outcomes.some((outcome) => !outcome.ok)) {
      // Nothing to append, so no append checked the objects: a refusal on stale objects (a
      // case another process opened, not found here) must not be answered.
      if ((await store.position(id)) !== entry.position) {
        throw new CommunityMovedError(id, entry.position);
      }
    }
    return { outcomes };
  };

  const runWrites = async (id: string, group: Job[]) => {
    let jobs = group;
    // The cache is not checked before a write (the append checks the position itself): when
    // other processes write too, the first conflict may only mean that the cache was stale,
    // so its rerun on fresh objects is not counted against the retries.
    let unchecked = options.shared;
    for (let attempt = 0; jobs.length > 0;) {
      let result: Awaited<ReturnType<typeof commitGroup>>;
      try {
        result = await commitGroup(id, await current(id, false), jobs, unchecked);
      } catch (error) {
        // The objects are ahead of the database now: forget them.
        cache.delete(id);
        if (error instanceof CommunityMovedError && unchecked) {
          unchecked = false;
          continue;
        }
        if (error instanceof CommunityMovedError && attempt < options.conflictRetries) {
          attempt += 1;
          // A short random pause, so that two processes racing for one community fall out
          // of step instead of colliding again.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));
          continue;
        }
        const answer =
          error instanceof CommunityMovedError
            ? new ConflictError(id, jobs[0]!.stream ?? 'cases')
            : error;
        for (const job of jobs) job.reject(answer);
        return;
      }
      if ('broken' in result) {
        cache.delete(id);
        if (unchecked) {
          // The refusal may come of stale objects: the whole group again on fresh ones.
          unchecked = false;
          continue;
        }
        const { broken } = result;
        broken.reject(result.error);
        jobs = jobs.filter((job) => job !== broken);
        continue;
      }
      result.outcomes.forEach((outcome, index) => {
        const job = jobs[index]!;
        if (outcome.ok) job.resolve(outcome.value);
        else job.reject(outcome.error);
      });
      return;
    }
  };

  const runReads = async (id: string, group: Job[]) => {
    let entry: Entry;
    try {
      entry = await current(id, true);
    } catch (error) {
      for (const job of group) job.reject(error);
      return;
    }
    for (const job of group) {
      try {
        job.resolve(job.run(entry.community));
      } catch (error) {
        job.reject(error);
      }
    }
  };

  /** Works through a community's queue: each turn, the jobs of one kind waiting at its head. */
  const drain = async (id: string, queue: Job[]) => {
    while (queue.length > 0) {
      const kind = queue[0]!.kind;
      let end = 1;
      while (end < queue.length && queue[end]!.kind === kind) end += 1;
      const group = queue.splice(0, end);
      await (kind === 'read' ? runReads(id, group) : runWrites(id, group));
    }
    queues.delete(id);
  };

  const enqueue = <T>(
    id: string,
    kind: Job['kind'],
    run: (community: Community) => T,
    stream?: StreamName,
  ) =>
    new Promise<T>((resolve, reject) => {
      const job: Job = { kind, run, resolve: resolve as Job['resolve'], reject, stream };
      const queue = queues.get(id);
      if (queue) {
        queue.push(job);
        return;
      }
      const fresh = [job];
      queues.set(id, fresh);
      void drain(id, fresh);
    });

  const evictIdle = () => {
    if (idleEvictMs <= 0) return 0;
    const now = clock();
    let evicted = 0;
    for (const [id, entry] of cache) {
      if (now - entry.usedAt >= idleEvictMs && !queues.has(id)) {
        cache.delete(id);
        evicted += 1;
      }
    }
    return evicted;
  };
  // The sweep runs a few times per idle period; it never keeps the process alive.
  const timer =
    idleEvictMs > 0
      ? setInterval(evictIdle, Math.max(1000, Math.floor(idleEvictMs / 4)))
      : undefined;
  timer?.unref();

  return {
    read: (id, read) => enqueue(id, 'read', read),
    write: (id, stream, command) => enqueue(id, 'write', command, stream),
    evict: (id) => cache.delete(id),
    evictIdle,
    get cached() {
      return cache.size;
    },
    close: () => clearInterval(timer),
  };
}
