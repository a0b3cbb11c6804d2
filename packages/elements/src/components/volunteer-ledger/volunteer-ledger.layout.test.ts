import { expect, fixture, html } from '@open-wc/testing';
import './volunteer-ledger.js';
import type { VolunteerLedger } from './volunteer-ledger.js';
import { q, settle } from '../../testing/index.js';
import { ANCHOR, sampleLedger } from './fixtures/sample-ledger.js';

/** True when two boxes share any area. */
const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The team form at `width` pixels, in `lang`. */
const teamForm = (width: number, lang: string) =>
  fixture<VolunteerLedger>(
    html`<div style="inline-size: ${width}px">
      <volunteer-ledger
        lang=${lang}
        role="organizer"
        actor="org-sun"
        editable
        anchor=${ANCHOR}
        .ledger=${sampleLedger()}
      ></volunteer-ledger>
    </div>`,
  ).then((wrapper) => wrapper.querySelector('volunteer-ledger') as VolunteerLedger);

describe('<volunteer-ledger> layout', () => {
  for (const [width, lang] of [
    [1280, 'en'],
    [1280, 'zh-CN'],
    [360, 'en'],
    [360, 'zh-CN'],
  ] as const) {
    it(`keeps every field of the record form inside its own column at ${width} px in ${lang}`, async () => {
      const el = await teamForm(width, lang);
      await settle(el);
      const fields = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.fields .field')];
      expect(fields.length).to.be.greaterThan(3);
      const controls = fields.map((field) =>
        field.querySelector<HTMLElement>('input, select, textarea')!,
      );
      for (const [index, control] of controls.entries()) {
        const box = control.getBoundingClientRect();
        const column = fields[index]!.getBoundingClientRect();
        // Each control fills its field and ends inside it...
        expect(box.right).to.be.at.most(column.right + 0.5);
        expect(box.width).to.be.closeTo(column.width, 1);
        // ...and covers no other field's control.
        for (const other of controls.slice(index + 1)) {
          expect(overlap(box, other.getBoundingClientRect())).to.equal(false);
        }
      }
    });
  }

  it('shows the reason dialog without the row reason’s dash, as wide as it may be', async () => {
    const el = await teamForm(1280, 'en');
    await settle(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=reject]')!.click();
    await settle(el);
    const dialog = q<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(getComputedStyle(dialog, '::before').content).to.equal('none');
    const expected = Math.min(28 * 16, window.innerWidth - 32);
    expect(dialog.getBoundingClientRect().width).to.be.closeTo(expected, 1);
  });
});
