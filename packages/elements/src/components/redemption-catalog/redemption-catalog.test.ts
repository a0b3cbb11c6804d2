// The catalogue as a volunteer uses it: each item with why it cannot be taken, in the page's
// language; a redemption confirmed, sent as lw-redeem and made through the core, with the code
// to copy; a field's error beside it; and the whole flow by keyboard alone.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './redemption-catalog.js';
import type { RedemptionCatalog } from './redemption-catalog.js';
import { expectAccessible, q, qa, settle, textOf as text } from '../../testing/index.js';
import { TODAY, sampleProgram } from '../points-wallet/fixtures/sample-points.js';
import { items } from './fixtures/catalog-testing.js';

describe('<redemption-catalog>', () => {
  it('shows each item with cost, stock, station and limit, and why one cannot be taken', async () => {
    const el = await fixture<RedemptionCatalog>(
      html`<redemption-catalog
        lang="en"
        volunteer="v-li-hua"
        as-of=${TODAY}
        .data=${sampleProgram().snapshot()}
      ></redemption-catalog>`,
    );
    expect(text(q(el, '.balance'))).to.equal('Available to you: 50 points');
    expect(items(el).map((item) => text(item.querySelector('.name')))).to.deep.equal([
      '香皂礼盒',
      '大米 10 公斤',
      '纯棉毛巾',
      '观影券',
    ]);
    const soap = items(el)[0]!;
    expect(text(soap.querySelector('[part=cost]'))).to.equal('20 points');
    expect(text(soap.querySelector('.facts'))).to.equal(
      'In stock: 4 Station: huana Limit 1 per quarter: 0 left',
    );
    const reasons = items(el).map((item) => text(item.querySelector('[part=blocked]')));
    expect(reasons).to.deep.equal([
      'Limit reached for this quarter',
      '40 more points needed',
      '',
      'Out of stock',
    ]);
    const buttons = qa(el, '[part=redeem]') as HTMLButtonElement[];
    expect(buttons.map((button) => button.disabled)).to.deep.equal([true, true, false, true]);
    expect(buttons[1]!.getAttribute('aria-describedby')).to.equal('blocked-1');
    await expectAccessible(el);
  });

  it('writes Chinese in a zh-CN page, and re-renders when lang changes', async () => {
    const wrapper = await fixture(
      html`<div lang="zh-CN">
        <redemption-catalog
          volunteer="v-li-hua"
          as-of=${TODAY}
          .data=${sampleProgram().snapshot()}
        ></redemption-catalog>
      </div>`,
    );
    const el = wrapper.querySelector('redemption-catalog')!;
    await el.updateComplete;
    const reasons = items(el).map((item) => text(item.querySelector('[part=blocked]')));
    expect(reasons).to.deep.equal(['本季度已达兑换上限', '还差 40 积分', '', '已兑完']);
    expect(text(items(el)[0]!.querySelector('.facts'))).to.include('每季度限兑 1 件，还可兑 0 件');
    await expectAccessible(el);
    wrapper.setAttribute('lang', 'en');
    await settle(el);
    expect(text(items(el)[3]!.querySelector('[part=blocked]'))).to.equal('Out of stock');
  });

  it('asks to confirm, fires lw-redeem, redeems through the core and shows the code to copy', async () => {
    const program = sampleProgram();
    const el = await fixture<RedemptionCatalog>(
      html`<redemption-catalog
        lang="en"
        volunteer="v-li-hua"
        as-of=${TODAY}
        .ledger=${program}
      ></redemption-catalog>`,
    );
    (qa(el, '[part=redeem]')[2] as HTMLButtonElement).click();
    await settle(el);
    const dialog = q(el, 'dialog.confirm') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(text(dialog.querySelector('h3'))).to.equal('Redeem 纯棉毛巾?');
    expect(el.shadowRoot!.activeElement?.id).to.equal('quantity');
    await expectAccessible(el);
    const quantity = q(el, '#quantity') as HTMLInputElement;
    quantity.value = '2';
    quantity.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(q(el, '#total'))).to.equal('Total: 20 points');
    const fired = oneEvent(el, 'lw-redeem');
    (dialog.querySelector('button[type=submit]') as HTMLButtonElement).click();
    const event = await fired;
    expect(event.detail).to.include({ volunteerId: 'v-li-hua', itemId: 'towel', quantity: 2 });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await settle(el);
    const made = program.points.getRedemption(event.detail.id)!;
    expect(made.status).to.equal('reserved');
    expect(dialog.open).to.equal(false);
    expect(text(q(el, '[part=code]'))).to.equal(made.pickupCode);
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[part=pickup]'));
    expect(text(q(el, '[part=announcer]'))).to.include(`Pickup code ${made.pickupCode}`);
    expect(text(q(el, '.balance'))).to.equal('Available to you: 30 points');
    await expectAccessible(el);

    const clipboard = navigator.clipboard;
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (value: string) => void (copied = value) },
    });
    try {
      (q(el, '[part=copy]') as HTMLButtonElement).click();
      await waitUntil(() => text(q(el, '.copy-message')) !== '');
      expect(copied).to.equal(made.pickupCode);
      expect(text(q(el, '.copy-message'))).to.equal('Code copied.');
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
      (q(el, '[part=copy]') as HTMLButtonElement).click();
      await waitUntil(() => text(q(el, '.copy-message')).startsWith('Could not copy'));
      expect(String(window.getSelection())).to.equal(made.pickupCode);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('changes nothing when lw-redeem is cancelled, and sends the event alone without a live ledger', async () => {
    const program = sampleProgram();
    const before = program.snapshot();
    const el = await fixture<RedemptionCatalog>(
      html`<redemption-catalog
        lang="en"
        volunteer="v-li-hua"
        as-of=${TODAY}
        .ledger=${program}
        @lw-redeem=${(event: Event) => event.preventDefault()}
      ></redemption-catalog>`,
    );
    (qa(el, '[part=redeem]')[2] as HTMLButtonElement).click();
    await settle(el);
    (q(el, 'dialog.confirm button[type=submit]') as HTMLButtonElement).click();
    await settle(el);
    expect(program.snapshot()).to.equal(before);
    expect(q(el, '[part=pickup]')).to.equal(null);

    const page = await fixture<RedemptionCatalog>(
      html`<redemption-catalog
        lang="en"
        volunteer="v-li-hua"
        as-of=${TODAY}
        .data=${sampleProgram().snapshot()}
      ></redemption-catalog>`,
    );
    (qa(page, '[part=redeem]')[2] as HTMLButtonElement).click();
    await settle(page);
    const fired = oneEvent(page, 'lw-redeem');
    (q(page, 'dialog.confirm button[type=submit]') as HTMLButtonElement).click();
    expect((await fired).detail.itemId).to.equal('towel');
    await settle(page);
    expect(text(q(page, '[part=pickup]'))).to.include('Request for 纯棉毛巾 × 1 sent.');
    expect(q(page, '[part=code]')).to.equal(null);
  });

  it('shows a field’s error beside it, from the form and from the core, in the page’s language', async () => {
    const program = sampleProgram();
    program.points.addItem({
      id: 'tea',
      name: '茶叶',
      cost: 5,
      stock: 3,
      stationId: 'nanmen',
      limit: { count: 2, per: 'month' },
    });
    // The page still shows three in stock; another volunteer has taken two since.
    const stale = program.snapshot();
    program.hours.record({
      id: 'w2',
      volunteerId: 'v-wang-fang',
      activityId: '助老探访',
      start: '2026-12-03T07:00:00+08:00',
      end: '2026-12-03T09:00:00+08:00',
      recordedBy: 'org-zhao',
    });
    program.hours.approve('w2', { by: 'org-sun' });
    program.points.redeem({ id: 'r-w', volunteerId: 'v-wang-fang', itemId: 'tea', quantity: 2 });
    const live = { subscribe: () => () => {}, snapshot: () => stale, points: program.points };
    const el = await fixture<RedemptionCatalog>(
      html`<redemption-catalog
        lang="zh-CN"
        volunteer="v-li-hua"
        as-of=${TODAY}
        .ledger=${live}
      ></redemption-catalog>`,
    );
    let fired = 0;
    el.addEventListener('lw-redeem', () => (fired += 1));
    (qa(el, '[part=redeem]')[4] as HTMLButtonElement).click();
    await settle(el);
    const quantity = q(el, '#quantity') as HTMLInputElement;
    const submit = q(el, 'dialog.confirm button[type=submit]') as HTMLButtonElement;
    const tryQuantity = async (value: string) => {
      quantity.value = value;
      quantity.dispatchEvent(new Event('input'));
      submit.click();
      await settle(el);
      return text(q(el, '#quantity-error'));
    };
    expect(await tryQuantity('')).to.equal('请填写此项。');
    expect(await tryQuantity('1.5')).to.match(/整数/);
    expect(await tryQuantity('4')).to.equal('库存只有 3 件。');
    expect(await tryQuantity('3')).to.equal('本月您还可兑换 2 件。');
    expect(fired).to.equal(0);
    // Two fit what the page shows; the core, which has one left, says otherwise.
    const message = await tryQuantity('2');
    expect(fired).to.equal(1);
    expect(message).to.not.include('OUT_OF_STOCK');
    expect(message).to.match(/库存/);
    expect(quantity.getAttribute('aria-invalid')).to.equal('true');
    expect((q(el, 'dialog.confirm') as HTMLDialogElement).open).to.equal(true);
    expect(program.points.getItem('tea')!.stock).to.equal(1);
    await expectAccessible(el);
  });
});

describe('<redemption-catalog> by keyboard', () => {
  it('redeems with the keyboard alone, and Escape leaves the dialog without redeeming', async () => {
    const program = sampleProgram();
    const el = await fixture<RedemptionCatalog>(
      html`<redemption-catalog
        lang="en"
        volunteer="v-li-hua"
        as-of=${TODAY}
        .ledger=${program}
      ></redemption-catalog>`,
    );
    const towel = qa(el, '[part=redeem]')[2] as HTMLButtonElement;
    towel.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const dialog = q(el, 'dialog.confirm') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.equal(false);
    expect(program.points.snapshot().redemptions).to.have.length(4);

    towel.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('quantity');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '3' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const made = program.points.snapshot().redemptions.at(-1)!;
    expect(made).to.include({ itemId: 'towel', quantity: 3, status: 'reserved' });
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[part=pickup]'));
  });
});
