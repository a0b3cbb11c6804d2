// lanewise-server: start (the default), token, verify, export, import, migrate.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, signToken, type Role } from './auth/tokens.js';
import { configFromEnv } from './config.js';
import { exportCommunity, importCommunity, seedCommunity, verifyAll } from './operations.js';
import { createServer } from './server.js';
import { DataDirLockedError } from './store/lock.js';

const USAGE = `Usage: lanewise-server [command] [options]

Commands:
  start                    serve the API (the default)
  token --role R --sub S --community C [--station T] [--expires 12h]
                           print an access token
  verify [--community C]   check every stored chain and snapshot; exit 1 naming the first bad event
  export --community C     write the community's events as NDJSON to standard output
  import --community C FILE  load NDJSON events into an empty community
  migrate                  apply the schema migrations and exit
  seed --community C [--program FILE] [--cases FILE]
                           load a core object's events() JSON (unchained) into an empty community

Environment: PORT, HOST, DATABASE_URL, LANEWISE_DATA_DIR, LANEWISE_SECRET, LANEWISE_JWKS_URL,
LANEWISE_POLICY, LANEWISE_RULES, LANEWISE_CACHE_SIZE, LANEWISE_IDLE_MINUTES,
LANEWISE_APPEND_GROUP, LANEWISE_APPEND_STATEMENTS (see docs/server.md).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      community: { type: 'string' },
      station: { type: 'string' },
      expires: { type: 'string' },
      program: { type: 'string' },
      cases: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const command = positionals[0] ?? 'start';
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = configFromEnv();
  const auth = config.jwksUrl ? { jwksUrl: config.jwksUrl } : { secret: config.secret };

  if (command === 'token') {
    if (!values.role || !ROLES.includes(values.role as Role) || !values.sub || !values.community) {
      console.error(`token needs --role (${ROLES.join(', ')}), --sub and --community`);
      return 2;
    }
    console.log(
      await signToken(
        { secret: config.secret },
        {
          role: values.role as Role,
          sub: values.sub,
          community: values.community,
          station: values.station,
        },
        values.expires ?? '12h',
      ),
    );
    return 0;
  }

  const server = await createServer({
    database: config.database,
    auth,
    policy: config.policy as never,
    routing: config.routing,
    cacheSize: config.cacheSize,
    idleEvictMs: config.idleEvictMs,
    appendGroup: config.appendGroup,
    appendStatements: config.appendStatements,
  });
  if (command === 'migrate') {
    await server.close();
    console.log('Migrations applied.');
    return 0;
  }
  if (command === 'verify') {
    const { streams, events, problems } = await verifyAll(
      server.store,
      values.community,
      server.settings,
    );
    await server.close();
    for (const p of problems)
      console.error(
        p.reason === 'snapshot'
          ? `${p.community}/${p.stream}: the snapshot at event ${p.seq} does not hold the state of its log`
          : `${p.community}/${p.stream}: event ${p.seq} does not verify (${p.reason})`,
      );
    console.log(`${streams} streams, ${events} events, ${problems.length} broken`);
    return problems.length === 0 ? 0 : 1;
  }
  if (command === 'seed') {
    const read = (file: string | undefined) =>
      file ? (JSON.parse(readFileSync(file, 'utf8')) as unknown[]) : undefined;
    const community = values.community;
    const done =
      community !== undefined &&
      (await seedCommunity(server.store, community, {
        ...(values.program ? { program: read(values.program) } : {}),
        ...(values.cases ? { cases: read(values.cases) } : {}),
      }));
    await server.close();
    console.log(done ? `${community} seeded` : `${community ?? '--community'}: nothing seeded`);
    return done ? 0 : 1;
  }
  if (command === 'export' || command === 'import') {
    if (!values.community) {
      console.error(`${command} needs --community`);
      await server.close();
      return 2;
    }
    if (command === 'export') {
      for await (const line of exportCommunity(server.store, values.community))
        process.stdout.write(line);
    } else {
      const file = positionals[1];
      if (!file) {
        console.error('import needs a file');
        await server.close();
        return 2;
      }
      const count = await importCommunity(
        server.store,
        values.community,
        readFileSync(file, 'utf8').split('\n'),
      );
      console.log(`${count} events imported into ${values.community}`);
    }
    await server.close();
    return 0;
  }
  if (command !== 'start') {
    console.error(USAGE);
    await server.close();
    return 2;
  }
  const url = await server.listen(config.port, config.host);
  console.log(
    `Lanewise server: ${url} (${server.db.kind}${server.db.kind === 'pglite' ? `, ${config.dataDir}` : ''})`,
  );
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => void stop());
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(3);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
