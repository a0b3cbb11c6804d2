// A community's case book and programme load from their latest snapshots and the events after
// them; a snapshot that no book or programme could have reached is set aside, and `verify`
// names one that differs from its log.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LanewiseServer } from '../src/index.js';
import { verifyAll } from '../src/operations.js';
import { backends, call, COMMUNITY, entry, newCase, startServer, tokenFor } from './helpers.js';

const base = `/communities/${COMMUNITY}`;

/** Opens eight cases and accepts the first two: 10 case events, snapshots at 5 and 10. */
async function fill(server: LanewiseServer) {
  const station = await tokenFor('station', 'station-zhou', COMMUNITY, 'huana-station');
  for (let i = 0; i < 8; i += 1) {
    const r = await call(server, 'POST', `${base}/cases`, {
      token: station,
      body: newCase(`c${i}`),
    });
    assert.equal(r.status, 201);
  }
  for (const id of ['c0', 'c1']) {
    assert.equal(
      (await call(server, 'POST', `${base}/cases/${id}/accept`, { token: station })).status,
      200,
    );
  }
  const later = await call(server, 'POST', `${base}/cases`, {
    token: station,
    body: newCase('c8'),
  });
  assert.equal(later.status, 201);
}

/**
 * Records five hours (events 1-5), approves three, each with its earn (6-11), and revokes one
 * with its reverse (12-13): snapshots at 5 and 11.
 */
async function serve(server: LanewiseServer) {
  const recorder = await tokenFor('organizer', 'org-wang');
  const approver = await tokenFor('organizer', 'org-zhao');
  for (let i = 0; i < 5; i += 1) {
    const r = await call(server, 'POST', `${base}/hours`, {
      token: recorder,
      body: entry(`e${i}`, i % 2 === 0 ? 'v-li' : 'v-wu', 6 + i),
    });
    assert.equal(r.status, 201, r.text);
  }
  for (const id of ['e0', 'e1', 'e2']) {
    const r = await call(server, 'POST', `${base}/hours/${id}/approve`, { token: approver });
    assert.equal(r.status, 200, r.text);
  }
  const revoked = await call(server, 'POST', `${base}/hours/e1/revoke`, {
    token: approver,
    body: { reason: 'counted twice' },
  });
  assert.equal(revoked.status, 200, revoked.text);
}

async function read(server: LanewiseServer, path: string) {
  const r = await call(server, 'GET', `${base}/${path}`, { token: await tokenFor('admin') });
  assert.equal(r.status, 200, `${path}: ${r.text}`);
  return r.body as unknown;
}

/** `read`, with the warnings the server printed meanwhile. */
async function readWarned(server: LanewiseServer, path: string) {
  const warnings: unknown[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    return { body: await read(server, path), warnings };
  } finally {
    console.warn = warn;
  }
}

/** The seq of the first case event the loaded book holds in memory. */
const firstInMemory = (server: LanewiseServer) =>
  server.registry.read(COMMUNITY, (c) => c.cases.events()[0]?.seq);
const firstProgramInMemory = (server: LanewiseServer) =>
  server.registry.read(COMMUNITY, (c) => c.program.events()[0]?.seq ?? c.programStart?.seq);

for (const backend of backends()) {
  describe(`loading from a snapshot on ${backend.name}`, () => {
    const dirs: string[] = [];
    const place = async () => {
      const option = await backend.database();
      if (!('pglite' in option)) return option;
      const dir = mkdtempSync(join(tmpdir(), 'lanewise-data-'));
      dirs.push(dir);
      return { pglite: { dataDir: dir } };
    };
    after(async () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await backend.cleanup();
    });

    test('a restarted server starts the case book at its snapshot and serves the same state', async () => {
      const database = await place();
      const first = (await startServer(database, { snapshotEvery: 5 })).server;
      await fill(first);
      const before = {
        snapshot: await read(first, 'cases/snapshot'),
        board: await read(first, 'cases/board'),
        timeline: await read(first, 'cases/c0/timeline'),
      };
      await first.close();
      const second = (await startServer(database, { snapshotEvery: 5 })).server;
      try {
        assert.deepEqual(await read(second, 'cases/snapshot'), before.snapshot);
        assert.deepEqual(await read(second, 'cases/board'), before.board);
        // c0's opening (event 1) sits before the snapshot, in the store only.
        assert.deepEqual(await read(second, 'cases/c0/timeline'), before.timeline);
        assert.equal(await firstInMemory(second), 11);
        // It goes on writing the same chain, and snapshots by seq.
        const station = await tokenFor('station', 'station-zhou', COMMUNITY, 'huana-station');
        for (let i = 9; i < 15; i += 1) {
          const r = await call(second, 'POST', `${base}/cases`, {
            token: station,
            body: newCase(`c${i}`),
          });
          assert.equal(r.status, 201);
        }
        assert.equal((await second.store.latestSnapshot(COMMUNITY, 'cases'))?.seq, 15);
        // A rule set replaced on a restored book keeps its cases.
        const rules = ((await read(second, 'routing')) as { rules: unknown }).rules;
        const replaced = await call(second, 'PUT', `${base}/routing`, {
          token: await tokenFor('admin'),
          body: { rules },
        });
        assert.equal(replaced.status, 200, replaced.text);
        assert.equal(
          ((await read(second, 'cases/snapshot')) as { cases: unknown[] }).cases.length,
          15,
        );
        const { problems } = await verifyAll(second.store, undefined, second.settings);
        assert.deepEqual(problems, []);
      } finally {
        await second.close();
      }
    });

    test('a restarted server starts the programme at its snapshot and serves the same state', async () => {
      const database = await place();
      const first = (await startServer(database, { snapshotEvery: 5 })).server;
      await serve(first);
      const snapshotAt = (await first.store.latestSnapshot(COMMUNITY, 'program'))?.seq;
      assert.equal(snapshotAt, 11);
      const before = {
        hours: await read(first, 'hours/snapshot'),
        points: await read(first, 'points/snapshot'),
        balance: await read(first, 'points/accounts/volunteer:v-li/balance'),
      };
      await first.close();
      const second = (await startServer(database, { snapshotEvery: 5 })).server;
      try {
        assert.deepEqual(await read(second, 'hours/snapshot'), before.hours);
        assert.deepEqual(await read(second, 'points/snapshot'), before.points);
        assert.deepEqual(
          await read(second, 'points/accounts/volunteer:v-li/balance'),
          before.balance,
        );
        // Only the events after the snapshot were read and replayed.
        assert.equal(await firstProgramInMemory(second), 12);
        // It goes on writing the same chain, and snapshots by seq.
        const approver = await tokenFor('organizer', 'org-zhao');
        for (const id of ['e3', 'e4']) {
          const r = await call(second, 'POST', `${base}/hours/${id}/approve`, { token: approver });
          assert.equal(r.status, 200, r.text);
        }
        assert.equal((await second.store.latestSnapshot(COMMUNITY, 'program'))?.seq, 15);
        const { problems } = await verifyAll(second.store, undefined, second.settings);
        assert.deepEqual(problems, []);
      } finally {
        await second.close();
      }
    });

    test('a programme snapshot no programme could reach is set aside and named by verify', async () => {
      const database = await place();
      const first = (await startServer(database, { snapshotEvery: 5 })).server;
      await serve(first);
      const before = await read(first, 'points/snapshot');
      // More points in a wallet than its transfers give: the core refuses the snapshot.
      await first.db.query(
        `UPDATE lanewise_snapshots
            SET state = jsonb_set(state, '{points,accounts,1,posted}', '1000')
          WHERE community = $1 AND stream = 'program'`,
        [COMMUNITY],
      );
      first.registry.evict(COMMUNITY);
      const { body, warnings } = await readWarned(first, 'points/snapshot');
      assert.deepEqual(body, before);
      assert.equal(await firstProgramInMemory(first), 1);
      assert.equal(warnings.length, 1);
      assert.match(String((warnings[0] as unknown[])[0]), /the program snapshot is set aside/);
      const { problems } = await verifyAll(first.store, undefined, first.settings);
      assert.deepEqual(problems, [
        { community: COMMUNITY, stream: 'program', seq: 11, reason: 'snapshot' },
      ]);
      await first.close();
    });

    test('a snapshot no book could reach is set aside: the whole log is replayed, verify names it', async () => {
      const database = await place();
      const first = (await startServer(database, { snapshotEvery: 5 })).server;
      await fill(first);
      const before = await read(first, 'cases/snapshot');
      // A closed case with no closing: the core refuses the snapshot.
      await first.db.query(
        `UPDATE lanewise_snapshots SET state = jsonb_set(state, '{cases,0,status}', '"closed"')
         WHERE community = $1 AND stream = 'cases'`,
        [COMMUNITY],
      );
      first.registry.evict(COMMUNITY);
      const { body, warnings } = await readWarned(first, 'cases/snapshot');
      assert.deepEqual(body, before);
      assert.equal(await firstInMemory(first), 1);
      assert.equal(warnings.length, 1);
      const { problems } = await verifyAll(first.store, undefined, first.settings);
      assert.deepEqual(problems, [
        { community: COMMUNITY, stream: 'cases', seq: 10, reason: 'snapshot' },
      ]);
      await first.close();
    });

    test('a snapshot that keeps every rule but not its log is found by verify', async () => {
      const database = await place();
      const first = (await startServer(database, { snapshotEvery: 5 })).server;
      await fill(first);
      await first.db.query(
        `UPDATE lanewise_snapshots SET state = jsonb_set(state, '{cases,3,title}', '"改过的标题"')
         WHERE community = $1 AND stream = 'cases' AND seq = 10`,
        [COMMUNITY],
      );
      const { problems } = await verifyAll(first.store, undefined, first.settings);
      assert.deepEqual(problems, [
        { community: COMMUNITY, stream: 'cases', seq: 10, reason: 'snapshot' },
      ]);
      // Without the settings, verify checks the chains only.
      assert.deepEqual((await verifyAll(first.store)).problems, []);
      await first.close();
    });

    test('a snapshot whose event is no longer in the log: the community is refused', async () => {
      const database = await place();
      const first = (await startServer(database, { snapshotEvery: 5 })).server;
      await fill(first);
      await first.db.query(
        `UPDATE lanewise_snapshots SET hash = 'not-the-hash' WHERE community = $1 AND stream = 'cases'`,
        [COMMUNITY],
      );
      first.registry.evict(COMMUNITY);
      const refused = await call(first, 'GET', `${base}/cases/snapshot`, {
        token: await tokenFor('admin'),
      });
      assert.equal(refused.status, 500);
      assert.equal(refused.body.error.code, 'INVALID_LOG');
      await first.close();
    });
  });
}
