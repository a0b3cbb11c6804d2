// Two server processes on one PostgreSQL writing to one community at once: every update
// that was acknowledged counts (restocks add up), none is applied twice, no sequence or
// position is taken twice, and both processes then serve the same state.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createServer } from '../src/index.js';
import { verifyAll } from '../src/operations.js';
import { AUTH, backends, COMMUNITY, newCase, tokenFor } from './helpers.js';
import { exited, startBin } from './processes.js';

const EACH = 30;

for (const backend of backends().filter((b) => b.name === 'PostgreSQL')) {
  describe(`two server processes on one ${backend.name}`, () => {
    after(() => backend.cleanup());

    test('concurrent restocks and case openings from both: no lost update, no duplicate sequence', async () => {
      const option = (await backend.database()) as { url: string };
      const env = { DATABASE_URL: option.url };
      const first = await startBin(env);
      const second = await startBin(env);
      const admin = await tokenFor('admin', 'admin-1');
      const station = await tokenFor('station', 'station-zhou', COMMUNITY, 'huana-station');
      const send = (url: string, path: string, token: string, body: unknown) =>
        fetch(`${url}/communities/${COMMUNITY}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as never }));
      try {
        const added = await send(first.url, '/points/catalog', admin, {
          id: 'soap',
          name: '肥皂',
          cost: 1,
          stock: 1,
          stationId: 'huana-station',
        });
        assert.equal(added.status, 201);
        const answers = await Promise.all(
          Array.from({ length: EACH * 2 }, (_, i) => {
            const url = i % 2 === 0 ? first.url : second.url;
            return Promise.all([
              send(url, '/points/catalog/soap/restock', station, { quantity: 1 }),
              send(url, '/cases', station, newCase(`two-${i}`)),
            ]);
          }),
        );
        const restocks = answers.map(([r]) => r);
        const opens = answers.map(([, o]) => o);
        // A writer that keeps losing may be told CONFLICT; nothing else.
        for (const answer of [...restocks, ...opens]) {
          assert.ok(
            answer.status < 300 ||
              (answer.status === 409 &&
                (answer.body as { error: { code: string } }).error.code === 'CONFLICT'),
            JSON.stringify(answer),
          );
        }
        const restocked = restocks.filter((r) => r.status === 200).length;
        const opened = opens.filter((o) => o.status === 201).length;
        assert.ok(restocked > EACH && opened > EACH, `${restocked} restocks, ${opened} cases`);

        for (const url of [first.url, second.url]) {
          const catalog = (await (
            await fetch(`${url}/communities/${COMMUNITY}/points/catalog`, {
              headers: { authorization: `Bearer ${admin}` },
            })
          ).json()) as { id: string; stock: number }[];
          assert.equal(catalog.find((item) => item.id === 'soap')!.stock, 1 + restocked, url);
        }

        // A case opened through one process is found by the other, whose cache is older.
        const board = await fetch(`${first.url}/communities/${COMMUNITY}/cases/board`, {
          headers: { authorization: `Bearer ${station}` },
        });
        assert.equal(board.status, 200);
        assert.equal((await send(second.url, '/cases', station, newCase('late-1'))).status, 201);
        const accepted = await send(first.url, '/cases/late-1/accept', station, {});
        assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
        // And a refusal there is still a refusal: a case nobody opened.
        const missing = await send(first.url, '/cases/none/accept', station, {});
        assert.equal(missing.status, 404);
      } finally {
        first.child.kill('SIGKILL');
        second.child.kill('SIGKILL');
        await Promise.all([exited(first.child), exited(second.child)]);
      }
      const server = await createServer({ database: option, auth: AUTH });
      try {
        for (const stream of ['program', 'cases']) {
          const seqs = (await server.store.read(COMMUNITY, stream)).map((e) => e.seq);
          assert.deepEqual(
            seqs,
            seqs.map((_, i) => i + 1),
            stream,
          );
        }
        const positions = (await server.store.readCommunity(COMMUNITY, 0, 10_000)).map(
          (e) => e.position,
        );
        assert.deepEqual(
          positions,
          positions.map((_, i) => i + 1),
        );
        const cases = await server.store.read(COMMUNITY, 'cases');
        const ids = cases.flatMap((e) => {
          const intake = (e.data as { intake?: { id: string } }).intake;
          return intake ? [intake.id] : [];
        });
        assert.equal(ids.length, cases.length - 1); // every event an opening but late-1's acceptance
        assert.equal(new Set(ids).size, ids.length);
        const { problems } = await verifyAll(server.store);
        assert.deepEqual(problems, []);
      } finally {
        await server.close();
      }
    });
  });
}
