// The context protocol's known pitfall: the widgets are defined and on the page before the
// provider around them is defined. Nothing here may import the provider before the test does.
import { expect, fixture, html } from '@open-wc/testing';
import '../../testing/test-widget.js';
import { names, type ListDocument, type LwTestList } from '../../testing/test-widget.js';

describe('<lanewise-provider> defined after the widgets inside it', () => {
  it('feeds widgets that were upgraded before it', async () => {
    expect(customElements.get('lanewise-provider')).to.equal(undefined);
    const doc: ListDocument = { items: [{ id: 'a', name: 'Late', minutes: 5 }] };
    const outer = await fixture(
      html`<div>
        <lanewise-provider .data=${doc}>
          <lw-test-list></lw-test-list>
          <section><lw-test-list></lw-test-list></section>
        </lanewise-provider>
      </div>`,
    );
    const found = [...outer.querySelectorAll<LwTestList>('lw-test-list')];
    for (const el of found) {
      await el.updateComplete;
      expect(el.feed.origin).to.equal('none');
    }
    await import('./lanewise-provider.js');
    const provider = outer.querySelector('lanewise-provider')!;
    await provider.updateComplete;
    for (const el of found) {
      await el.updateComplete;
      expect(el.feed.origin).to.equal('provider');
      expect(names(el)).to.deep.equal(['Late']);
    }
  });
});
