import { expect } from '@open-wc/testing';
import { pointsOfLive } from '../points-wallet/points-source.js';
import { TODAY, sampleProgram } from '../points-wallet/fixtures/sample-points.js';
import { catalogView, normalCode, periodOf } from './catalog-view.js';

describe('redemption-catalog helpers', () => {
  it('keys limit periods as the core does', () => {
    expect(periodOf('2026-12-03', 'quarter')).to.equal('2026-Q4');
    expect(periodOf('2026-03-31T23:59:00.000+08:00', 'quarter')).to.equal('2026-Q1');
    expect(periodOf('2026-04-01', 'month')).to.equal('2026-4');
    expect(periodOf('2026-04-01', 'year')).to.equal('2026');
    expect(normalCode(' soap 0001 ')).to.equal('SOAP0001');
  });

  it('says why each item cannot be taken, and what the limit leaves', () => {
    const view = catalogView(pointsOfLive(sampleProgram()), {
      volunteer: 'v-li-hua',
      station: '',
      today: TODAY,
    });
    expect(view.available).to.equal(50);
    expect(
      view.items.map((entry) => [entry.item.id, entry.item.stock, entry.remaining, entry.blocked]),
    ).to.deep.equal([
      ['soap', 4, 0, { reason: 'limit', per: 'quarter' }],
      ['rice', 3, null, { reason: 'points', missing: 40 }],
      ['towel', 8, null, undefined],
      ['movie', 0, null, { reason: 'stock' }],
    ]);
    // Next quarter the soap taken in this one no longer counts.
    const january = catalogView(pointsOfLive(sampleProgram()), {
      volunteer: 'v-li-hua',
      station: 'huana',
      today: '2027-01-02',
    });
    expect(
      january.items.map((entry) => [entry.item.id, entry.remaining, entry.blocked]),
    ).to.deep.equal([
      ['soap', 1, undefined],
      ['rice', null, { reason: 'points', missing: 40 }],
    ]);
  });

  it('asks for a volunteer before anything can be redeemed', () => {
    const view = catalogView(pointsOfLive(sampleProgram()), {
      volunteer: '',
      station: 'nanmen',
      today: TODAY,
    });
    expect(view.available).to.equal(null);
    expect(view.items.map((entry) => entry.blocked)).to.deep.equal([
      { reason: 'volunteer' },
      { reason: 'stock' },
    ]);
  });

  it('lists a station’s open reservations, found by pickup code', () => {
    const document = pointsOfLive(sampleProgram());
    const huana = catalogView(document, { volunteer: '', station: 'huana', today: TODAY });
    expect(
      huana.reservations.map((row) => [row.redemption.pickupCode, row.itemName, row.timeoutAt]),
    ).to.deep.equal([['SOAP0001', '香皂礼盒', '2026-12-16T10:00:00.000+08:00']]);
    expect(
      catalogView(document, { volunteer: '', station: 'nanmen', today: TODAY }).reservations,
    ).to.deep.equal([]);
    expect(
      catalogView(document, { volunteer: '', station: '', today: TODAY, query: 'p00' })
        .reservations,
    ).to.have.length(1);
    expect(
      catalogView(document, { volunteer: '', station: '', today: TODAY, query: 'XYZ' })
        .reservations,
    ).to.deep.equal([]);
  });
});
