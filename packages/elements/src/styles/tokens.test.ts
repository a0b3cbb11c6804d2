import { expect, fixture, html } from '@open-wc/testing';
import '../components/lw-stat/lw-stat.js';
import { darkTokens, lightTokens } from './tokens.js';

/** The computed colour of a CSS colour value, as the browser writes it (rgb(...)). */
function resolved(colour: string): string {
  const probe = document.createElement('span');
  probe.style.color = colour;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

const labelColour = (host: Element) =>
  getComputedStyle(host.shadowRoot!.querySelector('[part=label]')!).color;

describe('design tokens', () => {
  it('use the light colours by default and the dark ones under color-scheme: dark', async () => {
    const light = await fixture(html`<div><lw-stat label="a" value="1"></lw-stat></div>`);
    expect(labelColour(light.querySelector('lw-stat')!)).to.equal(
      resolved(lightTokens['color-muted']),
    );
    const dark = await fixture(
      html`<div style="color-scheme: dark"><lw-stat label="a" value="1"></lw-stat></div>`,
    );
    expect(labelColour(dark.querySelector('lw-stat')!)).to.equal(
      resolved(darkTokens['color-muted']),
    );
  });

  it('take a page value set on an ancestor or on the element itself', async () => {
    const page = await fixture(
      html`<div style="--lw-color-muted: rgb(1, 2, 3)">
        <lw-stat label="a" value="1"></lw-stat>
      </div>`,
    );
    expect(labelColour(page.querySelector('lw-stat')!)).to.equal('rgb(1, 2, 3)');
    const own = await fixture(
      html`<lw-stat style="--lw-color-muted: rgb(4, 5, 6)" label="a" value="1"></lw-stat>`,
    );
    expect(labelColour(own)).to.equal('rgb(4, 5, 6)');
  });
});
