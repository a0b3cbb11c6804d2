// `npm start`: builds the packages, then serves the repository on localhost so that examples/
// can load the built packages, and prints the URL of the examples index. It is one process,
// so stopping npm (Ctrl-C, or kill) stops the server with it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startDevServer } from '@web/dev-server';

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

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
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

const address = server.server?.address();
const actual = typeof address === 'object' && address ? address.port : port;
console.log(`Lanewise examples: http://127.0.0.1:${actual}/examples/`);
console.log('Press Ctrl+C to stop.');
