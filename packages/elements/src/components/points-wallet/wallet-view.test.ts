import { expect } from '@open-wc/testing';
import { createPointsLedger } from '@lanewise/core/points';
import { checkPointsDocument, pointsOfLive, pointsWriter } from './points-source.js';
import { addDays, expiryDay, walletView } from './wallet-view.js';
import { TODAY, sampleProgram } from './fixtures/sample-points.js';

describe('points-wallet helpers', () => {
  it('dates expiry as the core does: the first of the month after the months kept', () => {
    expect(expiryDay('2025-01', 12)).to.equal('2026-02-01');
    expect(expiryDay('2025-12', 12)).to.equal('2027-01-01');
    expect(expiryDay('2025-11', 1)).to.equal('2026-01-01');
    expect(addDays('2026-12-03', 30)).to.equal('2027-01-02');
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
  });

  it('reads balances, points about to expire (less those held) and the history newest first', () => {
    const view = walletView(pointsOfLive(sampleProgram()), { volunteer: 'v-li-hua', today: TODAY });
    expect(view.balance).to.deep.equal({ available: 50, pending: -20, posted: 70 });
    expect(view.owing).to.equal(0);
    // December 2025's 30 points less the 20 held for the soap.
    expect(view.expiring).to.deep.equal([{ date: '2027-01-01', amount: 10 }]);
    expect(view.lines.map((line) => [line.kind, line.change, line.status])).to.deep.equal([
      ['redeemed', -20, 'pending'],
      ['expired', -10, 'posted'],
      ['redeemed', -10, 'voided'],
      ['redeemed', -10, 'posted'],
      ['reversed', -10, 'posted'],
      ['earned', 10, 'posted'],
      ['earned', 30, 'posted'],
      ['earned', 30, 'posted'],
      ['earned', 30, 'posted'],
    ]);
    expect(view.lines[0]).to.include({ item: '香皂礼盒', quantity: 1, counts: true });
    expect(view.lines[2]).to.include({ counts: false, reason: '改换其他物品' });
    expect(view.lines[4]!.activity).to.equal('垃圾分类督导');
    expect(view.lines[8]!.activity).to.equal('社区巡逻');
  });

  it('does not count points as expiring outside the window, or when the policy keeps them', () => {
    const document = pointsOfLive(sampleProgram());
    expect(
      walletView(document, { volunteer: 'v-li-hua', today: '2026-11-15' }).expiring,
    ).to.deep.equal([]);
    expect(
      walletView(document, { volunteer: 'v-li-hua', today: '2026-11-15', windowDays: 60 }).expiring,
    ).to.deep.equal([{ date: '2027-01-01', amount: 10 }]);
    const kept = {
      ...document,
      points: {
        ...document.points,
        policy: { expireAfterMonths: null, redemptionHoldMinutes: null },
      },
    };
    expect(walletView(kept, { volunteer: 'v-li-hua', today: TODAY }).expiring).to.deep.equal([]);
  });

  it('shows a debt left by a reversal, and zeros for a volunteer never seen', () => {
    const document = pointsOfLive(sampleProgram());
    const wang = walletView(document, { volunteer: 'v-wang-fang', today: TODAY });
    expect(wang.owing).to.equal(10);
    expect(wang.balance.available).to.equal(-10);
    expect(wang.lines.map((line) => line.kind)).to.deep.equal(['reversed', 'redeemed', 'earned']);
    const nobody = walletView(document, { volunteer: 'v-nobody', today: TODAY });
    expect(nobody).to.deep.include({ known: false, owing: 0, expiring: [], lines: [] });
  });

  it('reads a bare point ledger: earnings name their reference, unknown codes keep theirs', () => {
    const ledger = createPointsLedger({ now: () => new Date('2026-03-01T10:00:00+08:00') });
    ledger.transfer({
      id: 't1',
      from: 'issuer',
      to: 'volunteer:v1',
      amount: 5,
      code: 'earn',
      ref: 'entry-9',
    });
    ledger.transfer({
      id: 't2',
      from: 'volunteer:v1',
      to: 'volunteer:v2',
      amount: 2,
      code: 'gift',
    });
    const document = checkPointsDocument(JSON.parse(JSON.stringify(ledger.snapshot())));
    const view = walletView(document, { volunteer: 'v1', today: '2026-03-01' });
    expect(view.lines.map((line) => [line.kind, line.activity, line.code])).to.deep.equal([
      ['other', undefined, 'gift'],
      ['earned', 'entry-9', 'earn'],
    ]);
    expect(pointsWriter(ledger)).to.equal(ledger);
    const program = sampleProgram();
    expect(pointsWriter(program)).to.equal(program.points);
  });

  it('refuses a document that is neither snapshot, naming the field', () => {
    expect(() => checkPointsDocument({ version: 1, transfers: 'x' })).to.throw(
      /transfers|timeZone/,
    );
  });
});
