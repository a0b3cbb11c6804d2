// PGlite (Postgres compiled to WebAssembly) as the embedded default database, run in a thread
// of its own (`pglite-worker.mjs`). It serves one connection, so every statement and
// transaction goes through one queue, in arrival order: writes wait their turn rather than
// fail. It starts Postgres with fsync off; the server starts it with fsync on, so that a
// commit is on disk before the write is acknowledged.
import { Worker } from 'node:worker_threads';
import type { Database, QueryResult } from './database.js';
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

/** A request to the database's thread; answered in order. */
type Request =
  | { op: 'open'; dataDir: string | undefined; startParams: readonly string[] }
  | { op: 'query'; sql: string; params: unknown[] }
  | { op: 'exec'; sql: string }
  | { op: 'close' };

type Answer =
  | { id: number; ok: true; rows: unknown[] }
  | { id: number; ok: false; error: Record<string, unknown> & { message: string } };

/** The database's thread, and a way to ask it one thing at a time. */
function startThread() {
  const thread = new Worker(new URL('./pglite-worker.mjs', import.meta.url));
  const waiting = new Map<
    number,
    { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }
  >();
  let next = 0;
  let failure: Error | undefined;
  thread.on('message', (answer: Answer) => {
    const call = waiting.get(answer.id);
    waiting.delete(answer.id);
    // An idle database thread does not keep the process alive; one with work waiting does.
    if (waiting.size === 0) thread.unref();
    if (answer.ok) call?.resolve(answer.rows);
    // PostgreSQL's fields (the code of a unique violation, say) come back on the error.
    else call?.reject(Object.assign(new Error(answer.error.message), answer.error));
  });
  const fail = (error: Error) => {
    failure = error;
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  };
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`the database thread stopped (exit code ${code})`)));
  const ask = (request: Request) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      const id = next++;
      if (waiting.size === 0) thread.ref();
      waiting.set(id, { resolve, reject });
      thread.postMessage({ id, ...request });
    });
  return { thread, ask };
}

/**
 * Opens PGlite on a data directory (taking its lock) or in memory, in a thread of its own:
 * its WebAssembly runs each statement to the end without yielding, which would otherwise stall
 * every request of the server.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  const release = options.dataDir === undefined ? () => {} : lockDataDir(options.dataDir);
  const { thread, ask } = startThread();
  try {
    await ask({ op: 'open', dataDir: options.dataDir, startParams: DURABLE_START_PARAMS });
  } catch (error) {
    await thread.terminate();
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
    ask({ op: 'query', sql, params }).then((rows) => ({ rows }) as QueryResult<Row>);
  /** `work` between BEGIN and COMMIT, rolled back when it throws. */
  const inTransaction = async <T>(work: () => Promise<T>): Promise<T> => {
    await query('BEGIN');
    try {
      const result = await work();
      await query('COMMIT');
      return result;
    } catch (error) {
      await query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };

  return {
    kind: 'pglite',
    query: (sql, params) => enqueue(() => query(sql, params)),
    concurrency: 1,
    commit: (sql, params) => enqueue(() => query(sql, params)),
    script: (sql) =>
      enqueue(() =>
        inTransaction(async () => {
          await ask({ op: 'exec', sql });
        }),
      ),
    transaction: (work) => enqueue(() => inTransaction(() => work({ query }))),
    close: () =>
      enqueue(async () => {
        try {
          await ask({ op: 'close' });
        } finally {
          await thread.terminate();
          release();
        }
      }),
  };
}
