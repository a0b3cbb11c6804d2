import { expect } from '@open-wc/testing';
import { loadPage } from './support/load-page.js';

type Widget = HTMLElement & { updateComplete: Promise<unknown> };

const text = (node: Node | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
async function until<T>(read: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Fills and submits <case-intake> as a resident would. */
async function submitCase(intake: Widget, title: string) {
  const root = intake.shadowRoot!;
  const fill = (name: string, value: string) => {
    const control = root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
    control.value = value;
    control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
  };
  await until(() => root.querySelector('[name=category] option[value=facility-damage]'), 'rules');
  fill('category', 'facility-damage');
  fill('title', title);
  fill('description', '走过时会响，晚上看不清。');
  fill('address', '华安社区 13 栋');
  fill('name', '李桂英');
  fill('phone', '138 0000 1234');
  await intake.updateComplete;
  root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
}

// Built by `npm run frameworks` (a step of `npm test`) with Vite from the packages' ESM.
for (const framework of ['react', 'vue']) {
  describe(`the widgets in a ${framework} page`, function () {
    this.timeout(30_000);

    it('binds the live book as a property and hears lw-case-submit; the case shows on the board', async () => {
      const page = await loadPage(`/examples/frameworks/${framework}/dist/index.html`);
      const intake = await until(() => page.querySelector<Widget>('case-intake'), 'the intake');
      const board = page.querySelector<Widget>('case-board')!;
      const title = `${framework}：13 栋门口井盖松动`;
      await submitCase(intake, title);
      // The framework's own state heard the event...
      await until(
        () => text(page.getElementById('submitted')).includes(title),
        'the page to hear lw-case-submit',
      );
      // ...and the book it bound opened the case, which the board shows.
      await until(
        () => text(intake.shadowRoot!.querySelector('[part=confirmation]')),
        'the confirmation',
      );
      await until(() => board.shadowRoot && text(board.shadowRoot).includes(title), 'the board');
      expect(text(page.getElementById('submitted'))).to.include('已提交 1 件');
    });
  });
}
