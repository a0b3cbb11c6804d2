// The JSON Schemas in docs/schemas/ are the wire formats: a real validator (Ajv, JSON Schema
// 2020-12) accepts what the live objects hand out, and refuses it once damaged.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { outDir } from '../../../../scripts/json-schemas.js';
import { manualClock } from '../../src/clock.js';
import { createHoursLedger } from '../../src/hours/index.js';
import { createPointsLedger } from '../../src/points/index.js';
import { createRatioTracker, ratio721 } from '../../src/metrics/index.js';
import { intake, makeBook } from '../cases/fixtures.js';

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
for (const file of readdirSync(outDir).filter((name) => name.endsWith('.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(outDir, file), 'utf8')) as object);
}

/** Checks `value`, as JSON, against the published schema of `type`. */
function expectValid(type: string, value: unknown): void {
  const validate = ajv.getSchema(`https://lanewise.dev/schemas/${type}.json`);
  assert.ok(validate, `no schema ${type}`);
  const json: unknown = JSON.parse(JSON.stringify(value));
  assert.ok(validate(json), `${type}: ${ajv.errorsText(validate.errors)}`);
}

function expectInvalid(type: string, value: unknown): void {
  const validate = ajv.getSchema(`https://lanewise.dev/schemas/${type}.json`);
  assert.ok(validate && !validate(JSON.parse(JSON.stringify(value))), `${type} accepted it`);
}

describe('wire formats', () => {
  it('hour ledger: snapshot, entries and events', () => {
    const clock = manualClock('2025-03-01T18:00:00+08:00');
    const hours = createHoursLedger({ now: clock.now });
    hours.record({
      id: 'e1',
      volunteerId: 'v-li',
      activityId: 'elderly-visit',
      start: '2025-03-01T09:00:00+08:00',
      end: '2025-03-01T11:30:00+08:00',
      recordedBy: 'org-wang',
      note: '<img src=x onerror=alert(1)>',
    });
    hours.approve('e1', { by: 'org-zhao' });
    const snapshot = hours.snapshot();
    expectValid('HoursSnapshot', snapshot);
    expectValid('HourEntry', hours.get('e1'));
    for (const event of hours.events()) expectValid('HoursEvent', event);
    expectInvalid('HourEntry', { ...hours.get('e1'), creditedMinutes: -5 });
    expectInvalid('HourEntry', { ...hours.get('e1'), start: '2025-03-01T09:00:00' });
  });

  it('point ledger: snapshot, transfers and events', () => {
    const clock = manualClock('2025-03-01T18:00:00+08:00');
    const points = createPointsLedger({ now: clock.now });
    points.transfer({
      id: 'earn:e1',
      from: 'issuer',
      to: 'volunteer:v-li',
      amount: 20,
      code: 'earn',
    });
    points.addItem({ id: 'oil', name: '食用油', cost: 15, stock: 40, stationId: 'huana' });
    points.redeem({ id: 'r-1', volunteerId: 'v-li', itemId: 'oil', quantity: 1 });
    expectValid('PointsSnapshot', points.snapshot());
    for (const event of points.events()) expectValid('PointsEvent', event);
    expectInvalid('PointsEvent', { ...points.events()[0], type: 'points.moved' });
  });

  it('case book: snapshot, records and events', () => {
    const { book } = makeBook();
    book.open(intake());
    expectValid('CaseSnapshot', book.snapshot());
    expectValid('CaseRecord', book.get('c-1'));
    for (const event of book.events()) expectValid('CaseEvent', event);
    expectInvalid('CaseRecord', { ...book.get('c-1'), status: 'lost' });
  });

  it('metrics: the 721 result and the tracker’s events', () => {
    const tracker = createRatioTracker({ now: manualClock('2025-03-01T18:00:00+08:00').now });
    tracker.add({ id: 'a1', kind: 'service', at: '2025-03-01T09:00:00+08:00' });
    for (const event of tracker.events()) expectValid('RatioTrackerEvent', event);
    expectValid('Ratio721Result', ratio721([{ kind: 'service', at: '2025-03-01T09:00:00+08:00' }]));
  });
});
