// Who may call what: every role against every route. A role a route does not name gets 403
// and writes nothing; a role it names gets past the gate (its answer may still be 400 or 404
// for this empty request, never 401 or 403 for a route with no ownership rule).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ROLES, type LanewiseServer } from '../src/index.js';
import { ROUTES } from '../src/http/routes/index.js';
import { call, COMMUNITY, startServer, tokenFor } from './helpers.js';

/** Path parameters that name the caller's own records, so that ownership rules pass. */
const fill = (path: string, sub: string) =>
  path.replace(/:([A-Za-z]+)/g, (_match, name: string) =>
    name === 'account' ? `volunteer:${sub}` : name === 'volunteerId' ? sub : 'x1',
  );

/** Routes whose answer may also be 403 for a role they name, when the record is not theirs. */
const OWNERSHIP = new Set([
  '/hours/snapshot',
  '/points/catalog',
  '/points/catalog/:itemId/restock',
]);

describe('access', () => {
  let server: LanewiseServer;
  before(async () => {
    ({ server } = await startServer({ pglite: {} }));
  });
  after(() => server.close());

  test('every role against every route', async () => {
    const total = async () => (await server.store.readCommunity(COMMUNITY)).length;
    let cells = 0;
    for (const route of ROUTES) {
      for (const role of ROLES) {
        const sub = `${role}-m`;
        const token = await tokenFor(role, sub, COMMUNITY, role === 'station' ? 'st-1' : undefined);
        const before = await total();
        const method = route.method.toUpperCase();
        const body = method === 'GET' ? undefined : {};
        const answer = await call(
          server,
          method,
          `/communities/${COMMUNITY}${fill(route.path, sub)}`,
          { token, body },
        );
        const cell = `${role} ${method} ${route.path}: ${answer.status} ${answer.text.slice(0, 120)}`;
        if (route.roles.includes(role)) {
          assert.notEqual(answer.status, 401, cell);
          if (
            !OWNERSHIP.has(route.path) &&
            !(role === 'volunteer' && route.path.includes(':id/cancel'))
          ) {
            assert.notEqual(answer.status, 403, cell);
          }
          assert.ok(answer.status < 500, cell);
        } else {
          assert.equal(answer.status, 403, cell);
          assert.equal(answer.body.error.code, 'FORBIDDEN', cell);
          assert.equal(await total(), before, cell);
        }
        cells += 1;
      }
    }
    assert.equal(cells, ROUTES.length * ROLES.length);
  });

  test('a token of another community is refused on every route', async () => {
    const token = await tokenFor('admin', 'admin-x', 'elsewhere');
    for (const route of ROUTES) {
      const method = route.method.toUpperCase();
      const answer = await call(
        server,
        method,
        `/communities/${COMMUNITY}${fill(route.path, 'admin-x')}`,
        {
          token,
          body: method === 'GET' ? undefined : {},
        },
      );
      assert.equal(answer.status, 403, `${method} ${route.path}`);
    }
  });

  test('the OpenAPI document is valid OpenAPI 3.1, and /docs lists every route', async () => {
    const doc = await call(server, 'GET', '/openapi.json');
    const result = await new Validator().validate(doc.body);
    assert.equal(result.valid, true, String(JSON.stringify(result.errors)).slice(0, 1000));
    const page = await call(server, 'GET', '/docs');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    for (const route of ROUTES) {
      const path = `/communities/{community}${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      assert.ok(page.text.includes(path), path);
    }
  });
});
