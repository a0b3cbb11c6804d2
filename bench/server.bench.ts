// The server under load on loopback: its bin in a process of its own, on PGlite and (when one
// is named or installed) on PostgreSQL. Writers open cases spread over many communities, as a
// server of many communities sees them, while readers fetch boards; autocannon drives both,
// bounded in time and in count. Prints writes/s, p50 and p99 of each backend side by side.
//
// LANEWISE_BENCH_SECONDS (default 10), LANEWISE_BENCH_COMMUNITIES (200),
// LANEWISE_BENCH_CONNECTIONS (writers' connections, 64), LANEWISE_BENCH_DATABASE_URL.
import autocannon from 'autocannon';
import { signToken } from '../packages/server/src/auth/tokens.js';
import {
  BENCH_SECRET,
  benchPostgres,
  freshDatabase,
  freshDataDir,
  startServerProcess,
} from './server-support.js';

const SECONDS = Number(process.env['LANEWISE_BENCH_SECONDS'] ?? 10);
const COMMUNITIES = Number(process.env['LANEWISE_BENCH_COMMUNITIES'] ?? 200);
const WRITERS = Number(process.env['LANEWISE_BENCH_CONNECTIONS'] ?? 64);
const READERS = Math.max(1, Math.round(WRITERS / 8));
/** The most requests a run sends, whatever the time. */
const MAX_REQUESTS = 200_000;
const GOAL = { writesPerSecond: 2000, p99Ms: 50 };

const communities = Array.from({ length: COMMUNITIES }, (_, i) => `bench-${i}`);
const tokens = await Promise.all(
  communities.map((community) =>
    signToken(
      { secret: BENCH_SECRET },
      { role: 'station', sub: 'station-bench', community, station: `${community}-station` },
    ),
  ),
);

interface Figures {
  readonly writes: number;
  readonly writesPerSecond: number;
  readonly writeP50: number;
  readonly writeP99: number;
  readonly readsPerSecond: number;
  readonly readP50: number;
  readonly readP99: number;
  readonly failed: number;
}

/** One autocannon instance, stopped after SECONDS whatever its count. */
function drive(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    setTimeout(() => instance.stop(), SECONDS * 1000 + 500).unref();
  });
}

async function load(url: string, label: string): Promise<Figures> {
  let serial = 0;
  const pick = () => {
    serial += 1;
    return { index: serial % COMMUNITIES, serial };
  };
  const writeRequest = (request: autocannon.Request) => {
    const { index, serial: n } = pick();
    return {
      ...request,
      method: 'POST' as const,
      path: `/communities/${communities[index]}/cases`,
      headers: { authorization: `Bearer ${tokens[index]}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `${label}-${n}`,
        category: n % 3 === 0 ? 'noise' : 'litter',
        title: '楼道堆物',
        channel: 'app',
        receivedAt: '2026-12-01T10:00:00+08:00',
      }),
    };
  };
  const readRequest = (request: autocannon.Request) => {
    const index = Math.floor(Math.random() * COMMUNITIES);
    return {
      ...request,
      method: 'GET' as const,
      path: `/communities/${communities[index]}/cases/board`,
      headers: { authorization: `Bearer ${tokens[index]}` },
    };
  };
  const common = { url, duration: SECONDS, timeout: 10 };
  const [writes, reads] = await Promise.all([
    drive({
      ...common,
      connections: WRITERS,
      amount: MAX_REQUESTS,
      requests: [{ setupRequest: writeRequest }],
    }),
    drive({
      ...common,
      connections: READERS,
      amount: MAX_REQUESTS,
      requests: [{ setupRequest: readRequest }],
    }),
  ]);
  return {
    writes: writes['2xx'],
    writesPerSecond: writes['2xx'] / writes.duration,
    writeP50: writes.latency.p50,
    writeP99: writes.latency.p99,
    readsPerSecond: reads['2xx'] / reads.duration,
    readP50: reads.latency.p50,
    readP99: reads.latency.p99,
    failed: writes.non2xx + writes.errors + writes.timeouts + reads.non2xx + reads.errors,
  };
}

async function warm(url: string): Promise<void> {
  // Every community loaded once, so that the run measures writes, not first loads.
  await Promise.all(
    communities.map((community, index) =>
      fetch(`${url}/communities/${community}/cases/board`, {
        headers: { authorization: `Bearer ${tokens[index]}` },
      }).then((response) => response.arrayBuffer()),
    ),
  );
}

const results: Record<string, Figures> = {};

{
  const data = freshDataDir();
  const server = await startServerProcess({ LANEWISE_DATA_DIR: data.dir, DATABASE_URL: '' });
  try {
    await warm(server.url);
    results['PGlite'] = await load(server.url, 'pglite');
  } finally {
    await server.stop();
    data.remove();
  }
}

const postgres = await benchPostgres();
if (postgres === undefined) {
  console.log('No PostgreSQL: set LANEWISE_BENCH_DATABASE_URL or install postgresql.');
} else {
  console.log(`PostgreSQL: ${postgres.origin}`);
  const database = await freshDatabase(postgres.url);
  try {
    const server = await startServerProcess({ DATABASE_URL: database.url });
    try {
      await warm(server.url);
      results['PostgreSQL'] = await load(server.url, 'postgres');
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
    await postgres.stop();
  }
}

console.log(
  `\nServer load: ${SECONDS} s, ${WRITERS} writing and ${READERS} reading connections, ` +
    `${COMMUNITIES} communities (POST /cases, GET /cases/board)`,
);
console.table(
  Object.fromEntries(
    Object.entries(results).map(([name, f]) => [
      name,
      {
        'writes/s': Math.round(f.writesPerSecond),
        'write p50 ms': f.writeP50,
        'write p99 ms': f.writeP99,
        'reads/s': Math.round(f.readsPerSecond),
        'read p50 ms': f.readP50,
        'read p99 ms': f.readP99,
        'writes acknowledged': f.writes,
        'failed requests': f.failed,
      },
    ]),
  ),
);
const pg = results['PostgreSQL'];
if (pg) {
  const met = pg.writesPerSecond >= GOAL.writesPerSecond && pg.writeP99 < GOAL.p99Ms;
  console.log(
    `Goal on PostgreSQL (>= ${GOAL.writesPerSecond} writes/s, write p99 < ${GOAL.p99Ms} ms): ${met ? 'met' : 'not met'}`,
  );
}
const failed = Object.values(results).some((f) => f.failed > 0);
if (failed) console.log('Some requests failed: see "failed requests".');
process.exit(failed ? 1 : 0);
