import { expect } from '@open-wc/testing';
import { loadPage } from './support/load-page.js';

type Tile = HTMLElement & { updateComplete: Promise<unknown> };

describe('live page (core in the browser, tiles as live sources)', function () {
  // The first load compiles the page's modules on the test server: allow for a cold start.
  this.timeout(60_000);

  it('updates the tiles as hours are recorded, approved and redeemed', async () => {
    const page = await loadPage('/examples/live/index.html');
    const win = page.defaultView as Window & typeof globalThis;
    await win.customElements.whenDefined('lw-stat');
    const value = async (id: string) => {
      const tile = page.getElementById(id) as Tile;
      await tile.updateComplete;
      return tile.shadowRoot!.querySelector('[part=value]')!.textContent!.replace(/\s+/g, '');
    };
    const click = (id: string) => (page.getElementById(id) as HTMLButtonElement).click();

    expect(await value('hours')).to.equal('0小时');
    for (let i = 0; i < 16; i++) click('record');
    expect(await value('pending')).to.equal('16条');
    click('approve');
    expect(await value('hours')).to.equal('32小时');
    expect(await value('points')).to.equal('320分');
    expect(await value('pending')).to.equal('0条');

    click('redeem');
    expect(await value('points')).to.equal('20分');
    expect(page.getElementById('message')!.textContent).to.match(/^已兑换，取货码 \w+。$/);
    click('redeem');
    expect(page.getElementById('message')!.textContent).to.match(/^INSUFFICIENT_POINTS: /);
    expect(await value('points')).to.equal('20分');
  });
});
