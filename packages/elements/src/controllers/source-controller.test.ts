import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../testing/test-widget.js';
import { names, type ListDocument, type LwTestList } from '../testing/test-widget.js';
import {
  expectAccessible,
  expectTextOnly,
  FakeLive,
  shadowText as text,
  stubFetch,
} from '../testing/index.js';

const fixtureUrl = new URL('./fixtures/list.json', import.meta.url).href;
const doc: ListDocument = {
  items: [
    { id: 'a', name: 'Cooking', minutes: 150 },
    { id: 'b', name: 'Delivery', minutes: 45 },
  ],
};

/** Resolves after the widget has settled from its pending fetch and rendered. */
async function settled(el: LwTestList, event: 'lw-load' | 'lw-error') {
  const detail = (await oneEvent(el, event)).detail;
  await el.updateComplete;
  return detail;
}

describe('SourceController', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  describe('src', () => {
    it('fetches JSON, validates it and shows it', async () => {
      const el = document.createElement('lw-test-list');
      el.setAttribute('lang', 'en');
      el.src = fixtureUrl;
      const loaded = oneEvent(el, 'lw-load');
      document.body.append(el);
      const value = (await loaded).detail as ListDocument;
      await el.updateComplete;
      expect(value.items).to.have.length(2);
      expect(el.feed.origin).to.equal('src');
      expect(text(el, '[part=title]')).to.equal('Community kitchen');
      expect(names(el)).to.deep.equal(['Cooking', 'Delivery']);
      expect(text(el, '[part=count]')).to.equal('2 entries');
      await expectAccessible(el);
      el.remove();
    });

    it('shows a skeleton of the widget while it loads', async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      restore = stubFetch({ '/slow.json': [{ body: doc, gate }] }).restore;
      const el = await fixture<LwTestList>(html`<lw-test-list src="/slow.json"></lw-test-list>`);
      const skeleton = el.shadowRoot!.querySelector('[part=skeleton]')!;
      expect(el.feed.state).to.equal('loading');
      expect(skeleton.getAttribute('role')).to.equal('status');
      expect(skeleton.querySelectorAll('.lw-skeleton-row')).to.have.length(3);
      expect(text(el, '[part=skeleton]')).to.equal('加载中…');
      await expectAccessible(el);
      const loaded = settled(el, 'lw-load');
      open();
      await loaded;
      expect(names(el)).to.deep.equal(['Cooking', 'Delivery']);
    });

    it('says the HTTP status of a failed fetch and retries it, in zh-CN and en', async () => {
      const stub = stubFetch({
        '/flaky.json': [{ status: 503, body: { error: 'busy' } }, { body: doc }],
      });
      restore = stub.restore;
      const el = document.createElement('lw-test-list');
      el.src = '/flaky.json';
      const failed = oneEvent(el, 'lw-error');
      document.body.append(el);
      const { message } = (await failed).detail as { message: string };
      await el.updateComplete;
      expect(message).to.match(/^无法加载 .*\/flaky\.json：服务器返回 HTTP 503。$/);
      expect(el.shadowRoot!.querySelector('[role=alert]')).to.exist;
      expect(text(el, '[part=error-message]')).to.equal(message);
      expect(text(el, '[part=retry]')).to.equal('重试');
      await expectAccessible(el);

      el.setAttribute('lang', 'en-GB');
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(text(el, '[part=error-message]')).to.match(
        /^Could not load .*\/flaky\.json: the server answered HTTP 503\.$/,
      );
      expect(text(el, '[part=retry]')).to.equal('Try again');

      const loaded = settled(el, 'lw-load');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
      await loaded;
      expect(stub.calls).to.have.length(2);
      expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
      expect(names(el)).to.deep.equal(['Cooking', 'Delivery']);
      el.remove();
    });

    it('says when the server cannot be reached, or answers with something other than JSON', async () => {
      restore = stubFetch({
        '/down.json': ['network-error'],
        '/page.html': [{ text: '<!doctype html><p>hello' }],
      }).restore;
      const down = document.createElement('lw-test-list');
      down.lang = 'en';
      down.src = '/down.json';
      const failed = settled(down, 'lw-error');
      document.body.append(down);
      expect(((await failed) as { message: string }).message).to.match(
        /^Could not reach .*\/down\.json\. Check the connection and try again\.$/,
      );
      expect(down.shadowRoot!.querySelector('[part=retry]')).to.exist;
      down.src = '/page.html';
      expect(((await settled(down, 'lw-error')) as { message: string }).message).to.match(
        /\/page\.html did not answer with JSON\.$/,
      );
      down.remove();
    });

    it('aborts the pending fetch when src changes, and shows only the newer document', async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const stub = stubFetch({
        '/old.json': [{ body: { items: [{ id: 'o', name: 'Old', minutes: 1 }] }, gate }],
        '/new.json': [{ body: { items: [{ id: 'n', name: 'New', minutes: 2 }] } }],
      });
      restore = stub.restore;
      const el = await fixture<LwTestList>(html`<lw-test-list src="/old.json"></lw-test-list>`);
      const loads: unknown[] = [];
      el.addEventListener('lw-load', (event) => loads.push((event as CustomEvent).detail));
      el.src = '/new.json';
      await settled(el, 'lw-load');
      expect(stub.signals[0]!.aborted).to.equal(true);
      expect(stub.signals[1]!.aborted).to.equal(false);
      open();
      await gate;
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['New']);
      expect(loads).to.have.length(1);
      expect(stub.calls.map((url) => url.split('/').pop())).to.deep.equal(['old.json', 'new.json']);
    });

    it('aborts a pending fetch when the widget leaves the page', async () => {
      const stub = stubFetch({ '/held.json': [{ body: doc, gate: new Promise(() => {}) }] });
      restore = stub.restore;
      const el = await fixture<LwTestList>(html`<lw-test-list src="/held.json"></lw-test-list>`);
      expect(stub.signals[0]!.aborted).to.equal(false);
      el.remove();
      expect(stub.signals[0]!.aborted).to.equal(true);
    });
  });

  describe('data', () => {
    it('shows a valid document', async () => {
      const el = await fixture<LwTestList>(html`<lw-test-list .data=${doc}></lw-test-list>`);
      expect(el.feed.state).to.equal('ready');
      expect(names(el)).to.deep.equal(['Cooking', 'Delivery']);
      expect(text(el, 'li [part=duration]')).to.equal('2 小时 30 分');
      expect(text(el, '[part=count]')).to.equal('2 条记录');
    });

    it('names the bad record and field, in the page language', async () => {
      const bad = { items: [doc.items[0], { id: 'b-7', name: 'Delivery', minutes: 1.5 }] };
      const wrapper = await fixture(
        html`<div lang="zh-CN"><lw-test-list .data=${bad}></lw-test-list></div>`,
      );
      const el = wrapper.querySelector('lw-test-list')!;
      await el.updateComplete;
      expect(el.feed.state).to.equal('error');
      expect(text(el, '[role=alert] [part=error-message]')).to.equal(
        '数据有误：items 的第 2 条记录（“b-7”），字段“minutes”：应为整数',
      );
      expect(el.shadowRoot!.querySelector('[part=retry]')).to.equal(null);
      await expectAccessible(el);
      wrapper.setAttribute('lang', 'en');
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(text(el, '[part=error-message]')).to.equal(
        'The data has a mistake: in items, record 2 (“b-7”), field “minutes”: must be a whole number',
      );
      await expectAccessible(el);
    });

    it('names a missing field outside any list, and a document that is not an object', async () => {
      const el = await fixture<LwTestList>(
        html`<lw-test-list lang="en" .data=${{ title: 'x' }}></lw-test-list>`,
      );
      expect(text(el, '[part=error-message]')).to.equal(
        'The data has a mistake: field “items”: is required',
      );
      el.data = 'nonsense';
      await el.updateComplete;
      expect(text(el, '[part=error-message]')).to.equal(
        'The data has a mistake: must be an object',
      );
    });

    it('shows the empty state: what will appear here and how', async () => {
      const el = await fixture<LwTestList>(
        html`<lw-test-list lang="en" .data=${{ items: [] }}></lw-test-list>`,
      );
      expect(el.feed.state).to.equal('empty');
      expect(text(el, '[part=empty-title]')).to.equal('No items yet.');
      expect(text(el, '[part=empty-hint]')).to.equal('Items appear here once they are recorded.');
      await expectAccessible(el);
      const unfed = await fixture<LwTestList>(html`<lw-test-list></lw-test-list>`);
      expect(unfed.feed.origin).to.equal('none');
      expect(text(unfed, '[part=empty-hint]')).to.equal(
        '为此组件设置 src、data 或实时对象后，内容将显示在这里。',
      );
      await expectAccessible(unfed);
    });

    it('lets the last source set win', async () => {
      const el = await fixture<LwTestList>(html`<lw-test-list .data=${doc}></lw-test-list>`);
      el.src = fixtureUrl;
      await settled(el, 'lw-load');
      expect(text(el, '[part=title]')).to.equal('Community kitchen');
      el.data = { items: [{ id: 'z', name: 'Later', minutes: 5 }] };
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Later']);
      el.data = undefined;
      await settled(el, 'lw-load');
      expect(el.feed.origin).to.equal('src');
    });
  });

  describe('a live object', () => {
    it('follows every change, reads once per render, and lets go when removed', async () => {
      const live = new FakeLive<ListDocument>({ items: [] });
      const el = await fixture<LwTestList>(html`<lw-test-list .ledger=${live}></lw-test-list>`);
      expect(el.feed.state).to.equal('empty');
      expect(live.listenerCount).to.equal(1);
      const reads = live.reads;
      live.set({ items: [{ id: 'a', name: 'One', minutes: 1 }] });
      live.set(doc);
      live.set({ items: [...doc.items, { id: 'c', name: 'Three', minutes: 3 }] });
      await el.updateComplete;
      expect(live.reads - reads).to.equal(1);
      expect(names(el)).to.deep.equal(['Cooking', 'Delivery', 'Three']);
      const parent = el.parentNode!;
      el.remove();
      expect(live.listenerCount).to.equal(0);
      parent.append(el);
      await el.updateComplete;
      expect(live.listenerCount).to.equal(1);
      live.set(doc);
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Cooking', 'Delivery']);
      el.ledger = undefined;
      await el.updateComplete;
      expect(live.listenerCount).to.equal(0);
      expect(el.feed.state).to.equal('empty');
    });

    it('shows an error, never an exception, when the live object throws', async () => {
      const broken = {
        subscribe: () => () => {},
        snapshot: (): ListDocument => {
          throw new Error('boom');
        },
      };
      const el = await fixture<LwTestList>(
        html`<lw-test-list lang="en" .ledger=${broken}></lw-test-list>`,
      );
      expect(el.feed.state).to.equal('error');
      expect(text(el, '[part=error-message]')).to.equal('The live data could not be read.');
      await expectAccessible(el);
    });
  });

  describe('writes', () => {
    it('fires a cancelable lw-approve; a cancelled one changes nothing', async () => {
      let current: ListDocument = doc;
      const approved: string[] = [];
      const live = Object.assign(new FakeLive<ListDocument>(current), {
        approve(id: string) {
          approved.push(id);
          current = {
            items: current.items.map((item) =>
              item.id === id ? { ...item, approved: true } : item,
            ),
          };
          live.set(current);
        },
      });
      const wrapper = await fixture(
        html`<div lang="en"><lw-test-list .ledger=${live}></lw-test-list></div>`,
      );
      const el = wrapper.querySelector('lw-test-list')!;
      await el.updateComplete;
      const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id=a] button');
      const announcer = el.shadowRoot!.querySelector('[aria-live=polite]')!;

      const cancel = (event: Event) => event.preventDefault();
      wrapper.addEventListener('lw-approve', cancel);
      const asked = oneEvent(wrapper, 'lw-approve');
      button()!.click();
      const event = (await asked) as CustomEvent<{ id: string }>;
      expect(event.detail).to.deep.equal({ id: 'a' });
      expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
      await el.updateComplete;
      expect(approved).to.deep.equal([]);
      expect(button()).to.exist;
      expect(announcer.textContent).to.equal('');

      wrapper.removeEventListener('lw-approve', cancel);
      button()!.click();
      await el.updateComplete;
      expect(approved).to.deep.equal(['a']);
      expect(button()).to.equal(null);
      expect(announcer.textContent).to.equal('Approved Cooking.');
      await expectAccessible(el);
    });
  });

  it('re-renders when any ancestor changes its lang', async () => {
    const outer = await fixture(
      html`<div lang="zh-CN">
        <section><lw-test-list .data=${doc}></lw-test-list></section>
      </div>`,
    );
    const el = outer.querySelector('lw-test-list')!;
    expect(text(el, 'h2')).to.equal('事项');
    outer.setAttribute('lang', 'en-US');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Items');
    expect(text(el, 'li [part=duration]')).to.equal('2 h 30 min');
    outer.querySelector('section')!.setAttribute('lang', 'zh');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('事项');
  });

  it('keeps untrusted text as text', async () => {
    await expectTextOnly((payload) =>
      fixture(
        html`<lw-test-list
          .data=${{ title: payload, items: [{ id: payload, name: payload, minutes: 1 }] }}
        ></lw-test-list>`,
      ),
    );
    // And in an error message, which quotes the record's id.
    await expectTextOnly((payload) =>
      fixture(
        html`<lw-test-list
          .data=${{ items: [{ id: payload, name: 'x', minutes: -1 }] }}
        ></lw-test-list>`,
      ),
    );
  });
});
