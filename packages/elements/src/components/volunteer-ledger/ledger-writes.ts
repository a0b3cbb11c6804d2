import type { ReactiveElement } from 'lit';
import { recordHoursInputSchema, type RecordHoursInput } from '@lanewise/core/hours';
import { ReasonDialog } from '../../base/form-dialog.js';
import { fromSchema } from '../../controllers/from-schema.js';
import type { LiveSource } from '../../controllers/live-source.js';
import type { LocalizeController } from '../../localize/localize-controller.js';
import { fieldOfError, type FormErrors, type FormField } from './ledger-form.js';
import { hoursWriter } from './ledger-source.js';
import { ledgerTerms, type LedgerTerm } from './volunteer-ledger.terms.js';
import { instantFromLocal } from './zone-time.js';

const checkRecord = fromSchema(recordHoursInputSchema);

/** The `detail` of `lw-approve`. */
export interface ApproveDetail {
  readonly id: string;
  readonly by: string;
}

/** The `detail` of `lw-reject` and `lw-revoke`. */
export interface CloseDetail {
  readonly id: string;
  readonly by: string;
  readonly reason: string;
}

/** The input a reason dialog is open for. */
export interface PendingClose {
  readonly action: 'reject' | 'revoke';
  readonly ids: readonly string[];
}

/** What the writes need of the widget. */
export interface WritesOptions {
  readonly live: () => LiveSource | undefined;
  /** Who acts (`actor`); '' when the page did not say. */
  readonly actor: () => string;
  /** The volunteer shown; '' for a team ledger, whose form names the volunteer. */
  readonly volunteer: () => string;
  readonly localize: LocalizeController;
  readonly t: (key: LedgerTerm, values?: Record<string, string | number>) => string;
  readonly emit: <T>(name: `lw-${string}`, detail: T) => boolean;
  readonly announce: (message: string) => void;
}

/**
 * The ledger's writes, each a cancelable event first and then the live ledger: record, approve,
 * and reject or revoke with the reason the dialog asks for. Holds the messages they leave.
 */
export class LedgerWrites {
  /** Messages beside the record form's fields. */
  formErrors: FormErrors = {};
  /** A message over the table: a failed approval, reject or revoke. */
  actionError = '';
  /** What the reason dialog is open for. */
  closing: PendingClose | null = null;
  /** The message beside the reason. */
  reasonError = '';

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: WritesOptions,
  ) {}

  private changed(): void {
    this.host.requestUpdate();
  }

  private readonly dialog = new ReasonDialog(this.host, 'dialog.reason-dialog');

  /** The actor of an approval; undefined (with a message) when a live ledger has none. */
  private actorFor(): string | undefined {
    const actor = this.options.actor();
    if (actor) return actor;
    if (!hoursWriter(this.options.live())) return actor;
    this.actionError = this.options.t('noActor');
    this.changed();
    return undefined;
  }

  /** Approves each entry; false when nobody is named to approve them (and nothing was done). */
  approve(ids: readonly string[]): boolean {
    const by = this.actorFor();
    if (by === undefined) return false;
    const { localize, emit, announce } = this.options;
    const writer = hoursWriter(this.options.live());
    this.actionError = '';
    let done = 0;
    for (const id of ids) {
      const detail: ApproveDetail = { id, by };
      if (!emit('lw-approve', detail)) continue;
      if (!writer) {
        done += 1;
        continue;
      }
      try {
        writer.approve(id, { by });
        done += 1;
      } catch (error) {
        this.actionError = localize.error(error);
        break;
      }
    }
    this.changed();
    if (done > 0 && writer) announce(localize.plural(ledgerTerms, 'approvedCount', done));
    return true;
  }

  /** Opens the dialog that asks why the entries are rejected or revoked. */
  ask(action: PendingClose['action'], ids: readonly string[]): void {
    this.closing = { action, ids };
    this.reasonError = '';
    this.changed();
    this.dialog.open();
  }

  readonly closeDialog = () => this.dialog.close();

  readonly onDialogClose = () => {
    if (this.dialog.reopened) return;
    this.closing = null;
    this.changed();
  };

  readonly onReason = (event: SubmitEvent) => {
    event.preventDefault();
    const closing = this.closing;
    if (!closing) return;
    const { t, localize, emit, announce } = this.options;
    const reason = this.dialog.reason;
    if (!reason) {
      this.reasonError = t('reasonNeeded');
      this.changed();
      return;
    }
    const by = this.actorFor();
    if (by === undefined) {
      this.closeDialog();
      return;
    }
    const writer = hoursWriter(this.options.live());
    this.actionError = '';
    this.changed();
    for (const id of closing.ids) {
      const detail: CloseDetail = { id, by, reason };
      if (!emit(`lw-${closing.action}`, detail) || !writer) continue;
      try {
        writer[closing.action](id, { by, reason });
        announce(t(closing.action === 'reject' ? 'rejectedOne' : 'revokedOne'));
      } catch (error) {
        this.actionError = localize.error(error);
      }
    }
    this.closeDialog();
  };

  /** Records the form's entry: native constraints, then the core's schema, then the event. */
  record(event: SubmitEvent, timeZone: string): void {
    event.preventDefault();
    const { t, localize, emit, announce } = this.options;
    const form = event.target as HTMLFormElement;
    const errors: FormErrors = {};
    // Native constraints first: a required field left empty.
    for (const control of Array.from(form.elements) as HTMLInputElement[]) {
      if (control.name && !control.checkValidity()) {
        errors[control.name as FormField] = control.validity.valueMissing
          ? t('needed')
          : control.validationMessage;
      }
    }
    const values = new FormData(form);
    const text = (name: FormField) => String(values.get(name) ?? '').trim();
    const volunteerId = this.options.volunteer() || text('volunteer');
    const start = instantFromLocal(text('start'), timeZone) ?? text('start');
    const end = instantFromLocal(text('end'), timeZone) ?? text('end');
    const note = text('note');
    const input: RecordHoursInput = {
      id: `${volunteerId}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.slice(
        -120,
      ),
      volunteerId,
      activityId: text('activity'),
      start,
      end,
      recordedBy: this.options.actor() || volunteerId,
      ...(note ? { note } : {}),
    };
    if (Object.keys(errors).length === 0) {
      try {
        checkRecord(input);
      } catch (error) {
        errors[fieldOfError(error)] = localize.error(error);
      }
    }
    this.formErrors = errors;
    this.changed();
    if (Object.keys(errors).length > 0) {
      void this.focusFirstError();
      return;
    }
    if (!emit('lw-record', input)) return;
    const writer = hoursWriter(this.options.live());
    if (!writer) {
      form.reset();
      return;
    }
    try {
      const entry = writer.record(input);
      form.reset();
      announce(
        t('recorded', {
          duration: localize.duration(entry.durationMinutes),
          activity: entry.activityId,
        }),
      );
    } catch (error) {
      this.formErrors = { [fieldOfError(error)]: localize.error(error) };
      this.changed();
      void this.focusFirstError();
    }
  }

  private async focusFirstError() {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }
}
