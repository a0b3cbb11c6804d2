// The cache of communities: bounded by its size, and a community unused for the idle setting
// leaves memory (on a fake clock), then comes back whole from its streams on its next use.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, newCase, startServer, tokenFor } from './helpers.js';

const station = (community: string) =>
  tokenFor('station', 'station-zhou', community, `${community}-station`);

async function openCase(server: Parameters<typeof call>[0], community: string, id: string) {
  const r = await call(server, 'POST', `/communities/${community}/cases`, {
    token: await station(community),
    body: newCase(id),
  });
  assert.equal(r.status, 201, r.text);
}

describe('the cache of communities', () => {
  test('idle communities are dropped on the idle setting, used ones kept', async () => {
    let now = 0;
    const { server } = await startServer(
      { pglite: {} },
      { idleEvictMs: 60_000, idleClock: () => now },
    );
    try {
      await openCase(server, 'north', 'n1');
      await openCase(server, 'south', 's1');
      assert.equal(server.registry.cached, 2);
      now += 40_000;
      await openCase(server, 'north', 'n2');
      now += 30_000;
      // south was last used 70 s ago, north 30 s ago.
      assert.equal(server.registry.evictIdle(), 1);
      assert.equal(server.registry.cached, 1);
      const health = await call(server, 'GET', '/health');
      assert.equal(health.body.cached, 1);
      // Back from its streams on its next use, with what it held.
      const list = await call(server, 'GET', '/communities/south/cases', {
        token: await station('south'),
      });
      assert.deepEqual(
        list.body.map((c: { id: string }) => c.id),
        ['s1'],
      );
      assert.equal(server.registry.cached, 2);
      now += 120_000;
      assert.equal(server.registry.evictIdle(), 2);
      assert.equal(server.registry.cached, 0);
    } finally {
      await server.close();
    }
  });

  test('an idle setting of 0 keeps communities until the size bound', async () => {
    let now = 0;
    const { server } = await startServer(
      { pglite: {} },
      { idleEvictMs: 0, idleClock: () => now, cacheSize: 3 },
    );
    try {
      for (const community of ['a1', 'a2', 'a3', 'a4', 'a5']) {
        await openCase(server, community, `${community}-c`);
      }
      assert.equal(server.registry.cached, 3);
      now += 10 ** 9;
      assert.equal(server.registry.evictIdle(), 0);
      assert.equal(server.registry.cached, 3);
      // The first ones were dropped by the bound and come back whole.
      const list = await call(server, 'GET', '/communities/a1/cases', {
        token: await station('a1'),
      });
      assert.deepEqual(
        list.body.map((c: { id: string }) => c.id),
        ['a1-c'],
      );
      assert.equal(server.registry.cached, 3);
    } finally {
      await server.close();
    }
  });
});
