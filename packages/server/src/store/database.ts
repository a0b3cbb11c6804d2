// The one thing the event store needs from a database: parameterised queries, and
// transactions that either commit whole or not at all. PGlite and `pg` both provide it.

/** Rows of a query. */
export interface QueryResult<Row> {
  readonly rows: Row[];
}

/** Runs statements; inside a transaction, on that transaction's connection. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
}

/** Options of {@link Database.commit}. */
export interface CommitOptions {
  /** A name under which the statement is prepared once per connection (PostgreSQL). */
  readonly name?: string;
}

/** A database the server stores its events in. */
export interface Database extends Queryable {
  /** `pglite` or `postgres`: said in logs and health checks. */
  readonly kind: 'pglite' | 'postgres';
  /** Runs a script of several statements (a migration), in one transaction. */
  script(sql: string): Promise<void>;
  /** How many statements it runs at once (PGlite one; PostgreSQL its pool's size). */
  readonly concurrency: number;
  /** Runs one statement as a transaction of its own, resolving once it is committed. */
  commit<Row = Record<string, unknown>>(
    sql: string,
    params: unknown[],
    options?: CommitOptions,
  ): Promise<QueryResult<Row>>;
  /** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL's code for a unique violation: another writer took the same key first. */
export const UNIQUE_VIOLATION = '23505';

/** Whether an error is PostgreSQL's unique violation. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === UNIQUE_VIOLATION
  );
}
