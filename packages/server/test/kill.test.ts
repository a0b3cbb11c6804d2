// The server process killed (SIGKILL) in the middle of a stream of writes, then started
// again: every acknowledged write is there and every chain verifies.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createServer } from '../src/index.js';
import { verifyAll } from '../src/operations.js';
import { AUTH, backends, COMMUNITY, tokenFor } from './helpers.js';

const BIN = new URL('../bin/lanewise-server.mjs', import.meta.url).pathname;
const ROUNDS = 3;

/** Starts the bin and resolves with its URL once it listens. */
function startBin(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN], {
      env: { ...process.env, ...env, PORT: '0', LANEWISE_SECRET: AUTH.secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once('exit', () => resolve()),
  );

for (const backend of backends()) {
  describe(`SIGKILL during writes on ${backend.name}`, () => {
    const dirs: string[] = [];
    after(async () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await backend.cleanup();
    });

    test(`${ROUNDS} kills: every acknowledged write survives, no chain breaks`, async () => {
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
      const token = await tokenFor('station', 'station-zhou', COMMUNITY, 'huana-station');
      const acknowledged: string[] = [];
      let serial = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const { child, url } = await startBin(env);
        // Writes one after another; the process is killed while they go on.
        let stop = false;
        const writer = (async () => {
          while (!stop) {
            const id = `k${(serial += 1)}`;
            try {
              const response = await fetch(`${url}/communities/${COMMUNITY}/cases`, {
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: JSON.stringify({
                  id,
                  category: 'litter',
                  title: '垃圾',
                  channel: 'app',
                  receivedAt: '2026-12-01T10:00:00+08:00',
                }),
              });
              if (response.status === 201) acknowledged.push(id);
              else throw new Error(`unexpected ${response.status}`);
            } catch {
              return;
            }
          }
        })();
        let finished = false;
        void writer.then(() => (finished = true));
        // Bounded: a writer that stopped early fails the round below.
        for (
          let waited = 0;
          acknowledged.length < (round + 1) * 8 && !finished && waited < 4000;
          waited += 1
        ) {
          await new Promise((r) => setTimeout(r, 5));
        }
        assert.ok(
          acknowledged.length >= (round + 1) * 8,
          'the writes went through before the kill',
        );
        child.kill('SIGKILL');
        await exited(child);
        stop = true;
        await writer;
      }
      const server = await createServer({ database, auth: AUTH });
      try {
        const ids = new Set(
          (await server.store.read(COMMUNITY, 'cases')).map(
            (e) => (e.data as { intake: { id: string } }).intake.id,
          ),
        );
        for (const id of acknowledged) assert.ok(ids.has(id), `${id} was acknowledged but is gone`);
        const { problems } = await verifyAll(server.store);
        assert.deepEqual(problems, []);
        const count = await server.registry.read(COMMUNITY, (c) => c.cases.list().length);
        assert.equal(count, ids.size);
      } finally {
        await server.close();
      }
    });
  });
}
