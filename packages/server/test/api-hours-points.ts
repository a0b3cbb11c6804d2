// The REST API's hour and point actions, run by api.test.ts in order on one server: hours
// recorded, approved (earning points) and retried without a second write, rejected, revoked
// and corrected with a reason, summed and certified; then the catalogue, redemptions (the last
// unit to one of many), pickups and cancellations spending those points.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { COMMUNITY, entry, eventCount, type ApiSuite } from './helpers.js';
import { documentedCall as call } from './documented.js';
import type { LanewiseServer } from '../src/index.js';

export function hoursAndPointsTests(suite: ApiSuite) {
  const { tokens } = suite;
  let server: LanewiseServer;
  before(() => {
    ({ server } = suite);
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
    const selfApproval = await call(server, 'POST', `/communities/${COMMUNITY}/hours/e0/approve`, {
      token: tokens['organizer'],
    });
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
}
