// The event store: append a stream's new events at the sequence the writer expected, read a
// stream back, keep snapshots. Two writers at the same place: the primary key lets one in and
// the other gets a conflict.
import type { Database, Queryable } from './database.js';
import { isUniqueViolation } from './database.js';
import { createAppender, type StreamAppend } from './append.js';

export { CommunityMovedError, type StreamAppend } from './append.js';

/** An event as the core writes it (chained: with `hash`). */
export interface StoredEvent {
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly hash: string;
}

/** An event with where it sits in its community's order of commits. */
export interface PositionedEvent extends StoredEvent {
  readonly community: string;
  readonly stream: string;
  readonly position: number;
}

/** A snapshot kept beside a stream. */
export interface StoredSnapshot {
  readonly seq: number;
  readonly hash: string;
  readonly state: unknown;
}

/** Another writer appended to the stream first: the caller's view of it is stale. */
export class StreamConflictError extends Error {
  constructor(
    readonly community: string,
    readonly stream: string,
    readonly expected: number,
  ) {
    super(`stream ${community}/${stream} moved past ${expected}`);
    this.name = 'StreamConflictError';
  }
}

interface EventRow {
  community: string;
  stream: string;
  seq: number;
  type: string;
  at: string;
  data: Record<string, unknown> | string;
  hash: string;
  position: string | number;
}

const toEvent = (row: EventRow): PositionedEvent => ({
  community: row.community,
  stream: row.stream,
  seq: Number(row.seq),
  type: row.type,
  at: row.at,
  data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
  hash: row.hash,
  position: Number(row.position),
});

/**
 * A page of a stream as one JSON text of `[seq, type, at, data, hash]` rows, so that the driver
 * decodes one value, not five per row: PGlite decodes each field in JavaScript, and reads a
 * stream about 2.5 times as fast this way. `pg` decodes rows faster than PostgreSQL builds
 * the text, so on PostgreSQL a stream is read row by row.
 */
const READ_PAGE_SQL = `SELECT count(*)::int AS count,
    coalesce(json_agg(json_build_array(seq, type, at, data, hash) ORDER BY seq), '[]')::text AS page
  FROM (SELECT seq, type, at, data, hash FROM lanewise_events
    WHERE community = $1 AND stream = $2 AND seq > $3 ORDER BY seq LIMIT $4) AS e`;

type PageRow = [seq: number, type: string, at: string, data: Record<string, unknown>, hash: string];

/** Strips the storage fields: the event exactly as the core's log holds it. */
export const coreEvent = (event: StoredEvent): StoredEvent => ({
  seq: event.seq,
  type: event.type,
  at: event.at,
  data: event.data,
  hash: event.hash,
});

/** The event store over a database. */
export interface EventStore {
  /**
   * Appends new events of a community's streams in one transaction, if the community's last
   * position is still `known`; resolves to its new last position once committed. Throws
   * {@link CommunityMovedError} when another writer appended since.
   */
  appendCommunity(
    community: string,
    known: number,
    writes: readonly StreamAppend[],
  ): Promise<number>;
  /** The community's last position (0 before its first event). */
  position(community: string): Promise<number>;
  /**
   * Appends `events` (whose first `seq` must be `expected + 1`) in one transaction; throws
   * {@link StreamConflictError} when the stream no longer ends at `expected`.
   */
  append(
    community: string,
    stream: string,
    expected: number,
    events: readonly StoredEvent[],
  ): Promise<void>;
  /** A stream's events after `afterSeq`, in order. */
  read(community: string, stream: string, afterSeq?: number): Promise<StoredEvent[]>;
  /** The events of the case book about case `id`, up to `throughSeq`, in order. */
  readCase(community: string, id: string, throughSeq: number): Promise<StoredEvent[]>;
  /** Where each of a community's streams ends now: its last `seq`. */
  ends(community: string): Promise<Record<string, number>>;
  /** A community's events after `afterPosition`, in commit order, at most `limit`. */
  readCommunity(
    community: string,
    afterPosition?: number,
    limit?: number,
  ): Promise<PositionedEvent[]>;
  /** The streams of a community, or of every community. */
  streams(community?: string): Promise<{ community: string; stream: string }[]>;
  /** The communities that have any event. */
  communities(): Promise<string[]>;
  saveSnapshot(community: string, stream: string, snapshot: StoredSnapshot): Promise<void>;
  latestSnapshot(community: string, stream: string): Promise<StoredSnapshot | undefined>;
}

async function insertEvents(
  tx: Queryable,
  community: string,
  stream: string,
  events: readonly StoredEvent[],
): Promise<void> {
  // Taking the community's counter row serialises its appenders until commit: positions
  // are handed out in commit order, so a reader at position p never misses a later commit
  // below p (the gap a plain sequence leaves).
  const counter = await tx.query<{ last: string | number }>(
    `INSERT INTO lanewise_positions AS p (community, last) VALUES ($1, $2)
       ON CONFLICT (community) DO UPDATE SET last = p.last + $2
     RETURNING last`,
    [community, events.length],
  );
  const last = Number(counter.rows[0]!.last);
  const first = last - events.length + 1;
  const values: unknown[] = [];
  const tuples = events.map((event, index) => {
    const base = index * 8;
    values.push(
      community,
      stream,
      event.seq,
      event.type,
      event.at,
      JSON.stringify(event.data),
      event.hash,
      first + index,
    );
    const slots = Array.from({ length: 8 }, (_, k) => `$${base + k + 1}`);
    slots[5] = `${slots[5]}::jsonb`;
    return `(${slots.join(', ')})`;
  });
  await tx.query(
    `INSERT INTO lanewise_events (community, stream, seq, type, at, data, hash, position)
     VALUES ${tuples.join(', ')}`,
    values,
  );
}

/** The event store on `db` (migrated); `appendStatements` append statements run at once. */
export function createEventStore(
  db: Database,
  options: {
    readonly appendStatements?: number | undefined;
    readonly appendGroup?: number | undefined;
    /**
     * Events per query of a stream read, as one JSON text per page, or `false` to read row by
     * row: 5000 on PGlite, `false` on PostgreSQL.
     */
    readonly readPage?: number | false | undefined;
  } = {},
): EventStore {
  const readPage = options.readPage ?? (db.kind === 'pglite' ? 5000 : false);
  if (readPage !== false && !(Number.isSafeInteger(readPage) && readPage > 0)) {
    throw new RangeError(`readPage must be a positive integer or false, not ${readPage}`);
  }
  // Few appends at once, each of many communities, cost the database far less than one
  // statement per write on every connection; two keep one filling while one commits.
  const appender = createAppender(
    db,
    Math.min(db.concurrency, options.appendStatements ?? 2),
    options.appendGroup ?? 500,
  );
  return {
    appendCommunity: (community, known, writes) => appender.append(community, known, writes),
    async position(community) {
      const result = await db.query<{ last: string | number }>(
        'SELECT last FROM lanewise_positions WHERE community = $1',
        [community],
      );
      return Number(result.rows[0]?.last ?? 0);
    },
    async append(community, stream, expected, events) {
      if (events.length === 0) return;
      events.forEach((event, index) => {
        if (event.seq !== expected + index + 1) {
          throw new Error(`event ${event.seq} does not follow ${expected + index}`);
        }
      });
      try {
        await db.transaction(async (tx) => {
          // The writer's view must still be the stream's end; the primary key stops a writer
          // that read the same end concurrently.
          const end = await tx.query<{ seq: number | null }>(
            'SELECT max(seq) AS seq FROM lanewise_events WHERE community = $1 AND stream = $2',
            [community, stream],
          );
          if (Number(end.rows[0]?.seq ?? 0) !== expected) {
            throw new StreamConflictError(community, stream, expected);
          }
          await insertEvents(tx, community, stream, events);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new StreamConflictError(community, stream, expected);
        throw error;
      }
    },
    async read(community, stream, afterSeq = 0) {
      if (readPage === false) {
        const result = await db.query<EventRow>(
          `SELECT community, stream, seq, type, at, data, hash, position FROM lanewise_events
           WHERE community = $1 AND stream = $2 AND seq > $3 ORDER BY seq`,
          [community, stream, afterSeq],
        );
        return result.rows.map((row) => coreEvent(toEvent(row)));
      }
      const events: StoredEvent[] = [];
      for (let after = afterSeq; ;) {
        const result = await db.query<{ count: number; page: string }>(READ_PAGE_SQL, [
          community,
          stream,
          after,
          readPage,
        ]);
        const { count, page } = result.rows[0]!;
        for (const [seq, type, at, data, hash] of JSON.parse(page) as PageRow[]) {
          events.push({ seq, type, at, data, hash });
        }
        if (count < readPage) return events;
        after = events.at(-1)!.seq;
      }
    },
    async readCase(community, id, throughSeq) {
      const result = await db.query<EventRow>(
        `SELECT community, stream, seq, type, at, data, hash, position FROM lanewise_events
         WHERE community = $1 AND stream = 'cases' AND seq <= $3
           AND (data->>'id' = $2 OR data->'intake'->>'id' = $2) ORDER BY seq`,
        [community, id, throughSeq],
      );
      return result.rows.map((row) => coreEvent(toEvent(row)));
    },
    async ends(community) {
      const result = await db.query<{ stream: string; seq: number }>(
        'SELECT stream, max(seq) AS seq FROM lanewise_events WHERE community = $1 GROUP BY stream',
        [community],
      );
      return Object.fromEntries(result.rows.map((row) => [row.stream, Number(row.seq)]));
    },
    async readCommunity(community, afterPosition = 0, limit = 1000) {
      const result = await db.query<EventRow>(
        `SELECT community, stream, seq, type, at, data, hash, position FROM lanewise_events
         WHERE community = $1 AND position > $2 ORDER BY position LIMIT $3`,
        [community, afterPosition, limit],
      );
      return result.rows.map(toEvent);
    },
    async streams(community) {
      const result = await db.query<{ community: string; stream: string }>(
        community === undefined
          ? 'SELECT DISTINCT community, stream FROM lanewise_events ORDER BY community, stream'
          : 'SELECT DISTINCT community, stream FROM lanewise_events WHERE community = $1 ORDER BY stream',
        community === undefined ? [] : [community],
      );
      return result.rows;
    },
    async communities() {
      const result = await db.query<{ community: string }>(
        'SELECT community FROM lanewise_positions ORDER BY community',
      );
      return result.rows.map((row) => row.community);
    },
    async saveSnapshot(community, stream, snapshot) {
      await db.query(
        `INSERT INTO lanewise_snapshots (community, stream, seq, hash, state)
         VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING`,
        [community, stream, snapshot.seq, snapshot.hash, JSON.stringify(snapshot.state)],
      );
    },
    async latestSnapshot(community, stream) {
      const result = await db.query<{ seq: number; hash: string; state: unknown }>(
        `SELECT seq, hash, state FROM lanewise_snapshots
         WHERE community = $1 AND stream = $2 ORDER BY seq DESC LIMIT 1`,
        [community, stream],
      );
      const row = result.rows[0];
      if (row === undefined) return undefined;
      const state = typeof row.state === 'string' ? JSON.parse(row.state) : row.state;
      return { seq: Number(row.seq), hash: row.hash, state };
    },
  };
}
