import { renderReasonDialog as renderDialog } from '../../base/form-dialog.js';
import type { LedgerWrites } from './ledger-writes.js';
import type { LedgerTerm } from './volunteer-ledger.terms.js';

/**
 * The dialog that asks why entries are rejected or revoked. Its form stays between uses, so
 * that its fields are the same elements each time it opens.
 */
export function renderReasonDialog(writes: LedgerWrites, t: (key: LedgerTerm) => string) {
  return renderDialog('reason-dialog', {
    title: writes.closing?.action === 'revoke' ? t('revokeTitle') : t('rejectTitle'),
    label: t('reason'),
    cancel: t('cancel'),
    confirm: t('confirm'),
    maxLength: 2000,
    error: writes.reasonError || undefined,
    onSubmit: writes.onReason,
    onCancel: writes.closeDialog,
    onClose: writes.onDialogClose,
  });
}
