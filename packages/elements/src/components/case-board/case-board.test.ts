import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import './case-board.js';
import '../lanewise-provider/lanewise-provider.js';
import type { CaseBoard } from './case-board.js';
import type { CaseRecord } from '@lanewise/core/cases';
import {
  expectAccessible,
  expectTextOnly,
  frames,
  shadowText as text,
  shadowTexts as texts,
  stubFetch,
  textOf,
} from '../../testing/index.js';
import { FRIDAY, makeBook } from '../case-intake/fixtures/make-book.js';
import {
  card,
  boardSuite,
  fixtureUrl,
  laneCounts,
  openDialog,
  rendered,
  root,
  settle,
  stationBook,
} from './fixtures/board-testing.js';

const suite = boardSuite({ before, beforeEach, afterEach });

describe('<case-board> sources and states', () => {
  it('shows a snapshot in lanes with counts, time left or late, and the chased and noticed marks', async () => {
    const el = await fixture<CaseBoard>(
      html`<case-board
        lang="zh-CN"
        style="--lw-board-lane-height: 200rem"
        now="2026-11-28T12:00:00+08:00"
        .data=${suite.sample}
        .rules=${suite.rules}
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
    el.data = { cases: suite.sample.cases.filter((record) => ids.includes(record.id)) };
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
    const { book } = stationBook(suite.rules);
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
    const { book } = stationBook(suite.rules);
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
    const { book } = stationBook(suite.rules);
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
    const { book } = stationBook(suite.rules);
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
      html`<case-board
        lang="en"
        now="2026-11-28T12:00:00+08:00"
        .data=${suite.sample}
      ></case-board>`,
    );
    await settle(el);
    await openDialog(el, 'HA-20261118-0455');
    const lines = texts(el, '.timeline li');
    expect(lines[0]).to.match(/^18 Nov 2026, \d\d:\d\d Received /);
    expect(lines.some((line) => line.includes('Chased: the deadline'))).to.equal(true);
    expect(lines.some((line) => line.includes('Publicly noticed'))).to.equal(true);
  });
});

describe('<case-board> untrusted text', () => {
  it('shows every text as typed: titles, places, names, handlers, actions, notes', async () => {
    await expectTextOnly(async (payload) => {
      const template = suite.sample.cases.find((record) => record.id === 'HA-20261118-0455')!;
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
    const { book } = makeBook(suite.rules);
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
