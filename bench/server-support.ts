// What the server benches share: the server's bin started in a process of its own on loopback,
// and a PostgreSQL to run it on (LANEWISE_BENCH_DATABASE_URL, or a throwaway cluster in a
// temporary directory when Debian's postgresql is installed, as .ci/run starts one).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BENCH_SECRET = 'bench-secret-that-is-long-enough-for-hs256';
const BIN = new URL('../packages/server/bin/lanewise-server.mjs', import.meta.url).pathname;

/** A server process and its URL. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts `lanewise-server` with `env` on a free port; resolves once it listens. Node's own
 * options (`--cpu-prof`) come from LANEWISE_BENCH_NODE_ARGS.
 */
export function startServerProcess(
  env: Record<string, string>,
  args: readonly string[] = [],
  nodeArgs: readonly string[] = (process.env['LANEWISE_BENCH_NODE_ARGS'] ?? '')
    .split(' ')
    .filter(Boolean),
): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
      env: { ...process.env, PORT: '0', LANEWISE_SECRET: BENCH_SECRET, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        resolve({
          child,
          url: match[1]!,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

/** Runs the bin's one-shot command (`verify`, `migrate`) and returns its output. */
export function runServerCommand(env: Record<string, string>, args: readonly string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, LANEWISE_SECRET: BENCH_SECRET, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .map((version) => join(root, version, 'bin'))
    .filter((dir) => existsSync(join(dir, 'initdb')))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .at(-1);
}

/** A PostgreSQL to bench on, or undefined when none is named and none is installed. */
export interface BenchPostgres {
  readonly url: string;
  /** Where it came from, for the printout. */
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * LANEWISE_BENCH_DATABASE_URL when set, else a throwaway cluster (fsync on, the defaults of
 * its version) on 127.0.0.1, removed by `stop`.
 */
export async function benchPostgres(): Promise<BenchPostgres | undefined> {
  const named = process.env['LANEWISE_BENCH_DATABASE_URL'];
  if (named) return { url: named, origin: 'LANEWISE_BENCH_DATABASE_URL', stop: async () => {} };
  const bin = postgresBin();
  if (bin === undefined) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'lanewise-bench-pg-'));
  const root = process.getuid?.() === 0;
  // initdb and postgres refuse to run as root: then they run as Debian's postgres user.
  const run = (tool: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], {
          stdio: 'ignore',
        })
      : execFileSync(join(bin, tool), args, { stdio: 'ignore' });
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, -1);
  }
  const port = await freePort();
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync']);
  run('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'server.log'),
    '-w',
    'start',
    '-o',
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c max_connections=100`,
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    origin: `a throwaway cluster (${bin})`,
    stop: async () => {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A fresh database on `url`'s server, its URL, and how to drop it. */
export async function freshDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `lanewise_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/** A PGlite data directory of its own, and how to remove it. */
export function freshDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lanewise-bench-pglite-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
