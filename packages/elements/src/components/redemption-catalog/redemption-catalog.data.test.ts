// Where the catalogue gets its data: from src, with each state shown (error and retry, a
// skeleton, a bad record named, empty), from a surrounding provider, and every text field kept
// as text.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createPointsLedger } from '@lanewise/core/points';
import './redemption-catalog.js';
import '../lanewise-provider/lanewise-provider.js';
import type { RedemptionCatalog } from './redemption-catalog.js';
import {
  expectAccessible,
  expectTextOnly,
  q,
  qa,
  settle,
  stubFetch,
  textOf as text,
} from '../../testing/index.js';
import { NOW, sampleProgram } from '../points-wallet/fixtures/sample-points.js';
import { items, stationAxe } from './fixtures/catalog-testing.js';

describe('<redemption-catalog> data', () => {
  it('loads src, reads a surrounding provider, and shows each state', async () => {
    const fetches = stubFetch({
      '/points.json': [{ status: 500 }, { body: sampleProgram().snapshot().points }],
    });
    try {
      const el = await fixture<RedemptionCatalog>(
        html`<redemption-catalog
          lang="en"
          volunteer="v-li-hua"
          src="/points.json"
        ></redemption-catalog>`,
      );
      await waitUntil(() => q(el, '[role=alert]'), 'no error shown');
      expect(text(q(el, '[role=alert]'))).to.include('HTTP 500');
      await expectAccessible(el);
      const loaded = oneEvent(el, 'lw-load');
      (q(el, '[part=retry]') as HTMLButtonElement).click();
      await loaded;
      await el.updateComplete;
      expect(items(el)).to.have.length(4);
    } finally {
      fetches.restore();
    }
    /* eslint-disable lit-a11y/aria-role -- the widget's own role attribute (decisions.md) */
    const program = sampleProgram();
    const wrapper = await fixture(
      html`<lanewise-provider lang="en" .ledger=${program}>
        <redemption-catalog role="station" station="huana"></redemption-catalog>
      </lanewise-provider>`,
    );
    /* eslint-enable lit-a11y/aria-role */
    const el = wrapper.querySelector('redemption-catalog')!;
    await settle(el);
    expect(qa(el, '[part=reservation]')).to.have.length(1);
    await expectAccessible(el, stationAxe);
    // The provider's live programme takes the writes.
    (q(el, '[part=fulfil]') as HTMLButtonElement).click();
    await settle(el);
    expect(program.points.getRedemption('r-soap')).to.include({
      status: 'fulfilled',
      fulfilledBy: 'huana',
    });
  });

  it('shows a skeleton while loading, names a bad record and field, and says when it is empty', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const points = JSON.parse(JSON.stringify(sampleProgram().snapshot().points));
    points.items[1].cost = 0;
    const fetches = stubFetch({ '/bad.json': [{ body: points, gate }] });
    try {
      const el = await fixture<RedemptionCatalog>(
        html`<redemption-catalog lang="en" src="/bad.json"></redemption-catalog>`,
      );
      expect(q(el, '[part=skeleton]')).to.not.equal(null);
      await expectAccessible(el);
      open();
      await oneEvent(el, 'lw-error');
      await el.updateComplete;
      const alert = text(q(el, '[role=alert]'));
      expect(alert).to.include('items');
      expect(alert).to.include('cost');
      await expectAccessible(el);
    } finally {
      fetches.restore();
    }
    const empty = await fixture<RedemptionCatalog>(
      html`<redemption-catalog
        lang="en"
        .ledger=${createPointsLedger({ now: () => new Date(NOW) })}
      ></redemption-catalog>`,
    );
    expect(text(q(empty, '[part=empty]'))).to.include('No items to redeem yet');
    await expectAccessible(empty);
  });

  it('keeps every text field as text', async () => {
    await expectTextOnly(async (payload) => {
      const program = sampleProgram();
      program.points.addItem({ id: 'x', name: payload, cost: 1, stock: 2, stationId: payload });
      program.hours.record({
        id: 'x1',
        volunteerId: payload,
        activityId: 'a',
        start: '2026-12-03T08:00:00+08:00',
        end: '2026-12-03T09:00:00+08:00',
        recordedBy: 'org-zhao',
      });
      program.hours.approve('x1', { by: 'org-sun' });
      program.points.redeem({ id: 'rx', volunteerId: payload, itemId: 'x', quantity: 1 });
      /* eslint-disable lit-a11y/aria-role -- the widget's own role attribute (decisions.md) */
      return fixture(
        html`<div>
          <redemption-catalog volunteer=${payload} .ledger=${program}></redemption-catalog>
          <redemption-catalog
            role="station"
            station=${payload}
            .ledger=${program}
          ></redemption-catalog>
        </div>`,
      );
      /* eslint-enable lit-a11y/aria-role */
    });
  });
});
