import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createHoursLedger } from '@lanewise/core/hours';
import './volunteer-ledger.js';
import type { VolunteerLedger } from './volunteer-ledger.js';
import { expectAccessible, q, settle, textOf as text } from '../../testing/index.js';
import { ANCHOR, NOW, sampleLedger, sampleProgram } from './fixtures/sample-ledger.js';

const rowOf = (el: VolunteerLedger, date: string) =>
  [...el.shadowRoot!.querySelectorAll('.body [role=row]')].find(
    (row) => text(row.querySelector('.date')) === date,
  )!;
const statusOf = (ledger: { snapshot(): unknown }, id: string) => {
  const snapshot = ledger.snapshot() as {
    entries?: { id: string; status: string }[];
    hours?: { entries: { id: string; status: string }[] };
  };
  return (snapshot.entries ?? snapshot.hours!.entries).find((entry) => entry.id === id)?.status;
};
const announced = (el: VolunteerLedger) => text(q(el, '[part=announcer]'));
// The public role="organizer" attribute is the widget's API, not an ARIA role (see decisions).
const organizerAxe = { ignoredRules: ['aria-roles'] };

function fill(el: VolunteerLedger, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const control = q<HTMLInputElement>(el, `[name=${name}]`)!;
    control.value = value;
  }
}
const submit = async (el: VolunteerLedger) => {
  q<HTMLButtonElement>(el, '[part=submit]')!.click();
  await el.updateComplete;
};
const fieldError = (el: VolunteerLedger, field: string) =>
  text(q(el, `[data-field=${field}] [part=field-error]`));

describe('<volunteer-ledger> writes', () => {
  it('approves a pending row through a cancelable lw-approve, and the programme earns points', async () => {
    const program = sampleProgram();
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        role="organizer"
        actor="org-sun"
        volunteer="v-li-hua"
        anchor=${ANCHOR}
        .ledger=${program}
      ></volunteer-ledger>`,
    );
    const approve = rowOf(el, '20 Mar 2025').querySelector<HTMLButtonElement>('[part~=approve]')!;
    // A page that cancels the event keeps the entry as it was.
    const cancel = (event: Event) => event.preventDefault();
    el.addEventListener('lw-approve', cancel, { once: true });
    approve.click();
    await settle(el);
    expect(statusOf(program, 'e3')).to.equal('pending');

    const fired = oneEvent(el, 'lw-approve');
    rowOf(el, '20 Mar 2025').querySelector<HTMLButtonElement>('[part~=approve]')!.click();
    const event = await fired;
    expect(event.detail).to.deep.equal({ id: 'e3', by: 'org-sun' });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await settle(el);
    expect(statusOf(program, 'e3')).to.equal('approved');
    expect(program.points.balance('volunteer:v-li-hua').available).to.be.greaterThan(0);
    expect(text(rowOf(el, '20 Mar 2025').querySelector('.badge'))).to.equal('Approved');
    expect(announced(el)).to.equal('1 entry approved.');
    await expectAccessible(el, organizerAxe);
  });

  it('approves several selected rows with one lw-approve for each', async () => {
    const ledger = createHoursLedger({ now: () => new Date(NOW) });
    for (const [id, day] of [
      ['a', '2025-03-03'],
      ['b', '2025-03-04'],
      ['c', '2025-03-05'],
    ]) {
      ledger.record({
        id: id!,
        volunteerId: 'v-li-hua',
        activityId: '助老探访',
        start: `${day}T09:00:00+08:00`,
        end: `${day}T10:00:00+08:00`,
        recordedBy: 'org-zhao',
      });
    }
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        role="organizer"
        actor="org-sun"
        anchor=${ANCHOR}
        .ledger=${ledger}
      ></volunteer-ledger>`,
    );
    const button = q<HTMLButtonElement>(el, '[part=approve-selected]')!;
    expect(button.disabled).to.equal(true);
    for (const date of ['3 Mar 2025', '5 Mar 2025']) {
      const box = rowOf(el, date).querySelector<HTMLInputElement>('input[type=checkbox]')!;
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    }
    await el.updateComplete;
    expect(text(button)).to.equal('Approve 2 selected');
    const seen: unknown[] = [];
    el.addEventListener('lw-approve', (event) => seen.push((event as CustomEvent).detail));
    button.click();
    await settle(el);
    expect(seen).to.deep.equal([
      { id: 'a', by: 'org-sun' },
      { id: 'c', by: 'org-sun' },
    ]);
    expect(['a', 'b', 'c'].map((id) => statusOf(ledger, id))).to.deep.equal([
      'approved',
      'pending',
      'approved',
    ]);
    expect(announced(el)).to.equal('2 entries approved.');
  });

  it('asks for a reason before lw-reject, and shows a core error in the page’s language', async () => {
    const ledger = sampleLedger();
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        role="organizer"
        actor="org-sun"
        volunteer="v-li-hua"
        anchor=${ANCHOR}
        .ledger=${ledger}
      ></volunteer-ledger>`,
    );
    rowOf(el, '20 Mar 2025').querySelector<HTMLButtonElement>('[part~=reject]')!.click();
    await settle(el);
    const dialog = q<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    await expectAccessible(el, organizerAxe);
    const confirm = dialog.querySelector<HTMLButtonElement>('button[type=submit]')!;
    confirm.click();
    await el.updateComplete;
    expect(text(dialog.querySelector('.field-error'))).to.equal('Give a reason.');
    expect(statusOf(ledger, 'e3')).to.equal('pending');
    dialog.querySelector('textarea')!.value = '<b>not there</b>';
    const fired = oneEvent(el, 'lw-reject');
    confirm.click();
    expect((await fired).detail).to.deep.equal({
      id: 'e3',
      by: 'org-sun',
      reason: '<b>not there</b>',
    });
    await settle(el);
    expect(dialog.open).to.equal(false);
    expect(statusOf(ledger, 'e3')).to.equal('rejected');
    expect(text(rowOf(el, '20 Mar 2025').querySelector('.reason'))).to.equal('<b>not there</b>');

    // Revoking an approved entry: the core refuses a second-person rule breach in English.
    rowOf(el, '10 Mar 2025').querySelector<HTMLButtonElement>('[part~=revoke]')!.click();
    await settle(el);
    dialog.querySelector('textarea')!.value = '记错了';
    const revoked = oneEvent(el, 'lw-revoke');
    confirm.click();
    expect((await revoked).detail.reason).to.equal('记错了');
    await settle(el);
    expect(statusOf(ledger, 'e2')).to.equal('revoked');
  });

  it('says the actor is missing instead of writing as nobody', async () => {
    const ledger = sampleLedger();
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        role="organizer"
        volunteer="v-li-hua"
        anchor=${ANCHOR}
        .ledger=${ledger}
      ></volunteer-ledger>`,
    );
    rowOf(el, '20 Mar 2025').querySelector<HTMLButtonElement>('[part~=approve]')!.click();
    await el.updateComplete;
    expect(text(q(el, '[part=action-error]'))).to.include('actor');
    expect(statusOf(ledger, 'e3')).to.equal('pending');
  });

  it('shows a core refusal beside the row actions in the page’s language', async () => {
    const ledger = createHoursLedger({
      now: () => new Date(NOW),
      policy: { approval: 'second-person' },
    });
    ledger.record({
      id: 'own',
      volunteerId: 'v-li-hua',
      activityId: '助老探访',
      start: '2025-03-03T09:00:00+08:00',
      end: '2025-03-03T10:00:00+08:00',
      recordedBy: 'org-sun',
    });
    /* eslint-disable lit-a11y/aria-role -- the widget's own role attribute (decisions.md) */
    const el = await fixture<VolunteerLedger>(
      html`<div lang="zh-CN">
        <volunteer-ledger
          role="organizer"
          actor="org-sun"
          anchor=${ANCHOR}
          .ledger=${ledger}
        ></volunteer-ledger>
      </div>`,
    );
    /* eslint-enable lit-a11y/aria-role */
    const ledgerEl = el.querySelector('volunteer-ledger')!;
    await ledgerEl.updateComplete;
    ledgerEl.shadowRoot!.querySelector<HTMLButtonElement>('[part~=approve]')!.click();
    await ledgerEl.updateComplete;
    const message = text(ledgerEl.shadowRoot!.querySelector('[part=action-error]'));
    expect(message).to.match(/[\u4e00-\u9fff]/);
    expect(message).to.not.include('SELF_APPROVAL');
    expect(statusOf(ledger, 'own')).to.equal('pending');
  });

  it('records through the form: required fields, then the core’s rules beside each field', async () => {
    const ledger = sampleLedger();
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        editable
        actor="org-zhao"
        volunteer="v-li-hua"
        anchor=${ANCHOR}
        .ledger=${ledger}
      ></volunteer-ledger>`,
    );
    const before = ledger.snapshot().entries.length;
    await submit(el);
    expect(fieldError(el, 'activity')).to.equal('Fill in this field.');
    expect(fieldError(el, 'start')).to.equal('Fill in this field.');
    expect(q(el, '[name=activity]')!.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);

    fill(el, { activity: '助老探访', start: '2025-03-21T10:00', end: '2025-03-21T09:00' });
    await submit(el);
    expect(fieldError(el, 'end')).to.not.equal('');
    expect(fieldError(el, 'start')).to.equal('');

    // Overlaps e3 (20 March, 15:00 to 17:00): the core says so beside the start.
    fill(el, { activity: '助老探访', start: '2025-03-20T16:00', end: '2025-03-20T18:00' });
    await submit(el);
    expect(fieldError(el, 'start')).to.not.equal('');
    expect(fieldError(el, 'start')).to.not.include('OVERLAP');

    // After the clock: a future entry.
    fill(el, { activity: '助老探访', start: '2025-04-02T09:00', end: '2025-04-02T10:00' });
    await submit(el);
    expect(fieldError(el, 'end')).to.not.equal('');
    expect(ledger.snapshot().entries.length).to.equal(before);

    fill(el, {
      activity: '助老探访',
      start: '2025-03-21T09:00',
      end: '2025-03-21T11:15',
      note: '陪同就医',
    });
    const fired = oneEvent(el, 'lw-record');
    await submit(el);
    const detail = (await fired).detail;
    expect(detail).to.include({
      volunteerId: 'v-li-hua',
      activityId: '助老探访',
      start: '2025-03-21T09:00:00+08:00',
      end: '2025-03-21T11:15:00+08:00',
      recordedBy: 'org-zhao',
      note: '陪同就医',
    });
    await settle(el);
    const entry = ledger.snapshot().entries.find((one) => one.id === detail.id)!;
    expect(entry.durationMinutes).to.equal(135);
    expect(announced(el)).to.equal('Recorded 2 h 15 min of 助老探访.');
    expect(q<HTMLInputElement>(el, '[name=activity]')!.value).to.equal('');
  });

  it('records nothing when lw-record is cancelled, and only fires it with no live ledger', async () => {
    const ledger = sampleLedger();
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        editable
        volunteer="v-li-hua"
        anchor=${ANCHOR}
        .ledger=${ledger}
      ></volunteer-ledger>`,
    );
    el.addEventListener('lw-record', (event) => event.preventDefault());
    fill(el, { activity: '助老探访', start: '2025-03-22T09:00', end: '2025-03-22T10:00' });
    const before = ledger.snapshot().version;
    await submit(el);
    await settle(el);
    expect(ledger.snapshot().version).to.equal(before);

    const team = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        editable
        actor="org-zhao"
        anchor=${ANCHOR}
        .data=${sampleLedger().snapshot()}
      ></volunteer-ledger>`,
    );
    fill(team, {
      volunteer: 'v-wang-fang',
      activity: '课业辅导',
      start: '2025-03-22T09:00',
      end: '2025-03-22T10:00',
    });
    const fired = oneEvent(team, 'lw-record');
    await submit(team);
    expect((await fired).detail.volunteerId).to.equal('v-wang-fang');
  });

  it('moves the roving focus between rows with the arrow keys', async () => {
    const el = await fixture<VolunteerLedger>(
      html`<volunteer-ledger
        lang="en"
        anchor=${ANCHOR}
        .data=${sampleLedger().snapshot()}
      ></volunteer-ledger>`,
    );
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.body [role=row]')];
    expect(rows.map((row) => row.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    rows[0]!.focus();
    rows[0]!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }),
    );
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(rows[1]);
    el.shadowRoot!.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }),
    );
    await settle(el);
    expect(el.shadowRoot!.activeElement!.getAttribute('aria-rowindex')).to.equal('6');
  });
});
