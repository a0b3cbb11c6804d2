// The station's commands on a case: each reads its form, is checked by the browser, fires its
// cancelable event, then goes to the live book; a core error is said beside its field.
import { LanewiseError } from '@lanewise/core/errors';
import type { WorkCalendar } from '@lanewise/core/calendar';
import type {
  CaseActionInput,
  CaseActionKind,
  CaseBook,
  CaseOutcome,
  CaseRecord,
} from '@lanewise/core/cases';
import type { BoardTerm } from './case-board.terms.js';

/** What the commands need of the board. */
export interface StationHost {
  readonly liveBook: CaseBook | undefined;
  readonly calendar: WorkCalendar;
  readonly by: string;
  readonly now: string;
  readonly nowMs: number;
  readonly l: { error(error: unknown): string };
  t(key: BoardTerm, values?: Record<string, string | number>): string;
  deadline(dueAt: string): string;
  fire<T>(name: `lw-case-${string}`, detail: T): boolean;
  say(message: string): void;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The forms of the dialog and the fields each has, for placing core errors. */
const FORM_FIELDS = {
  accept: [],
  act: ['kind', 'type', 'note'],
  extend: ['until', 'reason'],
  resolve: ['outcome', 'note'],
  close: [],
  duplicate: ['of'],
  review: [],
} as const;

/** One of the station's forms. */
export type StationForm = keyof typeof FORM_FIELDS;

interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Opens the folded form a control is in, then focuses the control. */
function reveal(control: HTMLElement): void {
  const fold = control.closest('details');
  if (fold) fold.open = true;
  control.focus();
}

export class StationActions {
  /** Messages by `form.field`, or by `form` for the form as a whole. */
  errors: Record<string, string> = {};

  constructor(private readonly host: StationHost) {}

  /** Forgets every message (a card was opened). */
  reset(): void {
    this.errors = {};
  }

  /** The message beside `field` of `form`, or of the form itself. */
  error(form: StationForm, field?: string): string {
    return this.errors[field ? `${form}.${field}` : form] ?? '';
  }

  private nowIso(): string {
    return new Date(this.host.nowMs).toISOString();
  }

  /** The browser's verdict on the form's controls, as messages in the page's language. */
  private checkNative(form: StationForm, element: HTMLFormElement): boolean {
    const errors: Record<string, string> = {};
    let first: HTMLElement | undefined;
    for (const control of Array.from(element.elements) as HTMLInputElement[]) {
      if (!control.name || !control.validity || control.validity.valid) continue;
      errors[`${form}.${control.name}`] = control.validity.rangeUnderflow
        ? this.host.t('notAfterDue')
        : this.host.t('required');
      first ??= control;
    }
    this.errors = errors;
    this.host.requestUpdate();
    if (first) {
      const control = first;
      void this.host.updateComplete.then(() => reveal(control));
      return false;
    }
    return true;
  }

  /** A core error beside the field it names, else above the form. */
  private place(form: StationForm, error: unknown): void {
    const fields: readonly string[] = FORM_FIELDS[form];
    let key: string = form;
    let shown = error;
    if (error instanceof LanewiseError) {
      const issues = error.details['issues'];
      const issue = Array.isArray(issues) ? (issues[0] as Issue | undefined) : undefined;
      const path = issue?.path ?? error.path ?? [];
      const field = [...path].reverse().find((part) => fields.includes(String(part)));
      if (error.code === 'TOO_LATE' && form === 'extend') key = 'extend.until';
      if (field !== undefined) {
        key = `${form}.${String(field)}`;
        if (issue)
          shown = new LanewiseError(error.code, issue.message, {
            details: { issues: [{ ...issue, path: [] }] },
          });
      }
    }
    this.errors = { [key]: this.host.l.error(shown) };
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const name = key.includes('.') ? key.split('.')[1] : undefined;
      const target = name
        ? this.host.renderRoot.querySelector<HTMLElement>(
            `form[data-form="${form}"] [name="${name}"]`,
          )
        : null;
      if (target) reveal(target);
    });
  }

  /** The event, then the book; true when the command went through (or was sent on). */
  private run<T>(
    form: StationForm,
    detail: T,
    call: (book: CaseBook) => unknown,
    done: string,
  ): boolean {
    if (!this.host.fire(`lw-case-${form}`, detail)) return false;
    const book = this.host.liveBook;
    if (!book) {
      this.errors = {};
      this.host.say(this.host.t('sent'));
      this.host.requestUpdate();
      return true;
    }
    try {
      call(book);
    } catch (error) {
      this.place(form, error);
      return false;
    }
    this.errors = {};
    if (done) this.host.say(done);
    this.host.requestUpdate();
    return true;
  }

  accept(record: CaseRecord): void {
    const detail = { id: record.id, by: this.host.by };
    this.run(
      'accept',
      detail,
      (book) => book.accept(record.id, { by: detail.by }),
      this.host.t('didAccept', { title: record.title }),
    );
  }

  act(record: CaseRecord, element: HTMLFormElement): void {
    if (!this.checkNative('act', element)) return;
    const data = new FormData(element);
    const note = String(data.get('note') ?? '').trim();
    const action: CaseActionInput = {
      id: `${record.id}-a${record.actions.length + 1}-${Date.now().toString(36)}`,
      kind: String(data.get('kind')) as CaseActionKind,
      type: String(data.get('type') ?? '').trim(),
      by: this.host.by,
      at: this.nowIso(),
      ...(note ? { note } : {}),
    };
    if (
      this.run(
        'act',
        { id: record.id, action },
        (book) => book.act(record.id, action),
        this.host.t('didAct', { title: record.title }),
      )
    )
      element.reset();
  }

  extend(record: CaseRecord, element: HTMLFormElement): void {
    if (!this.checkNative('extend', element)) return;
    const data = new FormData(element);
    const day = String(data.get('until') ?? '');
    let until: string;
    try {
      until = this.host.calendar.endOfDay(day);
    } catch (error) {
      return this.place(
        'extend',
        new LanewiseError('INVALID_INPUT', String((error as Error).message), { path: ['until'] }),
      );
    }
    const detail = {
      id: record.id,
      until,
      reason: String(data.get('reason') ?? '').trim(),
      by: this.host.by,
    };
    if (
      this.run(
        'extend',
        detail,
        (book) => book.extend(record.id, { until, reason: detail.reason, by: detail.by }),
        this.host.t('didExtend', { title: record.title, date: this.host.deadline(until) }),
      )
    )
      element.reset();
  }

  resolve(record: CaseRecord, element: HTMLFormElement): void {
    if (!this.checkNative('resolve', element)) return;
    const data = new FormData(element);
    const note = String(data.get('note') ?? '').trim();
    const detail = {
      id: record.id,
      by: this.host.by,
      outcome: String(data.get('outcome')) as CaseOutcome,
      ...(note ? { note } : {}),
    };
    const { id: _id, ...input } = detail;
    this.run(
      'resolve',
      detail,
      (book) => book.resolve(record.id, input),
      this.host.t('didResolve', { title: record.title }),
    );
  }

  close(record: CaseRecord): void {
    this.run(
      'close',
      { id: record.id },
      (book) => book.close(record.id),
      this.host.t('didClose', { title: record.title }),
    );
  }

  duplicate(record: CaseRecord, element: HTMLFormElement): void {
    if (!this.checkNative('duplicate', element)) return;
    const of = String(new FormData(element).get('of') ?? '').trim();
    this.run(
      'duplicate',
      { id: record.id, of },
      (book) => book.markDuplicate(record.id, { of }),
      this.host.t('didDuplicate', { title: record.title }),
    );
  }

  /** Chases and gives notice of late cases at the board's time (the book's clock without one). */
  review(): void {
    const detail = this.host.now ? { now: this.nowIso() } : {};
    let entries: readonly { step: string }[] = [];
    const ran = this.run('review', detail, (book) => (entries = book.review(detail.now)), '');
    if (!ran || !this.host.liveBook) return;
    const count = (step: string) => entries.filter((entry) => entry.step === step).length;
    this.host.say(
      this.host.t('didReview', {
        chased: count('chase'),
        noticed: count('notice'),
        moved: count('tier'),
      }),
    );
  }
}
