import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './case-board.js';
import '../lanewise-provider/lanewise-provider.js';
import type { CaseBoard } from './case-board.js';
import type { CaseBook, CaseRecord, CaseSnapshot } from '@lanewise/core/cases';
import { FakeLive, shadowText as text } from '../../testing/index.js';
import { FRIDAY } from '../case-intake/fixtures/make-book.js';
import {
  card,
  boardSuite,
  laneCounts,
  root,
  settle,
  stationBook,
} from './fixtures/board-testing.js';

const suite = boardSuite({ before, beforeEach, afterEach });

describe('<case-board> keyboard', () => {
  it('moves between cards and lanes with the arrow keys (one tab stop), opens with Enter, closes with Escape', async () => {
    const { book } = stationBook(suite.rules);
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
    const template = suite.sample.cases.find((record) => record.status === 'in_progress')!;
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
