import type { ReactiveElement } from 'lit';

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
