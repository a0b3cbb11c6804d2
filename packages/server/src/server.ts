// createServer: the database, the event store, the communities and the HTTP app, wired.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { checkAuthSettings, type AuthSettings } from './auth/tokens.js';
import { createRegistry, type Registry } from './communities/registry.js';
import { settle, type CommunitySettings } from './communities/settings.js';
import { createApp } from './http/app.js';
import type { Database } from './store/database.js';
import { createEventStore, type EventStore } from './store/events.js';
import { migrate } from './store/migrate.js';
import { openPglite } from './store/pglite.js';
import { openPostgres } from './store/postgres.js';

/** Where the events are kept. */
export type DatabaseOption =
  | Database
  /** PGlite in a data directory, or in memory when `dataDir` is left out. */
  | { readonly pglite: { readonly dataDir?: string | undefined } }
  /** Any PostgreSQL. */
  | { readonly url: string; readonly poolSize?: number | undefined };

/** Options of {@link createServer}. */
export interface ServerOptions extends Partial<CommunitySettings> {
  readonly database: DatabaseOption;
  readonly auth: AuthSettings;
  /** Communities kept in memory (default 200). */
  readonly cacheSize?: number | undefined;
  /** A community unused for this many milliseconds leaves memory (default 10 minutes; 0: never). */
  readonly idleEvictMs?: number | undefined;
  /** The clock of idleness in milliseconds (Date.now by default). */
  readonly idleClock?: (() => number) | undefined;
  /** Reruns of a command on fresh state after another writer got there first (default 10). */
  readonly conflictRetries?: number | undefined;
  /**
   * Append statements in flight at once (default 2): appends that arrive meanwhile, of any
   * communities, are committed together in the next one (group commit).
   */
  readonly appendStatements?: number | undefined;
  /** Communities in one append statement at most (default 500; 1 keeps each on one Citus shard). */
  readonly appendGroup?: number | undefined;
  /** The largest request body, in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number | undefined;
  /** Origins whose pages may call the API from a browser (CORS); none by default. */
  readonly corsOrigins?: readonly string[] | undefined;
}

/** A running server. */
export interface LanewiseServer {
  /** The web-standard handler: `Request` in, `Response` out. */
  fetch(request: Request): Promise<Response>;
  /** The Node request listener, for `http.createServer`. */
  readonly handler: ReturnType<typeof getRequestListener>;
  readonly db: Database;
  readonly store: EventStore;
  readonly registry: Registry;
  readonly settings: CommunitySettings;
  /** Listens on `port` (0: any free one) at `hostname` (default 127.0.0.1); resolves to the URL. */
  listen(port: number, hostname?: string): Promise<string>;
  /** Stops listening and closes the database (and its lock). */
  close(): Promise<void>;
}

async function openDatabase(option: DatabaseOption): Promise<Database> {
  if ('pglite' in option) return openPglite({ dataDir: option.pglite.dataDir });
  if ('url' in option) return openPostgres(option.url, option.poolSize ?? 10);
  return option;
}

/** Opens the database, applies the migrations and builds the app. */
export async function createServer(options: ServerOptions): Promise<LanewiseServer> {
  checkAuthSettings(options.auth);
  const db = await openDatabase(options.database);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const settings = settle(options);
  const store = createEventStore(db, {
    appendStatements: options.appendStatements,
    appendGroup: options.appendGroup,
  });
  const registry = createRegistry({
    store,
    settings,
    cacheSize: options.cacheSize ?? 200,
    conflictRetries: options.conflictRetries ?? 10,
    shared: db.kind === 'postgres',
    idleEvictMs: options.idleEvictMs ?? 10 * 60 * 1000,
    clock: options.idleClock,
  });
  const app = createApp({
    registry,
    store,
    settings,
    auth: options.auth,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    corsOrigins: options.corsOrigins ?? [],
  });
  const fetch = async (request: Request) => app.fetch(request);
  const handler = getRequestListener(fetch);
  let http: Server | undefined;

  return {
    fetch,
    handler,
    db,
    store,
    registry,
    settings,
    listen(port, hostname = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        http = createHttpServer(handler);
        http.once('error', reject);
        http.listen(port, hostname, () => {
          const address = http!.address() as AddressInfo;
          resolve(`http://${hostname}:${address.port}`);
        });
      });
    },
    async close() {
      registry.close();
      if (http) {
        const closing = http;
        http = undefined;
        closing.closeAllConnections?.();
        await new Promise<void>((resolve) => closing.close(() => resolve()));
      }
      await db.close();
    },
  };
}
