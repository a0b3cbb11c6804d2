// PGlite (Postgres compiled to WebAssembly) as the embedded default database. It serves one
// connection, so every statement and transaction goes through one queue, in arrival order:
// writes wait their turn rather than fail. It starts Postgres with fsync off; the server
// starts it with fsync on, so that a commit is on disk before the write is acknowledged.
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult } from './database.js';
import { lockDataDir } from './lock.js';

/** PGlite's own start parameters, less `-F` (fsync off). */
const DURABLE_START_PARAMS = [
  '--single',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'io_method=sync',
  '-c',
  'max_parallel_maintenance_workers=0',
  '-c',
  'fsync=on',
  '-c',
  'synchronous_commit=on',
];

/** Options of {@link openPglite}. */
export interface PgliteOptions {
  /** A directory to keep the data in; none keeps it in memory (tests). */
  readonly dataDir?: string | undefined;
}

/** Opens PGlite on a data directory (taking its lock) or in memory. */
export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  const release = options.dataDir === undefined ? () => {} : lockDataDir(options.dataDir);
  let db: PGlite;
  try {
    db =
      options.dataDir === undefined
        ? new PGlite()
        : new PGlite({ dataDir: options.dataDir, startParams: DURABLE_START_PARAMS });
    await db.waitReady;
  } catch (error) {
    release();
    throw error;
  }

  // One queue for everything: a statement never runs in the middle of another's transaction.
  let tail: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  const query = <Row>(sql: string, params: unknown[] = []) =>
    db.query<Row>(sql, params).then((result) => ({ rows: result.rows }) as QueryResult<Row>);

  return {
    kind: 'pglite',
    query: (sql, params) => enqueue(() => query(sql, params)),
    concurrency: 1,
    commit: (sql, params) => enqueue(() => query(sql, params)),
    script: (sql) =>
      enqueue(() =>
        db.transaction(async (tx) => {
          await tx.exec(sql);
        }),
      ),
    transaction: (work) =>
      enqueue(() =>
        db.transaction((tx) => {
          const scoped: Queryable = {
            query: <Row>(sql: string, params: unknown[] = []) =>
              tx.query<Row>(sql, params).then((result) => ({ rows: result.rows })),
          };
          return work(scoped);
        }),
      ),
    close: () =>
      enqueue(async () => {
        try {
          await db.close();
        } finally {
          release();
        }
      }),
  };
}
