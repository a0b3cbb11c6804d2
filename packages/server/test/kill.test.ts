// The server process killed (SIGKILL) in the middle of a stream of writes, then started
// again: every acknowledged write is there and every chain verifies.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createServer } from '../src/index.js';
import { verifyAll } from '../src/operations.js';
import { AUTH, backends, COMMUNITY, tokenFor } from './helpers.js';
import { exited, startBin } from './processes.js';

const ROUNDS = 20;
/** Writers at once, so that a kill finds group commits in flight. */
const WRITERS = 4;
const COMMUNITIES = [COMMUNITY, `${COMMUNITY}-east`];

for (const backend of backends()) {
  describe(`SIGKILL during writes on ${backend.name}`, () => {
    const dirs: string[] = [];
    after(async () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await backend.cleanup();
    });

    test(`${ROUNDS} kills amid concurrent writes: every acknowledged write survives, no chain breaks`, async () => {
      const option = await backend.database();
      let env: Record<string, string>;
      let database: Parameters<typeof createServer>[0]['database'];
      if ('pglite' in option) {
        const dir = mkdtempSync(join(tmpdir(), 'lanewise-kill-'));
        dirs.push(dir);
        env = { LANEWISE_DATA_DIR: dir, DATABASE_URL: '' };
        database = { pglite: { dataDir: dir } };
      } else {
        env = { DATABASE_URL: (option as { url: string }).url };
        database = option;
      }
      const tokens = await Promise.all(
        COMMUNITIES.map((c) => tokenFor('station', 'station-zhou', c, `${c}-station`)),
      );
      const acknowledged = new Map<string, string[]>(COMMUNITIES.map((c) => [c, []]));
      let serial = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const { child, url } = await startBin(env);
        let inRound = 0;
        let failure: unknown;
        // Several writers at once; the process is killed while they go on.
        const writer = async () => {
          for (;;) {
            serial += 1;
            const id = `k${serial}`;
            const index = serial % COMMUNITIES.length;
            let response: Response;
            try {
              response = await fetch(`${url}/communities/${COMMUNITIES[index]}/cases`, {
                method: 'POST',
                headers: {
                  authorization: `Bearer ${tokens[index]}`,
                  'content-type': 'application/json',
                },
                body: JSON.stringify({
                  id,
                  category: 'litter',
                  title: '垃圾',
                  channel: 'app',
                  receivedAt: '2026-12-01T10:00:00+08:00',
                }),
              });
            } catch {
              return; // The process is gone: this write was never acknowledged.
            }
            if (response.status !== 201) {
              failure = new Error(`unexpected ${response.status}: ${await response.text()}`);
              return;
            }
            acknowledged.get(COMMUNITIES[index]!)!.push(id);
            inRound += 1;
          }
        };
        const writers = Array.from({ length: WRITERS }, () => writer());
        // Killed at a different point each round; bounded, so a stuck writer fails the round.
        const target = 4 + (round % 5) * 3;
        for (let waited = 0; inRound < target && failure === undefined && waited < 2000;) {
          await new Promise((r) => setTimeout(r, 2));
          waited += 1;
        }
        assert.equal(failure, undefined);
        assert.ok(inRound >= target, `round ${round}: the writes went through before the kill`);
        child.kill('SIGKILL');
        await exited(child);
        await Promise.all(writers);
      }
      const server = await createServer({ database, auth: AUTH });
      try {
        for (const community of COMMUNITIES) {
          const events = await server.store.read(community, 'cases');
          const ids = new Set(events.map((e) => (e.data as { intake: { id: string } }).intake.id));
          for (const id of acknowledged.get(community)!) {
            assert.ok(ids.has(id), `${community}/${id} was acknowledged but is gone`);
          }
          // No event half written, none twice: one case per opening event, sequences 1..n.
          assert.equal(ids.size, events.length);
          assert.deepEqual(
            events.map((e) => e.seq),
            events.map((_, i) => i + 1),
          );
          const count = await server.registry.read(community, (c) => c.cases.list().length);
          assert.equal(count, ids.size);
        }
        const { problems } = await verifyAll(server.store);
        assert.deepEqual(problems, []);
      } finally {
        await server.close();
      }
    });
  });
}
