// Mainland China's public holidays and make-up workdays (调休), copied from the State
// Council General Office's annual notices. Update once a year, when the next notice is out
// (usually in November), and extend the cross-check test in test/calendar/cn-calendar.test.ts.
import type { CnHolidayNotice } from './types.js';

/** The notices, frozen down to each range: the shipped data cannot be edited by a caller. */
function frozen(notices: CnHolidayNotice[]): readonly CnHolidayNotice[] {
  for (const notice of notices) {
    notice.holidays.forEach((range) => Object.freeze(range));
    Object.freeze(notice.holidays);
    Object.freeze(notice.workdays);
    Object.freeze(notice);
  }
  return Object.freeze(notices);
}

/** The shipped notices, oldest first. */
export const CN_HOLIDAY_NOTICES: readonly CnHolidayNotice[] = frozen([
  {
    year: 2024,
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    publishedOn: '2023-10-25',
    url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
    holidays: [
      ['2024-01-01', '2024-01-01', '元旦'],
      ['2024-02-10', '2024-02-17', '春节'],
      ['2024-04-04', '2024-04-06', '清明节'],
      ['2024-05-01', '2024-05-05', '劳动节'],
      ['2024-06-10', '2024-06-10', '端午节'],
      ['2024-09-15', '2024-09-17', '中秋节'],
      ['2024-10-01', '2024-10-07', '国庆节'],
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  {
    year: 2025,
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    documentNumber: '国办发明电〔2024〕12号',
    publishedOn: '2024-11-12',
    url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    holidays: [
      ['2025-01-01', '2025-01-01', '元旦'],
      ['2025-01-28', '2025-02-04', '春节'],
      ['2025-04-04', '2025-04-06', '清明节'],
      ['2025-05-01', '2025-05-05', '劳动节'],
      ['2025-05-31', '2025-06-02', '端午节'],
      ['2025-10-01', '2025-10-08', '国庆节、中秋节'],
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    publishedOn: '2025-11-04',
    url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    holidays: [
      ['2026-01-01', '2026-01-03', '元旦'],
      ['2026-02-15', '2026-02-23', '春节'],
      ['2026-04-04', '2026-04-06', '清明节'],
      ['2026-05-01', '2026-05-05', '劳动节'],
      ['2026-06-19', '2026-06-21', '端午节'],
      ['2026-09-25', '2026-09-27', '中秋节'],
      ['2026-10-01', '2026-10-07', '国庆节'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
]);
