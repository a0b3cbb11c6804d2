import { expect } from '@open-wc/testing';
import { loadPage } from './support/load-page.js';

describe('drop-in page (CDN bundle only)', function () {
  // The first load compiles the page's modules on the test server: allow for a cold start.
  this.timeout(60_000);

  it('renders every <lw-stat> from attributes alone', async () => {
    const page = await loadPage('/examples/drop-in/index.html');
    const win = page.defaultView as Window & typeof globalThis;
    await win.customElements.whenDefined('lw-stat');
    const tiles = [...page.querySelectorAll('lw-stat')];
    expect(tiles.length).to.be.greaterThan(3);
    for (const tile of tiles)
      await (tile as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const first = tiles[0]!.shadowRoot!;
    expect(first.querySelector('[part=label]')!.textContent).to.equal('群众满意率');
    expect(first.querySelector('[part=value]')!.textContent!.replace(/\s+/g, '')).to.equal(
      '98.32%',
    );
    // The only script on the page is the CDN file: no bare imports left for the browser to resolve.
    const source = await (await fetch('/examples/drop-in/index.html')).text();
    // The test server injects its own web-socket script into every page it serves.
    const scripts = [...source.matchAll(/<script\b[^>]*>/g)]
      .map((match) => match[0])
      .filter((tag) => !tag.includes('/__web-dev-server'));
    expect(scripts).to.deep.equal([
      '<script type="module" src="../../packages/elements/dist/lanewise.min.js">',
    ]);
  });
});

const WIDGET_PAGES = [
  'volunteer-ledger',
  'points-wallet',
  'redemption-catalog',
  'volunteer-certificate',
  'case-intake',
  'case-board',
  'ratio-721',
  'satisfaction-panel',
];

describe('drop-in pages of the widgets (CDN file, attributes and JSON only)', function () {
  this.timeout(60_000);

  for (const tag of WIDGET_PAGES) {
    it(`<${tag}>: linked from the index, one script, every instance renders without an error`, async () => {
      const index = await (await fetch('/examples/drop-in/index.html')).text();
      expect(index).to.include(`href="${tag}.html"`);
      const source = await (await fetch(`/examples/drop-in/${tag}.html`)).text();
      const scripts = [...source.matchAll(/<script\b[^>]*>/g)]
        .map((match) => match[0])
        .filter((one) => !one.includes('/__web-dev-server'));
      expect(scripts).to.deep.equal([
        '<script type="module" src="../../packages/elements/dist/lanewise.min.js">',
      ]);
      const page = await loadPage(`/examples/drop-in/${tag}.html`);
      const win = page.defaultView as Window & typeof globalThis;
      await win.customElements.whenDefined(tag);
      const widgets = [...page.querySelectorAll(tag)];
      expect(widgets.length).to.be.greaterThan(0);
      for (const widget of widgets) {
        // Ready once it is past its skeleton; an error box would mean a bad page or document.
        for (let i = 0; i < 250 && widget.shadowRoot?.querySelector('[part=skeleton]'); i++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        // Booleans, not elements: an element of the page's frame cannot be reported across.
        const still = Boolean(widget.shadowRoot!.querySelector('[part=skeleton]'));
        const failed = widget.shadowRoot!.querySelector('[part=error]')?.textContent?.trim();
        expect(still, `${tag} still loading`).to.equal(false);
        expect(failed ?? '', `${tag} shows an error`).to.equal('');
        expect(widget.shadowRoot!.textContent!.trim().length, tag).to.be.greaterThan(20);
      }
      page.defaultView!.frameElement!.remove();
    });
  }
});
