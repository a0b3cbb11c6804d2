// The catalogue on a station's pickup desk: a reservation found by its code and handed out
// through lw-fulfil, cancelled only with a reason through lw-cancel, and a core error shown
// beside the reservation it concerns.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './redemption-catalog.js';
import type { RedemptionCatalog } from './redemption-catalog.js';
import { expectAccessible, q, qa, settle, textOf as text } from '../../testing/index.js';
import { sampleProgram } from '../points-wallet/fixtures/sample-points.js';
import { stationAxe } from './fixtures/catalog-testing.js';

describe('<redemption-catalog> at a station', () => {
  it('lets a station find a reservation by code and hand it out through lw-fulfil and the core', async () => {
    const program = sampleProgram();
    const el = await fixture<RedemptionCatalog>(
      html`<redemption-catalog
        lang="en"
        role="station"
        station="huana"
        actor="clerk-he"
        .ledger=${program}
      ></redemption-catalog>`,
    );
    expect(text(q(el, '.title'))).to.equal('Pickups at huana');
    const rows = qa(el, '[part=reservation]');
    expect(rows).to.have.length(1);
    expect(text(rows[0]!.querySelector('.code'))).to.equal('Code SOAP0001');
    expect(text(rows[0]!.querySelector('.what'))).to.equal('香皂礼盒 × 1');
    expect(text(rows[0]!.querySelector('.meta'))).to.include('Held until 16 Dec 2026, 10:00');
    await expectAccessible(el, stationAxe);
    const search = q(el, '[part=search]') as HTMLInputElement;
    search.value = 'zz9';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(q(el, '.no-rows'))).to.equal('No reservation has a code like “zz9”.');
    await expectAccessible(el, stationAxe);
    search.value = 'soap 0001';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;

    const stop = (event: Event) => event.preventDefault();
    el.addEventListener('lw-fulfil', stop);
    (q(el, '[part=fulfil]') as HTMLButtonElement).click();
    await settle(el);
    expect(program.points.getRedemption('r-soap')!.status).to.equal('reserved');
    el.removeEventListener('lw-fulfil', stop);

    const fired = oneEvent(el, 'lw-fulfil');
    (q(el, '[part=fulfil]') as HTMLButtonElement).click();
    expect((await fired).detail).to.deep.equal({ id: 'r-soap', by: 'clerk-he' });
    await settle(el);
    expect(program.points.getRedemption('r-soap')).to.include({
      status: 'fulfilled',
      fulfilledBy: 'clerk-he',
    });
    expect(text(q(el, '[part=announcer]'))).to.equal('Handed out 香皂礼盒 for code SOAP0001.');
    expect(text(q(el, '.no-rows'))).to.include('No reservation has a code like');
  });

  it('cancels a reservation only with a reason, through lw-cancel and the core', async () => {
    const program = sampleProgram();
    const el = await fixture<RedemptionCatalog>(
      html`<redemption-catalog
        lang="en"
        role="station"
        station="huana"
        .ledger=${program}
      ></redemption-catalog>`,
    );
    (q(el, '[part=cancel]') as HTMLButtonElement).click();
    await settle(el);
    const dialog = q(el, 'dialog.cancel') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    const submit = dialog.querySelector('button[type=submit]') as HTMLButtonElement;
    submit.click();
    await el.updateComplete;
    expect(text(q(el, '#reason-error'))).to.equal('Give a reason: the volunteer sees it.');
    await expectAccessible(el, stationAxe);
    (q(el, '#reason') as HTMLTextAreaElement).value = '居民改换其他物品';
    const stop = (event: Event) => event.preventDefault();
    el.addEventListener('lw-cancel', stop);
    submit.click();
    await settle(el);
    expect(program.points.getRedemption('r-soap')!.status).to.equal('reserved');
    expect(dialog.open).to.equal(false);
    el.removeEventListener('lw-cancel', stop);

    (q(el, '[part=cancel]') as HTMLButtonElement).click();
    await settle(el);
    (q(el, '#reason') as HTMLTextAreaElement).value = '居民改换其他物品';
    const fired = oneEvent(el, 'lw-cancel');
    (dialog.querySelector('button[type=submit]') as HTMLButtonElement).click();
    expect((await fired).detail).to.deep.equal({ id: 'r-soap', reason: '居民改换其他物品' });
    await settle(el);
    expect(program.points.getRedemption('r-soap')).to.include({ status: 'cancelled' });
    expect(text(q(el, '[part=announcer]'))).to.equal(
      'Reservation SOAP0001 cancelled; points returned.',
    );
    expect(text(q(el, '.no-rows'))).to.equal('No reservations are waiting here.');
    await expectAccessible(el, stationAxe);
  });

  it('shows a core error beside the reservation it concerns, in the page’s language', async () => {
    const program = sampleProgram();
    // The page still shows the soap as waiting; another desk has handed it out since.
    const stale = program.snapshot();
    program.points.fulfil('r-soap', { by: 'clerk-wu' });
    const live = { subscribe: () => () => {}, snapshot: () => stale, points: program.points };
    const el = await fixture<RedemptionCatalog>(
      html`<redemption-catalog lang="zh-CN" role="station" .ledger=${live}></redemption-catalog>`,
    );
    (q(el, '[part=fulfil]') as HTMLButtonElement).click();
    await settle(el);
    const row = qa(el, '[part=reservation]')[0]!;
    const error = row.querySelector('[part=field-error]')!;
    expect(text(error)).to.not.equal('');
    expect(text(error)).to.not.include('ALREADY_RESOLVED');
    expect(text(error)).to.match(/[\u4e00-\u9fff]/);
    expect(row.querySelector('[part=fulfil]')!.getAttribute('aria-describedby')).to.equal(error.id);
    expect(program.points.getRedemption('r-soap')!.fulfilledBy).to.equal('clerk-wu');
    await expectAccessible(el, stationAxe);
  });
});
