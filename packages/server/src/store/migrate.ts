// Schema migrations: the SQL files of migrations/, applied in name order at start, each in
// its own transaction and recorded in lanewise_migrations so that it runs once.
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.js';

const FOLDER = new URL('../../migrations/', import.meta.url);

/** The migration files, in the order they apply. */
export function migrationFiles(): string[] {
  return readdirSync(FOLDER)
    .filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
}

/** Applies the migrations not yet recorded; returns the names applied now. */
export async function migrate(db: Database): Promise<string[]> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS lanewise_migrations (
       name text PRIMARY KEY,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
  const done = new Set(
    (await db.query<{ name: string }>('SELECT name FROM lanewise_migrations')).rows.map(
      (row) => row.name,
    ),
  );
  const applied: string[] = [];
  for (const name of migrationFiles()) {
    if (done.has(name)) continue;
    const sql = readFileSync(new URL(name, FOLDER), 'utf8');
    const record = `INSERT INTO lanewise_migrations (name) VALUES ('${name}') ON CONFLICT DO NOTHING;`;
    try {
      await db.script(`${sql}\n${record}`);
    } catch (error) {
      // Another server starting at the same time may have applied it first: then it is done.
      const now = await db.query('SELECT 1 FROM lanewise_migrations WHERE name = $1', [name]);
      if (now.rows.length > 0) continue;
      throw error;
    }
    applied.push(name);
  }
  return applied;
}
