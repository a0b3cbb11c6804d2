import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './case-board.js';
import '../lanewise-provider/lanewise-provider.js';
import type { CaseBoard } from './case-board.js';
import {
  expectAccessible,
  shadowText as text,
  shadowTexts as texts,
  textOf,
} from '../../testing/index.js';
import { FRIDAY } from '../case-intake/fixtures/make-book.js';
import {
  card,
  boardSuite,
  openDialog,
  root,
  settle,
  stationAxe,
  stationBook,
} from './fixtures/board-testing.js';

const suite = boardSuite({ before, beforeEach, afterEach });

describe('<case-board> station', () => {
  async function stationBoard(lang = 'zh-CN') {
    const made = stationBook(suite.rules);
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
        .data=${stationBook(suite.rules).book.snapshot()}
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
