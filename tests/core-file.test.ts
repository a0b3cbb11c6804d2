import { expect } from '@open-wc/testing';
import * as coreSource from '@lanewise/core';

const coreFileUrl = '/packages/core/dist/lanewise-core.min.js';

/** The subset of the core's API this test calls, as the one-file build exports it. */
interface CoreFile {
  createVolunteerProgram(options: { now: () => Date }): {
    hours: {
      record(input: Record<string, string>): { status: string };
      approve(id: string, input: { by: string }): { creditedMinutes: number };
      certificate(
        volunteerId: string,
        options: Record<string, string>,
      ): { totalMinutes: number; starLevel: number };
    };
    standing(volunteerId: string): { creditedMinutes: number; points: { available: number } };
  };
  formatError(error: unknown, locale?: string): string;
  LanewiseError: new (...args: never[]) => Error;
}

describe('the core in one file (lanewise-core.min.js)', function () {
  // The file is built by `npx rollup -c` before the browser tests, as `npm test` does.
  this.timeout(20_000);

  it('imports with no import map and no server resolution, and runs a program', async () => {
    const response = await fetch(coreFileUrl);
    expect(response.status, `${coreFileUrl}: run npx rollup -c first`).to.equal(200);
    const text = await response.text();
    // Imported from a blob: URL, against which no specifier resolves, bare or relative: the
    // import succeeds only if the file needs no other module and no import map.
    const blobUrl = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    let core: CoreFile;
    try {
      core = (await import(blobUrl)) as CoreFile;
    } finally {
      URL.revokeObjectURL(blobUrl);
    }

    // Every export of the core's root entry, and nothing else.
    expect(Object.keys(core).sort()).to.deep.equal(Object.keys(coreSource).sort());

    const program = core.createVolunteerProgram({
      now: () => new Date('2026-03-02T12:00:00+08:00'),
    });
    const entry = program.hours.record({
      id: 'e-1',
      volunteerId: 'v-li',
      activityId: 'repair-lane',
      recordedBy: 'org-wang',
      start: '2026-03-01T09:00:00+08:00',
      end: '2026-03-01T11:30:00+08:00',
    });
    expect(entry.status).to.equal('pending');
    expect(program.hours.approve('e-1', { by: 'org-zhao' }).creditedMinutes).to.equal(150);
    expect(program.standing('v-li').creditedMinutes).to.equal(150);
    expect(program.standing('v-li').points.available).to.be.greaterThan(0);
    const certificate = program.hours.certificate('v-li', {
      from: '2026-03-01',
      to: '2026-03-31',
      issuer: 'Huana community',
      serial: 'HN-2026-0001',
    });
    expect(certificate.totalMinutes).to.equal(150);
    expect(certificate.starLevel).to.equal(0);

    // Its errors are the core's, with their sentences in both languages.
    let caught: unknown;
    try {
      program.hours.approve('e-404', { by: 'org-zhao' });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(core.LanewiseError);
    expect(core.formatError(caught, 'en')).to.be.a('string').and.not.equal('');
  });
});
