import { html, nothing } from 'lit';
import type { LedgerWrites } from './ledger-writes.js';
import type { LedgerTerm } from './volunteer-ledger.terms.js';

/** The dialog that asks why entries are rejected or revoked. */
export function renderReasonDialog(writes: LedgerWrites, t: (key: LedgerTerm) => string) {
  const { closing, reasonError } = writes;
  return html`<dialog
    part="dialog"
    class="reason"
    aria-labelledby="reason-title"
    @close=${writes.onDialogClose}
  >
    <form method="dialog" @submit=${writes.onReason} novalidate>
      <h3 id="reason-title">
        ${closing?.action === 'revoke' ? t('revokeTitle') : t('rejectTitle')}
      </h3>
      <label for="reason">${t('reason')}</label>
      <textarea
        id="reason"
        name="reason"
        rows="3"
        required
        maxlength="2000"
        aria-invalid=${reasonError ? 'true' : 'false'}
        aria-describedby=${reasonError ? 'reason-error' : nothing}
      ></textarea>
      ${reasonError ? html`<p class="field-error" id="reason-error">${reasonError}</p>` : nothing}
      <div class="dialog-buttons">
        <button class="lw-button" type="button" value="cancel" @click=${writes.closeDialog}>
          ${t('cancel')}
        </button>
        <button class="lw-button danger" type="submit" value="confirm">${t('confirm')}</button>
      </div>
    </form>
  </dialog>`;
}
