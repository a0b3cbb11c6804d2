// What the program's trust tests share: a program on a manual clock, a replay of a log, and
// hours recorded (and approved) on 1 March 2025, with the log as a store gives it back.
import { createHash } from 'node:crypto';
import { manualClock } from '../../src/clock.js';
import {
  createVolunteerProgram,
  type ProgramEvent,
  type VolunteerProgram,
  type VolunteerProgramOptions,
} from '../../src/program/index.js';

export const NOW = '2025-03-10T12:00:00+08:00';
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function programWith(options: Partial<VolunteerProgramOptions> = {}) {
  const clock = manualClock(NOW);
  return createVolunteerProgram({ now: clock.now, ...options });
}

export const replay = (
  events: readonly unknown[],
  options: Partial<VolunteerProgramOptions> = {},
) =>
  createVolunteerProgram({
    now: manualClock(NOW).now,
    events: events as ProgramEvent[],
    ...options,
  });

/** Records `minutes` of service on 2025-03-01 from `hour` o'clock. */
export function record(
  program: VolunteerProgram,
  id: string,
  minutes: number,
  options: { volunteerId?: string; hour?: number; tags?: string[] } = {},
) {
  const start = Date.parse('2025-03-01T00:00:00+08:00') + (options.hour ?? 8) * 3_600_000;
  return program.hours.record({
    id,
    volunteerId: options.volunteerId ?? 'v-li',
    activityId: 'repair-lane',
    start: new Date(start).toISOString(),
    end: new Date(start + minutes * 60_000).toISOString(),
    recordedBy: 'org-wang',
    ...(options.tags ? { tags: options.tags } : {}),
  });
}

export function serve(program: VolunteerProgram, id: string, minutes: number, hour = 8) {
  record(program, id, minutes, { hour });
  return program.hours.approve(id, { by: 'org-zhao' });
}

/** Plain JSON copies of the events, as a store gives them back. */
export const plain = (program: VolunteerProgram) =>
  JSON.parse(JSON.stringify(program.events())) as Record<string, unknown>[];
export const renumber = (events: Record<string, unknown>[]) =>
  events.map((event, index) => ({ ...event, seq: index + 1 }));
