// The dialog of an opened card: the case's facts, its whole history in words with local
// times, and, for the station, the forms that handle it.
import { html, nothing, type TemplateResult } from 'lit';
import type { CaseBook, CaseRecord } from '@lanewise/core/cases';
import type { BoardTerm } from './case-board.terms.js';
import { timelineFromEvents, timelineFromRecord, type TimelineEntry } from './case-timeline.js';
import type { StationActions, StationForm } from './station-actions.js';

/** What the dialog needs of the board. */
export interface DialogHost {
  readonly role: string;
  readonly station: StationActions;
  readonly liveBook: CaseBook | undefined;
  readonly timeZone: string;
  readonly nowMs: number;
  readonly calendar: {
    dayOf(instant: string | Date): string;
    addWorkingDays(from: string, n: number): string;
  };
  readonly l: { dateTime(value: string, options?: { timeZone?: string }): string };
  t(key: BoardTerm, values?: Record<string, string | number>): string;
  deadline(dueAt: string): string;
  dueText(record: CaseRecord): { text: string; tone: string };
  categoryLabel(id: string): string;
  tierLabel(id: string): string;
  closeCase(): void;
}

const CHANNELS = ['station', 'shop', 'hotline', 'app', 'web'];

function channelWords(host: DialogHost, channel: string): string {
  return CHANNELS.includes(channel)
    ? host.t(`channel_${channel}` as BoardTerm)
    : host.t('channel_other', { channel });
}

/** One history entry in words. */
function entryWords(host: DialogHost, entry: TimelineEntry): string {
  const t = host.t.bind(host);
  switch (entry.type) {
    case 'opened':
      return t('evOpened', {
        channel: channelWords(host, entry.channel),
        tier: host.tierLabel(entry.tier),
        due: host.deadline(entry.dueAt),
      });
    case 'accepted':
      return t('evAccepted', { by: entry.by });
    case 'acted':
      return t('evActed', {
        by: entry.by,
        kind: t(`kind_${entry.kind}` as BoardTerm),
        action: entry.action,
      });
    case 'extended':
      return t('evExtended', {
        by: entry.by,
        until: host.deadline(entry.until),
        reason: entry.reason,
      });
    case 'resolved':
      return t('evResolved', { by: entry.by, outcome: t(`outcome_${entry.outcome}` as BoardTerm) });
    case 'followed_up': {
      const rating = t(`rating_${entry.rating}` as BoardTerm);
      return entry.reopenDueAt
        ? t('evReopened', { rating, due: host.deadline(entry.reopenDueAt) })
        : t('evFollowedUp', { rating });
    }
    case 'closed':
      return t('evClosed');
    case 'duplicate':
      return t('evDuplicate', { of: entry.of });
    case 'escalated':
      if (entry.step === 'tier')
        return t('evTier', {
          tier: host.tierLabel(entry.toTier ?? ''),
          due: host.deadline(entry.newDueAt ?? entry.dueAt),
        });
      return t(entry.step === 'chase' ? 'evChase' : 'evNotice', {
        due: host.deadline(entry.dueAt),
      });
  }
}

/** The note that goes with an entry, if any: an action's note, a reason, a comment. */
function entryNote(entry: TimelineEntry): string | undefined {
  if (entry.type === 'acted' || entry.type === 'resolved') return entry.note;
  if (entry.type === 'followed_up') return entry.comment;
  return undefined;
}

function timeline(host: DialogHost, record: CaseRecord): TimelineEntry[] {
  const book = host.liveBook;
  // A live object that keeps no event log (any snapshot source) gives the record's own history.
  return typeof book?.events === 'function'
    ? timelineFromEvents(record.id, book.events())
    : timelineFromRecord(record);
}

const message = (host: DialogHost, form: StationForm, field?: string) => {
  const text = host.station.error(form, field);
  const id = field ? `${form}-${field}-error` : `${form}-error`;
  return html`<p class="message" part="field-error" id=${id} role=${field ? nothing : 'alert'}>
    ${text}
  </p>`;
};

const invalid = (host: DialogHost, form: StationForm, field: string) =>
  host.station.error(form, field) ? 'true' : 'false';

function field(
  host: DialogHost,
  form: StationForm,
  name: string,
  label: string,
  control: (id: string, describedBy: string) => TemplateResult,
) {
  const id = `${form}-${name}`;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${control(id, `${id}-error`)} ${message(host, form, name)}
  </div>`;
}

/**
 * A folded form of one command: its message, its fields and its submit button; submitting
 * hands the form element to `run`.
 */
function commandForm(
  host: DialogHost,
  form: StationForm,
  heading: BoardTerm,
  submit: BoardTerm,
  run: (element: HTMLFormElement) => void,
  fields: readonly TemplateResult[],
) {
  return html`<details class="command-form">
    <summary>${host.t(heading)}</summary>
    <form
      data-form=${form}
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        run(event.target as HTMLFormElement);
      }}
    >
      ${message(host, form)} ${fields}
      <button type="submit" class="lw-button">${host.t(submit)}</button>
    </form>
  </details>`;
}

/** A command that needs no input: one button and its message. */
function commandButton(host: DialogHost, form: StationForm, label: BoardTerm, run: () => void) {
  return html`<div class="command">
    <button type="button" class="lw-button" @click=${run}>${host.t(label)}</button>
    ${message(host, form)}
  </div>`;
}

/** The optional note of an action or a resolution. */
function noteField(host: DialogHost, form: StationForm) {
  return field(
    host,
    form,
    'note',
    host.t('note'),
    (id, described) =>
      html`<textarea
        id=${id}
        name="note"
        rows="2"
        maxlength="5000"
        aria-describedby=${described}
      ></textarea>`,
  );
}

function stationForms(host: DialogHost, record: CaseRecord) {
  const s = host.station;
  const t = host.t.bind(host);
  const open = record.status === 'dispatched' || record.status === 'in_progress';
  const beforeDue = host.nowMs < Date.parse(record.dueAt);
  const dueDay = host.calendar.dayOf(record.dueAt);
  const nextDay = host.calendar.addWorkingDays(dueDay, 1);
  const parts: TemplateResult[] = [];
  if (record.status === 'dispatched')
    parts.push(commandButton(host, 'accept', 'accept', () => s.accept(record)));
  if (record.status === 'in_progress') {
    parts.push(
      commandForm(host, 'act', 'actHeading', 'actSubmit', (form) => s.act(record, form), [
        field(
          host,
          'act',
          'kind',
          t('actKind'),
          (id, described) =>
            html`<select
              id=${id}
              name="kind"
              aria-describedby=${described}
              aria-invalid=${invalid(host, 'act', 'kind')}
            >
              ${(['service', 'manage', 'enforce'] as const).map(
                (kind) => html`<option value=${kind}>${t(`kind_${kind}`)}</option>`,
              )}
            </select>`,
        ),
        field(
          host,
          'act',
          'type',
          t('actType'),
          (id, described) =>
            html`<input
              id=${id}
              name="type"
              required
              maxlength="200"
              placeholder=${t('actTypeHint')}
              aria-describedby=${described}
              aria-invalid=${invalid(host, 'act', 'type')}
            />`,
        ),
        noteField(host, 'act'),
      ]),
    );
    parts.push(
      commandForm(
        host,
        'resolve',
        'resolveHeading',
        'resolveSubmit',
        (form) => s.resolve(record, form),
        [
          field(
            host,
            'resolve',
            'outcome',
            t('outcome'),
            (id, described) =>
              html`<select id=${id} name="outcome" aria-describedby=${described}>
                ${(['resolved', 'mediated', 'referred', 'unresolvable'] as const).map(
                  (outcome) => html`<option value=${outcome}>${t(`outcome_${outcome}`)}</option>`,
                )}
              </select>`,
          ),
          noteField(host, 'resolve'),
        ],
      ),
    );
  }
  if (open)
    parts.push(
      beforeDue
        ? commandForm(
            host,
            'extend',
            'extendHeading',
            'extendSubmit',
            (form) => s.extend(record, form),
            [
              field(
                host,
                'extend',
                'until',
                t('extendUntil'),
                (id, described) =>
                  html`<input
                    id=${id}
                    name="until"
                    type="date"
                    required
                    min=${nextDay}
                    aria-describedby=${described}
                    aria-invalid=${invalid(host, 'extend', 'until')}
                  />`,
              ),
              field(
                host,
                'extend',
                'reason',
                t('extendReason'),
                (id, described) =>
                  html`<input
                    id=${id}
                    name="reason"
                    required
                    maxlength="2000"
                    aria-describedby=${described}
                    aria-invalid=${invalid(host, 'extend', 'reason')}
                  />`,
              ),
            ],
          )
        : html`<p class="muted">${t('extendTooLate')}</p>`,
    );
  if (open)
    parts.push(
      commandForm(
        host,
        'duplicate',
        'duplicateHeading',
        'duplicateSubmit',
        (form) => s.duplicate(record, form),
        [
          field(
            host,
            'duplicate',
            'of',
            t('duplicateOf'),
            (id, described) =>
              html`<input
                id=${id}
                name="of"
                required
                maxlength="200"
                autocomplete="off"
                aria-describedby=${described}
                aria-invalid=${invalid(host, 'duplicate', 'of')}
              />`,
          ),
        ],
      ),
    );
  if (record.status === 'resolved')
    parts.push(commandButton(host, 'close', 'closeCase', () => s.close(record)));
  if (parts.length === 0) return nothing;
  return html`<section class="station" aria-labelledby="station-heading">
    <h4 id="station-heading" class="station-heading">${t('stationActions')}</h4>
    ${parts}
  </section>`;
}

/** The content of the dialog for `record`. */
export function renderCaseDialog(host: DialogHost, record: CaseRecord) {
  const t = host.t.bind(host);
  const due = host.dueText(record);
  const zone = { timeZone: host.timeZone };
  const entries = timeline(host, record);
  const reporter = record.reporter?.name;
  const hidden = record.attributes?.['namePrivate'] === true;
  return html`<div class="dialog-head">
      <div>
        <h3 id="dialog-title">${record.title}</h3>
        <p class="muted">${t('caseId', { id: record.id })}</p>
      </div>
      <button type="button" class="secondary" @click=${() => host.closeCase()}>
        ${t('close')}
      </button>
    </div>
    <dl class="facts">
      <div>
        <dt>${t('fieldStatus')}</dt>
        <dd>${t(`status_${record.status}` as BoardTerm)}</dd>
      </div>
      <div>
        <dt>${t('fieldCategory')}</dt>
        <dd>${host.categoryLabel(record.category)}</dd>
      </div>
      <div>
        <dt>${t('fieldTier')}</dt>
        <dd>${host.tierLabel(record.tier)}</dd>
      </div>
      <div>
        <dt>${t('fieldHandlers')}</dt>
        <dd>${record.handlers.join(' · ')}</dd>
      </div>
      <div>
        <dt>${t('fieldDue')}</dt>
        <dd>
          ${host.deadline(record.dueAt)} ·
          <span class="due" data-tone=${due.tone || nothing}>${due.text}</span>
        </dd>
      </div>
      ${
        record.location?.address
          ? html`<div>
              <dt>${t('fieldWhere')}</dt>
              <dd>${record.location.address}</dd>
            </div>`
          : nothing
      }
      ${
        reporter
          ? html`<div>
              <dt>${t('fieldReporter')}</dt>
              <dd>${hidden ? t('namePrivate') : reporter}</dd>
            </div>`
          : nothing
      }
    </dl>
    ${record.description ? html`<p class="description">${record.description}</p>` : nothing}
    <h4>${t('timeline')}</h4>
    <ol class="timeline" part="timeline">
      ${entries.map((entry) => {
        const note = entryNote(entry);
        return html`<li data-type=${entry.type}>
          <time datetime=${entry.at}>${host.l.dateTime(entry.at, zone)}</time>
          <span class="words">${entryWords(host, entry)}</span>
          ${note ? html`<span class="note">${note}</span>` : nothing}
        </li>`;
      })}
    </ol>
    ${host.role === 'station' ? stationForms(host, record) : nothing}`;
}
