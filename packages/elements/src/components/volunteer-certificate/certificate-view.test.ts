import { expect } from '@open-wc/testing';
import type { HoursCertificate } from '@lanewise/core/hours';
import type { LiveSource } from '../../controllers/live-source.js';
import {
  SEAL_MAX_CHARACTERS,
  activitiesByMinutes,
  certifierOf,
  chineseNumeral,
  isDay,
  issueFromLive,
  sealRing,
} from './certificate-view.js';

const live = (extra: object): LiveSource => ({
  subscribe: () => () => {},
  snapshot: () => ({}),
  ...extra,
});

describe('certificate-view', () => {
  it('finds the hour ledger of a program, or the ledger itself, or none', () => {
    const ledger = { certificate: () => ({}) };
    expect(certifierOf(live({ hours: ledger }))).to.equal(ledger);
    const own = live({ certificate: () => ({}) });
    expect(certifierOf(own)).to.equal(own);
    expect(certifierOf(live({}))).to.equal(undefined);
    expect(() =>
      issueFromLive(live({}), { volunteer: 'v', from: '', to: '', issuer: '', serial: '' }),
    ).to.throw(TypeError);
  });

  it('passes the attributes to the core, leaving out the empty ones', () => {
    const asked: unknown[] = [];
    const ledger = live({ certificate: (...args: unknown[]) => asked.push(args) });
    issueFromLive(ledger, {
      volunteer: 'v-li',
      from: '2026-01-01',
      to: '',
      issuer: 'Huana',
      serial: '',
    });
    expect(asked).to.deep.equal([['v-li', { from: '2026-01-01', issuer: 'Huana' }]]);
  });

  it('puts the activities with the most hours first, keeping ties in order', () => {
    const certificate = {
      activities: [
        { activityId: 'a', minutes: 30, entries: 1 },
        { activityId: 'b', minutes: 90, entries: 2 },
        { activityId: 'c', minutes: 30, entries: 1 },
      ],
    } as unknown as HoursCertificate;
    expect(activitiesByMinutes(certificate).map((a) => a.activityId)).to.deep.equal([
      'b',
      'a',
      'c',
    ]);
    expect(certificate.activities[0]!.activityId).to.equal('a');
  });

  it('spreads the issuer around the seal symmetrically, and leaves out a name too long', () => {
    const ring = sealRing('华安社区居委会');
    expect(ring.map((part) => part.char).join('')).to.equal('华安社区居委会');
    expect(ring[0]!.angle).to.equal(-ring[ring.length - 1]!.angle);
    expect(ring[3]!.angle).to.equal(0);
    expect(sealRing('站').map((part) => part.angle)).to.deep.equal([0]);
    expect(sealRing('x'.repeat(SEAL_MAX_CHARACTERS + 1))).to.deep.equal([]);
    expect(sealRing('   ')).to.deep.equal([]);
    // Characters outside the basic plane count once.
    expect(sealRing('𠀋𠀋').length).to.equal(2);
  });

  it('writes star levels in Chinese numerals up to ten, then in digits', () => {
    expect(chineseNumeral(2)).to.equal('二');
    expect(chineseNumeral(10)).to.equal('十');
    expect(chineseNumeral(12)).to.equal('12');
  });

  it('tells a day from an instant', () => {
    expect(isDay('2026-01-01')).to.equal(true);
    expect(isDay('2026-01-01T00:00:00.000+08:00')).to.equal(false);
  });
});
