// A volunteer programme, from hours recorded to points redeemed and a service certificate.
// Run after a build: `npm run build && node examples/node/ledgers.mjs`.
import { manualClock } from '@lanewise/core/clock';
import { createVolunteerProgram } from '@lanewise/core/program';

// A fixed clock, so that the output is the same on every run; an app passes () => new Date().
const clock = manualClock('2025-06-30T18:00:00+08:00');

// Kunshan's rate (1 h = 10 points), half-hour units, 8 h a day at most, elderly care x1.5.
const policy = {
  pointsPerHour: 10,
  unitMinutes: 30,
  maxMinutesPerDay: 480,
  multipliers: { elderly: 1.5 },
};
const program = createVolunteerProgram({ now: clock.now, policy });

// Every Saturday of the first half of 2025, Li Hua spends the morning at the repair lane and,
// every other week, the afternoon visiting elderly neighbours. The team's organiser records;
// another organiser approves.
const saturday = (week) => new Date(Date.UTC(2025, 0, 4 + 7 * week)).toISOString().slice(0, 10);
for (let week = 0; week < 26; week += 1) {
  const day = saturday(week);
  const sessions = [['repair', '08:30', '12:45', 'repair-lane', []]];
  if (week % 2 === 0) sessions.push(['care', '14:00', '16:10', 'elderly-visits', ['elderly']]);
  for (const [kind, from, to, activityId, tags] of sessions) {
    const id = `li-${day}-${kind}`;
    program.hours.record({
      id,
      volunteerId: 'v-li-hua',
      activityId,
      start: `${day}T${from}:00+08:00`,
      end: `${day}T${to}:00+08:00`,
      recordedBy: 'org-wang',
      tags,
    });
    program.hours.approve(id, { by: 'org-zhao' });
  }
}

// One entry was recorded twice by mistake: revoking it takes its points back too.
program.hours.record({
  id: 'li-duplicate',
  volunteerId: 'v-li-hua',
  activityId: 'repair-lane',
  start: '2025-06-29T09:00:00+08:00',
  end: '2025-06-29T11:00:00+08:00',
  recordedBy: 'org-wang',
});
program.hours.approve('li-duplicate', { by: 'org-zhao' });
program.hours.revoke('li-duplicate', { by: 'org-zhao', reason: 'recorded twice' });

// The redemption station of the Huana community: cooking oil, one a quarter.
program.points.addItem({
  id: 'oil',
  name: 'Cooking oil 5 L',
  cost: 300,
  stock: 20,
  stationId: 'huana',
  limit: { count: 1, per: 'quarter' },
});
const redemption = program.points.redeem({
  id: 'r-li-1',
  volunteerId: 'v-li-hua',
  itemId: 'oil',
  quantity: 1,
});
program.points.fulfil('r-li-1', { by: 'clerk-chen' });

// What the volunteer sees. Every figure says what it is.
const hoursOf = (minutes) =>
  `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
const standing = program.standing('v-li-hua');
console.log('Li Hua, volunteer v-li-hua, on', clock.now().toISOString().slice(0, 10));
console.log(
  `  service hours credited since joining (all time): ${hoursOf(standing.creditedMinutes)}`,
);
console.log('  of which, month by month in the first quarter (January to March 2025):');
for (const row of program.hours.summary({
  groupBy: 'activity',
  period: 'month',
  from: '2025-01-01',
  to: '2025-03-31',
})) {
  console.log(
    `    month ${row.period}, activity ${row.key.padEnd(15)} ${hoursOf(row.minutes)} credited over ${row.entries} sessions`,
  );
}
console.log(
  `  star level: ${'★'.repeat(standing.starLevel) || 'no star yet'} (the first star comes at 100 credited hours)`,
);
console.log(
  `  points: ${standing.points.posted} points on the account (posted),` +
    ` ${standing.points.available} of them free to spend (available)` +
    (standing.owing > 0 ? `, ${standing.owing} points owed after a correction` : ''),
);
console.log(
  `  redeemed: 1 bottle of cooking oil for 300 points, pickup code ${redemption.pickupCode}, handed out`,
);

// The certificate: the data to lay out, sign and stamp.
const certificate = program.hours.certificate('v-li-hua', {
  from: '2025-01-01',
  to: '2025-06-30',
  issuer: 'Huana community volunteer team',
  serial: 'HN-2025-0042',
});
console.log(
  `\nService certificate ${certificate.serial}, issued on ${certificate.issuedOn} by ${certificate.issuer}`,
);
console.log(
  `  service from ${certificate.period.from} to ${certificate.period.to}: ${hoursOf(certificate.totalMinutes)} credited in total`,
);
console.log('  of which, by activity:');
for (const activity of certificate.activities) {
  console.log(
    `    activity ${activity.activityId.padEnd(15)} ${hoursOf(activity.minutes)} credited over ${activity.entries} sessions`,
  );
}
console.log(`  approved sessions listed on the certificate: ${certificate.entries.length}`);

// The log a server stores: both ledgers' events in one list, replayed into an equal programme.
const events = program.events();
const again = createVolunteerProgram({ now: clock.now, policy, events });
console.log(
  `\nProgramme log: ${events.length} events (hours and points together);` +
    ` replayed, Li Hua again has ${again.standing('v-li-hua').points.posted} points on the account`,
);
