// Appending a community's new events: one statement that moves the community's counter only
// if it is still at the position the writer knew, and inserts the events only where it moved,
// so one round trip and one commit. Appends of different communities that arrive while every
// connection is busy go in one statement together (group commit): each is answered after that
// commit, and each community's condition holds or fails on its own.
import { isUniqueViolation, type Database } from './database.js';
import type { StoredEvent } from './events.js';

/** New events of one stream, to follow its `expected` last sequence. */
export interface StreamAppend {
  readonly stream: string;
  readonly expected: number;
  readonly events: readonly StoredEvent[];
}

/** Another writer appended to the community since the position its writer knew. */
export class CommunityMovedError extends Error {
  constructor(
    readonly community: string,
    readonly known: number,
  ) {
    super(`community ${community} moved past position ${known}`);
    this.name = 'CommunityMovedError';
  }
}

/**
 * $1..$3: each community, the position its writer knew and its count of new events (sorted by
 * community, so that two servers take the counter rows in the same order). $4..$11: the events,
 * each with its community and its place among that community's new ones. A counter row is
 * taken under its lock until commit, so positions are handed out in commit order.
 */
const APPEND_SQL = `WITH input AS (
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS i(community, known, n)
), counter AS (
  INSERT INTO lanewise_positions AS p (community, last)
  SELECT community, known + n FROM input ORDER BY community
  ON CONFLICT (community) DO UPDATE SET last = EXCLUDED.last
    WHERE p.last = (SELECT known FROM input WHERE input.community = p.community)
  RETURNING community, last
)
INSERT INTO lanewise_events (community, stream, seq, type, at, data, hash, position)
SELECT e.community, e.stream, e.seq, e.type, e.at, e.data::jsonb, e.hash, c.last - i.n + e.ord
FROM unnest($4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[],
    $11::bigint[]) AS e(community, stream, seq, type, at, data, hash, ord)
  JOIN counter c ON c.community = e.community
  JOIN input i ON i.community = e.community
RETURNING community`;

interface Pending {
  readonly community: string;
  readonly known: number;
  readonly writes: readonly StreamAppend[];
  readonly count: number;
  readonly resolve: (position: number) => void;
  readonly reject: (error: unknown) => void;
}

/** Checks that each stream's events follow on; returns how many there are. */
function countOf(writes: readonly StreamAppend[]): number {
  let count = 0;
  for (const { expected, events } of writes) {
    events.forEach((event, index) => {
      if (event.seq !== expected + index + 1) {
        throw new Error(`event ${event.seq} does not follow ${expected + index}`);
      }
    });
    count += events.length;
  }
  return count;
}

async function runGroup(db: Database, group: readonly Pending[]): Promise<Map<string, number>> {
  const sorted = [...group].sort((a, b) => (a.community < b.community ? -1 : 1));
  const heads: unknown[][] = [[], [], []];
  const rows: unknown[][] = [[], [], [], [], [], [], [], []];
  for (const item of sorted) {
    heads[0]!.push(item.community);
    heads[1]!.push(item.known);
    heads[2]!.push(item.count);
    let ord = 0;
    for (const { stream, events } of item.writes) {
      for (const event of events) {
        ord += 1;
        const row = [
          item.community,
          stream,
          event.seq,
          event.type,
          event.at,
          JSON.stringify(event.data),
          event.hash,
          ord,
        ];
        row.forEach((value, column) => rows[column]!.push(value));
      }
    }
  }
  const result = await db.commit<{ community: string }>(APPEND_SQL, [...heads, ...rows], {
    name: 'lanewise_append',
  });
  const inserted = new Map<string, number>();
  for (const { community } of result.rows) {
    inserted.set(community, (inserted.get(community) ?? 0) + 1);
  }
  return inserted;
}

/**
 * The appender of one database: `append` resolves once the events are committed. At most
 * `concurrency` statements run at once, each of at most `maxGroup` communities.
 */
export function createAppender(db: Database, concurrency: number, maxGroup = 500) {
  const pending: Pending[] = [];
  let running = 0;

  const settle = (item: Pending, inserted: Map<string, number>) => {
    if (inserted.get(item.community) === item.count) item.resolve(item.known + item.count);
    else item.reject(new CommunityMovedError(item.community, item.known));
  };

  const run = async (group: Pending[]) => {
    try {
      const inserted = await runGroup(db, group);
      for (const item of group) settle(item, inserted);
    } catch (error) {
      if (group.length === 1) {
        const [item] = group as [Pending];
        // A key taken: another writer appended at the same place first.
        item.reject(
          isUniqueViolation(error) ? new CommunityMovedError(item.community, item.known) : error,
        );
        return;
      }
      // One community's failure (a key taken, a deadlock with another server) must not fail
      // the others: each goes again on its own.
      await Promise.all(group.map((item) => run([item])));
    }
  };

  const pump = () => {
    while (running < concurrency && pending.length > 0) {
      // A community at most once per statement: its counter row can move once.
      const seen = new Set<string>();
      const group: Pending[] = [];
      let rows = 0;
      // Bounded, so that one statement stays small beside the others (an import's big appends).
      for (let index = 0; index < pending.length && group.length < maxGroup && rows < 5000;) {
        const item = pending[index]!;
        if (seen.has(item.community)) {
          index += 1;
          continue;
        }
        seen.add(item.community);
        group.push(item);
        rows += item.count;
        pending.splice(index, 1);
      }
      running += 1;
      void run(group).finally(() => {
        running -= 1;
        pump();
      });
    }
  };

  return {
    append(community: string, known: number, writes: readonly StreamAppend[]): Promise<number> {
      const count = countOf(writes);
      if (count === 0) return Promise.resolve(known);
      return new Promise<number>((resolve, reject) => {
        pending.push({ community, known, writes, count, resolve, reject });
        pump();
      });
    },
  };
}
