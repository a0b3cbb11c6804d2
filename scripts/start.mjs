// `npm start`: builds the packages, then serves the repository on localhost so that examples/
// can load the built packages, and starts the Lanewise API server beside it (PGlite in
// LANEWISE_DATA_DIR, the example community loaded the first time), and prints the URLs and a
// demo token per role. It is one process, so stopping npm (Ctrl-C, or kill) stops both.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { startDevServer } from '@web/dev-server';
import { register as registerTsx } from 'tsx/esm/api';

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const port = Number(process.env.PORT ?? 8000);
const server = await startDevServer({
  config: {
    rootDir: '.',
    port,
    hostname: '127.0.0.1',
    nodeResolve: { exportConditions: ['browser', 'production'] },
    appIndex: undefined,
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

// The API server runs from its TypeScript sources, with the core resolved to its sources.
register(
  `data:text/javascript,${encodeURIComponent(`export async function resolve(specifier, context, next) {
  const conditions = context.conditions.includes('source') ? context.conditions : [...context.conditions, 'source'];
  return next(specifier, { ...context, conditions });
}`)}`,
);
registerTsx();
const { startDemo } = await import('../packages/server/src/demo.ts');
const devAddress = server.server?.address();
const devPort = typeof devAddress === 'object' && devAddress ? devAddress.port : port;
const dataDir = process.env.LANEWISE_DATA_DIR || './.lanewise-data';
let api;
try {
  api = await startDemo({
    examples: new URL('../examples/', import.meta.url),
    dataDir,
    port: Number(process.env.LANEWISE_PORT ?? 8787),
    corsOrigins: [`http://127.0.0.1:${devPort}`, `http://localhost:${devPort}`],
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await server.stop();
  process.exit(1);
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([server.stop(), api.server.close()]);
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
// npm killed outright (SIGKILL) cannot pass a signal on, and the shell between it and this
// process may live on: so this process watches every process above it and stops when one ends.
const ancestors = ancestorsOf();
setInterval(() => {
  if (ancestors.some((pid) => !alive(pid))) void stop();
}, 500).unref();

/** The parent, grandparent, ... of this process up to (not including) init; on Linux, through /proc. */
function ancestorsOf() {
  const chain = [];
  let current = process.ppid;
  while (current > 1 && chain.length < 16) {
    chain.push(current);
    try {
      const stat = readFileSync(`/proc/${current}/stat`, 'utf8');
      current = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      break;
    }
  }
  return chain;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

console.log(`Lanewise examples: http://127.0.0.1:${devPort}/examples/`);
console.log(
  `Lanewise API:      ${api.url} (PGlite in ${dataDir}${api.seeded ? ', the example community loaded' : ''})`,
);
console.log(`  OpenAPI:         ${api.url}/openapi.json`);
console.log(`  e.g.             ${api.url}/communities/huana/program/snapshot`);
console.log('Demo tokens (Authorization: Bearer <token>), valid for 12 hours:');
for (const [role, token] of Object.entries(api.tokens))
  console.log(`  ${role.padEnd(10)} ${token}`);
console.log('Press Ctrl+C to stop.');
