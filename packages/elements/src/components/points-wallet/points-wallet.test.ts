import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createPointsLedger } from '@lanewise/core/points';
import './points-wallet.js';
import '../lanewise-provider/lanewise-provider.js';
import type { PointsWallet } from './points-wallet.js';
import {
  expectAccessible,
  expectTextOnly,
  q,
  qa,
  settle,
  stubFetch,
  textOf as text,
} from '../../testing/index.js';
import { NOW, TODAY, sampleProgram } from './fixtures/sample-points.js';

const lines = (el: PointsWallet) => qa(el, '[part=line]');

describe('<points-wallet>', () => {
  it('shows balances, expiring points and the history in words, newest first', async () => {
    const el = await fixture<PointsWallet>(
      html`<points-wallet
        lang="en"
        volunteer="v-li-hua"
        as-of=${TODAY}
        .data=${sampleProgram().snapshot()}
      ></points-wallet>`,
    );
    expect(qa(el, '[part=balance]').map(text)).to.deep.equal([
      'Available 50points Can be spent now',
      'On hold -20points Reserved for items not yet collected',
      'Posted 70points Final balance',
    ]);
    expect(text(q(el, '[part=expiring]'))).to.equal(
      'Expiring within 30 days 10 points expire on 1 Jan 2027',
    );
    expect(q(el, '[part=owing]')).to.equal(null);
    const words = lines(el).map((line) => text(line.querySelector('.kind')));
    expect(words).to.deep.equal([
      'Redeemed 香皂礼盒',
      'Expired',
      'Redeemed 纯棉毛巾',
      'Redeemed 纯棉毛巾',
      'Taken back: 垃圾分类督导',
      'Earned for 垃圾分类督导',
      'Earned for 课业辅导',
      'Earned for 助老探访',
      'Earned for 社区巡逻',
    ]);
    expect(text(lines(el)[0]!.querySelector('[part=badge]'))).to.equal('Awaiting pickup');
    expect(text(lines(el)[0]!.querySelector('.when'))).to.include('2 Dec 2026, 10:00');
    expect(text(lines(el)[2]!.querySelector('[part=badge]'))).to.equal(
      'Cancelled, points returned',
    );
    expect(text(lines(el)[2]!.querySelector('.reason'))).to.equal('Reason: 改换其他物品');
    expect(lines(el)[2]!.classList.contains('void')).to.equal(true);
    expect(text(lines(el)[6]!.querySelector('[part=change]'))).to.equal('+30points');
    expect(text(lines(el)[1]!.querySelector('[part=change]'))).to.equal('−10points');
    // The history scrolls on its own: it takes focus, so the keyboard can scroll it.
    const history = q(el, '[part=history]') as HTMLElement;
    history.focus();
    expect(el.shadowRoot!.activeElement).to.equal(history);
    await expectAccessible(el);
  });

  it('says when points were already due to expire', async () => {
    const el = await fixture<PointsWallet>(
      html`<points-wallet
        lang="en"
        volunteer="v-li-hua"
        as-of="2027-01-05"
        .data=${sampleProgram().snapshot()}
      ></points-wallet>`,
    );
    expect(text(q(el, '[part=expiring]'))).to.equal(
      'Expiring within 30 days 10 points were due to expire on 1 Jan 2027',
    );
  });

  it('says a debt plainly', async () => {
    const el = await fixture<PointsWallet>(
      html`<points-wallet
        lang="en"
        volunteer="v-wang-fang"
        as-of=${TODAY}
        .data=${sampleProgram().snapshot()}
      ></points-wallet>`,
    );
    expect(text(q(el, '[part=owing]'))).to.include('Owed: 10 points');
    expect(text(q(el, '[part=owing]'))).to.include('pay this back first');
    expect(text(q(el, '[part=expiring]'))).to.equal('No points expire in the next 30 days.');
    await expectAccessible(el);
  });

  it('writes Chinese in a zh-CN page, and re-renders when lang changes', async () => {
    const wrapper = await fixture(
      html`<div lang="zh-CN">
        <points-wallet
          volunteer="v-li-hua"
          as-of=${TODAY}
          .data=${sampleProgram().snapshot()}
        ></points-wallet>
      </div>`,
    );
    const el = wrapper.querySelector('points-wallet')!;
    await el.updateComplete;
    expect(text(q(el, '.title'))).to.include('积分钱包');
    expect(text(q(el, '[part=expiring]'))).to.include('10 积分将于 2027年1月1日 过期');
    expect(text(lines(el)[0]!.querySelector('.kind'))).to.equal('兑换“香皂礼盒”');
    expect(text(lines(el)[8]!.querySelector('.kind'))).to.equal('参加“社区巡逻”获得');
    expect(text(lines(el)[0]!.querySelector('.when'))).to.include('2026年12月2日');
    await expectAccessible(el);
    wrapper.setAttribute('lang', 'en');
    await settle(el);
    expect(text(q(el, '.title'))).to.include('Points wallet');
  });

  it('follows a live programme as it changes', async () => {
    const program = sampleProgram();
    const el = await fixture<PointsWallet>(
      html`<points-wallet
        lang="en"
        volunteer="v-li-hua"
        as-of=${TODAY}
        .ledger=${program}
      ></points-wallet>`,
    );
    expect(text(q(el, '.balance.available .value'))).to.equal('50points');
    program.points.fulfil('r-soap', { by: 'clerk-he' });
    await settle(el);
    expect(text(q(el, '.balance.available .value'))).to.equal('50points');
    expect(text(q(el, '.balance.posted .value'))).to.equal('50points');
    expect(lines(el)[0]!.querySelector('[part=badge]')).to.equal(null);
  });

  it('loads src, and reads a surrounding provider', async () => {
    const fetches = stubFetch({ '/points.json': [{ body: sampleProgram().snapshot().points }] });
    try {
      const el = document.createElement('points-wallet');
      el.lang = 'en';
      el.volunteer = 'v-li-hua';
      el.asOf = NOW;
      const loaded = oneEvent(el, 'lw-load');
      el.src = '/points.json';
      document.body.append(el);
      await loaded;
      await el.updateComplete;
      expect(lines(el)).to.have.length(9);
      // A bare point ledger has no hour entries: the earning names its entry.
      expect(text(lines(el)[8]!.querySelector('.kind'))).to.equal('Earned for e0');
      el.remove();
    } finally {
      fetches.restore();
    }
    const wrapper = await fixture(
      html`<lanewise-provider lang="en" .ledger=${sampleProgram()}>
        <points-wallet volunteer="v-wang-fang" as-of=${TODAY}></points-wallet>
      </lanewise-provider>`,
    );
    const el = wrapper.querySelector('points-wallet')!;
    await settle(el);
    expect(lines(el)).to.have.length(3);
  });

  it('shows a skeleton while loading, then says which record and field is bad', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const points = JSON.parse(JSON.stringify(sampleProgram().snapshot().points));
    points.transfers[3].amount = -5;
    const fetches = stubFetch({ '/bad.json': [{ body: points, gate }] });
    try {
      const el = await fixture<PointsWallet>(
        html`<points-wallet lang="en" volunteer="v-li-hua" src="/bad.json"></points-wallet>`,
      );
      expect(q(el, '[part=skeleton]')).to.not.equal(null);
      await expectAccessible(el);
      open();
      await oneEvent(el, 'lw-error');
      await el.updateComplete;
      const alert = text(q(el, '[role=alert]'));
      expect(alert).to.include('transfers');
      expect(alert).to.include('amount');
      await expectAccessible(el);
    } finally {
      fetches.restore();
    }
  });

  it('says the HTTP status of a failed fetch and retries', async () => {
    const fetches = stubFetch({
      '/points.json': [{ status: 404 }, { body: sampleProgram().snapshot() }],
    });
    try {
      const el = await fixture<PointsWallet>(
        html`<points-wallet lang="zh-CN" volunteer="v-li-hua" src="/points.json"></points-wallet>`,
      );
      await waitUntil(() => q(el, '[role=alert]'), 'no error shown');
      expect(text(q(el, '[role=alert]'))).to.include('HTTP 404');
      await expectAccessible(el);
      const loaded = oneEvent(el, 'lw-load');
      (q(el, '[part=retry]') as HTMLButtonElement).click();
      await loaded;
      await el.updateComplete;
      expect(lines(el)).to.have.length(9);
    } finally {
      fetches.restore();
    }
  });

  it('says what will appear with an empty ledger, without a volunteer, and for a newcomer', async () => {
    const empty = createPointsLedger({ now: () => new Date(NOW) });
    const el = await fixture<PointsWallet>(
      html`<points-wallet lang="en" volunteer="v1" .ledger=${empty}></points-wallet>`,
    );
    expect(text(q(el, '[part=empty]'))).to.include('No points yet');
    await expectAccessible(el);
    const nobody = await fixture<PointsWallet>(
      html`<points-wallet lang="en" .data=${sampleProgram().snapshot()}></points-wallet>`,
    );
    expect(text(q(nobody, '[part=empty]'))).to.include('No volunteer chosen');
    await expectAccessible(nobody);
    const newcomer = await fixture<PointsWallet>(
      html`<points-wallet
        lang="en"
        volunteer="v-new"
        .data=${sampleProgram().snapshot()}
      ></points-wallet>`,
    );
    expect(text(q(newcomer, '.no-rows'))).to.equal('No points have moved for this volunteer yet.');
    await expectAccessible(newcomer);
  });

  it('keeps every text field as text', async () => {
    await expectTextOnly(async (payload) => {
      const program = sampleProgram();
      program.hours.record({
        id: 'x1',
        volunteerId: 'v-li-hua',
        activityId: payload,
        start: '2026-12-03T08:00:00+08:00',
        end: '2026-12-03T09:00:00+08:00',
        recordedBy: 'org-zhao',
      });
      program.hours.approve('x1', { by: 'org-sun' });
      program.points.addItem({ id: 'x', name: payload, cost: 1, stock: 2, stationId: 'huana' });
      program.points.redeem({ id: 'rx', volunteerId: 'v-li-hua', itemId: 'x', quantity: 1 });
      program.points.cancel('rx', { reason: payload });
      return fixture<PointsWallet>(
        html`<points-wallet volunteer="v-li-hua" .ledger=${program}></points-wallet>`,
      );
    });
  });
});
