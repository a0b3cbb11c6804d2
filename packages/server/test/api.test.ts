// The REST API on each backend: one server per backend runs the flows in order (each builds on
// what the ones before it wrote), every successful answer checked against the OpenAPI
// document; then the check that the main routes were among those checked.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, COMMUNITY, startServer, tokenFor, type ApiSuite } from './helpers.js';
// Every successful answer in the flows is checked against the OpenAPI document's schema of it.
import { checkedRoutes } from './documented.js';
import type { LanewiseServer } from '../src/index.js';
import { hoursAndPointsTests } from './api-hours-points.js';
import { casesTests } from './api-cases.js';
import { answersTests } from './api-answers.js';

for (const backend of backends()) {
  describe(`REST API on ${backend.name}`, () => {
    let server: LanewiseServer;
    const tokens: Record<string, string> = {};
    before(async () => {
      ({ server } = await startServer(await backend.database()));
      tokens['organizer'] = await tokenFor('organizer', 'org-wang');
      tokens['organizer2'] = await tokenFor('organizer', 'org-zhao');
      tokens['volunteer'] = await tokenFor('volunteer', 'v-li');
      tokens['resident'] = await tokenFor('resident', 'r-chen');
      tokens['resident2'] = await tokenFor('resident', 'r-sun');
      tokens['station'] = await tokenFor('station', 'station-zhou', COMMUNITY, 'huana-station');
      tokens['admin'] = await tokenFor('admin', 'admin-1');
      tokens['other'] = await tokenFor('admin', 'admin-x', 'elsewhere');
    });
    after(async () => {
      await server.close();
      await backend.cleanup();
    });
    const suite: ApiSuite = {
      get server() {
        return server;
      },
      tokens,
    };

    hoursAndPointsTests(suite);
    casesTests(suite);
    answersTests(suite);
  });
}

describe('the documented answers', () => {
  test('the main routes were checked against their schema in the OpenAPI document', () => {
    const main = [
      'post /hours',
      'get /hours',
      'post /hours/:id/approve',
      'get /hours/summary',
      'get /hours/certificate/:volunteerId',
      'get /points/accounts/:account/balance',
      'post /points/catalog',
      'get /points/catalog',
      'post /points/redemptions',
      'post /cases',
      'get /cases',
      'get /cases/board',
      'post /cases/:id/accept',
      'post /cases/:id/resolve',
      'get /metrics/rates',
      'get /metrics/721',
      'get /metrics/compare',
      'get /program/snapshot',
      'get /cases/snapshot',
    ];
    const missing = main.filter((key) => !checkedRoutes.has(key));
    assert.deepEqual(missing, [], `checked: ${[...checkedRoutes].sort().join(', ')}`);
  });
});
