import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './case-intake.js';
import '../lanewise-provider/lanewise-provider.js';
import type { CaseIntake } from './case-intake.js';
import type { OpenCaseInput } from '@lanewise/core/cases';
import { compileRouting } from '@lanewise/core/routing';
import { cnCalendar } from '@lanewise/core/calendar';
import {
  expectAccessible,
  expectTextOnly,
  settle,
  shadowText as text,
  stubFetch,
} from '../../testing/index.js';
import { FRIDAY, liuzhouRules, makeBook } from './fixtures/make-book.js';

const fixtureUrl = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).href;
const root = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLInputElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector)!;

/** Types into a control as a resident would: value, then an input (or change) event. */
async function fill(el: CaseIntake, name: string, value: string) {
  const control = q<HTMLInputElement | HTMLSelectElement>(el, `[name=${name}]`);
  control.value = value;
  control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
  await el.updateComplete;
}

async function fillValid(el: CaseIntake, category = 'facility-damage') {
  await fill(el, 'category', category);
  await fill(el, 'title', '13 栋门口井盖松动');
  await fill(el, 'description', '走过时会响，晚上看不清。');
  await fill(el, 'address', '华安社区 13 栋');
  await fill(el, 'name', '李桂英');
  await fill(el, 'phone', '138 0000 1234');
}

const submit = async (el: CaseIntake) => {
  q<HTMLButtonElement>(el, '[part=submit]').click();
  await settle(el);
};

let rules: Record<string, unknown>;
before(async () => {
  rules = await liuzhouRules();
});

describe('<case-intake> sources', () => {
  it('loads a rule set from src and offers its categories with a line each, in the page language', async () => {
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="zh-CN" src=${fixtureUrl('liuzhou.json')}></case-intake>`,
    );
    await oneEvent(el, 'lw-load');
    await el.updateComplete;
    const options = [...root(el).querySelectorAll('select option')].map((o) =>
      o.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(options[0]).to.equal('请选择问题类别');
    expect(options[1]).to.equal('乱扔垃圾 — 路面、绿地上的垃圾和杂物');
    expect(options).to.have.length(18);
    await fill(el, 'category', 'noise');
    expect(text(el, '#category-hint')).to.equal('施工、店铺、邻里的噪音');
    await expectAccessible(el);

    el.setAttribute('lang', 'en');
    await settle(el);
    expect(text(el, 'select option:nth-child(2)')).to.equal(
      'Litter — Rubbish left on pavements or green space',
    );
    expect(text(el, 'label[for=title]')).to.equal('Title*');
    await expectAccessible(el);
  });

  it('takes a rule set or a compiled router as rules, and the rules of a live book', async () => {
    const viaData = await fixture<CaseIntake>(html`<case-intake .rules=${rules}></case-intake>`);
    expect(root(viaData).querySelectorAll('select option')).to.have.length(18);
    const router = compileRouting(rules, { calendar: cnCalendar });
    const viaRouter = await fixture<CaseIntake>(html`<case-intake .rules=${router}></case-intake>`);
    expect(root(viaRouter).querySelectorAll('select option')).to.have.length(18);
    const { book } = makeBook(rules);
    const viaBook = await fixture<CaseIntake>(html`<case-intake .book=${book}></case-intake>`);
    expect(root(viaBook).querySelectorAll('select option')).to.have.length(18);
  });

  it('takes the live book of a provider, and opens cases in it', async () => {
    const { book } = makeBook(rules);
    const provider = await fixture(
      html`<lanewise-provider .book=${book}
        ><case-intake lang="en" now=${FRIDAY}></case-intake
      ></lanewise-provider>`,
    );
    const el = provider.querySelector('case-intake')!;
    await settle(el);
    await fillValid(el);
    await submit(el);
    expect(book.size).to.equal(1);
    expect(text(el, '.case-number')).to.match(/^Case number web-20250124-[0-9a-z]{6}$/);
  });

  it('shows a skeleton while loading, the HTTP status and a retry after a failed fetch, and names a bad field', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { restore, calls } = stubFetch({ '/rules-slow.json': [{ status: 503, gate }] });
    try {
      const el = await fixture<CaseIntake>(
        html`<case-intake lang="en" src="/rules-slow.json"></case-intake>`,
      );
      expect(root(el).querySelector('[part=skeleton]')).to.exist;
      await expectAccessible(el);
      const failed = oneEvent(el, 'lw-error');
      open();
      await failed;
      await el.updateComplete;
      expect(text(el, '[role=alert]')).to.include('HTTP 503');
      q<HTMLButtonElement>(el, '[part=retry]').click();
      await settle(el);
      expect(calls).to.have.length(2);
      await expectAccessible(el);
    } finally {
      restore();
    }
    const bad = await fixture<CaseIntake>(
      html`<case-intake lang="en" src=${fixtureUrl('bad-rules.json')}></case-intake>`,
    );
    const event = await oneEvent(bad, 'lw-error');
    expect(event.detail.message).to.match(/record 3.*“shared-bikes”.*field “name”/);
    await expectAccessible(bad);
  });

  it('says what will appear when it has nothing to offer', async () => {
    const el = await fixture<CaseIntake>(html`<case-intake lang="en"></case-intake>`);
    expect(text(el, '.lw-empty')).to.include('No categories to choose from yet.');
    await expectAccessible(el);
  });
});

describe('<case-intake> checking', () => {
  it('says beside each field what the browser found wrong, in the page language, and fires nothing', async () => {
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="zh-CN" .rules=${rules}></case-intake>`,
    );
    let fired = 0;
    el.addEventListener('lw-case-submit', () => (fired += 1));
    await fill(el, 'phone', 'call me');
    await submit(el);
    expect(fired).to.equal(0);
    expect(text(el, '#category-error')).to.equal('请选择问题类别。');
    expect(text(el, '#title-error')).to.equal('请填写此项。');
    expect(text(el, '#phone-error')).to.equal('只能填写数字、空格、+、- 和括号。');
    expect(text(el, '[role=alert]')).to.equal('请修改下面标出的 3 项。');
    expect(q(el, '#title').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#title').getAttribute('aria-describedby')).to.include('title-error');
    expect(root(el).activeElement?.id).to.equal('category');
    await expectAccessible(el);
    // Fixing a field clears its message as the resident types.
    await fill(el, 'title', '路灯不亮');
    await settle(el);
    expect(text(el, '#title-error')).to.equal('');
  });

  it('checks with the core schema too: a title of spaces only', async () => {
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="en" .rules=${rules}></case-intake>`,
    );
    await fillValid(el);
    await fill(el, 'title', '   ');
    let fired = 0;
    el.addEventListener('lw-case-submit', () => (fired += 1));
    await submit(el);
    expect(fired).to.equal(0);
    expect(text(el, '#title-error')).to.match(/at least 1 character/);
    expect(text(el, '#title-error')).not.to.include('title');
  });

  it('counts the characters of the account', async () => {
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="en" .rules=${rules}></case-intake>`,
    );
    await fill(el, 'description', '路灯不亮');
    expect(text(el, '#description-count')).to.equal('4 / 2,000 characters');
  });
});

describe('<case-intake> sending', () => {
  it('fires lw-case-submit with the case input, and a cancelled one opens nothing', async () => {
    const { book } = makeBook(rules);
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="en" channel="shop" now=${FRIDAY} .book=${book}></case-intake>`,
    );
    await fillValid(el);
    await fill(el, 'description', '');
    q(el, '#private').click();
    await el.updateComplete;
    el.addEventListener('lw-case-submit', (event) => event.preventDefault(), { once: true });
    const heard = oneEvent(el, 'lw-case-submit');
    q<HTMLButtonElement>(el, '[part=submit]').click();
    const event = (await heard) as CustomEvent<OpenCaseInput>;
    await settle(el);
    const { id, ...rest } = event.detail;
    expect(id).to.match(/^shop-20250124-/);
    expect(rest).to.deep.equal({
      category: 'facility-damage',
      title: '13 栋门口井盖松动',
      receivedAt: '2025-01-24T02:00:00.000Z',
      channel: 'shop',
      reporter: { name: '李桂英', phone: '138 0000 1234' },
      location: { address: '华安社区 13 栋' },
      attributes: { namePrivate: true },
    });
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
    expect(book.size).to.equal(0);
    expect(root(el).querySelector('[part=confirmation]')).to.equal(null);
    expect(q(el, '#title').value).to.equal('13 栋门口井盖松动');
  });

  it('opens the case in the live book and confirms in words: number, handlers, the core deadline, the follow-up call', async () => {
    const { book } = makeBook(rules);
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="zh-CN" now=${FRIDAY} .book=${book}></case-intake>`,
    );
    await fillValid(el);
    await submit(el);
    const [record] = book.list();
    expect(record!.dueAt).to.equal('2025-02-05T23:59:59.999+08:00');
    expect(text(el, '.case-number')).to.equal(`案件编号 ${record!.id}`);
    expect(text(el, '[part=confirmation]')).to.include(
      '由一般案件办理：业务科室、中队、社区协同处理',
    );
    expect(text(el, '.due')).to.equal('将于 2025年2月5日 前办结');
    expect(text(el, '[part=confirmation]')).to.include('办结后，我们会电话回访');
    expect(text(el, '[part=announcer]')).to.equal(
      `已受理 ${record!.id}，将于 2025年2月5日 前办结。`,
    );
    expect(root(el).activeElement).to.equal(q(el, '[part=confirmation]'));
    await expectAccessible(el);
    el.setAttribute('lang', 'en');
    await settle(el);
    expect(text(el, '.due')).to.equal('to be handled by 5 February 2025');
    expect(text(el, '[part=confirmation]')).to.include('Handled by General: coordinated');
    // And back to an empty form for the next problem.
    q<HTMLButtonElement>(el, '.confirmation button').click();
    await settle(el);
    expect(q(el, '#title').value).to.equal('');
    expect(root(el).activeElement?.id).to.equal('category');
  });

  it('gives an hour deadline with its time', async () => {
    const { book } = makeBook(rules);
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="en" now=${FRIDAY} .book=${book}></case-intake>`,
    );
    await fillValid(el, 'litter');
    await submit(el);
    expect(text(el, '.due')).to.equal('to be handled by 24 January 2025 at 12:00');
  });

  it('says a core error of the book in the page language, and opens nothing', async () => {
    const { book } = makeBook(rules);
    // Received a day after the book's clock: the core refuses it.
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="zh-CN" now="2025-01-25T10:00:00+08:00" .book=${book}></case-intake>`,
    );
    await fillValid(el);
    await submit(el);
    expect(book.size).to.equal(0);
    const message = text(el, '.form-error');
    expect(message).to.match(/[\u4e00-\u9fff]/);
    expect(message).not.to.match(/INVALID_INPUT|TOO_LATE/);
    await expectAccessible(el);
  });

  it('says it was sent when there is no live book', async () => {
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="en" .rules=${rules}></case-intake>`,
    );
    await fillValid(el);
    await submit(el);
    expect(text(el, '.sent')).to.equal('Your report was sent.');
  });

  it('shows the open cases of the chosen category, and follows the book', async () => {
    const { book } = makeBook(rules);
    const open = (id: string, category: string, title: string) =>
      book.open({ id, category, title, receivedAt: FRIDAY, channel: 'hotline' });
    open('n-1', 'noise', '夜里装修电钻声');
    open('n-2', 'noise', '广场舞音响太大');
    open('l-1', 'litter', '绿地里有垃圾');
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="zh-CN" .book=${book}></case-intake>`,
    );
    await fill(el, 'category', 'noise');
    expect(text(el, '#open-heading')).to.equal('这一类已有 2 件正在办理');
    expect(text(el, '[part=open-cases] li')).to.include('广场舞音响太大');
    open('n-3', 'noise', '楼上跳绳');
    await settle(el);
    expect(text(el, '#open-heading')).to.equal('这一类已有 3 件正在办理');
    await fill(el, 'category', 'fire');
    expect(text(el, '[part=open-cases]')).to.equal('这一类暂无在办案件，您将是第一位反映的居民。');
    await expectAccessible(el);
  });

  it('fills latitude and longitude from "use my location"', async () => {
    const geolocation = {
      getCurrentPosition: (ok: PositionCallback) =>
        ok({ coords: { latitude: 24.3264571, longitude: 109.4281234 } } as GeolocationPosition),
    };
    const real = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')!;
    Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
    try {
      const el = await fixture<CaseIntake>(
        html`<case-intake lang="en" .rules=${rules}></case-intake>`,
      );
      await fillValid(el);
      q<HTMLButtonElement>(el, '.with-button button').click();
      await el.updateComplete;
      expect(text(el, '#address-located')).to.include('Location added: 24.32646, 109.42812');
      const heard = oneEvent(el, 'lw-case-submit');
      q<HTMLButtonElement>(el, '[part=submit]').click();
      const event = (await heard) as CustomEvent<OpenCaseInput>;
      expect(event.detail.location).to.deep.equal({
        lat: 24.326457,
        lon: 109.428123,
        address: '华安社区 13 栋',
      });
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['geolocation'];
      Object.defineProperty(Navigator.prototype, 'geolocation', real);
    }
  });

  it('is used from the keyboard alone: type, then Enter sends', async () => {
    const { book } = makeBook(rules);
    const el = await fixture<CaseIntake>(
      html`<case-intake lang="en" now=${FRIDAY} .book=${book}></case-intake>`,
    );
    await fill(el, 'category', 'street-light');
    q(el, '#title').focus();
    await sendKeys({ type: 'Street light out' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(book.list()[0]?.title).to.equal('Street light out');
    expect(text(el, '.due')).to.equal('to be handled by 5 February 2025');
  });

  it('keeps every text as text: categories, open cases, tier names and handlers', async () => {
    await expectTextOnly(async (payload) => {
      const tiers = (rules['tiers'] as Record<string, unknown>[]).map((tier) =>
        tier['id'] === 'coordinated'
          ? { ...tier, name: { 'zh-CN': payload }, description: { 'zh-CN': payload } }
          : tier,
      );
      const tainted = {
        ...rules,
        tiers,
        categories: [
          { id: 'noise', name: { 'zh-CN': payload }, description: { 'zh-CN': payload } },
        ],
      };
      const { book } = makeBook(tainted);
      book.open({
        id: 'x-1',
        category: 'noise',
        title: payload,
        receivedAt: FRIDAY,
        channel: 'web',
      });
      const wrapper = await fixture(
        html`<div lang="zh-CN">
          <case-intake class="form" .book=${book}></case-intake>
          <case-intake class="sent" now=${FRIDAY} .book=${book}></case-intake>
        </div>`,
      );
      const [form, sent] = [...wrapper.querySelectorAll('case-intake')];
      await fill(form!, 'category', 'noise');
      await fillValid(sent!, 'noise');
      await submit(sent!);
      expect(text(sent!, '[part=confirmation]')).to.include(payload);
      return wrapper;
    });
  });
});
