// The REST API on each backend: every action through HTTP, idempotent retries, roles, and an
// error of the right status and shape for every kind of bad request.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, COMMUNITY, entry, newCase, startServer, tokenFor } from './helpers.js';
// Every successful answer below is checked against the OpenAPI document's schema of it.
import { checkedRoutes, documentedCall as call } from './documented.js';
import { compareRates } from '@lanewise/core/metrics';
import type { LanewiseServer } from '../src/index.js';
import type { Community } from '../src/communities/community.js';

const eventCount = async (server: LanewiseServer, stream: string) =>
  (await server.store.read(COMMUNITY, stream)).length;

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

    test('hours: record, approve (earning points), a retry writes nothing twice', async () => {
      const recorded = await call(server, 'POST', `/communities/${COMMUNITY}/hours`, {
        token: tokens['organizer'],
        body: entry('e1'),
      });
      assert.equal(recorded.status, 201);
      assert.equal(recorded.body.recordedBy, 'org-wang');
      const events = await eventCount(server, 'program');
      const retried = await call(server, 'POST', `/communities/${COMMUNITY}/hours`, {
        token: tokens['organizer'],
        body: entry('e1'),
      });
      assert.equal(retried.status, 201);
      assert.deepEqual(retried.body, recorded.body);
      assert.equal(await eventCount(server, 'program'), events);

      // An organiser's own hours are approved by someone else.
      await call(server, 'POST', `/communities/${COMMUNITY}/hours`, {
        token: tokens['organizer2'],
        body: entry('e0', 'org-wang', 8),
      });
      const selfApproval = await call(
        server,
        'POST',
        `/communities/${COMMUNITY}/hours/e0/approve`,
        {
          token: tokens['organizer'],
        },
      );
      assert.equal(selfApproval.status, 409);
      assert.equal(selfApproval.body.error.code, 'SELF_APPROVAL');

      const approved = await call(server, 'POST', `/communities/${COMMUNITY}/hours/e1/approve`, {
        token: tokens['organizer2'],
      });
      assert.equal(approved.status, 200);
      assert.equal(approved.body.status, 'approved');
      const afterApproval = await eventCount(server, 'program');
      const again = await call(server, 'POST', `/communities/${COMMUNITY}/hours/e1/approve`, {
        token: tokens['organizer2'],
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'INVALID_TRANSITION');
      assert.equal(await eventCount(server, 'program'), afterApproval);

      const balance = await call(
        server,
        'GET',
        `/communities/${COMMUNITY}/points/accounts/volunteer:v-li/balance`,
        {
          token: tokens['volunteer'],
        },
      );
      assert.equal(balance.status, 200);
      assert.ok(balance.body.available > 0);
      const own = await call(server, 'GET', `/communities/${COMMUNITY}/hours`, {
        token: tokens['volunteer'],
      });
      assert.deepEqual(
        own.body.map((e: { id: string }) => e.id),
        ['e1'],
      );
    });

    test('hours: reject, revoke and correct need a reason; summary and certificate', async () => {
      for (const [id, hour] of [
        ['e2', 6],
        ['e3', 7],
        ['e4', 10],
      ] as const) {
        const r = await call(server, 'POST', `/communities/${COMMUNITY}/hours`, {
          token: tokens['organizer'],
          body: entry(id, 'v-li', hour),
        });
        assert.equal(r.status, 201);
      }
      const noReason = await call(server, 'POST', `/communities/${COMMUNITY}/hours/e2/reject`, {
        token: tokens['organizer2'],
        body: {},
      });
      assert.equal(noReason.status, 400);
      assert.deepEqual(noReason.body.error.path, ['reason']);
      const rejected = await call(server, 'POST', `/communities/${COMMUNITY}/hours/e2/reject`, {
        token: tokens['organizer2'],
        body: { reason: 'duplicate' },
      });
      assert.equal(rejected.body.status, 'rejected');
      const corrected = await call(server, 'POST', `/communities/${COMMUNITY}/hours/e3/correct`, {
        token: tokens['organizer2'],
        body: { id: 'e3b', end: '2026-12-01T07:30:00+08:00', reason: 'left early' },
      });
      assert.equal(corrected.status, 201);
      assert.equal(corrected.body.id, 'e3b');
      await call(server, 'POST', `/communities/${COMMUNITY}/hours/e4/approve`, {
        token: tokens['organizer2'],
      });
      const revoked = await call(server, 'POST', `/communities/${COMMUNITY}/hours/e4/revoke`, {
        token: tokens['organizer2'],
        body: { reason: 'not held' },
      });
      assert.equal(revoked.body.status, 'revoked');
      const summary = await call(
        server,
        'GET',
        `/communities/${COMMUNITY}/hours/summary?groupBy=volunteer`,
        { token: tokens['organizer'] },
      );
      assert.equal(summary.status, 200);
      assert.ok(Array.isArray(summary.body));
      const certificate = await call(
        server,
        'GET',
        `/communities/${COMMUNITY}/hours/certificate/v-li?from=2026-12-01&to=2026-12-01&serial=HA-1`,
        { token: tokens['volunteer'] },
      );
      assert.equal(certificate.status, 200);
      assert.equal(certificate.body.volunteerId, 'v-li');
      assert.equal(certificate.body.totalMinutes, 60);
      const someoneElse = await call(
        server,
        'GET',
        `/communities/${COMMUNITY}/hours/certificate/v-wu?from=2026-12-01&to=2026-12-01&serial=HA-2`,
        { token: tokens['volunteer'] },
      );
      assert.equal(someoneElse.status, 403);
    });

    test('points: catalog, redeem, fulfil, cancel; the last unit goes to one of many', async () => {
      const item = { id: 'soap', name: '洗衣皂', cost: 1, stock: 3, stationId: 'huana-station' };
      const foreign = await call(server, 'POST', `/communities/${COMMUNITY}/points/catalog`, {
        token: tokens['station'],
        body: { ...item, stationId: 'other-station' },
      });
      assert.equal(foreign.status, 403);
      const added = await call(server, 'POST', `/communities/${COMMUNITY}/points/catalog`, {
        token: tokens['station'],
        body: item,
      });
      assert.equal(added.status, 201);
      const restocked = await call(
        server,
        'POST',
        `/communities/${COMMUNITY}/points/catalog/soap/restock`,
        { token: tokens['admin'], body: { quantity: 1 } },
      );
      assert.equal(restocked.body.stock, 4);
      const catalog = await call(server, 'GET', `/communities/${COMMUNITY}/points/catalog`, {
        token: tokens['resident'],
      });
      assert.deepEqual(
        catalog.body.map((i: { id: string }) => i.id),
        ['soap'],
      );

      // Ten redemptions at once for four units (v-li has the points of one approved hour).
      const attempts = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          call(server, 'POST', `/communities/${COMMUNITY}/points/redemptions`, {
            token: tokens['volunteer'],
            body: { id: `r${i}`, itemId: 'soap', quantity: 1 },
          }),
        ),
      );
      const won = attempts.filter((a) => a.status === 201);
      const lost = attempts.filter((a) => a.status !== 201);
      assert.equal(won.length, 4);
      assert.ok(lost.every((a) => a.status === 409 && a.body.error.code === 'OUT_OF_STOCK'));
      const first = won[0]!.body;
      assert.equal(first.volunteerId, 'v-li');
      const fulfilled = await call(
        server,
        'POST',
        `/communities/${COMMUNITY}/points/redemptions/${first.id}/fulfil`,
        { token: tokens['station'] },
      );
      assert.equal(fulfilled.status, 200);
      assert.equal(fulfilled.body.status, 'fulfilled');
      const cancelled = await call(
        server,
        'POST',
        `/communities/${COMMUNITY}/points/redemptions/${won[1]!.body.id}/cancel`,
        { token: tokens['volunteer'], body: { reason: 'changed my mind' } },
      );
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.status, 'cancelled');
      const history = await call(
        server,
        'GET',
        `/communities/${COMMUNITY}/points/accounts/volunteer:v-li/history`,
        { token: tokens['volunteer'] },
      );
      assert.ok(history.body.length >= 4);
      const notMine = await call(
        server,
        'GET',
        `/communities/${COMMUNITY}/points/accounts/volunteer:v-wu/balance`,
        { token: tokens['volunteer'] },
      );
      assert.equal(notMine.status, 403);
      const expired = await call(server, 'POST', `/communities/${COMMUNITY}/points/expire`, {
        token: tokens['admin'],
        body: {},
      });
      assert.equal(expired.status, 200);
    });

    test('cases: open, accept, act, resolve, follow up, close; residents see their own', async () => {
      const base = `/communities/${COMMUNITY}/cases`;
      const opened = await call(server, 'POST', base, {
        token: tokens['resident'],
        body: newCase('c1'),
      });
      assert.equal(opened.status, 201);
      assert.equal(opened.body.tier, 'coordinated');
      assert.equal(opened.body.reporter.id, 'r-chen');
      const retry = await call(server, 'POST', base, {
        token: tokens['resident'],
        body: newCase('c1'),
      });
      assert.equal(retry.status, 201);
      assert.equal(await eventCount(server, 'cases'), 1);
      const hidden = await call(server, 'GET', `${base}/c1`, { token: tokens['resident2'] });
      assert.equal(hidden.status, 404);
      const notAllowed = await call(server, 'POST', `${base}/c1/accept`, {
        token: tokens['resident'],
      });
      assert.equal(notAllowed.status, 403);

      const steps: [string, unknown][] = [
        ['accept', undefined],
        ['act', { id: 'a1', kind: 'manage', type: 'mediation', at: '2026-12-01T11:00:00+08:00' }],
        ['resolve', { outcome: 'resolved', note: '已调解' }],
      ];
      for (const [step, body] of steps) {
        const r = await call(server, 'POST', `${base}/c1/${step}`, {
          token: tokens['station'],
          body,
        });
        assert.equal(r.status, 200, `${step}: ${r.text}`);
      }
      const rated = await call(server, 'POST', `${base}/c1/follow-up`, {
        token: tokens['resident'],
        body: { rating: 'satisfied', at: '2026-12-01T12:00:00+08:00' },
      });
      assert.equal(rated.status, 200, rated.text);
      const closed = await call(server, 'POST', `${base}/c1/close`, { token: tokens['station'] });
      assert.equal(closed.body.status, 'closed');
      const wrongMove = await call(server, 'POST', `${base}/c1/accept`, {
        token: tokens['station'],
      });
      assert.equal(wrongMove.status, 409);
      assert.equal(wrongMove.body.error.code, 'INVALID_TRANSITION');

      const timeline = await call(server, 'GET', `${base}/c1/timeline`, {
        token: tokens['resident'],
      });
      assert.deepEqual(
        timeline.body.map((e: { type: string }) => e.type),
        [
          'cases.opened',
          'cases.accepted',
          'cases.acted',
          'cases.resolved',
          'cases.followed_up',
          'cases.closed',
        ],
      );
      await call(server, 'POST', base, { token: tokens['resident2'], body: newCase('c2') });
      await call(server, 'POST', base, { token: tokens['station'], body: newCase('c3', 'litter') });
      const dup = await call(server, 'POST', `${base}/c3/duplicate`, {
        token: tokens['station'],
        body: { of: 'c2' },
      });
      assert.equal(dup.status, 200, dup.text);
      const mine = await call(server, 'GET', base, { token: tokens['resident2'] });
      assert.deepEqual(
        mine.body.map((c: { id: string }) => c.id),
        ['c2'],
      );
      const all = await call(server, 'GET', `${base}?status=dispatched`, {
        token: tokens['station'],
      });
      assert.deepEqual(
        all.body.map((c: { id: string }) => c.id),
        ['c2'],
      );
      const review = await call(server, 'POST', `${base}/review`, { token: tokens['station'] });
      assert.equal(review.status, 200);

      for (const figure of ['721', 'rates', 'satisfaction']) {
        const r = await call(server, 'GET', `/communities/${COMMUNITY}/metrics/${figure}`, {
          token: tokens['organizer'],
        });
        assert.equal(r.status, 200, `${figure}: ${r.text}`);
      }
      const sat = await call(server, 'GET', `/communities/${COMMUNITY}/metrics/satisfaction`, {
        token: tokens['organizer'],
      });
      assert.equal(sat.body.rate, 1);
      const board = await call(server, 'GET', `${base}/board`, { token: tokens['station'] });
      assert.deepEqual(board.body.tiers.map((t: { tier: string }) => t.tier).sort(), [
        'coordinated',
        'onsite',
      ]);
      const coordinated = board.body.tiers.find((t: { tier: string }) => t.tier === 'coordinated');
      assert.deepEqual(coordinated.statuses, { closed: 1, dispatched: 1 });
      const series = await call(
        server,
        'GET',
        `/communities/${COMMUNITY}/metrics/trend?period=day&from=2026-11-30T00:00:00%2B08:00&to=2026-12-02T00:00:00%2B08:00`,
        { token: tokens['organizer'] },
      );
      assert.equal(series.status, 200, series.text);
      assert.deepEqual(
        series.body.map((p: { key: string }) => p.key),
        ['2026-11-30', '2026-12-01'],
      );
      // A rate over one window against another: the figures of /metrics/rates for each
      // window, and Newcombe's interval of their difference.
      const dec = 'from=2026-12-01T00:00:00%2B08:00&to=2026-12-02T00:00:00%2B08:00';
      const nov = 'baselineFrom=2026-11-01T00:00:00%2B08:00&baselineTo=2026-12-01T00:00:00%2B08:00';
      const compared = await call(
        server,
        'GET',
        `/communities/${COMMUNITY}/metrics/compare?rate=satisfaction&${dec}&${nov}&confidence=0.9`,
        { token: tokens['organizer'] },
      );
      assert.equal(compared.status, 200, compared.text);
      const decRates = await call(server, 'GET', `/communities/${COMMUNITY}/metrics/rates?${dec}`, {
        token: tokens['organizer'],
      });
      assert.equal(compared.body.a.estimate.successes, decRates.body.satisfaction.successes);
      assert.equal(compared.body.a.estimate.n, decRates.body.satisfaction.n);
      assert.ok(compared.body.a.estimate.n >= 1);
      assert.equal(compared.body.b.estimate.n, 0);
      assert.deepEqual(
        compared.body.difference,
        compareRates(compared.body.a.estimate, compared.body.b.estimate, { confidence: 0.9 }),
      );
      assert.equal(compared.body.difference.verdict, 'inconclusive');
      const badRate = await call(
        server,
        'GET',
        `/communities/${COMMUNITY}/metrics/compare?rate=speed&${dec}&${nov}`,
        { token: tokens['organizer'] },
      );
      assert.equal(badRate.status, 400);
      assert.deepEqual(badRate.body.error.path, ['rate']);
      const badConfidence = await call(
        server,
        'GET',
        `/communities/${COMMUNITY}/metrics/compare?rate=response&${dec}&${nov}&confidence=2`,
        { token: tokens['organizer'] },
      );
      assert.equal(badConfidence.status, 400, badConfidence.text);
      const noPeriod = await call(server, 'GET', `/communities/${COMMUNITY}/metrics/trend`, {
        token: tokens['organizer'],
      });
      assert.equal(noPeriod.status, 400);
      assert.deepEqual(noPeriod.body.error.path, ['period']);
    });

    test('routing: validate, replace for cases opened after; a bad rule set changes nothing', async () => {
      const base = `/communities/${COMMUNITY}/routing`;
      const current = await call(server, 'GET', base, { token: tokens['resident'] });
      const rules = structuredClone(current.body.rules);
      const bad = await call(server, 'POST', `${base}/validate`, {
        token: tokens['admin'],
        body: { rules: { tiers: [] } },
      });
      assert.equal(bad.status, 400);
      const badReplace = await call(server, 'PUT', base, {
        token: tokens['admin'],
        body: { rules: { ...rules, default: { tier: 'nowhere' } } },
      });
      assert.equal(badReplace.status, 400);
      assert.equal(badReplace.body.error.code, 'INVALID_RULES');
      assert.deepEqual(
        (await call(server, 'GET', base, { token: tokens['admin'] })).body.rules,
        rules,
      );

      rules.rules = rules.rules.filter((rule: { id: string }) => rule.id !== 'noise');
      rules.rules.push({
        id: 'noise-on-site',
        when: { fact: 'category', op: 'eq', value: 'noise' },
        then: { tier: 'onsite' },
      });
      const ok = await call(server, 'POST', `${base}/validate`, {
        token: tokens['station'],
        body: { rules },
      });
      assert.deepEqual(ok.body, { valid: true });
      const notAdmin = await call(server, 'PUT', base, {
        token: tokens['station'],
        body: { rules },
      });
      assert.equal(notAdmin.status, 403);
      const replaced = await call(server, 'PUT', base, { token: tokens['admin'], body: { rules } });
      assert.equal(replaced.status, 200);
      const later = await call(server, 'POST', `/communities/${COMMUNITY}/cases`, {
        token: tokens['resident'],
        body: newCase('c9'),
      });
      assert.equal(later.body.tier, 'onsite');
      const earlier = await call(server, 'GET', `/communities/${COMMUNITY}/cases/c2`, {
        token: tokens['station'],
      });
      assert.equal(earlier.body.tier, 'coordinated', earlier.text);
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
