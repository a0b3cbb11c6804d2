// `npm start` (after the build): serves the repository on localhost so that examples/ can
// load the built packages, and prints the URL of the examples index.
import { startDevServer } from '@web/dev-server';

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
const address = server.server?.address();
const actual = typeof address === 'object' && address ? address.port : port;
console.log(`Lanewise examples: http://127.0.0.1:${actual}/examples/`);
console.log('Press Ctrl+C to stop.');
