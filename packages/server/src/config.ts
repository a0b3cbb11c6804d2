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
}

const readJson = (path: string | undefined): unknown =>
  path ? JSON.parse(readFileSync(path, 'utf8')) : undefined;

/** Reads PORT, HOST, DATABASE_URL, LANEWISE_DATA_DIR, LANEWISE_SECRET, LANEWISE_JWKS_URL, LANEWISE_POLICY and LANEWISE_RULES. */
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
  };
}
