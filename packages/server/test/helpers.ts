// What the server tests share: a server on each backend (PGlite in memory always; a real
// PostgreSQL when LANEWISE_TEST_DATABASE_URL is set, in a database of its own per test file),
// tokens per role, and a small client.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { manualClock } from '@lanewise/core/clock';
import { chainLink } from '@lanewise/core/journal';
import { sha256 } from '../src/communities/settings.js';
import {
  createServer,
  signToken,
  type LanewiseServer,
  type Role,
  type ServerOptions,
  type StoredEvent,
} from '../src/index.js';

export const AUTH = { secret: 'test-secret-that-is-long-enough-for-hs256' };
export const COMMUNITY = 'huana';
export const NOW = '2026-12-01T12:00:00+08:00';

/** A backend the tests run against. */
export interface Backend {
  readonly name: string;
  /** A `database` option for a fresh, empty store. */
  database(): Promise<ServerOptions['database']>;
  /** Drops what `database` made. */
  cleanup(): Promise<void>;
}

const pglite: Backend = {
  name: 'PGlite',
  database: async () => ({ pglite: {} }),
  cleanup: async () => {},
};

/** A PostgreSQL backend: each `database()` is a new database on the test server. */
function postgres(url: string): Backend {
  const made: string[] = [];
  return {
    name: 'PostgreSQL',
    async database() {
      const name = `lanewise_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      made.push(name);
      const target = new URL(url);
      target.pathname = `/${name}`;
      return { url: target.toString(), poolSize: 5 };
    },
    async cleanup() {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      for (const name of made.splice(0)) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
      await admin.end();
    },
  };
}

/** PGlite, and PostgreSQL when the environment names one. */
export function backends(): Backend[] {
  const url = process.env['LANEWISE_TEST_DATABASE_URL'];
  return url ? [pglite, postgres(url)] : [pglite];
}

/** A server on `database` with a manual clock at {@link NOW}. */
export async function startServer(
  database: ServerOptions['database'],
  extra: Partial<ServerOptions> = {},
): Promise<{ server: LanewiseServer; clock: ReturnType<typeof manualClock> }> {
  const clock = manualClock(NOW);
  const server = await createServer({ database, auth: AUTH, now: clock.now, ...extra });
  return { server, clock };
}

/** A token of `role` in `community`. */
export const tokenFor = (role: Role, sub = `${role}-1`, community = COMMUNITY, station?: string) =>
  signToken(AUTH, { role, sub, community, station });

/** A JSON call through the server's fetch. */
export async function call(
  server: LanewiseServer,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  // The tests read answers field by field; a body of the wrong shape fails their assertions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await server.fetch(
    new Request(`http://lanewise.test${path}`, { method, headers, body }),
  );
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

/** An hour entry of one hour on 1 December. */
export const entry = (id: string, volunteerId = 'v-li', hour = 9) => ({
  id,
  volunteerId,
  activityId: 'tea-visits',
  start: `2026-12-01T${String(hour).padStart(2, '0')}:00:00+08:00`,
  end: `2026-12-01T${String(hour + 1).padStart(2, '0')}:00:00+08:00`,
});

/** A case as a resident reports it. */
export const newCase = (id: string, category = 'noise') => ({
  id,
  category,
  title: '夜间广场舞噪音',
  channel: 'app',
  receivedAt: '2026-12-01T10:00:00+08:00',
});

/**
 * A chained log of `count` events after `previous`; the nested keys are out of order, so that
 * a store that reorders them (`jsonb`) must still verify.
 */
export function chained(count: number, from = 0, previous = ''): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (let i = 1; i <= count; i += 1) {
    const fields = {
      seq: from + i,
      type: 'test.happened',
      at: '2026-12-01T09:00:00+08:00',
      data: { n: from + i, nested: { b: 1, a: 2 } },
    };
    const hash = chainLink(sha256, previous, fields);
    out.push({ ...fields, hash });
    previous = hash;
  }
  return out;
}

/** The server and role tokens that the REST API's flows share within one backend's suite. */
export interface ApiSuite {
  readonly server: LanewiseServer;
  readonly tokens: Record<string, string>;
}

/** How many events `stream` of the test community holds. */
export const eventCount = async (server: LanewiseServer, stream: string) =>
  (await server.store.read(COMMUNITY, stream)).length;
