// The event store on each backend: migrations once, optimistic appends, positions in commit
// order without gaps under concurrent writers.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  createEventStore,
  migrate,
  openPglite,
  openPostgres,
  StreamConflictError,
  type Database,
} from '../src/index.js';
import { migrationFiles } from '../src/store/migrate.js';
import { backends, chained } from './helpers.js';

async function open(option: { pglite: object } | { url: string }): Promise<Database> {
  return 'url' in option ? openPostgres(option.url, 8) : openPglite();
}

for (const backend of backends()) {
  describe(`event store on ${backend.name}`, () => {
    after(() => backend.cleanup());

    test('migrations apply in order once and are recorded', async () => {
      const db = await open((await backend.database()) as never);
      try {
        assert.deepEqual(await migrate(db), migrationFiles());
        assert.deepEqual(await migrate(db), []);
        const rows = await db.query<{ name: string }>(
          'SELECT name FROM lanewise_migrations ORDER BY name',
        );
        assert.deepEqual(
          rows.rows.map((r) => r.name),
          migrationFiles(),
        );
      } finally {
        await db.close();
      }
    });

    test('an append at a place another writer took is a conflict, and nothing of it is stored', async () => {
      const db = await open((await backend.database()) as never);
      try {
        await migrate(db);
        const store = createEventStore(db);
        const log = chained(3);
        await store.append('c1', 's', 0, log.slice(0, 2));
        await assert.rejects(store.append('c1', 's', 0, log.slice(0, 2)), StreamConflictError);
        await assert.rejects(store.append('c1', 's', 1, chained(1, 1)), StreamConflictError);
        await store.append('c1', 's', 2, log.slice(2));
        const back = await store.read('c1', 's');
        assert.deepEqual(back, log);
        // Another community has its own streams at the same names.
        await store.append('c2', 's', 0, log.slice(0, 1));
        assert.equal((await store.read('c2', 's')).length, 1);
      } finally {
        await db.close();
      }
    });

    test('a stream reads back whole, row by row or in pages of JSON, from any point', async () => {
      const db = await open((await backend.database()) as never);
      try {
        await migrate(db);
        const log = chained(7);
        await createEventStore(db).append('c1', 's', 0, log);
        await createEventStore(db).append('c1', 'other', 0, chained(2));
        for (const readPage of [false, 1, 3, 7, 5000] as const) {
          const store = createEventStore(db, { readPage });
          assert.deepEqual(await store.read('c1', 's'), log, `readPage ${readPage}`);
          assert.deepEqual(await store.read('c1', 's', 4), log.slice(4), `readPage ${readPage}`);
          assert.deepEqual(await store.read('c1', 's', 7), [], `readPage ${readPage}`);
          assert.deepEqual(await store.read('c1', 'none'), [], `readPage ${readPage}`);
        }
        assert.throws(() => createEventStore(db, { readPage: 0 }), RangeError);
      } finally {
        await db.close();
      }
    });

    test('concurrent writers: one wins each place; positions follow commits without gaps', async () => {
      const db = await open((await backend.database()) as never);
      try {
        await migrate(db);
        const store = createEventStore(db);
        const rounds = 10;
        let conflicts = 0;
        for (let round = 0; round < rounds; round += 1) {
          const current = await store.read('c1', 'race');
          const next = chained(1, current.length, current.at(-1)?.hash ?? '');
          // Five writers that all saw the same end; other streams write at the same time.
          const results = await Promise.allSettled([
            ...Array.from({ length: 5 }, () => store.append('c1', 'race', current.length, next)),
            store.append('c1', `side-${round}`, 0, chained(2)),
          ]);
          const lost = results.filter((r) => r.status === 'rejected');
          assert.ok(
            lost.every((r) => (r as PromiseRejectedResult).reason instanceof StreamConflictError),
          );
          assert.equal(lost.length, 4);
          conflicts += lost.length;
        }
        assert.equal(conflicts, rounds * 4);
        assert.equal((await store.read('c1', 'race')).length, rounds);
        const all = await store.readCommunity('c1');
        assert.deepEqual(
          all.map((e) => e.position),
          Array.from({ length: rounds * 3 }, (_, i) => i + 1),
        );
      } finally {
        await db.close();
      }
    });

    test('snapshots: the latest is returned, at its seq and hash', async () => {
      const db = await open((await backend.database()) as never);
      try {
        await migrate(db);
        const store = createEventStore(db);
        assert.equal(await store.latestSnapshot('c1', 's'), undefined);
        await store.saveSnapshot('c1', 's', { seq: 2, hash: 'h2', state: { v: 2 } });
        await store.saveSnapshot('c1', 's', { seq: 5, hash: 'h5', state: { v: 5 } });
        assert.deepEqual(await store.latestSnapshot('c1', 's'), {
          seq: 5,
          hash: 'h5',
          state: { v: 5 },
        });
      } finally {
        await db.close();
      }
    });
  });
}
