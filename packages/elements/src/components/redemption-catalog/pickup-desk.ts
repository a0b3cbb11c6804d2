import type { ReactiveElement } from 'lit';
import { ReasonDialog } from '../../base/form-dialog.js';
import type { LiveSource } from '../../controllers/live-source.js';
import { pointsWriter } from '../points-wallet/points-source.js';
import type { ReservationRow } from './catalog-view.js';
import type { CatalogHost } from './catalog-words.js';

/** The `detail` of `lw-fulfil`. */
export interface FulfilDetail {
  readonly id: string;
  readonly by: string;
}

/** The `detail` of `lw-cancel`. */
export interface CancelDetail {
  readonly id: string;
  readonly reason: string;
}

/**
 * A station's writes on its open reservations: hand out (`lw-fulfil`) and cancel with a reason
 * (`lw-cancel`), each a cancelable event and then the live ledger; and the pickup-code search.
 */
export class PickupDesk {
  /** The pickup-code search. */
  query = '';
  /** The reservation the cancel dialog is open for. */
  cancelling: ReservationRow | null = null;
  reasonError = '';
  /** A failed hand-out's message, by redemption id. */
  rowErrors: ReadonlyMap<string, string> = new Map();

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: CatalogHost & {
      /** Who hands items out: the actor, else the station shown ('' for every station). */
      readonly by: () => string;
    },
  ) {}

  private changed(): void {
    this.host.requestUpdate();
  }

  private readonly dialog = new ReasonDialog(this.host, 'dialog.cancel');

  readonly onSearch = (event: Event) => {
    this.query = (event.target as HTMLInputElement).value;
    this.changed();
  };

  private setRowError(id: string, message: string) {
    const next = new Map(this.rowErrors);
    if (message) next.set(id, message);
    else next.delete(id);
    this.rowErrors = next;
    this.changed();
  }

  fulfil(row: ReservationRow): void {
    const { redemption } = row;
    const detail: FulfilDetail = {
      id: redemption.id,
      by: this.options.by() || redemption.stationId,
    };
    this.setRowError(redemption.id, '');
    if (!this.options.emit('lw-fulfil', detail)) return;
    const writer = pointsWriter(this.options.live() as LiveSource | undefined);
    if (!writer) return;
    try {
      writer.fulfil(detail.id, { by: detail.by });
      this.options.announce(
        this.options.t('fulfilled', { item: row.itemName, code: redemption.pickupCode }),
      );
    } catch (error) {
      this.setRowError(redemption.id, this.options.localize.error(error));
    }
  }

  openCancel(row: ReservationRow): void {
    this.cancelling = row;
    this.reasonError = '';
    this.changed();
    this.dialog.open();
  }

  readonly closeCancel = () => this.dialog.close();

  readonly onCancelClose = () => {
    if (this.dialog.reopened) return;
    this.cancelling = null;
    this.changed();
  };

  readonly onCancel = (event: SubmitEvent) => {
    event.preventDefault();
    const row = this.cancelling;
    if (!row) return;
    const { t, emit, announce } = this.options;
    const reason = this.dialog.reason;
    if (!reason) {
      this.reasonError = t('reasonNeeded');
      this.changed();
      return;
    }
    const { redemption } = row;
    const detail: CancelDetail = { id: redemption.id, reason };
    if (!emit('lw-cancel', detail)) {
      this.closeCancel();
      return;
    }
    const writer = pointsWriter(this.options.live() as LiveSource | undefined);
    if (writer) {
      try {
        writer.cancel(detail.id, { reason });
        announce(t('cancelled', { code: redemption.pickupCode }));
      } catch (error) {
        this.reasonError = this.options.localize.error(error);
        this.changed();
        return;
      }
    }
    this.closeCancel();
  };
}
