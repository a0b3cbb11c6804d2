import { expect } from '@open-wc/testing';
import { loadPage } from './support/load-page.js';

type Widget = HTMLElement & { updateComplete: Promise<unknown> };

const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const frames = async (count = 2) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};
async function until<T>(read: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Yesterday 09:00 and 11:00 in Shanghai, as `datetime-local` values. */
function yesterdayMorning(): [string, string] {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    Date.now() - 86_400_000,
  );
  return [`${day}T09:00`, `${day}T11:00`];
}

describe('live page (a programme in the page, every widget through one provider)', function () {
  // The first load compiles the page's modules on the test server: allow for a cold start.
  this.timeout(60_000);

  it('records, approves, earns, redeems and hands out, each widget following the programme', async () => {
    const page = await loadPage('/examples/live/index.html');
    const win = page.defaultView as Window & typeof globalThis;
    await win.customElements.whenDefined('volunteer-ledger');
    await until(() => /已从/.test(page.getElementById('status')!.textContent ?? ''), 'the rebuild');
    const ledger = page.querySelector<Widget>('volunteer-ledger')!;
    const wallet = page.querySelector<Widget>('points-wallet')!;
    const catalog = page.querySelector<Widget>('redemption-catalog[volunteer]')!;
    const station = page.querySelector<Widget>('redemption-catalog[role=station]')!;
    const root = (el: Widget) => el.shadowRoot!;
    const available = () =>
      Number(text(root(wallet).querySelector('.balance.available .value')).replace(/[^\d-]/g, ''));
    await until(() => root(wallet).querySelector('.balance.available'), 'the wallet');
    const before = available();

    // The organiser records two hours for v-li-hua yesterday morning.
    const [start, end] = yesterdayMorning();
    const set = (name: string, value: string) =>
      (root(ledger).querySelector<HTMLInputElement>(`[name=${name}]`)!.value = value);
    set('volunteer', 'v-li-hua');
    set('activity', '助老探访');
    set('start', start);
    set('end', end);
    root(ledger).querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await ledger.updateComplete;
    const row = await until(
      () =>
        [...root(ledger).querySelectorAll('.body [role=row]')].find(
          (one) =>
            one.querySelector('.time')?.textContent === '09:00–11:00' &&
            one.querySelector('.volunteer')?.textContent === 'v-li-hua' &&
            one.getAttribute('data-status') === 'pending',
        ),
      'the new row',
    );
    expect(text(root(ledger).querySelector('[part=announcer]'))).to.include('已登记');

    // Approving it earns 20 points (10 an hour) in the wallet.
    row.querySelector<HTMLButtonElement>('[part~=approve]')!.click();
    await until(() => available() === before + 20, 'the earned points');

    // Redeeming the 120-point detergent holds its cost and gives a pickup code...
    await catalog.updateComplete;
    const item = [...root(catalog).querySelectorAll('[part=item]')].find((one) =>
      text(one).includes('洗衣液'),
    )!;
    item.querySelector<HTMLButtonElement>('[part=redeem]')!.click();
    await catalog.updateComplete;
    await frames();
    root(catalog).querySelector<HTMLButtonElement>('dialog.confirm button[type=submit]')!.click();
    const code = text(await until(() => root(catalog).querySelector('[part=code]'), 'the code'));
    expect(code).to.match(/^\w{6,}$/);
    await until(() => available() === before + 20 - 120, 'the held points');

    // ...which the station finds among its open reservations and hands out.
    await station.updateComplete;
    const reservation = await until(
      () =>
        [...root(station).querySelectorAll('[part=reservation]')].find((one) =>
          text(one).includes(code),
        ),
      'the reservation at the station',
    );
    reservation.querySelector<HTMLButtonElement>('[part=fulfil]')!.click();
    await until(
      () =>
        ![...root(station).querySelectorAll('[part=reservation]')].some((one) =>
          text(one).includes(code),
        ),
      'the handed-out reservation to leave the list',
    );
  });
});
