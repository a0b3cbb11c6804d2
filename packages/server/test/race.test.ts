// Races: 50 redemptions at once, through two servers on one database, for the last units of
// an item and for the last points of a wallet. Exactly as many succeed as stock and points
// allow; the rest get a clear error; stock and balance agree with what succeeded.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { openPglite, type LanewiseServer } from '../src/index.js';
import { backends, call, COMMUNITY, entry, startServer, tokenFor } from './helpers.js';

const ATTEMPTS = 50;

for (const backend of backends()) {
  describe(`races on ${backend.name}`, () => {
    after(() => backend.cleanup());

    test(`${ATTEMPTS} concurrent redemptions of the last units and of the last points`, async () => {
      const option = await backend.database();
      const shared = 'pglite' in option ? await openPglite() : undefined;
      const a = (await startServer(shared ?? option)).server;
      const b = (await startServer(shared ?? option)).server;
      const servers: LanewiseServer[] = [a, b];
      try {
        const organizer = await tokenFor('organizer', 'org-wang');
        const other = await tokenFor('organizer', 'org-zhao');
        const admin = await tokenFor('admin');
        const volunteer = await tokenFor('volunteer', 'v-li');
        const base = `/communities/${COMMUNITY}`;
        for (const [id, hour] of [
          ['h1', 7],
          ['h2', 9],
        ] as const) {
          assert.equal(
            (
              await call(a, 'POST', `${base}/hours`, {
                token: organizer,
                body: entry(id, 'v-li', hour),
              })
            ).status,
            201,
          );
          assert.equal(
            (await call(a, 'POST', `${base}/hours/${id}/approve`, { token: other })).status,
            200,
          );
        }
        const wallet = `${base}/points/accounts/volunteer:v-li/balance`;
        const points: number = (await call(a, 'GET', wallet, { token: volunteer })).body.available;
        assert.ok(points >= 10, `the volunteer earned ${points}`);
        await call(a, 'POST', `${base}/points/catalog`, {
          token: admin,
          body: { id: 'soap', name: '皂', cost: 1, stock: 5, stationId: 's1' },
        });
        // An item of which the wallet pays for exactly three.
        const cost = Math.floor((points - 5) / 3);
        await call(a, 'POST', `${base}/points/catalog`, {
          token: admin,
          body: { id: 'rice', name: '米', cost, stock: 1000, stationId: 's1' },
        });

        const race = (itemId: string) =>
          Promise.all(
            Array.from({ length: ATTEMPTS }, (_, i) =>
              call(servers[i % 2]!, 'POST', `${base}/points/redemptions`, {
                token: volunteer,
                body: { id: `${itemId}-${i}`, itemId, quantity: 1 },
              }),
            ),
          );
        const soap = await race('soap');
        assert.equal(soap.filter((r) => r.status === 201).length, 5);
        assert.ok(
          soap
            .filter((r) => r.status !== 201)
            .every((r) => r.status === 409 && r.body.error.code === 'OUT_OF_STOCK'),
          soap
            .map((r) => r.text)
            .join('\n')
            .slice(0, 500),
        );
        const rice = await race('rice');
        assert.equal(rice.filter((r) => r.status === 201).length, 3);
        assert.ok(
          rice
            .filter((r) => r.status !== 201)
            .every((r) => r.status === 409 && r.body.error.code === 'INSUFFICIENT_POINTS'),
        );

        // PGlite's b trusts its cache (one process's database); PostgreSQL's b checks.
        if (shared) b.registry.evict(COMMUNITY);
        const fresh = (await call(b, 'GET', `${base}/points/catalog`, { token: admin })).body as {
          id: string;
          stock: number;
        }[];
        assert.deepEqual(
          fresh.map((i) => [i.id, i.stock]),
          [
            ['soap', 0],
            ['rice', 997],
          ],
        );
        const left = (await call(b, 'GET', wallet, { token: volunteer })).body;
        assert.equal(left.available, points - 5 - 3 * cost);
        const seqs = (await a.store.read(COMMUNITY, 'program')).map((e) => e.seq);
        assert.deepEqual(
          seqs,
          seqs.map((_, i) => i + 1),
        );
      } finally {
        await a.close();
        if (!shared) await b.close();
      }
    });
  });
}
