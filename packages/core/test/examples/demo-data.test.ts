// The example community's files are the core's own output: current with the generator,
// valid against the wire-format schemas, and the event log replays to the same snapshot.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { demoDocuments } from '../../../../scripts/demo/documents.js';
import { DEMO_NOW, DEMO_POLICY } from '../../../../scripts/demo/community.js';
import { manualClock } from '../../src/clock.js';
import { createVolunteerProgram, type ProgramEvent } from '../../src/program/index.js';
import { programSnapshotSchema } from '../../src/program/schemas.js';
import { hoursCertificateSchema } from '../../src/hours/schemas.js';
import { cnCalendar } from '../../src/calendar/index.js';
import { createCaseBook, type CaseEvent } from '../../src/cases/index.js';
import { caseSnapshotSchema } from '../../src/cases/schemas.js';
import { demoRules } from '../../../../scripts/demo/cases.js';
import { demoMetricDocuments, demoRates, demoRatio721 } from '../../../../scripts/demo/metrics.js';
import { caseRatesReportSchema, ratio721ReportSchema } from '../../src/metrics/schemas.js';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../examples/data/${name}`, import.meta.url), 'utf8'));

describe('the example community (examples/data)', () => {
  const documents = demoDocuments();

  it('is what `npm run demo-data` writes today', () => {
    for (const [name, document] of Object.entries(documents)) {
      assert.deepEqual(read(name), JSON.parse(JSON.stringify(document)), `${name} is stale`);
    }
  });

  it('passes the schemas the widgets check it with, and replays to the same state', () => {
    const program = read('program.json');
    assert.equal(z.safeParse(programSnapshotSchema, program).success, true);
    assert.equal(z.safeParse(hoursCertificateSchema, read('certificate.json')).success, true);
    const replayed = createVolunteerProgram({
      now: manualClock(DEMO_NOW).now,
      policy: DEMO_POLICY,
      events: read('program-events.json') as ProgramEvent[],
    });
    assert.deepEqual(JSON.parse(JSON.stringify(replayed.snapshot())), program);

    const cases = read('cases.json');
    assert.equal(z.safeParse(caseSnapshotSchema, cases).success, true);
    const book = createCaseBook({
      routing: demoRules() as never,
      calendar: cnCalendar,
      now: manualClock(DEMO_NOW).now,
      events: read('case-events.json') as CaseEvent[],
    });
    assert.deepEqual(JSON.parse(JSON.stringify(book.snapshot())), cases);
  });

  it('has what the examples show: a year of hours of about sixty volunteers, and both stations', () => {
    const { hours, points } = documents['program.json'] as {
      hours: { entries: { volunteerId: string; status: string; start: string }[] };
      points: { items: { stationId: string }[]; redemptions: { status: string }[] };
    };
    assert.equal(new Set(hours.entries.map((entry) => entry.volunteerId)).size, 60);
    const statuses = new Set(hours.entries.map((entry) => entry.status));
    for (const status of ['approved', 'pending', 'rejected', 'revoked'])
      assert.ok(statuses.has(status));
    assert.equal(new Set(points.items.map((item) => item.stationId)).size, 2);
    assert.ok(points.redemptions.some((redemption) => redemption.status === 'reserved'));
    const { cases } = documents['cases.json'] as {
      cases: { tier: string; status: string; escalations: unknown[] }[];
    };
    assert.ok(cases.length >= 400);
    assert.deepEqual(
      new Set(cases.map((record) => record.tier)),
      new Set(['onsite', 'coordinated', 'joint']),
    );
    assert.ok(cases.some((record) => record.status !== 'closed'));
    assert.ok(cases.some((record) => record.escalations.length > 0));
  });
});

describe('the example station’s figures (examples/data/ratio721.json, satisfaction.json)', () => {
  const replayedBook = () =>
    createCaseBook({
      routing: demoRules() as never,
      calendar: cnCalendar,
      now: manualClock(DEMO_NOW).now,
      events: read('case-events.json') as CaseEvent[],
    });

  it('are what `npm run demo-data` writes today, and what the core computes from the case log', () => {
    for (const [name, document] of Object.entries(demoMetricDocuments())) {
      assert.deepEqual(read(name), JSON.parse(JSON.stringify(document)), `${name} is stale`);
    }
    const book = replayedBook();
    assert.deepEqual(read('ratio721.json'), JSON.parse(JSON.stringify(demoRatio721(book))));
    assert.deepEqual(read('satisfaction.json'), JSON.parse(JSON.stringify(demoRates(book))));
  });

  it('pass the report schemas the widgets check them with, and cover the year month by month', () => {
    const ratio = z.parse(ratio721ReportSchema, read('ratio721.json'));
    const rates = z.parse(caseRatesReportSchema, read('satisfaction.json'));
    assert.equal(ratio.byMonth.length, 12);
    assert.equal(rates.byMonth.length, 12);
    assert.deepEqual(
      ratio.byMonth.map((month) => month.key),
      rates.byMonth.map((month) => month.key),
    );
    // The months add up to the year: counts of actions, and every rate's successes and n.
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    assert.equal(sum(ratio.byMonth.map((month) => month.total)), ratio.overall.total);
    for (const rate of ['response', 'onTime', 'resolution', 'satisfaction'] as const) {
      assert.equal(
        sum(rates.byMonth.map((month) => month.value[rate].n)),
        rates.overall[rate].n,
        rate,
      );
      assert.equal(
        sum(rates.byMonth.map((month) => month.value[rate].successes)),
        rates.overall[rate].successes,
        rate,
      );
    }
    // What the examples show: a station near its 721 target, and residents who were not
    // satisfied at first, whose cases were redone and asked again.
    assert.ok(ratio.overall.total >= 400);
    const redone = replayedBook()
      .list()
      .filter((record) => record.reopenedCount > 0);
    assert.ok(redone.length > 0);
    for (const record of redone) {
      assert.equal(record.followUps[0]!.rating, 'unsatisfied');
      assert.ok(record.followUps.length > record.reopenedCount || record.status !== 'closed');
    }
  });
});
