// The provider defined first and the widgets defined later, after both are on the page.
import { expect, fixture, html } from '@open-wc/testing';
import './lanewise-provider.js';
import type { LwTestList } from '../../testing/test-widget.js';

describe('<lanewise-provider> defined before the widgets inside it', () => {
  it('feeds widgets upgraded after it', async () => {
    expect(customElements.get('lw-test-list')).to.equal(undefined);
    const provider = await fixture(
      html`<lanewise-provider .data=${{ items: [{ id: 'a', name: 'Early', minutes: 5 }] }}>
        <lw-test-list></lw-test-list>
      </lanewise-provider>`,
    );
    await import('../../testing/test-widget.js');
    const el = provider.querySelector('lw-test-list') as LwTestList;
    await el.updateComplete;
    expect(el.feed.origin).to.equal('provider');
    expect(el.shadowRoot!.querySelector('[part=name]')!.textContent).to.equal('Early');
  });
});
