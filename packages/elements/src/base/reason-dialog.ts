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

  /** Shows the dialog as a modal once the pending render is done, its reason emptied. */
  open(): void {
    void this.host.updateComplete.then(() => {
      const dialog = this.element;
      const reason = dialog?.querySelector('textarea');
      if (reason) reason.value = '';
      if (dialog && !dialog.open) dialog.showModal();
    });
  }

  readonly close = (): void => {
    this.element?.close();
  };

  /** The reason as typed, trimmed. */
  get reason(): string {
    return this.element?.querySelector('textarea')?.value.trim() ?? '';
  }
}
