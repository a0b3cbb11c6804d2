import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './lanewise-provider.js';
import '../../testing/test-widget.js';
import { names, type ListDocument, type LwTestList } from '../../testing/test-widget.js';
import { expectAccessible, FakeLive, shadowText as text, stubFetch } from '../../testing/index.js';
import type { LanewiseProvider } from './lanewise-provider.js';

const doc: ListDocument = { items: [{ id: 'a', name: 'Shared', minutes: 60 }] };

async function widgets(provider: Element) {
  const found = [...provider.querySelectorAll('lw-test-list')];
  await Promise.all(found.map((el) => el.updateComplete));
  return found;
}

describe('<lanewise-provider>', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('gives its data to every widget inside, nested or not', async () => {
    const provider = await fixture<LanewiseProvider>(
      html`<lanewise-provider .data=${doc}>
        <lw-test-list></lw-test-list>
        <div><lw-test-list></lw-test-list></div>
      </lanewise-provider>`,
    );
    for (const el of await widgets(provider)) {
      expect(el.feed.origin).to.equal('provider');
      expect(names(el)).to.deep.equal(['Shared']);
    }
    provider.data = { items: [{ id: 'b', name: 'Changed', minutes: 1 }] };
    await provider.updateComplete;
    for (const el of await widgets(provider)) expect(names(el)).to.deep.equal(['Changed']);
    await expectAccessible(provider);
  });

  it('fetches its src once for all the widgets inside', async () => {
    const stub = stubFetch({ '/shared.json': [{ body: doc }] });
    restore = stub.restore;
    const provider = document.createElement('lanewise-provider');
    provider.src = '/shared.json';
    provider.append(document.createElement('lw-test-list'), document.createElement('lw-test-list'));
    const loaded = oneEvent(provider, 'lw-load');
    document.body.append(provider);
    const first = provider.firstElementChild as LwTestList;
    await first.updateComplete;
    expect(first.feed.state).to.equal('loading');
    expect(first.shadowRoot!.querySelector('[part=skeleton]')).to.exist;
    await loaded;
    await provider.updateComplete;
    for (const el of await widgets(provider)) expect(names(el)).to.deep.equal(['Shared']);
    expect(stub.calls).to.have.length(1);
    provider.remove();
  });

  it('shows its failed fetch in each widget, and a retry there fetches again', async () => {
    const stub = stubFetch({ '/gone.json': [{ status: 404 }, { body: doc }] });
    restore = stub.restore;
    const provider = document.createElement('lanewise-provider');
    provider.lang = 'en';
    provider.src = '/gone.json';
    provider.append(document.createElement('lw-test-list'), document.createElement('lw-test-list'));
    const failed = oneEvent(provider, 'lw-error');
    document.body.append(provider);
    expect((await failed).detail.failure).to.deep.include({ kind: 'http', status: 404 });
    const [first, second] = await widgets(provider);
    expect(text(first!, '[part=error-message]')).to.match(/HTTP 404\.$/);
    expect(text(second!, '[part=error-message]')).to.match(/HTTP 404\.$/);
    await expectAccessible(first!);
    const loaded = oneEvent(provider, 'lw-load');
    first!.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await loaded;
    await provider.updateComplete;
    for (const el of await widgets(provider)) expect(names(el)).to.deep.equal(['Shared']);
    expect(stub.calls).to.have.length(2);
    provider.remove();
  });

  it('shares live objects by name; a widget with its own source uses its own', async () => {
    const live = new FakeLive<ListDocument>(doc);
    const provider = await fixture<LanewiseProvider>(
      html`<lanewise-provider .ledger=${live} .data=${{ items: [] }}>
        <lw-test-list></lw-test-list>
        <lw-test-list .data=${{ items: [{ id: 'o', name: 'Own', minutes: 2 }] }}></lw-test-list>
      </lanewise-provider>`,
    );
    const [shared, own] = await widgets(provider);
    expect(names(shared!)).to.deep.equal(['Shared']);
    expect(names(own!)).to.deep.equal(['Own']);
    expect(own!.feed.origin).to.equal('data');
    live.set({ items: [{ id: 'n', name: 'Next', minutes: 3 }] });
    await shared!.updateComplete;
    expect(names(shared!)).to.deep.equal(['Next']);
    expect(live.listenerCount).to.equal(1);
    own!.data = undefined;
    await own!.updateComplete;
    expect(names(own!)).to.deep.equal(['Next']);
    // Taken out of the provider, a widget falls back to its empty state.
    document.body.append(shared!);
    await shared!.updateComplete;
    expect(shared!.feed.origin).to.equal('none');
    expect(live.listenerCount).to.equal(1);
    shared!.remove();
  });

  it('is defined once even when its module runs twice', async () => {
    const { defineElement } = await import('../../base/define.js');
    const Provider = customElements.get('lanewise-provider')!;
    expect(() => defineElement('lanewise-provider', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('lanewise-provider')).to.equal(Provider);
  });
});
