import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './case-board.js';
import '../lanewise-provider/lanewise-provider.js';
import type { CaseBoard } from './case-board.js';
import type { CaseBook, CaseRecord, CaseSnapshot } from '@lanewise/core/cases';
import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import {
  expectAccessible,
  expectTextOnly,
  FakeLive,
  frames,
  shadowText as text,
  shadowTexts as texts,
  stubFetch,
  textOf,
} from '../../testing/index.js';
import { FRIDAY, liuzhouRules, makeBook } from '../case-intake/fixtures/make-book.js';

const fixtureUrl = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).href;
const root = (el: Element) => el.shadowRoot!;
// A station board keeps its role="station" attribute, which axe's aria-roles reports.
const stationAxe = { ignoredRules: ['aria-roles'] };
const settle = async (el: CaseBoard, n = 3) => {
  await el.updateComplete;
  await frames(n);
  await el.updateComplete;
};
const card = (el: CaseBoard, id: string) =>
  root(el).querySelector<HTMLButtonElement>(`.card[data-id="${id}"]`)!;
/** Waits, frame by frame, until the virtual lane has put the card in the page. */
async function rendered(el: CaseBoard, id: string) {
  for (let i = 0; i < 60 && !card(el, id); i += 1) await frames(1);
  return card(el, id);
}
const laneCounts = (el: CaseBoard) => texts(el, '.lane-title');

// Virtual lists resize their children while laying them out; the browser reports that as a
// ResizeObserver loop, which is harmless and not an error of the widget.
let teardown: () => void;
beforeEach(() => (teardown = ignoreWindowResizeObserverLoopErrors()));
afterEach(() => teardown());

let rules: Record<string, unknown>;
let sample: CaseSnapshot;
before(async () => {
  rules = await liuzhouRules();
  sample = (await (await fetch(fixtureUrl('cases.json'))).json()) as CaseSnapshot;
});

/** A book at the Friday before the Spring Festival: one case of each open state and one resolved. */
function stationBook(): { book: CaseBook; clock: ReturnType<typeof makeBook>['clock'] } {
  const made = makeBook(rules);
  const { book } = made;
  const open = (id: string, category: string, title: string) =>
    book.open({
      id,
      category,
      title,
      receivedAt: FRIDAY,
      channel: 'web',
      location: { address: '华安社区 13 栋' },
      reporter: { name: '李桂英', phone: '13800001234' },
      attributes: id === 'c-3' ? { namePrivate: true } : {},
    });
  open('c-1', 'facility-damage', '井盖松动');
  open('c-2', 'litter', '绿地里有垃圾');
  open('c-3', 'noise', '夜里装修电钻声');
  book.accept('c-2', { by: 'station-zhou' });
  book.accept('c-3', { by: 'squad-li' });
  book.act('c-3', {
    id: 'c-3-a1',
    kind: 'manage',
    type: '上门劝导',
    by: 'squad-li',
    at: FRIDAY,
    note: '已约定晚上十点后停工',
  });
  book.resolve('c-3', { by: 'squad-li', outcome: 'mediated' });
  return made;
}

async function openDialog(el: CaseBoard, id: string) {
  (await rendered(el, id)).click();
  await settle(el);
  return root(el).querySelector('dialog')!;
}

describe('<case-board> sources and states', () => {
  it('shows a snapshot in lanes with counts, time left or late, and the chased and noticed marks', async () => {
    const el = await fixture<CaseBoard>(
      html`<case-board
        lang="zh-CN"
        style="--lw-board-lane-height: 200rem"
        now="2026-11-28T12:00:00+08:00"
        .data=${sample}
        .rules=${rules}
      ></case-board>`,
    );
    await settle(el);
    expect(laneCounts(el)).to.deep.equal([
      '待受理 8 件',
      '办理中 12 件',
      '待回访 0 件',
      '已办结 10 件',
      '重复件 0 件',
    ]);
    // A few cards, so that all of them are in the page at once.
    const ids = ['HA-20261130-0466', 'HA-20261121-0458', 'HA-20261118-0455'];
    el.data = { cases: sample.cases.filter((record) => ids.includes(record.id)) };
    const early = await rendered(el, 'HA-20261130-0466');
    expect(textOf(early.querySelector('.due'))).to.equal('剩 8 个工作日');
    expect(textOf(early.querySelector('.card-meta'))).to.match(/ · /);
    const late = card(el, 'HA-20261121-0458');
    expect(textOf(late.querySelector('.due'))).to.equal('超期 3 天');
    expect(late.querySelector('.due')!.getAttribute('data-tone')).to.equal('bad');
    expect(texts(el, `.card[data-id="HA-20261118-0455"] .badge`)).to.deep.equal([
      '已催办',
      '已通报',
    ]);
    expect(texts(el, `.card[data-id="HA-20261121-0458"] .badge`)).to.deep.equal(['已催办']);
    await expectAccessible(el);
    el.setAttribute('lang', 'en');
    await settle(el);
    expect(laneCounts(el)[0]).to.equal('To accept 0 cases');
    expect(textOf(card(el, 'HA-20261121-0458').querySelector('.due'))).to.equal('3 days late');
    await expectAccessible(el);
  });

  it('loads src, shows a skeleton meanwhile, the HTTP status and retry after a failure, and names a bad record and field', async () => {
    const loaded = await fixture<CaseBoard>(
      html`<case-board lang="en" src=${fixtureUrl('cases.json')}></case-board>`,
    );
    await oneEvent(loaded, 'lw-load');
    await settle(loaded);
    expect(root(loaded).querySelectorAll('.lane')).to.have.length(5);
    expect(text(loaded, '.card .card-meta')).to.match(/^[a-z-]+ · [a-z-]+$/);
    // Names come from a rule set's URL.
    loaded.setAttribute(
      'rules-src',
      new URL('../case-intake/fixtures/liuzhou.json', import.meta.url).href,
    );
    for (let i = 0; i < 60 && /^[a-z-]+ ·/.test(text(loaded, '.card .card-meta')); i += 1)
      await frames(1);
    expect(text(loaded, '.card .card-meta')).to.match(/^[A-Z][a-z ]+ · [A-Z]/);

    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { restore, calls } = stubFetch({ '/cases-slow.json': [{ status: 404, gate }] });
    try {
      const el = await fixture<CaseBoard>(
        html`<case-board lang="zh-CN" src="/cases-slow.json"></case-board>`,
      );
      expect(root(el).querySelector('[part=skeleton]')).to.exist;
      await expectAccessible(el);
      const failed = oneEvent(el, 'lw-error');
      open();
      await failed;
      await el.updateComplete;
      expect(text(el, '[role=alert]')).to.include('HTTP 404');
      await expectAccessible(el);
      root(el).querySelector<HTMLButtonElement>('[part=retry]')!.click();
      await settle(el);
      expect(calls).to.have.length(2);
    } finally {
      restore();
    }

    const bad = await fixture<CaseBoard>(
      html`<case-board lang="en" src=${fixtureUrl('bad-cases.json')}></case-board>`,
    );
    const event = await oneEvent(bad, 'lw-error');
    expect(event.detail.message).to.match(/record 3 \(“HA-20251227-0033”\), field “title”/);
    await expectAccessible(bad);
  });

  it('says what will appear when there are no cases', async () => {
    const el = await fixture<CaseBoard>(
      html`<case-board lang="en" .data=${{ cases: [] }}></case-board>`,
    );
    expect(text(el, '.lw-empty')).to.include('No cases yet.');
    await expectAccessible(el);
  });

  it('follows a live book and counts working days across the Spring Festival', async () => {
    const { book } = stationBook();
    const el = await fixture<CaseBoard>(
      html`<case-board lang="zh-CN" now=${FRIDAY} .book=${book}></case-board>`,
    );
    await settle(el);
    expect(laneCounts(el).slice(0, 3)).to.deep.equal(['待受理 1 件', '办理中 1 件', '待回访 1 件']);
    // Due 2025-02-05: after 24 January come the make-up Sunday, the 27th, then the 5th.
    expect(textOf(card(el, 'c-1').querySelector('.due'))).to.equal('剩 3 个工作日');
    expect(textOf(card(el, 'c-2').querySelector('.due'))).to.equal('剩 2 小时');
    expect(textOf(card(el, 'c-1').querySelector('.card-meta'))).to.equal('设施损坏 · 一般案件');
    el.now = '2025-02-04T10:00:00+08:00';
    await settle(el);
    expect(textOf(card(el, 'c-1').querySelector('.due'))).to.equal('剩 1 个工作日');
    book.accept('c-1', { by: 'squad' });
    await settle(el);
    expect(laneCounts(el).slice(0, 2)).to.deep.equal(['待受理 0 件', '办理中 2 件']);
  });

  it('takes the live book of a provider', async () => {
    const { book } = stationBook();
    const provider = await fixture(
      html`<lanewise-provider .book=${book}
        ><case-board lang="en" now=${FRIDAY}></case-board
      ></lanewise-provider>`,
    );
    const el = provider.querySelector('case-board')!;
    await settle(el);
    expect(laneCounts(el)[0]).to.equal('To accept 1 case');
  });

  it('groups by tier or by handler, and shows one handler only', async () => {
    const { book } = stationBook();
    const el = await fixture<CaseBoard>(
      html`<case-board lang="zh-CN" group-by="tier" now=${FRIDAY} .book=${book}></case-board>`,
    );
    await settle(el);
    expect(laneCounts(el)).to.deep.equal(['简易案件 1 件', '一般案件 2 件', '重大案件 0 件']);
    el.groupBy = 'handler';
    await settle(el);
    expect(laneCounts(el)).to.deep.equal([
      'business-section 2 件',
      'community 2 件',
      'squad 2 件',
      'station 1 件',
    ]);
    el.handler = 'station';
    await settle(el);
    expect(laneCounts(el)).to.deep.equal(['station 1 件']);
    expect(text(el, '#board-heading')).to.equal('station 的案件');
    await expectAccessible(el);
  });
});

describe('<case-board> dialog', () => {
  it('shows the whole timeline in words with local times, and keeps a private name private', async () => {
    const { book } = stationBook();
    const el = await fixture<CaseBoard>(
      html`<case-board lang="zh-CN" now=${FRIDAY} .book=${book}></case-board>`,
    );
    await settle(el);
    const dialog = await openDialog(el, 'c-3');
    expect(dialog.open).to.equal(true);
    expect(text(el, '#dialog-title')).to.equal('夜里装修电钻声');
    expect(texts(el, '.timeline li')).to.deep.equal([
      '2025年1月24日 10:00 通过网站受理，派至一般案件，2025年1月29日 前办结'.replace(
        '2025年1月29日',
        '2025年2月5日',
      ),
      '2025年1月24日 10:00 squad-li 接单',
      '2025年1月24日 10:00 squad-li处置（管理）：上门劝导 已约定晚上十点后停工',
      '2025年1月24日 10:00 squad-li 办结：已调解',
    ]);
    expect(text(el, '.facts')).to.include('姓名不公开');
    expect(text(el, '.facts')).not.to.include('李桂英');
    await expectAccessible(el);
    el.setAttribute('lang', 'en');
    await settle(el);
    expect(texts(el, '.timeline li')[0]).to.equal(
      '24 Jan 2025, 10:00 Received on the website; sent to General: coordinated, due 5 February 2025',
    );
    // A viewer reads only.
    expect(root(el).querySelector('.station')).to.equal(null);
    root(el).querySelector<HTMLButtonElement>('.dialog-head button')!.click();
    await settle(el);
    expect(dialog.open).to.equal(false);
  });

  it('builds the timeline from the record when it has no book', async () => {
    const el = await fixture<CaseBoard>(
      html`<case-board lang="en" now="2026-11-28T12:00:00+08:00" .data=${sample}></case-board>`,
    );
    await settle(el);
    await openDialog(el, 'HA-20261118-0455');
    const lines = texts(el, '.timeline li');
    expect(lines[0]).to.match(/^18 Nov 2026, \d\d:\d\d Received /);
    expect(lines.some((line) => line.includes('Chased: the deadline'))).to.equal(true);
    expect(lines.some((line) => line.includes('Publicly noticed'))).to.equal(true);
  });
});

describe('<case-board> station', () => {
  async function stationBoard(lang = 'zh-CN') {
    const made = stationBook();
    const el = await fixture<CaseBoard>(
      html`<case-board
        lang=${lang}
        role="station"
        actor="station-zhou"
        now=${FRIDAY}
        .book=${made.book}
      ></case-board>`,
    );
    await settle(el);
    return { el, ...made };
  }

  const submitForm = async (el: CaseBoard, form: string) => {
    root(el).querySelector<HTMLFormElement>(`form[data-form=${form}]`)!.requestSubmit();
    await settle(el);
  };
  const setField = (el: CaseBoard, selector: string, value: string) => {
    const control = root(el).querySelector<HTMLInputElement>(selector)!;
    control.value = value;
  };

  it('accepts through a cancelable lw-case-accept, and a cancelled one changes nothing', async () => {
    const { el, book } = await stationBoard();
    // The author's role attribute stays as written (decisions.md): axe's aria-roles is off.
    expect([el.getAttribute('role'), el.role]).to.deep.equal(['station', 'station']);
    await openDialog(el, 'c-1');
    await expectAccessible(el, stationAxe);
    el.addEventListener('lw-case-accept', (event) => event.preventDefault(), { once: true });
    const accept = () => root(el).querySelector<HTMLButtonElement>('.command .lw-button')!;
    const cancelled = oneEvent(el, 'lw-case-accept');
    accept().click();
    expect((await cancelled).detail).to.deep.equal({ id: 'c-1', by: 'station-zhou' });
    expect(book.get('c-1')!.status).to.equal('dispatched');
    const heard = oneEvent(el, 'lw-case-accept');
    accept().click();
    await heard;
    await settle(el);
    expect(book.get('c-1')!.status).to.equal('in_progress');
    expect(text(el, '[part=announcer]')).to.equal('已接单：井盖松动。');
    expect(texts(el, '.timeline li').at(-1)).to.include('station-zhou 接单');
  });

  it('logs an action, checking its fields first, through lw-case-act', async () => {
    const { el, book } = await stationBoard();
    await openDialog(el, 'c-2');
    let fired = 0;
    el.addEventListener('lw-case-act', () => (fired += 1));
    await submitForm(el, 'act');
    expect(fired).to.equal(0);
    expect(text(el, '#act-type-error')).to.equal('请填写此项。');
    expect(root(el).activeElement?.id).to.equal('act-type');
    setField(el, '#act-kind', 'service');
    setField(el, '#act-type', '清扫');
    setField(el, '#act-note', '已清理干净');
    const heard = oneEvent(el, 'lw-case-act');
    await submitForm(el, 'act');
    const { detail } = (await heard) as CustomEvent;
    expect(detail.id).to.equal('c-2');
    expect(detail.action).to.include({
      kind: 'service',
      type: '清扫',
      by: 'station-zhou',
      note: '已清理干净',
    });
    expect(book.get('c-2')!.actions).to.have.length(1);
    expect(text(el, '[part=announcer]')).to.equal('已记录处置：绿地里有垃圾。');
    await expectAccessible(el, stationAxe);
  });

  it('extends before the deadline through lw-case-extend, says a core error beside the field, and not after the deadline', async () => {
    const { el, book, clock } = await stationBoard('en');
    await openDialog(el, 'c-1');
    setField(el, '#extend-until', '2025-02-10');
    setField(el, '#extend-reason', 'Parts on order');
    el.addEventListener('lw-case-extend', (event) => event.preventDefault(), { once: true });
    await submitForm(el, 'extend');
    expect(book.get('c-1')!.dueAt).to.equal('2025-02-05T23:59:59.999+08:00');
    const heard = oneEvent(el, 'lw-case-extend');
    await submitForm(el, 'extend');
    expect((await heard).detail).to.deep.equal({
      id: 'c-1',
      until: '2025-02-10T23:59:59.999+08:00',
      reason: 'Parts on order',
      by: 'station-zhou',
    });
    expect(book.get('c-1')!.dueAt).to.equal('2025-02-10T23:59:59.999+08:00');
    expect(text(el, '[part=announcer]')).to.equal(
      '井盖松动: deadline extended to 10 February 2025.',
    );
    // The book's clock is past the deadline while the board still shows it open: the core refuses.
    clock.set('2025-02-11T09:00:00+08:00');
    setField(el, '#extend-until', '2025-02-14');
    setField(el, '#extend-reason', 'Still waiting');
    await submitForm(el, 'extend');
    const message = text(el, '#extend-until-error');
    expect(message).to.not.equal('');
    expect(message).not.to.match(/TOO_LATE/);
    expect(book.get('c-1')!.dueAt).to.equal('2025-02-10T23:59:59.999+08:00');
    await expectAccessible(el, stationAxe);
    // On the board's own time after the deadline, the form is not offered.
    el.now = '2025-02-11T09:00:00+08:00';
    await settle(el);
    expect(root(el).querySelector('form[data-form=extend]')).to.equal(null);
    expect(text(el, '.station')).to.include('The deadline has passed');
  });

  it('resolves and closes through lw-case-resolve and lw-case-close', async () => {
    const { el, book } = await stationBoard();
    await openDialog(el, 'c-2');
    setField(el, '#resolve-outcome', 'resolved');
    setField(el, '#resolve-note', '已清理');
    const resolved = oneEvent(el, 'lw-case-resolve');
    await submitForm(el, 'resolve');
    expect((await resolved).detail).to.deep.equal({
      id: 'c-2',
      by: 'station-zhou',
      outcome: 'resolved',
      note: '已清理',
    });
    expect(book.get('c-2')!.status).to.equal('resolved');
    await settle(el);
    el.addEventListener('lw-case-close', (event) => event.preventDefault(), { once: true });
    root(el).querySelector<HTMLButtonElement>('.command .lw-button')!.click();
    await settle(el);
    expect(book.get('c-2')!.status).to.equal('resolved');
    const closed = oneEvent(el, 'lw-case-close');
    root(el).querySelector<HTMLButtonElement>('.command .lw-button')!.click();
    expect((await closed).detail).to.deep.equal({ id: 'c-2' });
    expect(book.get('c-2')!.status).to.equal('closed');
  });

  it('marks a duplicate through lw-case-duplicate, with an unknown case said beside the field', async () => {
    const { el, book } = await stationBoard();
    await openDialog(el, 'c-2');
    setField(el, '#duplicate-of', 'no-such-case');
    await submitForm(el, 'duplicate');
    const message = text(el, '#duplicate-of-error');
    expect(message).to.match(/[\u4e00-\u9fff]/);
    expect(message).not.to.match(/NOT_FOUND/);
    expect(root(el).querySelector('#duplicate-of')!.getAttribute('aria-invalid')).to.equal('true');
    expect(book.get('c-2')!.status).to.equal('in_progress');
    await expectAccessible(el, stationAxe);
    setField(el, '#duplicate-of', 'c-1');
    const heard = oneEvent(el, 'lw-case-duplicate');
    await submitForm(el, 'duplicate');
    expect((await heard).detail).to.deep.equal({ id: 'c-2', of: 'c-1' });
    expect(book.get('c-2')!.status).to.equal('duplicate');
  });

  it('runs the review through lw-case-review: late cases chased, then marked', async () => {
    const { el, book, clock } = await stationBoard();
    clock.set('2025-02-06T10:00:00+08:00');
    el.now = '2025-02-06T10:00:00+08:00';
    await settle(el);
    expect(textOf(card(el, 'c-1').querySelector('.due'))).to.equal('超期 1 天');
    const review = () => root(el).querySelector<HTMLButtonElement>('.review button')!;
    el.addEventListener('lw-case-review', (event) => event.preventDefault(), { once: true });
    review().click();
    await settle(el);
    expect(book.get('c-1')!.escalations).to.have.length(0);
    const heard = oneEvent(el, 'lw-case-review');
    review().click();
    expect((await heard).detail).to.deep.equal({ now: '2025-02-06T02:00:00.000Z' });
    await settle(el);
    expect(book.get('c-1')!.escalations.map((step) => step.step)).to.deep.equal(['chase']);
    expect(texts(el, '.card[data-id="c-1"] .badge')).to.deep.equal(['已催办']);
    expect(text(el, '[part=announcer]')).to.match(/^督办检查完成：催办 2 件/);
  });

  it('only fires the events when it has no live book', async () => {
    const el = await fixture<CaseBoard>(
      html`<case-board
        lang="en"
        role="station"
        now=${FRIDAY}
        .data=${stationBook().book.snapshot()}
      ></case-board>`,
    );
    await settle(el);
    await openDialog(el, 'c-1');
    const heard = oneEvent(el, 'lw-case-accept');
    root(el).querySelector<HTMLButtonElement>('.command .lw-button')!.click();
    await heard;
    expect(text(el, '[part=announcer]')).to.equal('Sent.');
  });
});

describe('<case-board> keyboard', () => {
  it('moves between cards and lanes with the arrow keys (one tab stop), opens with Enter, closes with Escape', async () => {
    const { book } = stationBook();
    const el = await fixture<CaseBoard>(
      html`<case-board lang="en" group-by="tier" now=${FRIDAY} .book=${book}></case-board>`,
    );
    await settle(el);
    const stops = [...root(el).querySelectorAll('.card')].filter(
      (c) => c.getAttribute('tabindex') === '0',
    );
    expect(stops.map((c) => c.getAttribute('data-id'))).to.deep.equal(['c-2']);
    card(el, 'c-2').focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(root(el).activeElement?.getAttribute('data-id')).to.equal('c-1');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(root(el).activeElement?.getAttribute('data-id')).to.equal('c-3');
    // The empty third lane is skipped; at the edge the focus stays.
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(root(el).activeElement?.getAttribute('data-id')).to.equal('c-3');
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(root(el).activeElement?.getAttribute('data-id')).to.equal('c-2');
    expect(card(el, 'c-2').getAttribute('tabindex')).to.equal('0');
    expect(card(el, 'c-3').getAttribute('tabindex')).to.equal('-1');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(root(el).querySelector('dialog')!.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(root(el).querySelector('dialog')!.open).to.equal(false);
    expect(root(el).activeElement?.getAttribute('data-id')).to.equal('c-2');
  });

  it('keeps 10,000 cases responsive in virtual lanes, and keeps the keyboard focus through scrolling', async () => {
    const template = sample.cases.find((record) => record.status === 'in_progress')!;
    const cases: CaseRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
      ...template,
      id: `bulk-${i}`,
      title: `案件 ${i}`,
      dueAt: new Date(Date.parse('2026-12-01T00:00:00+08:00') + i * 60_000).toISOString(),
    }));
    const live = new FakeLive<CaseSnapshot>({ cases });
    const el = await fixture<CaseBoard>(
      html`<case-board
        lang="en"
        now="2026-11-28T12:00:00+08:00"
        .book=${live as unknown as CaseBook}
      ></case-board>`,
    );
    await settle(el);
    expect(laneCounts(el)[1]).to.equal('In progress 10,000 cases');
    const rendered = root(el).querySelectorAll('.lane-body[data-lane="1"] .card').length;
    expect(rendered).to.be.greaterThan(0).and.lessThan(200);

    card(el, 'bulk-0').focus();
    await sendKeys({ press: 'End' });
    await settle(el, 6);
    expect(root(el).activeElement?.getAttribute('data-id')).to.equal('bulk-9999');
    await sendKeys({ press: 'ArrowUp' });
    await settle(el, 4);
    expect(root(el).activeElement?.getAttribute('data-id')).to.equal('bulk-9998');

    // Scrolling the lane away recycles the focused card: the focus stays in the lane...
    const body = root(el).querySelector<HTMLElement>('.lane-body[data-lane="1"]')!;
    body.scrollTop = 0;
    await settle(el, 8);
    expect(card(el, 'bulk-9998')).to.equal(null);
    expect(root(el).activeElement).to.equal(body);
    expect(body.getAttribute('tabindex')).to.equal('0');
    // ... and the keys go on from the same case.
    await sendKeys({ press: 'ArrowUp' });
    await settle(el, 6);
    expect(root(el).activeElement?.getAttribute('data-id')).to.equal('bulk-9997');
    // One more case re-renders the board without losing the place.
    live.set({ cases: [...cases, { ...template, id: 'bulk-new', title: 'new' }] });
    await settle(el, 4);
    expect(laneCounts(el)[1]).to.equal('In progress 10,001 cases');
    expect(root(el).activeElement?.getAttribute('data-id')).to.equal('bulk-9997');
    // A live object without a case book's reads still opens a card, from its snapshot.
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text(el, '#dialog-title')).to.equal('案件 9997');
  });
});

describe('<case-board> untrusted text', () => {
  it('shows every text as typed: titles, places, names, handlers, actions, notes', async () => {
    await expectTextOnly(async (payload) => {
      const template = sample.cases.find((record) => record.id === 'HA-20261118-0455')!;
      const tainted: CaseRecord = {
        ...template,
        title: payload,
        description: payload,
        category: payload,
        location: { address: payload },
        reporter: { name: payload },
        handlers: [payload],
        actions: [
          {
            id: 'a-1',
            kind: 'service',
            type: payload,
            note: payload,
            by: payload,
            at: template.receivedAt,
          },
        ],
        acceptedBy: payload,
      };
      // One board at a time: a virtual lane below the window renders no card.
      fixtureCleanup();
      const el = await fixture<CaseBoard>(
        html`<case-board
          lang="zh-CN"
          group-by="handler"
          role="station"
          .data=${{ cases: [tainted] }}
        ></case-board>`,
      );
      await rendered(el, template.id);
      await openDialog(el, template.id);
      return el;
    });
  });
});

describe('<case-board> with <case-intake>', () => {
  it('shows a case sent through the intake form of the same page, with the deadline the core set', async () => {
    await import('../case-intake/case-intake.js');
    const { book } = makeBook(rules);
    const page = await fixture(
      html`<lanewise-provider lang="zh-CN" .book=${book}>
        <case-intake now=${FRIDAY}></case-intake>
        <case-board now=${FRIDAY}></case-board>
      </lanewise-provider>`,
    );
    const intake = page.querySelector('case-intake')!;
    const board = page.querySelector('case-board')!;
    await settle(board);
    expect(text(board, '.lw-empty')).to.include('还没有案件。');
    const form = intake.shadowRoot!;
    const set = (name: string, value: string) => {
      const control = form.querySelector<HTMLInputElement>(`[name=${name}]`)!;
      control.value = value;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
    };
    set('category', 'street-light');
    await intake.updateComplete;
    set('title', '13 栋路灯不亮');
    await intake.updateComplete;
    form.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await settle(board);
    const [record] = book.list();
    expect(laneCounts(board)[0]).to.equal('待受理 1 件');
    const shown = await rendered(board, record!.id);
    expect(textOf(shown.querySelector('.card-meta'))).to.equal('路灯不亮 · 一般案件');
    expect(textOf(shown.querySelector('.due'))).to.equal('剩 3 个工作日');
    expect(textOf(form.querySelector('.due'))).to.equal('将于 2025年2月5日 前办结');
  });
});
