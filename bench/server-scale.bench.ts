// A server of many communities at the scale of a hundredth of a year of Beijing's 12345 hotline
// (21.43 million requests in 2023): about 240,000 cases with their events over 3,000
// communities, on PostgreSQL and on PGlite, side by side. Measures the import, a cold
// community's board (goal < 200 ms), the server's memory after every community has been
// touched once (bounded by the cache setting), and `verify` over all of it.
//
// LANEWISE_SCALE_CASES (default 240000), LANEWISE_SCALE_COMMUNITIES (3000),
// LANEWISE_SCALE_CACHE (communities in memory, 200), LANEWISE_SCALE_HEAP_MB (the server's heap
// cap, 768), LANEWISE_SCALE_BACKENDS (postgres,pglite), LANEWISE_BENCH_DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { signToken } from '../packages/server/src/auth/tokens.js';
import {
  BENCH_SECRET,
  benchPostgres,
  freshDataDir,
  freshDatabase,
  runServerCommand,
  startServerProcess,
} from './server-support.js';

const CASES = Number(process.env['LANEWISE_SCALE_CASES'] ?? 240_000);
const COMMUNITIES = Number(process.env['LANEWISE_SCALE_COMMUNITIES'] ?? 3000);
const CACHE = Number(process.env['LANEWISE_SCALE_CACHE'] ?? 200);
/** The server's heap is capped: were the cache not bounding it, touching every community would not fit. */
const HEAP_MB = Number(process.env['LANEWISE_SCALE_HEAP_MB'] ?? 768);
const COLD_SAMPLES = Math.min(30, COMMUNITIES);
const GOAL_COLD_MS = 200;
const BACKENDS = (process.env['LANEWISE_SCALE_BACKENDS'] ?? 'postgres,pglite').split(',');

/** The resident set of a process, in MiB (Linux). */
const rssMiB = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Where one run keeps its data: what the data script is given, and the server's environment. */
interface Backend {
  readonly name: string;
  /** A PostgreSQL URL, or `pglite:<data dir>`. */
  readonly target: string;
  readonly env: Record<string, string>;
  remove(): Promise<void>;
}

/** `postgres` (undefined when there is none) or `pglite`, each with empty data. */
async function openBackend(name: string): Promise<Backend | undefined> {
  if (name !== 'postgres' && name !== 'pglite') {
    throw new Error(`LANEWISE_SCALE_BACKENDS: ${name} is not postgres or pglite`);
  }
  if (name === 'pglite') {
    const data = freshDataDir();
    return {
      name: 'PGlite',
      target: `pglite:${data.dir}`,
      env: { LANEWISE_DATA_DIR: data.dir },
      remove: async () => data.remove(),
    };
  }
  const postgres = await benchPostgres();
  if (postgres === undefined) {
    console.log('No PostgreSQL: set LANEWISE_BENCH_DATABASE_URL or install postgresql.');
    return undefined;
  }
  console.log(`PostgreSQL: ${postgres.origin}`);
  const database = await freshDatabase(postgres.url);
  return {
    name: 'PostgreSQL',
    target: database.url,
    env: { DATABASE_URL: database.url },
    remove: async () => {
      await database.drop();
      await postgres.stop();
    },
  };
}

/** Imports the data into `backend`, then measures a server on it; returns the figures. */
async function measure(backend: Backend): Promise<Record<string, string>> {
  const figures: Record<string, string> = {};
  console.log(
    `${backend.name}: generating and importing ${CASES} cases over ${COMMUNITIES} communities...`,
  );
  const made = spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      new URL('./server-scale-data.ts', import.meta.url).pathname,
      backend.target,
      String(CASES),
      String(COMMUNITIES),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (made.status !== 0) throw new Error('the data could not be made');
  const imported = JSON.parse(made.stdout.trim().split('\n').at(-1)!) as {
    events: number;
    seconds: number;
  };
  figures['events stored'] = imported.events.toLocaleString('en');
  figures['generate and import'] =
    `${imported.seconds.toFixed(1)} s (${Math.round(imported.events / imported.seconds).toLocaleString('en')} events/s)`;

  const server = await startServerProcess(
    { ...backend.env, LANEWISE_CACHE_SIZE: String(CACHE) },
    [],
    [`--max-old-space-size=${HEAP_MB}`],
  );
  try {
    const communities = Array.from({ length: COMMUNITIES }, (_, i) => `scale-${i}`);
    const tokens = new Map<string, string>();
    const tokenOf = async (community: string) => {
      let token = tokens.get(community);
      if (token === undefined) {
        token = await signToken(
          { secret: BENCH_SECRET },
          { role: 'station', sub: 'station-staff', community, station: `${community}-station` },
        );
        tokens.set(community, token);
      }
      return token;
    };
    const board = async (community: string) => {
      const token = await tokenOf(community);
      const started = performance.now();
      const response = await fetch(`${server.url}/communities/${community}/cases/board`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { tiers?: { statuses: Record<string, number> }[] };
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`${community}: ${JSON.stringify(body)}`);
      return {
        ms,
        cases: body.tiers!.reduce(
          (n, t) => n + Object.values(t.statuses).reduce((a, b) => a + b, 0),
          0,
        ),
      };
    };
    // A first request so that the process has compiled its code before anything is timed.
    await fetch(`${server.url}/health`);
    const startRss = rssMiB(server.child.pid!);
    // Cold: communities nobody has touched since the server started, one at a time.
    const step = Math.max(1, Math.floor(COMMUNITIES / COLD_SAMPLES));
    const sampled = Array.from({ length: COLD_SAMPLES }, (_, i) => (i * step) % COMMUNITIES);
    // The first board after start also compiles the board's code and warms the database's own
    // caches: it is timed apart, on a community that is not one of the cold samples.
    const first = communities.findIndex((_, i) => !sampled.includes(i));
    if (first >= 0) {
      figures['first board after start'] = `${(await board(communities[first]!)).ms.toFixed(1)} ms`;
    }

    const cold: number[] = [];
    let casesSeen = 0;
    for (let i = 0; i < COLD_SAMPLES; i += 1) {
      const { ms, cases } = await board(communities[sampled[i]!]!);
      cold.push(ms);
      casesSeen += cases;
    }
    const warm: number[] = [];
    for (let i = 0; i < COLD_SAMPLES; i += 1) {
      warm.push((await board(communities[sampled[i]!]!)).ms);
    }
    figures['cases per board (sampled)'] = String(Math.round(casesSeen / COLD_SAMPLES));
    figures['cold board'] =
      `median ${median(cold).toFixed(1)} ms, max ${Math.max(...cold).toFixed(1)} ms (goal < ${GOAL_COLD_MS} ms: ${Math.max(...cold) < GOAL_COLD_MS ? 'met' : 'not met'})`;
    figures['warm board'] =
      `median ${median(warm).toFixed(1)} ms, max ${Math.max(...warm).toFixed(1)} ms`;

    // Every community once, a few at a time.
    const touchStarted = performance.now();
    let next = 0;
    // The resident set at each third: it levels off once the cache is full.
    const thirds: number[] = [];
    let done = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < communities.length) {
          const community = communities[next++]!;
          await board(community);
          done += 1;
          if (done % Math.ceil(communities.length / 3) === 0)
            thirds.push(rssMiB(server.child.pid!));
        }
      }),
    );
    const touchSeconds = (performance.now() - touchStarted) / 1000;
    const health = (await (await fetch(`${server.url}/health`)).json()) as { cached: number };
    const endRss = rssMiB(server.child.pid!);
    figures['touch every community once'] =
      `${touchSeconds.toFixed(1)} s (${Math.round(COMMUNITIES / touchSeconds)} boards/s, 4 at a time)`;
    figures['communities in memory after'] = `${health.cached} (cache setting ${CACHE})`;
    figures['server heap cap'] = `${HEAP_MB} MiB (--max-old-space-size): held`;
    figures['server RSS'] =
      `${startRss.toFixed(0)} MiB at start; ${thirds.map((r) => r.toFixed(0)).join(', ')} MiB after each third; ${endRss.toFixed(0)} MiB at the end`;
  } finally {
    await server.stop();
  }

  const verifyStarted = performance.now();
  const verified = runServerCommand(backend.env, ['verify']).trim();
  figures['verify over all'] =
    `${((performance.now() - verifyStarted) / 1000).toFixed(1)} s: ${verified}`;
  return figures;
}

// One column per backend, each run on data of its own.
const columns: Record<string, Record<string, string>> = {};
for (const name of BACKENDS) {
  const backend = await openBackend(name);
  if (backend === undefined) continue;
  try {
    columns[backend.name] = await measure(backend);
  } finally {
    await backend.remove();
  }
}

const rows: Record<string, Record<string, string>> = {};
for (const [column, figures] of Object.entries(columns)) {
  for (const [figure, value] of Object.entries(figures)) (rows[figure] ??= {})[column] = value;
}
console.log(
  `\nServer at scale: ${CASES.toLocaleString('en')} cases, ${COMMUNITIES.toLocaleString('en')} communities`,
);
console.table(rows);
