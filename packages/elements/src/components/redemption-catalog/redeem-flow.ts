import type { ReactiveElement } from 'lit';
import {
  redemptionInputSchema,
  type Redemption,
  type RedemptionInput,
} from '@lanewise/core/points';
import { fromSchema } from '../../controllers/from-schema.js';
import type { LiveSource } from '../../controllers/live-source.js';
import { pointsWriter } from '../points-wallet/points-source.js';
import type { CatalogItem } from './catalog-view.js';
import type { CatalogHost } from './catalog-words.js';
import { catalogTerms } from './redemption-catalog.terms.js';

const checkRedemption = fromSchema(redemptionInputSchema);

/** What the widget shows after a redemption went out. */
export type Outcome =
  | { readonly kind: 'reserved'; readonly redemption: Redemption; readonly itemName: string }
  | { readonly kind: 'sent'; readonly input: RedemptionInput; readonly itemName: string };

/** A redemption id no other call makes: the volunteer, the time and a random tail. */
function newRedemptionId(volunteer: string): string {
  const tail = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return `${volunteer.slice(0, 180)}-${tail}`;
}

/**
 * A volunteer's redemption: the confirm dialog with its quantity, the `lw-redeem` event, the
 * live ledger, then the pickup code with its copy button.
 */
export class RedeemFlow {
  /** The item the confirm dialog is open for. */
  confirming: CatalogItem | null = null;
  quantity = 1;
  quantityError = '';
  /** The pickup panel shown after a redemption. */
  outcome: Outcome | null = null;
  copyMessage = '';

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: CatalogHost & {
      readonly volunteer: () => string;
      /** The points the volunteer has to spend, as the catalogue shown counts them. */
      readonly available: () => number;
    },
  ) {}

  private changed(): void {
    this.host.requestUpdate();
  }

  private query<E extends Element>(selector: string): E | null {
    return this.host.renderRoot.querySelector<E>(selector);
  }

  open(entry: CatalogItem): void {
    this.confirming = entry;
    this.quantity = 1;
    this.quantityError = '';
    this.changed();
    void this.host.updateComplete.then(() => {
      const dialog = this.query<HTMLDialogElement>('dialog.confirm');
      if (dialog && !dialog.open) dialog.showModal();
      this.query<HTMLInputElement>('#quantity')?.focus();
    });
  }

  readonly closeConfirm = () => {
    this.query<HTMLDialogElement>('dialog.confirm')?.close();
  };

  readonly onConfirmClose = () => {
    this.confirming = null;
    this.changed();
  };

  readonly onQuantity = (event: Event) => {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    this.quantity = Number.isFinite(value) ? value : NaN;
    this.quantityError = '';
    this.changed();
  };

  private fail(message: string): void {
    this.quantityError = message;
    this.changed();
  }

  readonly onRedeem = (event: SubmitEvent) => {
    event.preventDefault();
    const entry = this.confirming;
    if (!entry) return;
    const { t, localize, emit, announce } = this.options;
    const { item } = entry;
    const field = this.query<HTMLInputElement>('#quantity');
    if (field && field.value.trim() === '') return this.fail(t('needed'));
    const input: RedemptionInput = {
      id: newRedemptionId(this.options.volunteer()),
      volunteerId: this.options.volunteer(),
      itemId: item.id,
      quantity: this.quantity,
    };
    try {
      checkRedemption(input);
    } catch (error) {
      return this.fail(localize.error(error));
    }
    const message = this.quantityProblem(entry, input.quantity);
    if (message) return this.fail(message);
    if (!emit('lw-redeem', input)) return;
    const writer = pointsWriter(this.options.live() as LiveSource | undefined);
    if (!writer) {
      this.show({ kind: 'sent', input, itemName: item.name });
      announce(t('sent', { item: item.name, quantity: input.quantity }));
      return;
    }
    try {
      const redemption = writer.redeem(input);
      this.show({ kind: 'reserved', redemption, itemName: item.name });
      announce(t('redeemed', { item: item.name, code: redemption.pickupCode }));
    } catch (error) {
      this.fail(localize.error(error));
    }
  };

  /**
   * What the catalogue shown already says against this quantity: stock, the period's limit,
   * the points. The core checks again when it redeems, against the ledger as it is then.
   */
  private quantityProblem(entry: CatalogItem, quantity: number): string {
    const { t, localize } = this.options;
    const { item, remaining } = entry;
    if (quantity > item.stock) return t('stockOnly', { count: item.stock });
    if (remaining !== null && quantity > remaining) {
      return t('limitOnly', { count: remaining, per: t(item.limit!.per) });
    }
    const missing = item.cost * quantity - this.options.available();
    return missing > 0 ? localize.plural(catalogTerms, 'needPoints', missing) : '';
  }

  private show(outcome: Outcome): void {
    this.outcome = outcome;
    this.copyMessage = '';
    this.changed();
    this.closeConfirm();
    void this.host.updateComplete.then(() => this.query<HTMLElement>('[part=pickup]')?.focus());
  }

  readonly closeOutcome = () => {
    this.outcome = null;
    this.changed();
  };

  readonly copyCode = async () => {
    const outcome = this.outcome;
    if (outcome?.kind !== 'reserved') return;
    const code = outcome.redemption.pickupCode;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      this.copyMessage = this.options.t('copied');
    } catch {
      this.copyMessage = this.options.t('copyFailed');
      // Select the code, so that copying by hand is one keystroke away.
      const node = this.query('[part=code]');
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }
    this.changed();
    this.options.announce(this.copyMessage);
  };
}
