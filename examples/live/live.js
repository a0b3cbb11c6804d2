// A volunteer program running in the page, with <lw-stat> tiles following it live.
import { createVolunteerProgram, isLanewiseError } from '@lanewise/core';
import '@lanewise/elements/lw-stat.js';

const volunteer = 'v-li-hua';
const program = createVolunteerProgram({
  now: () => new Date(),
  policy: { pointsPerHour: 10, maxMinutesPerDay: 480 },
});
program.points.addItem({ id: 'oil', name: '食用油 5 L', cost: 300, stock: 5, stationId: 'huana' });

/** A live source for one tile: the program's changes, read through `read`. */
const follow = (read) => ({ subscribe: (listener) => program.subscribe(listener), snapshot: read });

const tile = (id) => document.getElementById(id);
tile('hours').source = follow(() => ({
  value: (program.hours.creditedMinutes({ volunteerId: volunteer }) / 60).toFixed(1),
}));
tile('stars').source = follow(() => ({
  value: '★'.repeat(program.hours.starLevel(volunteer)) || '—',
  caption: '100 小时一星',
}));
tile('points').source = follow(() => ({
  value: program.points.balance(`volunteer:${volunteer}`).available,
}));
tile('pending').source = follow(() => ({
  value: program.hours.list({ volunteerId: volunteer, status: 'pending' }).length,
}));

const message = document.getElementById('message');
/** Runs an action and says what it did, or the core's error code and message. */
const attempt = (what, action) => {
  try {
    const result = action();
    message.textContent = typeof what === 'function' ? what(result) : what;
  } catch (error) {
    message.textContent = isLanewiseError(error)
      ? `${error.code}: ${error.message}`
      : String(error);
  }
};

// Each click records a two-hour shift on the day before the last one, so none overlap and no
// day reaches the daily cap.
let shifts = 0;
document.getElementById('record').addEventListener('click', () => {
  shifts += 1;
  const end = Date.now() - (shifts - 1) * 24 * 3_600_000;
  attempt('已记录 2 小时，待审核。', () =>
    program.hours.record({
      id: `shift-${shifts}`,
      volunteerId: volunteer,
      activityId: 'repair-lane',
      start: new Date(end - 2 * 3_600_000).toISOString(),
      end: new Date(end).toISOString(),
      recordedBy: 'org-wang',
    }),
  );
});
document.getElementById('approve').addEventListener('click', () => {
  const pending = program.hours.list({ volunteerId: volunteer, status: 'pending' });
  attempt(`已审核 ${pending.length} 条。`, () => {
    for (const entry of pending) program.hours.approve(entry.id, { by: 'org-zhao' });
  });
});
let redemptions = 0;
document.getElementById('redeem').addEventListener('click', () => {
  redemptions += 1;
  attempt(
    ({ pickupCode }) => `已兑换，取货码 ${pickupCode}。`,
    () =>
      program.points.redeem({
        id: `r-${redemptions}`,
        volunteerId: volunteer,
        itemId: 'oil',
        quantity: 1,
      }),
  );
});
