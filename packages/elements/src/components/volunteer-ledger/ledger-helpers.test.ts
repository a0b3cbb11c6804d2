import { expect } from '@open-wc/testing';
import type { HourEntry } from '@lanewise/core/hours';
import { csvField, entriesToCsv, CSV_COLUMNS } from './ledger-csv.js';
import { periodRange, shiftAnchor } from './ledger-period.js';
import { dayIn, instantFromLocal, localInputValue, offsetMinutesAt } from './zone-time.js';

describe('volunteer-ledger helpers', () => {
  it('reads wall-clock time in the ledger’s zone, whatever the browser’s', () => {
    const ms = Date.parse('2025-03-03T17:30:00Z');
    expect(dayIn(ms, 'Asia/Shanghai')).to.equal('2025-03-04');
    expect(localInputValue(ms, 'Asia/Shanghai')).to.equal('2025-03-04T01:30');
    expect(offsetMinutesAt(ms, 'America/New_York')).to.equal(-300);
    expect(instantFromLocal('2025-03-04T01:30', 'Asia/Shanghai')).to.equal(
      '2025-03-04T01:30:00+08:00',
    );
    // Either side of New York's change to summer time on 9 March 2025.
    expect(instantFromLocal('2025-03-08T12:00', 'America/New_York')).to.equal(
      '2025-03-08T12:00:00-05:00',
    );
    expect(instantFromLocal('2025-03-10T12:00', 'America/New_York')).to.equal(
      '2025-03-10T12:00:00-04:00',
    );
    expect(instantFromLocal('3 March', 'Asia/Shanghai')).to.equal(undefined);
  });

  it('cuts weeks Monday to Sunday, months and years, and moves between them', () => {
    expect(periodRange('week', '2025-03-02')).to.deep.equal({
      from: '2025-02-24',
      to: '2025-03-02',
    });
    expect(periodRange('week', '2025-03-03')).to.deep.equal({
      from: '2025-03-03',
      to: '2025-03-09',
    });
    expect(periodRange('month', '2024-02-10')).to.deep.equal({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(periodRange('year', '2025-06-01')).to.deep.equal({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(periodRange('all', '2025-06-01')).to.equal(null);
    expect(shiftAnchor('month', '2025-01-31', 1)).to.equal('2025-02-01');
    expect(shiftAnchor('month', '2025-01-15', -1)).to.equal('2024-12-01');
    expect(shiftAnchor('week', '2025-12-29', 1)).to.equal('2026-01-05');
    expect(shiftAnchor('year', '2025-06-01', -1)).to.equal('2024-01-01');
  });

  it('writes CSV that spreadsheets read as typed: quotes, line breaks, no formulas', () => {
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('two\nlines')).to.equal('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).to.equal(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).to.equal("'+1");
    expect(csvField(-5)).to.equal('-5');
    expect(csvField(undefined)).to.equal('');
    const entry = {
      id: 'e1',
      day: '2025-03-03',
      start: '2025-03-03T09:00:00+08:00',
      end: '2025-03-03T10:00:00+08:00',
      volunteerId: 'v1',
      activityId: '助老',
      durationMinutes: 60,
      recordedBy: 'org',
      status: 'pending',
      tags: [],
      recordedAt: '2025-03-03T10:00:00+08:00',
      note: '@cmd',
    } as HourEntry;
    const headings = Object.fromEntries(CSV_COLUMNS.map((column) => [column, column]));
    const csv = entriesToCsv([entry], headings as never, () => '待审核');
    expect(csv).to.equal(
      '\uFEFFid,day,start,end,volunteerId,activityId,durationMinutes,creditedMinutes,status,recordedBy,approvedBy,reason,note\r\n' +
        "e1,2025-03-03,2025-03-03T09:00:00+08:00,2025-03-03T10:00:00+08:00,v1,助老,60,,待审核,org,,,'@cmd\r\n",
    );
  });
});
