// The example community on a local server, for `npm start`: the programme and the station's
// cases of examples/data, loaded (chained) into an empty data directory the first time; a
// second start keeps what is there. Prints nothing; the caller says where it is.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signToken, ROLES, type Role } from './auth/tokens.js';
import { seedCommunity } from './operations.js';
import { createServer, type LanewiseServer } from './server.js';

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** The repository's examples folder (with data/ and rules/). */
  readonly examples: URL;
  readonly dataDir: string;
  readonly port: number;
  /** Origins whose pages may call the API (the examples' dev server). */
  readonly corsOrigins?: readonly string[] | undefined;
}

/** The demo community's id. */
export const DEMO_COMMUNITY = 'huana';

const SUBJECTS: Record<Role, { sub: string; station?: string }> = {
  resident: { sub: 'resident-chen' },
  volunteer: { sub: 'v-li' },
  organizer: { sub: 'org-wang' },
  station: { sub: 'station-zhou', station: 'huana-station' },
  admin: { sub: 'admin-huana' },
};

export async function startDemo(options: DemoOptions): Promise<{
  server: LanewiseServer;
  url: string;
  seeded: boolean;
  tokens: Record<Role, string>;
}> {
  const read = (path: string): unknown =>
    JSON.parse(readFileSync(new URL(path, options.examples), 'utf8'));
  const auth = { secret: process.env['LANEWISE_SECRET'] ?? randomBytes(32).toString('hex') };
  const server = await createServer({
    database: { pglite: { dataDir: options.dataDir } },
    auth,
    policy: read('data/program-policy.json') as never,
    routing: read('rules/liuzhou.json'),
    corsOrigins: options.corsOrigins,
  });
  try {
    const seeded = await seedCommunity(server.store, DEMO_COMMUNITY, {
      program: read('data/program-events.json') as unknown[],
      cases: read('data/case-events.json') as unknown[],
    });
    const url = await server.listen(options.port);
    const tokens = {} as Record<Role, string>;
    for (const role of ROLES) {
      tokens[role] = await signToken(auth, { role, community: DEMO_COMMUNITY, ...SUBJECTS[role] });
    }
    return { server, url, seeded, tokens };
  } catch (error) {
    await server.close();
    throw error;
  }
}
