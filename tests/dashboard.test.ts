import { expect } from '@open-wc/testing';
import type { CaseBook } from '@lanewise/core/cases';
import { loadPage } from './support/load-page.js';

type Widget = HTMLElement & { updateComplete: Promise<unknown> };

const text = (node: Node | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
async function until<T>(read: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('station dashboard (one live case book, intake, board, 721 and satisfaction)', function () {
  this.timeout(60_000);

  it('shows a case submitted at the intake on the board, and its follow-up in the figures', async () => {
    const page = await loadPage('/examples/dashboard/index.html');
    const win = page.defaultView as Window & typeof globalThis & { book?: CaseBook };
    await until(() => /已从/.test(page.getElementById('status')!.textContent ?? ''), 'the rebuild');
    const intake = page.querySelector<Widget>('case-intake')!;
    const board = page.querySelector<Widget>('case-board')!;
    const panel = page.querySelector<Widget>('satisfaction-panel')!;
    const counts = () =>
      text(panel.shadowRoot?.querySelector('[data-rate=satisfaction] [part=counts]'));
    const before = await until(() => counts(), 'the satisfaction counts');
    const cases = await until(
      () => Number(/共 (\d+) 件/.exec(text(board.shadowRoot))?.[1]),
      'the board’s total',
    );

    const root = intake.shadowRoot!;
    const fill = (name: string, value: string) => {
      const control = root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
      control.value = value;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
    };
    await until(() => root.querySelector('[name=category] option[value=facility-damage]'), 'rules');
    const title = '仪表盘：13 栋门口井盖松动';
    fill('category', 'facility-damage');
    fill('title', title);
    fill('description', '走过时会响，晚上看不清。');
    fill('address', '华安社区 13 栋');
    fill('name', '李桂英');
    fill('phone', '138 0000 1234');
    await intake.updateComplete;
    root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => text(root.querySelector('[part=confirmation]')), 'the confirmation');
    // The board's total counts it (its lanes render only the cards in view).
    await until(
      () => text(board.shadowRoot).includes(`共 ${cases + 1} 件`),
      'the case on the board',
    );

    // The station handles it and the resident is called back, satisfied.
    const book = win.book!;
    const opened = book.list().find((one) => one.title === title)!;
    expect(opened.status).to.equal('dispatched');
    book.accept(opened.id, { by: 'station-zhou' });
    book.resolve(opened.id, { by: 'station-zhou', outcome: 'resolved' });
    book.followUp(opened.id, { rating: 'satisfied', at: new Date().toISOString() });
    await until(() => counts() !== before, 'the satisfaction counts to move');
    const [n, total] = (counts().match(/[\d,]+/g) ?? []).map((x) => Number(x.replace(/,/g, '')));
    const [n0, total0] = (before.match(/[\d,]+/g) ?? []).map((x) => Number(x.replace(/,/g, '')));
    expect([n, total]).to.deep.equal([n0! + 1, total0! + 1]);
  });
});
