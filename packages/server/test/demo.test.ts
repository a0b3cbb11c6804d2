// The example community as `npm start` loads it: its logs chained into the store, replayed
// under its policy and rules, served, and exported and imported back whole.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { exportCommunity, importCommunity, seedCommunity, verifyAll } from '../src/operations.js';
import { call, startServer, tokenFor } from './helpers.js';

const examples = new URL('../../../examples/', import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, examples), 'utf8'));

describe('the example community', () => {
  test('seeded once, served, verified, and moved whole by export and import', async () => {
    const { server } = await startServer(
      { pglite: {} },
      {
        policy: read('data/program-policy.json') as never,
        routing: read('rules/liuzhou.json'),
        now: () => new Date('2026-12-01T09:00:00+08:00'),
      },
    );
    try {
      const logs = {
        program: read('data/program-events.json') as unknown[],
        cases: read('data/case-events.json') as unknown[],
      };
      assert.equal(await seedCommunity(server.store, 'huana', logs), true);
      assert.equal(await seedCommunity(server.store, 'huana', logs), false);
      const organizer = await tokenFor('organizer', 'org-wang');
      const program = await call(server, 'GET', '/communities/huana/program/snapshot', {
        token: organizer,
      });
      assert.deepEqual(program.body, read('data/program.json'));
      const cases = await call(server, 'GET', '/communities/huana/cases/snapshot', {
        token: organizer,
      });
      assert.deepEqual(cases.body, read('data/cases.json'));
      const { problems, events } = await verifyAll(server.store);
      assert.deepEqual(problems, []);
      assert.equal(events, logs.program.length + logs.cases.length);

      const lines: string[] = [];
      for await (const line of exportCommunity(server.store, 'huana')) lines.push(line);
      assert.equal(lines.length, events);
      assert.equal(await importCommunity(server.store, 'huana-copy', lines), events);
      await assert.rejects(
        importCommunity(server.store, 'huana-copy', lines),
        /already has events/,
      );
      const copy = await call(server, 'GET', '/communities/huana-copy/cases/snapshot', {
        token: await tokenFor('organizer', 'org-wang', 'huana-copy'),
      });
      assert.deepEqual(copy.body, cases.body);
    } finally {
      await server.close();
    }
  });
});
