import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { customElement } from 'lit/decorators.js';
import { LanewiseElement } from './lanewise-element.js';
import { defineTerms } from '../localize/dictionaries.js';

const terms = defineTerms({
  en: { hello: 'Hello, {name}', items: { one: '{count} item', other: '{count} items' } },
  'zh-CN': { hello: '你好，{name}', items: '{count} 项' },
});

@customElement('lw-test-base')
class TestBase extends LanewiseElement {
  count = 1;
  act(detail: unknown) {
    return this.emitAction('lw-record', detail);
  }
  say(message: string) {
    this.announce(message);
  }
  protected override render() {
    return html`<p>${this.localize.term(terms, 'hello', { name: 'Li' })}</p>
      <p class="count">${this.localize.plural(terms, 'items', this.count)}</p>`;
  }
}

const text = (el: Element, selector: string) =>
  el.shadowRoot!.querySelector(selector)?.textContent?.trim();

describe('LanewiseElement', () => {
  it('fires actions as bubbling, composed, cancelable events and tells if one was cancelled', async () => {
    const host = await fixture(html`<div><lw-test-base></lw-test-base></div>`);
    const el = host.querySelector<TestBase>('lw-test-base')!;
    const heard = oneEvent(host, 'lw-record');
    expect(el.act({ minutes: 30 })).to.equal(true);
    const event = (await heard) as CustomEvent;
    expect(event.detail).to.deep.equal({ minutes: 30 });
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
    host.addEventListener('lw-record', (e) => e.preventDefault(), { once: true });
    expect(el.act({ minutes: 30 })).to.equal(false);
  });

  it('announces through a polite live region that survives re-renders', async () => {
    const el = await fixture<TestBase>(html`<lw-test-base lang="en"></lw-test-base>`);
    const region = el.shadowRoot!.querySelector('[aria-live=polite]')!;
    el.say('Saved.');
    expect(region.textContent).to.equal('Saved.');
    el.setAttribute('lang', 'zh-CN');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(text(el, 'p')).to.equal('你好，Li');
    expect(el.shadowRoot!.querySelector('[aria-live=polite]')).to.equal(region);
    expect(region.textContent).to.equal('Saved.');
    el.say('Saved.');
    expect(region.textContent).to.equal('');
    await Promise.resolve();
    expect(region.textContent).to.equal('Saved.');
  });

  it('says its own strings with English plurals', async () => {
    const el = await fixture<TestBase>(html`<lw-test-base lang="en"></lw-test-base>`);
    expect(text(el, '.count')).to.equal('1 item');
    el.count = 1200;
    el.requestUpdate();
    await el.updateComplete;
    expect(text(el, '.count')).to.equal('1,200 items');
    el.lang = 'zh-CN';
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(text(el, '.count')).to.equal('1,200 项');
  });

  it('reads the nearest lang through shadow roots', async () => {
    const outer = await fixture(html`<div lang="en"></div>`);
    const shadow = outer.attachShadow({ mode: 'open' });
    shadow.append(document.createElement('lw-test-base'));
    const el = shadow.querySelector<TestBase>('lw-test-base')!;
    await el.updateComplete;
    expect(text(el, 'p')).to.equal('Hello, Li');
  });
});
