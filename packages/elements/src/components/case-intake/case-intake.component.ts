import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live as liveValue } from 'lit/directives/live.js';
import { openCaseInputSchema } from '@lanewise/core/cases';
import type { CaseBook, CaseRecord, OpenCaseInput } from '@lanewise/core/cases';
import type { Router, RoutingConfig } from '@lanewise/core/routing';
import { parseInput } from '@lanewise/core/schemas';
import { LanewiseElement } from '../../base/lanewise-element.js';
import { SourceController } from '../../controllers/source-controller.js';
import { intakeStyles } from './case-intake.styles.js';
import { intakeTerms as terms } from './case-intake.terms.js';
import { categoryChoices, formatDeadline, pickText, tierName } from './case-words.js';
import { placeError } from './field-errors.js';
import {
  blankFields,
  caseInputOf,
  newCaseId,
  type IntakeField,
  type IntakeFields,
} from './intake-input.js';
import { checkRuleSet } from './rule-set.js';

/** The longest account the form takes (the core allows more; a form needs a visible limit). */
const DESCRIPTION_MAX = 2000;
const OPEN_SHOWN = 3;
const FIELDS: readonly IntakeField[] = [
  'category',
  'title',
  'description',
  'address',
  'name',
  'phone',
];

type Errors = Partial<Record<IntakeField | 'form', string>>;

/**
 * The resident's form: what the problem is (a category from the rule set, with a line saying
 * what each covers), a title and an account, where it is, and how to reach the resident. It
 * checks every field (the browser's constraints, then the core's schema) and says what is
 * wrong beside the field. It shows the open cases of the chosen category, so that a resident
 * sees a problem already known. With a live `book` it opens the case and confirms in words:
 * the case number, who handles it, by when, and that a follow-up call will come.
 *
 * @summary A form for residents to report a problem.
 *
 * @tag case-intake
 *
 * @csspart base - The form's frame.
 * @csspart heading - The heading.
 * @csspart form - The form.
 * @csspart field - Each field with its label, hint and message.
 * @csspart field-error - The message beside a field.
 * @csspart form-error - A message about the whole form.
 * @csspart error - The error box of the whole widget (`role="alert"`).
 * @csspart open-cases - The open cases of the chosen category.
 * @csspart submit - The send button.
 * @csspart confirmation - What the resident reads after sending: case number, handler, deadline.
 * @csspart skeleton - The loading placeholder.
 * @csspart retry - The retry button after a failed fetch of `src`.
 *
 * @cssprop --lw-color-accent - The send button and the focus of fields.
 * @cssprop --lw-color-bad - Messages beside fields.
 * @cssprop --lw-color-surface-raised - The open-cases panel and the confirmation.
 *
 * @event lw-case-submit - Before a case is opened; `detail` is the case input (`book.open`'s).
 *   Cancel it to open the case elsewhere (a server); then the form changes nothing.
 * @event lw-load - The rule set is in; `detail` is the rule set.
 * @event lw-error - The rule set could not be had; `detail.message` says why.
 *
 * @example
 * ```html
 * <case-intake src="rules/liuzhou.json" channel="web"></case-intake>
 * <script type="module">
 *   document.querySelector('case-intake').book = book; // a live case book
 * </script>
 * ```
 */
export class CaseIntake extends LanewiseElement {
  static override styles = [...(LanewiseElement.styles as []), intakeStyles];

  /** URL of a rule set's JSON, for the categories and tiers. */
  @property() src = '';

  /** A rule set, or a compiled router; the last of `src`, `rules` and `book` set wins. */
  @property({ attribute: false }) rules: RoutingConfig | Router | undefined;

  /** A live case book: new cases are opened in it; its router gives the rule set when no other is set. */
  @property({ attribute: false }) book: CaseBook | undefined;

  /** Where the case comes in (`web`, `shop`, `hotline`, ...). */
  @property() channel = 'web';

  /** The time of receipt to stamp on a case (ISO instant with offset); the clock's when empty. */
  @property() now = '';

  @state() private fields: IntakeFields = blankFields();
  @state() private errors: Errors = {};
  @state() private opened: CaseRecord | undefined;
  @state() private sent = false;
  @state() private locating = false;

  private readonly feed = new SourceController<RoutingConfig>(this, {
    check: checkRuleSet,
    live: 'book',
    fromLive: (book) => (book as CaseBook).router.config,
    dataProperty: 'rules',
    isEmpty: (config) => categoryChoices(config, 'en').length === 0,
  });

  private unfollow: (() => void) | undefined;

  /** The book cases are opened in: the widget's own, else its provider's. */
  private get liveBook(): CaseBook | undefined {
    return this.book ?? (this.feed.live as CaseBook | undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unfollow?.();
    this.unfollow = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The open cases shown follow the own book even when `rules` is the source in force.
    if (changed.has('book') || (this.book && !this.unfollow)) {
      this.unfollow?.();
      this.unfollow = this.book?.subscribe(() => this.requestUpdate());
    }
  }

  private t(key: keyof typeof terms.en & string, values?: Record<string, string | number>) {
    return this.localize.term(terms, key, values);
  }

  private set<K extends keyof IntakeFields>(key: K, value: IntakeFields[K]): void {
    this.fields = { ...this.fields, [key]: value };
  }

  private control(name: IntakeField) {
    return this.renderRoot.querySelector<HTMLInputElement>(`[name=${name}]`);
  }

  /** The browser's verdict on one control, in the page's language; '' when it is fine. */
  private nativeMessage(name: IntakeField): string {
    const control = this.control(name);
    const validity = control?.validity;
    if (!control || !validity || validity.valid) return '';
    if (validity.valueMissing)
      return this.t(name === 'category' ? 'categoryMissing' : 'valueMissing');
    if (validity.tooLong) return this.t('tooLong', { max: control.maxLength });
    if (validity.tooShort) return this.t('tooShort', { min: control.minLength });
    if (validity.patternMismatch) return this.t('patternMismatch');
    return this.t('invalid');
  }

  private onInput(name: IntakeField, event: Event): void {
    this.set(name, (event.target as HTMLInputElement).value);
    // A field once marked is checked again as the resident fixes it.
    if (this.errors[name]) {
      void this.updateComplete.then(() => {
        this.errors = { ...this.errors, [name]: this.nativeMessage(name) || undefined };
      });
    }
  }

  private locate(): void {
    const geolocation = navigator.geolocation as Geolocation | undefined;
    if (!geolocation) {
      this.errors = { ...this.errors, address: this.t('noGeolocation') };
      return;
    }
    this.locating = true;
    geolocation.getCurrentPosition(
      (position) => {
        const round = (value: number) => Math.round(value * 1e6) / 1e6;
        this.locating = false;
        this.fields = {
          ...this.fields,
          lat: round(position.coords.latitude),
          lon: round(position.coords.longitude),
        };
        this.errors = { ...this.errors, address: undefined };
        this.announce(this.locationText());
      },
      () => {
        this.locating = false;
        this.errors = { ...this.errors, address: this.t('geolocationFailed') };
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  private locationText(): string {
    const { lat, lon } = this.fields;
    if (lat === undefined || lon === undefined) return '';
    const digits = { maximumFractionDigits: 5 };
    return this.t('located', {
      lat: this.localize.number(lat, digits),
      lon: this.localize.number(lon, digits),
    });
  }

  private clearLocation(): void {
    this.fields = { ...this.fields, lat: undefined, lon: undefined };
  }

  private receivedAt(): Date {
    const given = this.now ? new Date(this.now) : new Date();
    return Number.isNaN(given.getTime()) ? new Date() : given;
  }

  private focusField(field: IntakeField | undefined): void {
    if (field) this.control(field)?.focus();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    // 1. The browser's constraints, said in the page's language beside each field.
    const errors: Errors = {};
    for (const name of FIELDS) {
      const message = this.nativeMessage(name);
      if (message) errors[name] = message;
    }
    const bad = FIELDS.filter((name) => errors[name]);
    if (bad.length > 0) return this.showErrors(errors, bad[0]);
    // 2. The core's schema of the case input.
    const receivedAt = this.receivedAt();
    let input: OpenCaseInput;
    try {
      input = parseInput(
        openCaseInputSchema,
        caseInputOf(this.fields, {
          id: newCaseId(this.channel || 'web', receivedAt),
          channel: this.channel || 'web',
          receivedAt: receivedAt.toISOString(),
        }),
      ) as OpenCaseInput;
    } catch (error) {
      return this.showCoreError(error);
    }
    // 3. The event, then the live book.
    if (!this.emitAction('lw-case-submit', input)) return;
    const book = this.liveBook;
    if (!book) {
      this.errors = {};
      this.sent = true;
      this.announce(this.t('sent'));
      return;
    }
    let record: CaseRecord;
    try {
      record = book.open(input);
    } catch (error) {
      return this.showCoreError(error);
    }
    this.errors = {};
    this.opened = record;
    this.announce(
      this.t('submitted', {
        id: record.id,
        date: formatDeadline(record.dueAt, this.localize.locale, book.timeZone),
      }),
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=confirmation]')?.focus();
  }

  private showErrors(errors: Errors, first: IntakeField | undefined): void {
    const count = FIELDS.filter((name) => errors[name]).length;
    this.errors =
      count > 0 ? { ...errors, form: this.localize.plural(terms, 'fixErrors', count) } : errors;
    void this.updateComplete.then(() => this.focusField(first));
  }

  private showCoreError(error: unknown): void {
    const placed = placeError(error);
    const message = this.localize.error(placed.error);
    if (placed.field) this.showErrors({ [placed.field]: message }, placed.field);
    else this.errors = { form: message };
  }

  private another(): void {
    this.fields = blankFields();
    this.errors = {};
    this.opened = undefined;
    this.sent = false;
    void this.updateComplete.then(() => this.focusField('category'));
  }

  private describedBy(name: IntakeField, ...more: string[]): string {
    return [...more, `${name}-error`].join(' ');
  }

  private renderMessage(name: IntakeField) {
    return html`<p class="message" id="${name}-error" part="field-error">
      ${this.errors[name] ?? ''}
    </p>`;
  }

  private label(name: IntakeField, text: string, required = false) {
    return html`<label for=${name}
      >${text}${
        required
          ? html`<span class="required" aria-hidden="true">${this.t('required')}</span>`
          : nothing
      }</label
    >`;
  }

  private renderOpenCases(book: CaseBook | undefined, category: string) {
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
      return html`<p class="open-cases none" part="open-cases">${this.t('openNone')}</p>`;
    return html`<section class="open-cases" part="open-cases" aria-labelledby="open-heading">
      <h3 id="open-heading">${this.localize.plural(terms, 'openHeading', open.length)}</h3>
      <p class="hint">${this.t('openHint')}</p>
      <ul>
        ${shown.map(
          (record) =>
            html`<li>
              <span class="open-title">${record.title}</span>
              <span class="open-meta"
                >${this.t('received', {
                  date: this.localize.date(record.receivedAt, { timeZone: zone }),
                })}${record.location?.address ? ` · ${record.location.address}` : ''}</span
              >
            </li>`,
        )}
      </ul>
      ${
        open.length > OPEN_SHOWN
          ? html`<p class="hint">
              ${this.localize.plural(terms, 'openMore', open.length - OPEN_SHOWN)}
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderForm(config: RoutingConfig) {
    const locale = this.localize.locale;
    const choices = categoryChoices(config, locale);
    const f = this.fields;
    const chosen = choices.find((choice) => choice.id === f.category);
    const invalid = (name: IntakeField) => (this.errors[name] ? 'true' : 'false');
    return html`<form part="form" novalidate @submit=${this.submit}>
      ${
        this.errors.form
          ? html`<p class="form-error" role="alert" part="form-error">${this.errors.form}</p>`
          : nothing
      }
      <div class="field" part="field">
        ${this.label('category', this.t('category'), true)}
        <select
          id="category"
          name="category"
          required
          aria-invalid=${invalid('category')}
          aria-describedby=${this.describedBy('category', 'category-hint')}
          .value=${liveValue(f.category)}
          @change=${(event: Event) => {
            this.onInput('category', event);
          }}
        >
          <option value="">${this.t('categoryPick')}</option>
          ${choices.map(
            (choice) =>
              html`<option value=${choice.id} ?selected=${choice.id === f.category}>
                ${choice.name}${choice.description ? ` — ${choice.description}` : ''}
              </option>`,
          )}
        </select>
        <p class="hint" id="category-hint">${chosen?.description ?? ''}</p>
        ${this.renderMessage('category')}
      </div>
      ${this.renderOpenCases(this.liveBook, f.category)}
      <div class="field" part="field">
        ${this.label('title', this.t('title'), true)}
        <input
          id="title"
          name="title"
          required
          maxlength="500"
          autocomplete="off"
          aria-invalid=${invalid('title')}
          aria-describedby=${this.describedBy('title', 'title-hint')}
          .value=${liveValue(f.title)}
          @input=${(event: Event) => this.onInput('title', event)}
        />
        <p class="hint" id="title-hint">${this.t('titleHint')}</p>
        ${this.renderMessage('title')}
      </div>
      <div class="field" part="field">
        ${this.label('description', this.t('description'))}
        <textarea
          id="description"
          name="description"
          rows="4"
          maxlength=${DESCRIPTION_MAX}
          aria-invalid=${invalid('description')}
          aria-describedby=${this.describedBy('description', 'description-count')}
          .value=${liveValue(f.description)}
          @input=${(event: Event) => this.onInput('description', event)}
        ></textarea>
        <p class="hint count" id="description-count">
          ${this.t('count', {
            count: this.localize.number(f.description.length),
            max: this.localize.number(DESCRIPTION_MAX),
          })}
        </p>
        ${this.renderMessage('description')}
      </div>
      <div class="field" part="field">
        ${this.label('address', this.t('address'))}
        <div class="with-button">
          <input
            id="address"
            name="address"
            maxlength="500"
            autocomplete="street-address"
            aria-invalid=${invalid('address')}
            aria-describedby=${this.describedBy('address', 'address-hint', 'address-located')}
            .value=${liveValue(f.address)}
            @input=${(event: Event) => this.onInput('address', event)}
          />
          <button type="button" class="secondary" ?disabled=${this.locating} @click=${this.locate}>
            ${this.locating ? this.t('locating') : this.t('locate')}
          </button>
        </div>
        <p class="hint" id="address-hint">${this.t('addressHint')}</p>
        <p class="hint located" id="address-located">
          ${
            f.lat !== undefined
              ? html`${this.locationText()}
                  <button type="button" class="link" @click=${this.clearLocation}>
                    ${this.t('clearLocation')}
                  </button>`
              : nothing
          }
        </p>
        ${this.renderMessage('address')}
      </div>
      <fieldset class="contact">
        <legend>${this.t('contact')}</legend>
        <div class="pair">
          <div class="field" part="field">
            ${this.label('name', this.t('name'))}
            <input
              id="name"
              name="name"
              maxlength="200"
              autocomplete="name"
              aria-invalid=${invalid('name')}
              aria-describedby=${this.describedBy('name')}
              .value=${liveValue(f.name)}
              @input=${(event: Event) => this.onInput('name', event)}
            />
            ${this.renderMessage('name')}
          </div>
          <div class="field" part="field">
            ${this.label('phone', this.t('phone'))}
            <input
              id="phone"
              name="phone"
              type="tel"
              maxlength="50"
              pattern="[0-9+\\-\\s\\(\\)]{3,50}"
              autocomplete="tel"
              aria-invalid=${invalid('phone')}
              aria-describedby=${this.describedBy('phone', 'phone-hint')}
              .value=${liveValue(f.phone)}
              @input=${(event: Event) => this.onInput('phone', event)}
            />
            <p class="hint" id="phone-hint">${this.t('phoneHint')}</p>
            ${this.renderMessage('phone')}
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
              this.set('namePrivate', (event.target as HTMLInputElement).checked)}
          />
          <label for="private">${this.t('namePrivate')}</label>
          <p class="hint" id="private-hint">${this.t('namePrivateHint')}</p>
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" class="lw-button" part="submit">${this.t('submit')}</button>
        ${this.sent ? html`<p class="sent">${this.t('sent')}</p>` : nothing}
      </div>
    </form>`;
  }

  private renderConfirmation(config: RoutingConfig, record: CaseRecord) {
    const locale = this.localize.locale;
    const tier = config.tiers.find((candidate) => candidate.id === record.tier);
    const sameHandlers = tier && tier.handlers.join() === record.handlers.join();
    const handlers =
      sameHandlers && tier.description
        ? pickText(tier.description, locale)
        : record.handlers.join(this.t('listSeparator'));
    const zone = this.liveBook?.timeZone;
    return html`<div class="confirmation" part="confirmation" tabindex="-1" role="status">
      <h3>${this.t('confirmTitle')}</h3>
      <p class="case-number">${this.t('caseNumber', { id: record.id })}</p>
      <p>${this.t('handledBy', { tier: tierName(config, record.tier, locale), handlers })}</p>
      <p class="due">${this.t('dueBy', { date: formatDeadline(record.dueAt, locale, zone) })}</p>
      <p>${this.t(record.reporter?.phone ? 'followUp' : 'followUpNoPhone')}</p>
      <button type="button" class="secondary" @click=${this.another}>${this.t('another')}</button>
    </div>`;
  }

  protected override render() {
    return html`<section part="base" class="intake" aria-labelledby="heading">
      <h2 id="heading" part="heading">${this.t('heading')}</h2>
      ${this.feed.render({
        skeleton: { lines: 3, rows: 4, columns: 1 },
        empty: { title: this.t('emptyTitle'), hint: this.t('emptyHint') },
        ready: (config) =>
          this.opened
            ? this.renderConfirmation(config, this.opened)
            : html`<p class="intro">${this.t('intro')}</p>
                ${this.renderForm(config)}`,
      })}
    </section>`;
  }
}
