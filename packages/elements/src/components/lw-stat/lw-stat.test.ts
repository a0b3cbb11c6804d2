import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './lw-stat.js';
import type { LwStat } from './lw-stat.js';
import type { LiveSource } from '../../controllers/live-source.js';

const shadowText = (el: Element, selector: string) =>
  el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

const fixtureUrl = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).href;

describe('<lw-stat>', () => {
  it('shows label, value and unit from attributes alone, and is accessible', async () => {
    const el = await fixture<LwStat>(
      html`<lw-stat label="Satisfaction" value="98.32" unit="%"></lw-stat>`,
    );
    expect(shadowText(el, '[part=label]')).to.equal('Satisfaction');
    expect(shadowText(el, '[part=value]')).to.equal('98.32%');
    await expect(el).to.be.accessible();
  });

  it('formats numbers in the language of the nearest lang attribute', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><lw-stat label="Actions" value="3362"></lw-stat></div>`,
    );
    const el = wrapper.querySelector('lw-stat')!;
    expect(shadowText(el, '[part=value]')).to.equal('3,362');
    wrapper.setAttribute('lang', 'de');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    // Anything not English falls back to zh-CN, which groups thousands with a comma too.
    expect(shadowText(el, '[part=value]')).to.equal('3,362');
  });

  it('keeps text values as text, never as markup', async () => {
    const el = await fixture<LwStat>(
      html`<lw-stat label=${'<b>x</b>'} value=${'<img src=x onerror=alert(1)>'}></lw-stat>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(shadowText(el, '[part=value]')).to.equal('<img src=x onerror=alert(1)>');
  });

  it('loads a src URL and fires lw-load', async () => {
    const el = document.createElement('lw-stat');
    const loaded = oneEvent(el, 'lw-load');
    el.src = fixtureUrl('stat.json');
    document.body.append(el);
    const event = await loaded;
    await el.updateComplete;
    expect(event.detail.value).to.equal(99.6);
    expect(shadowText(el, '[part=label]')).to.equal('On time');
    expect(el.shadowRoot!.querySelector('[part=value]')!.getAttribute('data-tone')).to.equal(
      'good',
    );
    expect(shadowText(el, '[part=caption]')).to.equal('Shangrao, 1,640 items');
    el.remove();
  });

  it('says clearly when src fails to load, or holds bad data', async () => {
    const missing = await fixture<LwStat>(
      html`<lw-stat lang="en" label="x" src=${fixtureUrl('nope.json')}></lw-stat>`,
    );
    await oneEvent(missing, 'lw-error');
    await missing.updateComplete;
    expect(shadowText(missing, '[part=error-message]')).to.match(
      /^Could not load .*nope\.json: the server answered HTTP 404\.$/,
    );
    expect(missing.shadowRoot!.querySelector('[role=alert] [part=retry]')).to.exist;

    const bad = await fixture<LwStat>(
      html`<lw-stat lang="en" src=${fixtureUrl('bad.json')}></lw-stat>`,
    );
    const event = await oneEvent(bad, 'lw-error');
    await bad.updateComplete;
    expect(event.detail.message).to.equal(
      'The data has a mistake: field “value”: must be a number',
    );
    expect(shadowText(bad, '[role=alert] [part=error-message]')).to.equal(event.detail.message);
  });

  it('takes a data property, and the last source set wins over a pending src', async () => {
    const el = await fixture<LwStat>(html`<lw-stat src=${fixtureUrl('stat.json')}></lw-stat>`);
    el.data = { label: 'Hours', value: 12, unit: 'h' };
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(shadowText(el, '[part=label]')).to.equal('Hours');
    expect(shadowText(el, '[part=value]')).to.equal('12h');
  });

  it('follows a live source until it is removed from the page', async () => {
    let value = 1;
    const listeners = new Set<() => void>();
    const live: LiveSource = {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      snapshot: () => ({ label: 'Points', value }),
    };
    const el = await fixture<LwStat>(html`<lw-stat .source=${live}></lw-stat>`);
    expect(shadowText(el, '[part=value]')).to.equal('1');
    value = 2;
    listeners.forEach((listener) => listener());
    await el.updateComplete;
    expect(shadowText(el, '[part=value]')).to.equal('2');
    el.remove();
    expect(listeners.size).to.equal(0);
  });

  it('is defined once even when its module runs twice', async () => {
    const { defineElement } = await import('../../base/define.js');
    const Stat = customElements.get('lw-stat')!;
    expect(() => defineElement('lw-stat', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('lw-stat')).to.equal(Stat);
  });
});

describe('<lw-stat> states', () => {
  it('is accessible while loading and after a failed fetch, and keeps fed text as text', async () => {
    const { stubFetch, expectAccessible, expectTextOnly } = await import('../../testing/index.js');
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { restore } = stubFetch({ '/stat-slow.json': [{ status: 500, gate }] });
    try {
      const el = await fixture<LwStat>(html`<lw-stat src="/stat-slow.json"></lw-stat>`);
      expect(el.shadowRoot!.querySelector('[part=skeleton] .lw-bar-figure')).to.exist;
      await expectAccessible(el);
      const failed = oneEvent(el, 'lw-error');
      open();
      await failed;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role=alert] [part=retry]')).to.exist;
      await expectAccessible(el);
    } finally {
      restore();
    }
    await expectTextOnly((text) =>
      fixture(
        html`<lw-stat .data=${{ label: text, value: text, unit: text, caption: text }}></lw-stat>`,
      ),
    );
  });
});
