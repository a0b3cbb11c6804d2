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
