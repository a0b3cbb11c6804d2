// Cross-checks the shipped State Council data against an independent source, the npm package
// chinese-days (a devDependency), day by day.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import chineseDays from 'chinese-days';
import { CN_HOLIDAY_NOTICES, cnCalendar } from '../../src/calendar/index.js';

const daysOf = (year: number): string[] => {
  const days: string[] = [];
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 864e5) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
};

describe('cnCalendar against chinese-days', () => {
  for (const year of cnCalendar.years) {
    it(`agrees on every day of ${year}`, () => {
      const disagreements = daysOf(year).filter(
        (day) => cnCalendar.isWorkingDay(day) !== chineseDays.isWorkday(day),
      );
      assert.deepEqual(disagreements, []);
    });
  }

  it('agrees on the n-th working day after every day of the shipped years', () => {
    const last = `${cnCalendar.years[cnCalendar.years.length - 1]}-12-01`;
    const disagreements: string[] = [];
    for (const year of cnCalendar.years) {
      for (const day of daysOf(year).filter((d) => d < last)) {
        for (const n of [1, 3, 7, 13]) {
          const ours = cnCalendar.addWorkingDays(day, n);
          const theirs = chineseDays.findWorkday(n, day);
          if (ours !== theirs) disagreements.push(`${day} + ${n}: ${ours} vs ${theirs}`);
        }
      }
    }
    assert.deepEqual(disagreements, []);
  });
});

describe('the shipped notices', () => {
  it('cover 2024 to 2026 at least, each naming its notice', () => {
    const years = CN_HOLIDAY_NOTICES.map((notice) => notice.year);
    for (const year of [2024, 2025, 2026]) assert.ok(years.includes(year), `${year} shipped`);
    for (const notice of CN_HOLIDAY_NOTICES) {
      assert.match(
        notice.title,
        new RegExp(`^国务院办公厅关于${notice.year}年部分节假日安排的通知$`),
      );
      assert.match(notice.url, /^https:\/\/www\.gov\.cn\//);
      assert.ok(notice.publishedOn < `${notice.year}-01-01`, 'published the year before');
    }
  });

  it('list make-up workdays only on weekends, and ranges inside their year', () => {
    for (const notice of CN_HOLIDAY_NOTICES) {
      for (const day of notice.workdays) {
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        assert.ok(weekday === 0 || weekday === 6, `${day} is a weekend day`);
      }
      for (const [first, last] of notice.holidays) {
        assert.ok(
          first <= last &&
            first.startsWith(String(notice.year)) &&
            last.startsWith(String(notice.year)),
        );
      }
    }
  });

  it('match the 2025 and 2026 arrangements given in DOMAIN.md', () => {
    const byYear = new Map(CN_HOLIDAY_NOTICES.map((notice) => [notice.year, notice]));
    assert.deepEqual(byYear.get(2025)?.workdays, [
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    assert.deepEqual(byYear.get(2026)?.workdays, [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    assert.equal(byYear.get(2026)?.publishedOn, '2025-11-04');
    assert.equal(byYear.get(2024)?.publishedOn, '2023-10-25');
  });
});
