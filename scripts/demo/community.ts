// The fictional community of the examples: 华安社区 (Huana), about 60 volunteers, a year of
// service hours across its regular activities, a redemption catalog at two stations, and the
// redemptions made from it. Built with the core's own calls, so it is valid by construction,
// and from a seeded random sequence, so that every run writes the same files.
import { manualClock } from '../../packages/core/src/clock.js';
import {
  createVolunteerProgram,
  type VolunteerProgram,
} from '../../packages/core/src/program/index.js';
import { ACTIVITIES, ITEMS, ORGANIZERS, STATIONS, VOLUNTEER_NAMES } from './roster.js';
import { seededRandom } from './random.js';

/** The instant the data ends at: every entry, approval and redemption is before it. */
export const DEMO_NOW = '2026-12-01T09:00:00+08:00';

/** The year the hours span: December 2025 to November 2026. */
const FIRST_DAY = Date.UTC(2025, 11, 1);
const DAYS = 365;

/** The rules of the community's programme: Kunshan's rate, half-hour units, elderly care x1.5. */
export const DEMO_POLICY = {
  pointsPerHour: 10,
  unitMinutes: 30,
  maxMinutesPerDay: 480,
  multipliers: { elderly: 1.5 },
  expireAfterMonths: 12,
  redemptionHoldMinutes: 14 * 24 * 60,
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of day `index` of the year. */
const dayOf = (index: number) =>
  new Date(FIRST_DAY + index * 86_400_000).toISOString().slice(0, 10);

/** A local (+08:00) instant on `day` at `minutes` after midnight. */
const at = (day: string, minutes: number) =>
  `${day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00+08:00`;

/** What the demo holds: the programme and the volunteer whose certificate the examples show. */
export interface DemoCommunity {
  readonly program: VolunteerProgram;
  readonly featuredVolunteer: string;
}

/** Builds the community's programme, event by event, through the core's live calls. */
export function buildDemoCommunity(): DemoCommunity {
  const random = seededRandom(20251201);
  const clock = manualClock('2025-12-01T07:00:00+08:00');
  const program = createVolunteerProgram({
    now: clock.now,
    policy: DEMO_POLICY,
    pickupCode: (id, attempt) => pickupCodeFor(id, attempt),
  });

  for (const item of ITEMS) program.points.addItem(item);

  // Each volunteer keeps to one or two activities and a rhythm of their own.
  const volunteers = VOLUNTEER_NAMES.map((id, index) => ({
    id,
    activities: [
      ACTIVITIES[index % ACTIVITIES.length]!,
      ACTIVITIES[(index * 7 + 3) % ACTIVITIES.length]!,
    ],
    // Sessions a month: a few veterans come almost every other day.
    perMonth: index < 6 ? 14 : 1 + Math.floor(random() * 5),
  }));

  let serial = 0;
  const reserved = new Set<string>();
  for (let day = 0; day < DAYS; day += 1) {
    const date = dayOf(day);
    clock.set(at(date, 7 * 60));
    for (const volunteer of volunteers) {
      if (random() >= volunteer.perMonth / 30) continue;
      const activity = volunteer.activities[random() < 0.7 ? 0 : 1]!;
      const startMinutes = activity.startHour * 60 + 30 * Math.floor(random() * 4);
      const length = activity.minMinutes + 30 * Math.floor(random() * activity.spread);
      serial += 1;
      const id = `hn-${date}-${serial}`;
      const organizer = ORGANIZERS[serial % ORGANIZERS.length]!;
      clock.set(at(date, Math.min(startMinutes + length + 30, 23 * 60 + 30)));
      program.hours.record({
        id,
        volunteerId: volunteer.id,
        activityId: activity.id,
        start: at(date, startMinutes),
        end: at(date, startMinutes + length),
        recordedBy: organizer,
        tags: activity.tags,
        ...(random() < 0.15 ? { note: activity.note } : {}),
      });
      // The last fortnight is still waiting for approval.
      if (day > DAYS - 14) continue;
      const roll = random();
      const approver = ORGANIZERS[(serial + 1) % ORGANIZERS.length]!;
      if (roll < 0.03) {
        program.hours.reject(id, { by: approver, reason: '签到记录与活动名单不符' });
      } else {
        program.hours.approve(id, { by: approver });
        if (roll > 0.995) program.hours.revoke(id, { by: approver, reason: '重复登记' });
      }
    }
    clock.set(at(date, 23 * 60 + 45));
    // Reservations of the last ten days are still waiting at the stations.
    redeemSome(program, volunteers, date, random, reserved, day > DAYS - 10);
  }
  clock.set(DEMO_NOW);
  return { program, featuredVolunteer: volunteers[0]!.id };
}

/**
 * On about one day in three, a volunteer with points to spare reserves an item at a station;
 * most reservations are picked up a few days later, a few are cancelled.
 */
function redeemSome(
  program: VolunteerProgram,
  volunteers: readonly { id: string }[],
  date: string,
  random: () => number,
  reserved: Set<string>,
  recent: boolean,
): void {
  // Reservations left too long lapse; then the pick-ups of the others.
  for (const transfer of program.points.expirePending(`${date}T23:45:00+08:00`)) {
    reserved.delete(transfer.id.slice('redeem:'.length));
  }
  for (const id of recent ? [] : [...reserved]) {
    if (random() > 0.3) continue;
    reserved.delete(id);
    const redemption = program.points.getRedemption(id)!;
    if (random() < 0.08) {
      program.points.cancel(id, { reason: '居民改换其他物品' });
    } else {
      const station = STATIONS.find((s) => s.id === redemption.stationId)!;
      program.points.fulfil(id, { by: station.clerk });
    }
  }
  if (random() > (recent ? 0.9 : 0.35)) return;
  const volunteer = volunteers[Math.floor(random() * volunteers.length)]!;
  const item = ITEMS[Math.floor(random() * ITEMS.length)]!;
  const { available } = program.points.balance(`volunteer:${volunteer.id}`);
  if (available < item.cost) return;
  const id = `rd-${date}-${volunteer.id}`;
  try {
    program.points.redeem({
      id,
      volunteerId: volunteer.id,
      itemId: item.id,
      quantity: 1,
    });
    reserved.add(id);
  } catch (error) {
    // Out of stock or over the item's limit: the volunteer chooses nothing that day.
    if ((error as { code?: string }).code === undefined) throw error;
  }
}

/** A pickup code a clerk can read out: six characters from the redemption id. */
function pickupCodeFor(id: string, attempt: number): string {
  let hash = 2166136261 + attempt;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let code = '';
  for (let i = 0; i < 6; i += 1) {
    code += alphabet[hash % alphabet.length];
    hash = Math.floor(hash / alphabet.length) + i * 7919;
  }
  return code;
}
