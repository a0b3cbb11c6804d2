// The REST API's cases, run by api.test.ts in order on one server: a case's whole life and
// residents seeing only their own, the board and the metrics over those cases, and a routing
// rule set replaced for cases opened after it (a bad one changing nothing).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { compareRates } from '@lanewise/core/metrics';
import { COMMUNITY, eventCount, newCase, type ApiSuite } from './helpers.js';
import { documentedCall as call } from './documented.js';
import type { LanewiseServer } from '../src/index.js';

export function casesTests(suite: ApiSuite) {
  const { tokens } = suite;
  let server: LanewiseServer;
  before(() => {
    ({ server } = suite);
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
}
