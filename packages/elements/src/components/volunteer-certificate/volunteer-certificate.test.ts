import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { createHoursLedger } from '@lanewise/core/hours';
import type { HoursCertificate } from '@lanewise/core/hours';
import { createVolunteerProgram, type VolunteerProgram } from '@lanewise/core/program';
import '../lanewise-provider/lanewise-provider.js';
import './volunteer-certificate.js';
import type { VolunteerCertificate } from './volunteer-certificate.js';
import {
  expectAccessible,
  expectTextOnly,
  shadowText as text,
  stubFetch,
} from '../../testing/index.js';

const fixtureUrl = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).href;
const sample: HoursCertificate = await (await fetch(fixtureUrl('certificate.json'))).json();

const root = (el: Element) => el.shadowRoot!;
const rows = (el: Element) =>
  [...root(el).querySelectorAll('[part=activities] tbody tr')].map((row) =>
    [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
  );
const settled = async (el: VolunteerCertificate) => {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
};

/** A program with two approved entries and one pending for v-li, on 1 and 2 March 2026. */
function programWithHours(): VolunteerProgram {
  const program = createVolunteerProgram({ now: () => new Date('2026-03-31T12:00:00+08:00') });
  const record = (id: string, activityId: string, start: string, end: string) =>
    program.hours.record({
      id,
      volunteerId: 'v-li',
      activityId,
      recordedBy: 'org-wang',
      start: `2026-03-${start}+08:00`,
      end: `2026-03-${end}+08:00`,
    });
  record('e1', '助老探访', '01T09:00:00', '01T11:30:00');
  record('e2', '平安巡逻', '02T19:00:00', '02T20:00:00');
  record('e3', '助老探访', '03T09:00:00', '03T10:00:00');
  program.hours.approve('e1', { by: 'org-zhao' });
  program.hours.approve('e2', { by: 'org-zhao' });
  return program;
}

const liveCertificate = (program: VolunteerProgram, lang = 'zh-CN') =>
  fixture<VolunteerCertificate>(
    html`<volunteer-certificate
      lang=${lang}
      .ledger=${program}
      volunteer="v-li"
      from="2026-03-01"
      to="2026-03-31"
      issuer="华安社区居民委员会"
      serial="HA-2026-0001"
    ></volunteer-certificate>`,
  );

describe('<volunteer-certificate> from data', () => {
  it('shows every part of the certificate in Chinese, and is accessible', async () => {
    const el = await fixture<VolunteerCertificate>(
      html`<volunteer-certificate lang="zh-CN" .data=${sample} volunteer-name="李华">
      </volunteer-certificate>`,
    );
    expect(text(el, '[part=title]')).to.equal('志愿服务证明');
    expect(text(el, '[part=subtitle]')).to.equal('Certificate of Volunteer Service');
    expect(text(el, '[part=volunteer]')).to.equal('李华');
    expect(text(el, '.volunteer-id')).to.equal('志愿者编号 v-li-hua');
    expect(text(el, '[part=period]')).to.equal(
      '于 2026年1月1日 至 2026年11月30日 期间参加志愿服务，经审核认定的服务时长共计',
    );
    expect(text(el, '[part=total]')).to.equal('5 小时');
    expect(root(el).querySelectorAll('[part=stars] .star').length).to.equal(2);
    expect(text(el, '[part=stars]')).to.equal('二星级志愿者');
    expect(rows(el)).to.deep.equal([
      ['助老探访', '2 次', '3 小时 30 分'],
      ['平安巡逻', '1 次', '1 小时 30 分'],
    ]);
    expect(text(el, '[part=issuer]')).to.equal('华安社区居民委员会');
    expect(text(el, '[part=serial]')).to.equal('HA-2026-0017');
    expect(text(el, '[part=issued-on]')).to.equal('2026年12月1日');
    // The seal carries the issuer around its ring, one character each.
    const ring = [...root(el).querySelectorAll('[part=seal] .seal-char')].map((c) => c.textContent);
    expect(ring.join('')).to.equal('华安社区居民委员会');
    await expectAccessible(el);
  });

  it('switches to English when the nearest lang changes', async () => {
    const wrapper = await fixture(
      html`<div lang="zh-CN"><volunteer-certificate .data=${sample}></volunteer-certificate></div>`,
    );
    const el = wrapper.querySelector('volunteer-certificate')!;
    expect(text(el, '[part=title]')).to.equal('志愿服务证明');
    wrapper.setAttribute('lang', 'en');
    await settled(el);
    expect(text(el, '[part=title]')).to.equal('Certificate of Volunteer Service');
    expect(root(el).querySelector('[part=subtitle]')).to.equal(null);
    // No name given: the volunteer's id is the name, said once.
    expect(text(el, '[part=volunteer]')).to.equal('v-li-hua');
    expect(root(el).querySelector('.volunteer-id')).to.equal(null);
    expect(text(el, '[part=period]')).to.equal(
      'served as a volunteer from 1 Jan 2026 to 30 Nov 2026, with approved service totalling',
    );
    expect(text(el, '[part=total]')).to.equal('5 h');
    expect(text(el, '[part=stars]')).to.equal('2-star volunteer');
    expect(rows(el)).to.deep.equal([
      ['助老探访', '2 times', '3 h 30 min'],
      ['平安巡逻', '1 time', '1 h 30 min'],
    ]);
    expect(text(el, '[part=issued-on]')).to.equal('1 Dec 2026');
    expect(text(el, '[part=print-button]')).to.equal('Print certificate');
    await expectAccessible(el);
    wrapper.setAttribute('lang', 'zh-CN');
    await settled(el);
    expect(text(el, '[part=print-button]')).to.equal('打印证明');
  });

  it('says so when the volunteer has no star level yet, and draws no star', async () => {
    const el = await fixture<VolunteerCertificate>(
      html`<volunteer-certificate lang="en" .data=${{ ...sample, starLevel: 0 }}>
      </volunteer-certificate>`,
    );
    expect(root(el).querySelector('.star')).to.equal(null);
    expect(text(el, '[part=stars]')).to.equal('No star level reached yet');
  });

  it('shows an empty state for a certificate with no approved service', async () => {
    const el = await fixture<VolunteerCertificate>(
      html`<volunteer-certificate
        lang="en"
        .data=${{ ...sample, totalMinutes: 0, entries: [], activities: [] }}
      ></volunteer-certificate>`,
    );
    expect(root(el).querySelector('[part=base]')).to.equal(null);
    expect(text(el, '[part=empty-title]')).to.equal('No approved service in this period yet.');
    await expectAccessible(el);
  });

  it('names the record and the field of bad data, and shows nothing of it', async () => {
    const bad = structuredClone(sample) as unknown as { activities: { minutes: number }[] };
    bad.activities[1]!.minutes = 1.5;
    const el = await fixture<VolunteerCertificate>(
      html`<volunteer-certificate lang="en" .data=${bad}></volunteer-certificate>`,
    );
    expect(text(el, '[role=alert] [part=error-message]')).to.equal(
      'The data has a mistake: in activities, record 2, field “minutes”: must be a whole number',
    );
    expect(root(el).querySelector('[part=base]')).to.equal(null);
    await expectAccessible(el);
  });

  it('keeps untrusted text as text: name, volunteer id, activities, issuer, serial', async () => {
    await expectTextOnly((payload) =>
      fixture(
        html`<volunteer-certificate
          volunteer-name=${payload}
          .data=${{
            ...sample,
            volunteerId: payload,
            issuer: payload,
            serial: payload,
            activities: [{ activityId: payload, minutes: 60, entries: 1 }],
          }}
        ></volunteer-certificate>`,
      ),
    );
    // A short name goes round the seal, still as text.
    await expectTextOnly((payload) =>
      fixture(
        html`<volunteer-certificate
          .data=${{ ...sample, issuer: payload.slice(0, 16) + payload }}
        ></volunteer-certificate>`,
      ),
    );
  });
});

describe('<volunteer-certificate> from src', () => {
  it('loads a src URL and fires lw-load with the certificate', async () => {
    const el = document.createElement('volunteer-certificate');
    el.lang = 'en';
    const loaded = oneEvent(el, 'lw-load');
    el.src = fixtureUrl('certificate.json');
    document.body.append(el);
    try {
      const event = await loaded;
      await el.updateComplete;
      expect(event.detail.serial).to.equal('HA-2026-0017');
      expect(text(el, '[part=total]')).to.equal('5 h');
    } finally {
      el.remove();
    }
  });

  it('names the bad field of a bad file', async () => {
    const el = await fixture<VolunteerCertificate>(
      html`<volunteer-certificate lang="zh-CN" src=${fixtureUrl('bad-certificate.json')}>
      </volunteer-certificate>`,
    );
    const event = await oneEvent(el, 'lw-error');
    await el.updateComplete;
    expect(event.detail.message).to.equal(
      '数据有误：activities 的第 2 条记录，字段“minutes”：不能小于 0',
    );
    expect(text(el, '[role=alert] [part=error-message]')).to.equal(event.detail.message);
  });

  it('shows a skeleton while loading, the HTTP status after a failed fetch, and retries', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { calls, restore } = stubFetch({
      '/cert-flaky.json': [{ status: 503, gate }, { body: sample }],
    });
    try {
      const el = await fixture<VolunteerCertificate>(
        html`<volunteer-certificate lang="en" src="/cert-flaky.json"></volunteer-certificate>`,
      );
      expect(root(el).querySelector('[part=skeleton] .lw-bar-figure')).to.exist;
      await expectAccessible(el);
      const failed = oneEvent(el, 'lw-error');
      open();
      await failed;
      await el.updateComplete;
      expect(text(el, '[role=alert] [part=error-message]')).to.match(
        /^Could not load .*cert-flaky\.json: the server answered HTTP 503\.$/,
      );
      await expectAccessible(el);
      const loaded = oneEvent(el, 'lw-load');
      (root(el).querySelector('[part=retry]') as HTMLButtonElement).click();
      await loaded;
      await el.updateComplete;
      expect(calls.length).to.equal(2);
      expect(text(el, '[part=serial]')).to.equal('HA-2026-0017');
    } finally {
      restore();
    }
  });

  it('tells how to feed it when it has no source', async () => {
    const el = await fixture<VolunteerCertificate>(
      html`<volunteer-certificate lang="en"></volunteer-certificate>`,
    );
    expect(text(el, '[part=empty-hint]')).to.equal(
      'Give this widget a src, data or a live object to show something here.',
    );
    await expectAccessible(el);
  });
});

describe('<volunteer-certificate> from a live ledger', () => {
  it('issues the certificate from a volunteer program and follows its changes', async () => {
    const program = programWithHours();
    const el = await liveCertificate(program);
    expect(text(el, '[part=volunteer]')).to.equal('v-li');
    expect(text(el, '[part=total]')).to.equal('3 小时 30 分');
    expect(rows(el)).to.deep.equal([
      ['助老探访', '1 次', '2 小时 30 分'],
      ['平安巡逻', '1 次', '1 小时'],
    ]);
    expect(text(el, '[part=serial]')).to.equal('HA-2026-0001');
    expect(text(el, '[part=issued-on]')).to.equal('2026年3月31日');
    expect(text(el, '[part=stars]')).to.equal('尚未达到星级');
    await expectAccessible(el);

    // Approving the pending entry changes the ledger: the certificate follows.
    program.hours.approve('e3', { by: 'org-zhao' });
    await settled(el);
    expect(text(el, '[part=total]')).to.equal('4 小时 30 分');
    expect(rows(el)[0]).to.deep.equal(['助老探访', '2 次', '3 小时 30 分']);

    // A narrower period is issued again from the same ledger.
    el.to = '2026-03-01';
    await settled(el);
    expect(text(el, '[part=total]')).to.equal('2 小时 30 分');
    expect(rows(el)).to.deep.equal([['助老探访', '1 次', '2 小时 30 分']]);
  });

  it('takes an hour ledger on its own', async () => {
    const ledger = createHoursLedger({ now: () => new Date('2026-03-31T12:00:00+08:00') });
    ledger.record({
      id: 'h1',
      volunteerId: 'v-zhao',
      activityId: 'repair',
      recordedBy: 'org-wang',
      start: '2026-03-05T09:00:00+08:00',
      end: '2026-03-05T10:15:00+08:00',
    });
    ledger.approve('h1', { by: 'org-li' });
    const el = await fixture<VolunteerCertificate>(
      html`<volunteer-certificate
        lang="en"
        .ledger=${ledger}
        volunteer="v-zhao"
        from="2026-03-01"
        to="2026-03-31"
        issuer="Huana community"
        serial="HN-1"
      ></volunteer-certificate>`,
    );
    expect(text(el, '[part=total]')).to.equal('1 h 15 min');
    expect(text(el, '[part=issuer]')).to.equal('Huana community');
  });

  it("shows the core's error in the page's language, and asks for a volunteer", async () => {
    const program = programWithHours();
    const el = await liveCertificate(program, 'en');
    el.volunteer = 'v-nobody';
    await settled(el);
    expect(text(el, '[role=alert] [part=error-message]')).to.equal(
      'The certificate could not be made: Nothing has the id "v-nobody".',
    );
    await expectAccessible(el);
    el.lang = 'zh-CN';
    await settled(el);
    expect(text(el, '[role=alert] [part=error-message]')).to.equal(
      '无法开具证明：找不到编号为“v-nobody”的记录。',
    );
    el.volunteer = 'v-li';
    el.issuer = '';
    await settled(el);
    expect(text(el, '[role=alert] [part=error-message]')).to.equal('无法开具证明：issuer：必填');
    el.volunteer = '';
    await settled(el);
    expect(text(el, '[part=empty-title]')).to.equal('请选择为哪位志愿者开具证明。');
    await expectAccessible(el);
  });

  it('shows an empty state for a period with no approved service', async () => {
    const el = await liveCertificate(programWithHours(), 'en');
    el.from = '2026-03-03';
    await settled(el);
    expect(text(el, '[part=empty-title]')).to.equal('No approved service in this period yet.');
  });
});

describe('<volunteer-certificate> in a provider', () => {
  it("takes the provider's document, or its live ledger", async () => {
    const wrapper = await fixture(
      html`<lanewise-provider lang="en" .data=${sample}>
        <volunteer-certificate></volunteer-certificate>
      </lanewise-provider>`,
    );
    const el = wrapper.querySelector('volunteer-certificate')!;
    await settled(el);
    expect(text(el, '[part=serial]')).to.equal('HA-2026-0017');

    const live = await fixture(
      html`<lanewise-provider lang="en" .ledger=${programWithHours()}>
        <volunteer-certificate
          volunteer="v-li"
          from="2026-03-01"
          to="2026-03-31"
          issuer="Huana"
          serial="HN-9"
        ></volunteer-certificate>
      </lanewise-provider>`,
    );
    const fed = live.querySelector('volunteer-certificate')!;
    await settled(fed);
    expect(text(fed, '[part=total]')).to.equal('3 h 30 min');
  });
});

describe('<volunteer-certificate> printing', () => {
  const realPrint = window.print;
  let printed = 0;
  beforeEach(() => {
    printed = 0;
    window.print = () => {
      printed += 1;
    };
  });
  afterEach(() => {
    window.print = realPrint;
  });

  it('fires lw-print, then prints; from the keyboard too', async () => {
    const el = await fixture<VolunteerCertificate>(
      html`<volunteer-certificate .data=${sample}></volunteer-certificate>`,
    );
    const button = root(el).querySelector<HTMLButtonElement>('[part=print-button]')!;
    const fired = oneEvent(el, 'lw-print');
    button.click();
    const event = await fired;
    expect(event.detail).to.deep.equal({ volunteerId: 'v-li-hua', serial: 'HA-2026-0017' });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(printed).to.equal(1);

    button.focus();
    expect(root(el).activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    expect(printed).to.equal(2);
  });

  it('does not print when lw-print is cancelled', async () => {
    const el = await fixture<VolunteerCertificate>(
      html`<volunteer-certificate .data=${sample}></volunteer-certificate>`,
    );
    el.addEventListener('lw-print', (event) => event.preventDefault());
    root(el).querySelector<HTMLButtonElement>('[part=print-button]')!.click();
    expect(printed).to.equal(0);
  });

  it('prints on A4 without the button', async () => {
    const el = await fixture<VolunteerCertificate>(
      html`<volunteer-certificate .data=${sample}></volunteer-certificate>`,
    );
    const pageRules = [...document.querySelectorAll('style[data-lanewise-certificate-page]')];
    expect(pageRules.length).to.equal(1);
    expect(pageRules[0]!.textContent).to.contain('size: A4');
    const actions = root(el).querySelector('[part=actions]')!;
    expect(getComputedStyle(actions).display).to.equal('flex');
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(actions).display).to.equal('none');
      expect(getComputedStyle(root(el).querySelector('[part=base]')!).boxShadow).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
