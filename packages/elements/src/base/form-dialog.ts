// Modal forms in a widget's shadow root: the frame (title, fields, two buttons), the reason
// dialog built on it, and the controller that opens a reason dialog and reads its reason.
import { html, nothing, type ReactiveElement } from 'lit';

/**
 * A modal dialog in a widget's shadow root that asks for a reason in its text area: the
 * ledger's reject and revoke, the catalogue's cancel. Opened after the render that filled it,
 * always with an empty reason.
 */
export class ReasonDialog {
  constructor(
    private readonly host: ReactiveElement,
    private readonly selector: string,
  ) {}

  private get element(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>(this.selector);
  }

  /** True from `open()` until the dialog is shown, so a close event of before then is stale. */
  private opening = false;

  /** Shows the dialog as a modal once the pending render is done, its reason emptied. */
  open(): void {
    this.opening = true;
    void this.host.updateComplete.then(() => {
      this.opening = false;
      const dialog = this.element;
      const reason = dialog?.querySelector('textarea');
      if (reason) reason.value = '';
      if (dialog && !dialog.open) dialog.showModal();
    });
  }

  /**
   * True when a `close` event no longer speaks for the dialog: it was opened again after it
   * closed (the event comes in a later task), so its owner must not forget what it shows.
   */
  get reopened(): boolean {
    return this.opening || this.element?.open === true;
  }

  readonly close = (): void => {
    this.element?.close();
  };

  /** The reason as typed, trimmed. */
  get reason(): string {
    return this.element?.querySelector('textarea')?.value.trim() ?? '';
  }
}

/** A modal form's frame: its title, its two buttons and what to do on each. */
export interface FormDialogFrame {
  readonly title: string;
  readonly cancel: string;
  readonly confirm: string;
  /** The confirming button's tone: `primary`, or `danger` for what cannot be undone. */
  readonly tone: 'primary' | 'danger';
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
  readonly onClose: () => void;
}

/**
 * A modal form: `name` is the dialog's class (by which its owner finds it), `body` the fields
 * between the title and the buttons. With no frame (nothing chosen yet) it is an empty
 * dialog, ready to be filled and opened.
 */
export function renderFormDialog<F extends FormDialogFrame>(
  name: string,
  frame: F | null,
  body: (frame: F) => unknown,
) {
  return html`<dialog
    part="dialog"
    class=${name}
    aria-labelledby="${name}-title"
    @close=${frame?.onClose ?? nothing}
  >
    ${
      frame
        ? html`<form method="dialog" novalidate @submit=${frame.onSubmit}>
            <h3 id="${name}-title">${frame.title}</h3>
            ${body(frame)}
            <div class="dialog-buttons">
              <button class="lw-button" type="button" @click=${frame.onCancel}>
                ${frame.cancel}
              </button>
              <button class="lw-button ${frame.tone}" type="submit">${frame.confirm}</button>
            </div>
          </form>`
        : nothing
    }
  </dialog>`;
}

/** What {@link renderReasonDialog} shows beside its frame. */
export interface ReasonDialogContent extends Omit<FormDialogFrame, 'tone'> {
  readonly label: string;
  readonly maxLength: number;
  /** The message beside the reason, when the last try was refused. */
  readonly error: string | undefined;
}

/**
 * The modal that asks for a reason: a required text area and the message beside it, the
 * confirming button in the danger tone.
 */
export function renderReasonDialog(name: string, content: ReasonDialogContent | null) {
  return renderFormDialog(
    name,
    content && { ...content, tone: 'danger' as const },
    ({ label, maxLength, error }) =>
      html`<label for="reason">${label}</label>
        <textarea
          id="reason"
          name="reason"
          rows="3"
          required
          maxlength=${maxLength}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'reason-error' : nothing}
        ></textarea>
        ${
          error
            ? html`<p class="field-error" part="field-error" id="reason-error" role="alert">
                ${error}
              </p>`
            : nothing
        }`,
  );
}
