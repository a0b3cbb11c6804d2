import { expect } from '@open-wc/testing';
import { loadPage } from './support/load-page.js';

describe('drop-in certificate page (CDN bundle only)', function () {
  // The first load compiles the page's modules on the test server: allow for a cold start.
  this.timeout(60_000);

  it('shows the example certificate in Chinese and in English from the example data', async () => {
    const page = await loadPage('/examples/drop-in/volunteer-certificate.html');
    const win = page.defaultView as Window & typeof globalThis;
    await win.customElements.whenDefined('volunteer-certificate');
    const [zh, en] = [...page.querySelectorAll('volunteer-certificate')];
    const loaded = (el: Element) =>
      new Promise<void>((resolve, reject) => {
        const poll = () => {
          const root = el.shadowRoot;
          if (root?.querySelector('[part=total]')) return resolve();
          if (root?.querySelector('[role=alert]')) return reject(new Error('certificate failed'));
          setTimeout(poll, 20);
        };
        poll();
      });
    await Promise.all([loaded(zh!), loaded(en!)]);
    const read = (el: Element, part: string) =>
      el.shadowRoot!.querySelector(`[part=${part}]`)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(read(zh!, 'title')).to.equal('志愿服务证明');
    expect(read(zh!, 'volunteer')).to.equal('李华');
    expect(read(zh!, 'total')).to.equal('340 小时 30 分');
    expect(read(en!, 'title')).to.equal('Certificate of Volunteer Service');
    expect(read(en!, 'total')).to.equal('340 h 30 min');
    expect(read(en!, 'serial')).to.equal('HA-2026-0017');
  });
});
