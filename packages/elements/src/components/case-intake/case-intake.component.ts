import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { openCaseInputSchema } from '@lanewise/core/cases';
import type { CaseBook, CaseRecord, OpenCaseInput } from '@lanewise/core/cases';
import type { Router, RoutingConfig } from '@lanewise/core/routing';
import { parseInput } from '@lanewise/core/schemas';
// The form before the base element: the bundle then keeps Lit's `live` directive near Lit,
// the order that compresses best.
import { renderIntakeForm, type IntakeErrors as Errors } from './intake-form.js';
import { LanewiseElement } from '../../base/lanewise-element.js';
import { SourceController } from '../../controllers/source-controller.js';
import { intakeStyles } from './case-intake.styles.js';
import { intakeTerms as terms, type IntakeTerm } from './case-intake.terms.js';
import { categoryChoices, formatDeadline } from './case-words.js';
import { placeError } from './field-errors.js';
import { renderConfirmation } from './intake-confirmation.js';
import {
  blankFields,
  caseInputOf,
  newCaseId,
  type IntakeField,
  type IntakeFields,
} from './intake-input.js';
import { checkRuleSet } from './rule-set.js';

const FIELDS: readonly IntakeField[] = [
  'category',
  'title',
  'description',
  'address',
  'name',
  'phone',
];

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

  private t(key: IntakeTerm, values?: Record<string, string | number>) {
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

  protected override render() {
    const t = (key: IntakeTerm, values?: Record<string, string | number>) => this.t(key, values);
    return html`<section part="base" class="intake" aria-labelledby="heading">
      <h2 id="heading" part="heading">${this.t('heading')}</h2>
      ${this.feed.render({
        skeleton: { lines: 3, rows: 4, columns: 1 },
        empty: { title: this.t('emptyTitle'), hint: this.t('emptyHint') },
        ready: (config) =>
          this.opened
            ? renderConfirmation(config, this.opened, {
                locale: this.localize.locale,
                zone: this.liveBook?.timeZone,
                t,
                onAnother: () => this.another(),
              })
            : html`<p class="intro">${this.t('intro')}</p>
                ${renderIntakeForm(
                  {
                    fields: this.fields,
                    errors: this.errors,
                    locating: this.locating,
                    sent: this.sent,
                    locationText: this.locationText(),
                    book: this.liveBook,
                    localize: this.localize,
                    t,
                    set: (key, value) => this.set(key, value),
                    onInput: (name, event) => this.onInput(name, event),
                    onLocate: () => this.locate(),
                    onClearLocation: () => this.clearLocation(),
                    onSubmit: (event) => void this.submit(event),
                  },
                  config,
                )}`,
      })}
    </section>`;
  }
}
