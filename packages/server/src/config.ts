// The server's settings from environment variables, for the bin and `npm start`.
import { readFileSync } from 'node:fs';
import type { DatabaseOption } from './server.js';

/** The settings the environment gives. */
export interface EnvConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseOption;
  /** Where PGlite keeps its data (when no DATABASE_URL). */
  readonly dataDir: string;
  readonly secret: string;
  /** A JWKS URL that checks tokens in place of the secret. */
  readonly jwksUrl?: string | undefined;
  readonly policy?: unknown;
  readonly routing?: unknown;
  /** Communities kept in memory at most. */
  readonly cacheSize?: number | undefined;
  /** Milliseconds a community may stay unused before it leaves memory (0: never). */
  readonly idleEvictMs?: number | undefined;
  /** Communities in one append statement at most. */
  readonly appendGroup?: number | undefined;
  /** Append statements in flight at once. */
  readonly appendStatements?: number | undefined;
}

const numberOf = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of 0 or more`);
  return n;
};

const readJson = (path: string | undefined): unknown =>
  path ? JSON.parse(readFileSync(path, 'utf8')) : undefined;

/**
 * Reads PORT, HOST, DATABASE_URL, LANEWISE_DATA_DIR, LANEWISE_SECRET, LANEWISE_JWKS_URL,
 * LANEWISE_POLICY, LANEWISE_RULES, LANEWISE_CACHE_SIZE, LANEWISE_IDLE_MINUTES,
 * LANEWISE_APPEND_GROUP and LANEWISE_APPEND_STATEMENTS.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const dataDir = env['LANEWISE_DATA_DIR'] || './.lanewise-data';
  const secret = env['LANEWISE_SECRET'] ?? '';
  const jwksUrl = env['LANEWISE_JWKS_URL'] || undefined;
  if (secret.length < 32 && jwksUrl === undefined) {
    throw new Error(
      'Set LANEWISE_SECRET to a secret of at least 32 characters (it signs and checks the access tokens), or LANEWISE_JWKS_URL to check tokens of an identity provider.',
    );
  }
  return {
    port: Number(env['PORT'] ?? 8787),
    host: env['HOST'] ?? '127.0.0.1',
    database: env['DATABASE_URL'] ? { url: env['DATABASE_URL'] } : { pglite: { dataDir } },
    dataDir,
    secret,
    jwksUrl,
    policy: readJson(env['LANEWISE_POLICY']),
    routing: readJson(env['LANEWISE_RULES']),
    cacheSize: numberOf(env['LANEWISE_CACHE_SIZE'], 'LANEWISE_CACHE_SIZE'),
    appendStatements:
      numberOf(env['LANEWISE_APPEND_STATEMENTS'], 'LANEWISE_APPEND_STATEMENTS') || undefined,
    appendGroup: numberOf(env['LANEWISE_APPEND_GROUP'], 'LANEWISE_APPEND_GROUP') || undefined,
    idleEvictMs: ((minutes) => (minutes === undefined ? undefined : minutes * 60_000))(
      numberOf(env['LANEWISE_IDLE_MINUTES'], 'LANEWISE_IDLE_MINUTES'),
    ),
  };
}
