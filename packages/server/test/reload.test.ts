// What survives: a restart gives back equal state; a row edited in the table is found at
// load and by verify; a second writer's append makes the first one reload (or answer
// CONFLICT); the data directory is locked.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createServer, DataDirLockedError, openPglite, type LanewiseServer } from '../src/index.js';
import { verifyAll } from '../src/operations.js';
import {
  AUTH,
  backends,
  call,
  COMMUNITY,
  entry,
  newCase,
  startServer,
  tokenFor,
} from './helpers.js';

/** Writes a little of everything and returns every snapshot the API serves. */
async function fill(server: LanewiseServer) {
  const organizer = await tokenFor('organizer', 'org-wang');
  const other = await tokenFor('organizer', 'org-zhao');
  const station = await tokenFor('station', 'station-zhou', COMMUNITY, 'huana-station');
  const base = `/communities/${COMMUNITY}`;
  for (let i = 0; i < 6; i += 1) {
    const r = await call(server, 'POST', `${base}/hours`, {
      token: organizer,
      body: entry(`e${i}`, `v-${i}`),
    });
    assert.equal(r.status, 201);
    await call(server, 'POST', `${base}/hours/e${i}/approve`, { token: other });
  }
  await call(server, 'POST', `${base}/points/catalog`, {
    token: station,
    body: { id: 'soap', name: '皂', cost: 1, stock: 9, stationId: 'huana-station' },
  });
  await call(server, 'POST', `${base}/cases`, { token: station, body: newCase('c1') });
  await call(server, 'POST', `${base}/cases/c1/accept`, { token: station });
}

async function snapshots(server: LanewiseServer) {
  const admin = await tokenFor('admin');
  const out: Record<string, unknown> = {};
  for (const path of ['program/snapshot', 'cases/snapshot', 'routing']) {
    const r = await call(server, 'GET', `/communities/${COMMUNITY}/${path}`, { token: admin });
    assert.equal(r.status, 200, path);
    out[path] = r.body;
  }
  return out;
}

for (const backend of backends()) {
  describe(`restarts and damage on ${backend.name}`, () => {
    const dirs: string[] = [];
    const place = async () => {
      const option = await backend.database();
      if ('pglite' in option) {
        const dir = mkdtempSync(join(tmpdir(), 'lanewise-data-'));
        dirs.push(dir);
        return { pglite: { dataDir: dir } };
      }
      return option;
    };
    after(async () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await backend.cleanup();
    });

    test('a restarted server holds the same state, from a snapshot taken on the way', async () => {
      const database = await place();
      const first = (await startServer(database, { snapshotEvery: 5 })).server;
      await fill(first);
      const before = await snapshots(first);
      await first.close();
      const second = (await startServer(database, { snapshotEvery: 5 })).server;
      try {
        assert.deepEqual(await snapshots(second), before);
        const snapshot = await second.store.latestSnapshot(COMMUNITY, 'program');
        assert.ok(snapshot && snapshot.seq >= 5);
        const { problems, events } = await verifyAll(second.store, undefined, second.settings);
        assert.deepEqual(problems, []);
        assert.ok(events > 10);
      } finally {
        await second.close();
      }
    });

    test('a row edited in the table: the community is refused at load and verify names the event', async () => {
      const database = await place();
      const first = (await startServer(database)).server;
      await fill(first);
      await first.db.query(
        `UPDATE lanewise_events SET data = jsonb_set(data, '{volunteerId}', '"v-x"')
         WHERE community = $1 AND stream = 'program' AND seq = 3`,
        [COMMUNITY],
      );
      first.registry.evict(COMMUNITY);
      const admin = await tokenFor('admin');
      const refused = await call(first, 'GET', `/communities/${COMMUNITY}/program/snapshot`, {
        token: admin,
      });
      assert.equal(refused.status, 500);
      assert.equal(refused.body.error.code, 'INVALID_LOG');
      assert.match(refused.body.error.message, /[\u4e00-\u9fff]/);
      assert.equal(refused.body.error.path[0], 'events');
      const write = await call(first, 'POST', `/communities/${COMMUNITY}/hours`, {
        token: await tokenFor('organizer'),
        body: entry('late', 'v-9'),
      });
      assert.equal(write.status, 500);
      const { problems } = await verifyAll(first.store);
      assert.deepEqual(problems, [
        { community: COMMUNITY, stream: 'program', seq: 3, reason: 'hash' },
      ]);
      // Other communities are still served.
      const elsewhere = await call(first, 'GET', '/communities/elsewhere/hours', {
        token: await tokenFor('organizer', 'o', 'elsewhere'),
      });
      assert.equal(elsewhere.status, 200);
      await first.close();
    });

    test('two servers on one database: the stale one reloads and runs the command again, or answers CONFLICT', async () => {
      const option = await backend.database();
      const shared = 'pglite' in option ? await openPglite() : undefined;
      const database = shared ?? option;
      const a = (await startServer(database)).server;
      const b = (await startServer(database, { conflictRetries: 0 })).server;
      const organizer = await tokenFor('organizer', 'org-wang');
      const base = `/communities/${COMMUNITY}/hours`;
      try {
        // Both load the community; then each writes behind the other's back.
        assert.equal((await call(a, 'GET', base, { token: organizer })).status, 200);
        assert.equal((await call(b, 'GET', base, { token: organizer })).status, 200);
        assert.equal(
          (await call(a, 'POST', base, { token: organizer, body: entry('e1', 'v-1') })).status,
          201,
        );
        if (shared) {
          // PGlite is one process's database: b trusts its cache, finds the place taken, refuses.
          const stale = await call(b, 'POST', base, { token: organizer, body: entry('e2', 'v-2') });
          assert.equal(stale.status, 409);
          assert.equal(stale.body.error.code, 'CONFLICT');
          assert.equal(
            (await call(b, 'POST', base, { token: organizer, body: entry('e2', 'v-2') })).status,
            201,
          );
        } else {
          assert.equal(
            (await call(b, 'POST', base, { token: organizer, body: entry('e2', 'v-2') })).status,
            201,
          );
        }
        // a retries on fresh state by itself.
        assert.equal(
          (await call(a, 'POST', base, { token: organizer, body: entry('e3', 'v-3') })).status,
          201,
        );
        // On PostgreSQL b sees a's writes by itself; on PGlite it is told to reload.
        if (shared) b.registry.evict(COMMUNITY);
        const seen = await call(b, 'GET', base, { token: organizer });
        assert.deepEqual(seen.body.map((e: { id: string }) => e.id).sort(), ['e1', 'e2', 'e3']);
        const seqs = (await a.store.read(COMMUNITY, 'program')).map((e) => e.seq);
        assert.deepEqual(seqs, [1, 2, 3]);
      } finally {
        if (shared) {
          await a.close();
        } else {
          await a.close();
          await b.close();
        }
      }
    });
  });
}

describe('the PGlite data directory', () => {
  test('a second server on a directory in use is refused with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanewise-lock-'));
    const first = await createServer({ database: { pglite: { dataDir: dir } }, auth: AUTH });
    try {
      await assert.rejects(
        createServer({ database: { pglite: { dataDir: dir } }, auth: AUTH }),
        (error: unknown) =>
          error instanceof DataDirLockedError &&
          /in use by another Lanewise server/.test(error.message),
      );
    } finally {
      await first.close();
    }
    // Released on close: the directory opens again.
    const again = await createServer({ database: { pglite: { dataDir: dir } }, auth: AUTH });
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
