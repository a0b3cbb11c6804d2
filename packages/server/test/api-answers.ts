// What the REST API answers beyond its actions, run by api.test.ts after them on the same
// server: snapshots that are the core objects' own, an error of the right status, shape and
// language for every kind of bad request, and the OpenAPI document of every route.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { COMMUNITY, entry, eventCount, type ApiSuite } from './helpers.js';
import { documentedCall as call } from './documented.js';
import type { LanewiseServer } from '../src/index.js';
import type { Community } from '../src/communities/community.js';

export function answersTests(suite: ApiSuite) {
  const { tokens } = suite;
  let server: LanewiseServer;
  before(() => {
    ({ server } = suite);
  });

  test('snapshots are the core objects’ snapshot() JSON', async () => {
    const program = await call(server, 'GET', `/communities/${COMMUNITY}/program/snapshot`, {
      token: tokens['organizer'],
    });
    assert.equal(program.status, 200);
    const expected = await server.registry.read(COMMUNITY, (c) =>
      JSON.parse(JSON.stringify(c.program.snapshot())),
    );
    assert.deepEqual(program.body, expected);
    const views = {
      'hours/snapshot': (c: Community) => c.program.hours.snapshot(),
      'points/snapshot': (c: Community) => c.program.points.snapshot(),
      'cases/snapshot': (c: Community) => c.cases.snapshot(),
    };
    for (const [path, view] of Object.entries(views)) {
      const r = await call(server, 'GET', `/communities/${COMMUNITY}/${path}`, {
        token: tokens['station'],
      });
      assert.equal(r.status, 200, path);
      const core = await server.registry.read(COMMUNITY, (c) =>
        JSON.parse(JSON.stringify(view(c))),
      );
      assert.deepEqual(r.body, core, path);
    }
  });

  test('every error status, in the caller’s language, and the server keeps serving', async () => {
    const path = `/communities/${COMMUNITY}/hours`;
    const cases: [
      string,
      Parameters<typeof call>[3] & { method?: string; path?: string },
      number,
      string,
    ][] = [
      ['no token', {}, 401, 'UNAUTHORIZED'],
      [
        'a forged token',
        { token: `${tokens['organizer']!.slice(0, -4)}AAAA` },
        401,
        'UNAUTHORIZED',
      ],
      ['a role that may not', { token: tokens['resident'], body: entry('x1') }, 403, 'FORBIDDEN'],
      ['another community', { token: tokens['other'], body: entry('x1') }, 403, 'FORBIDDEN'],
      [
        'malformed JSON',
        {
          token: tokens['organizer'],
          raw: '{"id":',
          headers: { 'content-type': 'application/json' },
        },
        400,
        'INVALID_INPUT',
      ],
      ['an array', { token: tokens['organizer'], body: [entry('x1')] }, 400, 'INVALID_INPUT'],
      [
        'a wrong type',
        { token: tokens['organizer'], body: { ...entry('x1'), volunteerId: 42 } },
        400,
        'INVALID_INPUT',
      ],
      [
        'an unknown field',
        { token: tokens['organizer'], body: { ...entry('x1'), extra: true } },
        400,
        'INVALID_INPUT',
      ],
      [
        'a wrong media type',
        {
          token: tokens['organizer'],
          raw: JSON.stringify(entry('x1')),
          headers: { 'content-type': 'text/plain' },
        },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'a huge body',
        {
          token: tokens['organizer'],
          body: { ...entry('x1'), note: 'x'.repeat(2 * 1024 * 1024) },
        },
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'the same id with other content',
        { token: tokens['organizer'], body: { ...entry('e1'), activityId: 'other' } },
        409,
        'ID_CONFLICT',
      ],
    ];
    const before = await eventCount(server, 'program');
    for (const [name, options, status, code] of cases) {
      const r = await call(server, 'POST', path, options);
      assert.equal(r.status, status, `${name}: ${r.text.slice(0, 200)}`);
      assert.equal(r.body.error.code, code, name);
      assert.equal(typeof r.body.error.message, 'string', name);
      assert.ok(Array.isArray(r.body.error.path), name);
    }
    assert.equal(await eventCount(server, 'program'), before);

    const wrongType = await call(server, 'POST', path, {
      token: tokens['organizer'],
      body: { ...entry('x1'), volunteerId: 42 },
    });
    assert.deepEqual(wrongType.body.error.path, ['volunteerId']);
    const missing = await call(server, 'GET', `${path}/nope`, { token: tokens['organizer'] });
    assert.equal(missing.status, 404);
    const nowhere = await call(server, 'GET', '/nowhere', {});
    assert.equal(nowhere.status, 404);
    assert.equal(nowhere.body.error.code, 'NOT_FOUND');
    const zh = await call(server, 'POST', `${path}/e1/approve`, { token: tokens['organizer2'] });
    const en = await call(server, 'POST', `${path}/e1/approve`, {
      token: tokens['organizer2'],
      headers: { 'accept-language': 'en-GB,en;q=0.8' },
    });
    assert.equal(zh.status, 409);
    assert.match(zh.body.error.message, /[\u4e00-\u9fff]/);
    assert.doesNotMatch(en.body.error.message, /[\u4e00-\u9fff]/);
    assert.notEqual(zh.body.error.message, en.body.error.message);

    const still = await call(server, 'POST', path, {
      token: tokens['organizer'],
      body: entry('e9', 'v-wu'),
    });
    assert.equal(still.status, 201);
  });

  test('the OpenAPI document lists every route with its roles', async () => {
    const doc = await call(server, 'GET', '/openapi.json');
    assert.equal(doc.status, 200);
    assert.equal(doc.body.openapi, '3.1.0');
    const ops = Object.values(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(
      (p) => Object.keys(p),
    );
    const { ROUTES } = await import('../src/http/routes/index.js');
    assert.equal(ops.length, ROUTES.length);
    assert.ok(doc.body.paths['/communities/{community}/hours/{id}/approve'].post);
    assert.equal(doc.body.components.schemas.OpenCase.type, 'object');
    assert.ok(!('recordedBy' in doc.body.components.schemas.RecordHours.properties));
  });
}
