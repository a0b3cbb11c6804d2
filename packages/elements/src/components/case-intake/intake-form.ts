import { html, nothing } from 'lit';
import { live as liveValue } from 'lit/directives/live.js';
import type { CaseBook, CaseRecord } from '@lanewise/core/cases';
import type { RoutingConfig } from '@lanewise/core/routing';
import type { LocalizeController } from '../../localize/localize-controller.js';
import { intakeTerms as terms, type IntakeTerm } from './case-intake.terms.js';
import { categoryChoices } from './case-words.js';
import type { IntakeField, IntakeFields } from './intake-input.js';

/** The longest account the form takes (the core allows more; a form needs a visible limit). */
const DESCRIPTION_MAX = 2000;
const OPEN_SHOWN = 3;

/** Messages beside the fields, and one for the form as a whole. */
export type IntakeErrors = Partial<Record<IntakeField | 'form', string>>;

/** What the form needs from the widget to render. */
export interface IntakeFormContext {
  readonly fields: IntakeFields;
  readonly errors: IntakeErrors;
  readonly locating: boolean;
  readonly sent: boolean;
  /** The place found by the browser, in words; '' when none. */
  readonly locationText: string;
  /** The book whose open cases of the chosen category are shown. */
  readonly book: CaseBook | undefined;
  readonly localize: LocalizeController;
  readonly t: (key: IntakeTerm, values?: Record<string, string | number>) => string;
  readonly set: <K extends keyof IntakeFields>(key: K, value: IntakeFields[K]) => void;
  readonly onInput: (name: IntakeField, event: Event) => void;
  readonly onLocate: () => void;
  readonly onClearLocation: () => void;
  readonly onSubmit: (event: Event) => void;
}

function describedBy(name: IntakeField, ...more: string[]): string {
  return [...more, `${name}-error`].join(' ');
}

function renderMessage(c: IntakeFormContext, name: IntakeField) {
  return html`<p class="message" id="${name}-error" part="field-error">${c.errors[name] ?? ''}</p>`;
}

function label(c: IntakeFormContext, name: IntakeField, text: string, required = false) {
  return html`<label for=${name}
    >${text}${
      required ? html`<span class="required" aria-hidden="true">${c.t('required')}</span>` : nothing
    }</label
  >`;
}

/** The open cases of the chosen category, so that a resident sees a problem already known. */
function renderOpenCases(c: IntakeFormContext, book: CaseBook | undefined, category: string) {
  if (!book || !category) return nothing;
  let open: readonly CaseRecord[];
  try {
    open = book.list({ category, status: ['dispatched', 'in_progress'] });
  } catch {
    return nothing;
  }
  const zone = book.timeZone;
  const shown = [...open].reverse().slice(0, OPEN_SHOWN);
  if (open.length === 0)
    return html`<p class="open-cases none" part="open-cases">${c.t('openNone')}</p>`;
  return html`<section class="open-cases" part="open-cases" aria-labelledby="open-heading">
    <h3 id="open-heading">${c.localize.plural(terms, 'openHeading', open.length)}</h3>
    <p class="hint">${c.t('openHint')}</p>
    <ul>
      ${shown.map(
        (record) =>
          html`<li>
            <span class="open-title">${record.title}</span>
            <span class="open-meta"
              >${c.t('received', {
                date: c.localize.date(record.receivedAt, { timeZone: zone }),
              })}${record.location?.address ? ` · ${record.location.address}` : ''}</span
            >
          </li>`,
      )}
    </ul>
    ${
      open.length > OPEN_SHOWN
        ? html`<p class="hint">
            ${c.localize.plural(terms, 'openMore', open.length - OPEN_SHOWN)}
          </p>`
        : nothing
    }
  </section>`;
}

/** The form: category, title, account, place and contact, each with its hint and message. */
export function renderIntakeForm(c: IntakeFormContext, config: RoutingConfig) {
  const locale = c.localize.locale;
  const choices = categoryChoices(config, locale);
  const f = c.fields;
  const chosen = choices.find((choice) => choice.id === f.category);
  const invalid = (name: IntakeField) => (c.errors[name] ? 'true' : 'false');
  return html`<form part="form" novalidate @submit=${c.onSubmit}>
    ${
      c.errors.form
        ? html`<p class="form-error" role="alert" part="form-error">${c.errors.form}</p>`
        : nothing
    }
    <div class="field" part="field">
      ${label(c, 'category', c.t('category'), true)}
      <select
        id="category"
        name="category"
        required
        aria-invalid=${invalid('category')}
        aria-describedby=${describedBy('category', 'category-hint')}
        .value=${liveValue(f.category)}
        @change=${(event: Event) => {
          c.onInput('category', event);
        }}
      >
        <option value="">${c.t('categoryPick')}</option>
        ${choices.map(
          (choice) =>
            html`<option value=${choice.id} ?selected=${choice.id === f.category}>
              ${choice.name}${choice.description ? ` — ${choice.description}` : ''}
            </option>`,
        )}
      </select>
      <p class="hint" id="category-hint">${chosen?.description ?? ''}</p>
      ${renderMessage(c, 'category')}
    </div>
    ${renderOpenCases(c, c.book, f.category)}
    <div class="field" part="field">
      ${label(c, 'title', c.t('title'), true)}
      <input
        id="title"
        name="title"
        required
        maxlength="500"
        autocomplete="off"
        aria-invalid=${invalid('title')}
        aria-describedby=${describedBy('title', 'title-hint')}
        .value=${liveValue(f.title)}
        @input=${(event: Event) => c.onInput('title', event)}
      />
      <p class="hint" id="title-hint">${c.t('titleHint')}</p>
      ${renderMessage(c, 'title')}
    </div>
    <div class="field" part="field">
      ${label(c, 'description', c.t('description'))}
      <textarea
        id="description"
        name="description"
        rows="4"
        maxlength=${DESCRIPTION_MAX}
        aria-invalid=${invalid('description')}
        aria-describedby=${describedBy('description', 'description-count')}
        .value=${liveValue(f.description)}
        @input=${(event: Event) => c.onInput('description', event)}
      ></textarea>
      <p class="hint count" id="description-count">
        ${c.t('count', {
          count: c.localize.number(f.description.length),
          max: c.localize.number(DESCRIPTION_MAX),
        })}
      </p>
      ${renderMessage(c, 'description')}
    </div>
    <div class="field" part="field">
      ${label(c, 'address', c.t('address'))}
      <div class="with-button">
        <input
          id="address"
          name="address"
          maxlength="500"
          autocomplete="street-address"
          aria-invalid=${invalid('address')}
          aria-describedby=${describedBy('address', 'address-hint', 'address-located')}
          .value=${liveValue(f.address)}
          @input=${(event: Event) => c.onInput('address', event)}
        />
        <button type="button" class="secondary" ?disabled=${c.locating} @click=${c.onLocate}>
          ${c.locating ? c.t('locating') : c.t('locate')}
        </button>
      </div>
      <p class="hint" id="address-hint">${c.t('addressHint')}</p>
      <p class="hint located" id="address-located">
        ${
          f.lat !== undefined
            ? html`${c.locationText}
                <button type="button" class="link" @click=${c.onClearLocation}>
                  ${c.t('clearLocation')}
                </button>`
            : nothing
        }
      </p>
      ${renderMessage(c, 'address')}
    </div>
    <fieldset class="contact">
      <legend>${c.t('contact')}</legend>
      <div class="pair">
        <div class="field" part="field">
          ${label(c, 'name', c.t('name'))}
          <input
            id="name"
            name="name"
            maxlength="200"
            autocomplete="name"
            aria-invalid=${invalid('name')}
            aria-describedby=${describedBy('name')}
            .value=${liveValue(f.name)}
            @input=${(event: Event) => c.onInput('name', event)}
          />
          ${renderMessage(c, 'name')}
        </div>
        <div class="field" part="field">
          ${label(c, 'phone', c.t('phone'))}
          <input
            id="phone"
            name="phone"
            type="tel"
            maxlength="50"
            pattern="[0-9+\\-\\s\\(\\)]{3,50}"
            autocomplete="tel"
            aria-invalid=${invalid('phone')}
            aria-describedby=${describedBy('phone', 'phone-hint')}
            .value=${liveValue(f.phone)}
            @input=${(event: Event) => c.onInput('phone', event)}
          />
          <p class="hint" id="phone-hint">${c.t('phoneHint')}</p>
          ${renderMessage(c, 'phone')}
        </div>
      </div>
      <div class="check">
        <input
          id="private"
          name="private"
          type="checkbox"
          aria-describedby="private-hint"
          .checked=${liveValue(f.namePrivate)}
          @change=${(event: Event) =>
            c.set('namePrivate', (event.target as HTMLInputElement).checked)}
        />
        <label for="private">${c.t('namePrivate')}</label>
        <p class="hint" id="private-hint">${c.t('namePrivateHint')}</p>
      </div>
    </fieldset>
    <div class="actions">
      <button type="submit" class="lw-button" part="submit">${c.t('submit')}</button>
      ${c.sent ? html`<p class="sent">${c.t('sent')}</p>` : nothing}
    </div>
  </form>`;
}
