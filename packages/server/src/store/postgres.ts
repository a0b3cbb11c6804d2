// Any PostgreSQL server through a `pg` pool: what a community uses when it outgrows PGlite,
// and what several server processes share.
import pg from 'pg';
import type { Database, Queryable } from './database.js';

/** Opens a pool on `DATABASE_URL`. */
export function openPostgres(connectionString: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its connection must not crash the server.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    concurrency: max,
    query: async (sql, params = []) => {
      const result = await pool.query(sql, params);
      return { rows: result.rows };
    },
    commit: async (sql, params, options = {}) => {
      // One statement is its own transaction: one round trip, committed when it answers.
      const result = await pool.query({ text: sql, values: params, name: options.name });
      return { rows: result.rows };
    },
    script: async (sql) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const scoped: Queryable = {
          query: async (sql, params = []) => ({ rows: (await client.query(sql, params)).rows }),
        };
        const result = await work(scoped);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
