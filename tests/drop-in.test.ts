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
