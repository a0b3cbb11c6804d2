// Group commit: appends of many communities that arrive together share statements, and each
// community's condition holds or fails on its own; a community's commands that wait together
// are committed together, every acknowledged one stored, in order.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  CommunityMovedError,
  createEventStore,
  migrate,
  openPglite,
  openPostgres,
} from '../src/index.js';
import { backends, call, chained, COMMUNITY, startServer, tokenFor, newCase } from './helpers.js';

for (const backend of backends()) {
  describe(`group commit on ${backend.name}`, () => {
    after(() => backend.cleanup());

    test('forty communities appended at once: the stale one is refused, the others stored', async () => {
      const option = (await backend.database()) as { pglite: object } | { url: string };
      const db = 'url' in option ? openPostgres(option.url, 4) : await openPglite();
      try {
        await migrate(db);
        // One statement in flight: the appends that wait meanwhile go in the next together.
        const store = createEventStore(db, { appendStatements: 1 });
        await store.appendCommunity('c-stale', 0, [
          { stream: 's', expected: 0, events: chained(1) },
        ]);
        const communities = Array.from({ length: 40 }, (_, i) => `c-${i}`);
        const outcomes = await Promise.allSettled([
          ...communities.map((c) =>
            store.appendCommunity(c, 0, [
              { stream: 'a', expected: 0, events: chained(2) },
              { stream: 'b', expected: 0, events: chained(1) },
            ]),
          ),
          store.appendCommunity('c-stale', 0, [{ stream: 's', expected: 0, events: chained(1) }]),
        ]);
        const stale = outcomes.pop()!;
        assert.equal(stale.status, 'rejected');
        assert.ok((stale as PromiseRejectedResult).reason instanceof CommunityMovedError);
        assert.deepEqual(
          outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason)),
          communities.map(() => 3),
        );
        for (const c of communities) {
          assert.deepEqual(
            (await store.read(c, 'a')).map((e) => e.seq),
            [1, 2],
          );
          assert.equal(await store.position(c), 3);
          const positions = (await store.readCommunity(c)).map((e) => e.position);
          assert.deepEqual(positions, [1, 2, 3]);
        }
        assert.equal((await store.read('c-stale', 's')).length, 1);
      } finally {
        await db.close();
      }
    });

    test('sixty cases opened at once in one community: all acknowledged, stored in order', async () => {
      const { server } = await startServer(await backend.database());
      try {
        const token = await tokenFor('station', 'station-zhou', COMMUNITY, 'huana-station');
        const answers = await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            call(server, 'POST', `/communities/${COMMUNITY}/cases`, {
              token,
              body: newCase(`g${i}`),
            }),
          ),
        );
        assert.deepEqual(
          answers.map((a) => a.status),
          answers.map(() => 201),
        );
        // A duplicate id in the middle of a group fails alone.
        const again = await Promise.all([
          call(server, 'POST', `/communities/${COMMUNITY}/cases`, { token, body: newCase('g60') }),
          call(server, 'POST', `/communities/${COMMUNITY}/cases`, {
            token,
            body: { ...newCase('g0'), title: 'x' },
          }),
          call(server, 'POST', `/communities/${COMMUNITY}/cases`, { token, body: newCase('g61') }),
        ]);
        assert.deepEqual(
          again.map((a) => a.status),
          [201, 409, 201],
        );
        const stored = await server.store.read(COMMUNITY, 'cases');
        assert.deepEqual(
          stored.map((e) => e.seq),
          stored.map((_, i) => i + 1),
        );
        const ids = new Set(stored.map((e) => (e.data as { intake: { id: string } }).intake.id));
        for (let i = 0; i < 62; i += 1) assert.ok(ids.has(`g${i}`), `g${i}`);
        assert.equal(stored.length, 62);
      } finally {
        await server.close();
      }
    });
  });
}
