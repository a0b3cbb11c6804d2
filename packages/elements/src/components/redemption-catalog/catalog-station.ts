import { html, nothing } from 'lit';
import { renderReasonDialog } from '../../base/form-dialog.js';
import type { CatalogView, ReservationRow } from './catalog-view.js';
import type { CatalogWords } from './catalog-words.js';
import type { PickupDesk } from './pickup-desk.js';

/** The station's open reservations, found by pickup code, with the cancel dialog. */
export function renderStation(
  view: CatalogView,
  timeZone: string,
  station: string,
  desk: PickupDesk,
  words: CatalogWords,
) {
  const { t } = words;
  const title = station ? t('stationTitle', { station: station }) : t('allStationsTitle');
  return html`<section part="base" class="station" aria-labelledby="title">
    <h2 id="title" class="title">${title}</h2>
    <div class="search">
      <label for="search">${t('search')}</label>
      <input
        id="search"
        part="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        aria-describedby="search-hint"
        .value=${desk.query}
        @input=${desk.onSearch}
      />
      <p class="search-hint" id="search-hint">${t('searchHint')}</p>
    </div>
    ${
      view.reservations.length === 0
        ? html`<p class="no-rows" role="status">
            ${desk.query ? t('noMatch', { query: desk.query }) : t('noReservations')}
          </p>`
        : html`<ul part="reservations" class="reservations" aria-label=${t('reservations')}>
            ${view.reservations.map((row) => renderReservation(row, timeZone, desk, words))}
          </ul>`
    }
    ${renderCancel(desk, words)}
  </section>`;
}

/** One open reservation: its code, item, volunteer, times, and the hand-out and cancel buttons. */
function renderReservation(
  row: ReservationRow,
  timeZone: string,
  desk: PickupDesk,
  words: CatalogWords,
) {
  const { t } = words;
  const { redemption } = row;
  const error = desk.rowErrors.get(redemption.id);
  const errorId = `row-error-${redemption.id}`;
  return html`<li part="reservation" class="reservation">
    <p class="code small" translate="no">
      <span class="lw-visually-hidden">${t('code')} </span>${redemption.pickupCode}
    </p>
    <div class="details">
      <p class="what">${row.itemName} × ${redemption.quantity}</p>
      <p class="meta">
        <span>${t('volunteerIs', { volunteer: redemption.volunteerId })}</span>
        <span>${words.points(redemption.amount)}</span>
        <span
          >${t('reservedOn', {
            time: words.localize.dateTime(redemption.reservedAt, { timeZone }),
          })}</span
        >
        ${
          row.timeoutAt
            ? html`<span
                >${t('holdUntil', {
                  time: words.localize.dateTime(row.timeoutAt, { timeZone }),
                })}</span
              >`
            : nothing
        }
      </p>
      ${error ? html`<p class="field-error" part="field-error" id=${errorId} role="alert">${error}</p>` : nothing}
    </div>
    <div class="row-buttons">
      <button
        class="lw-button primary"
        part="fulfil"
        type="button"
        aria-label=${t('fulfilItem', { item: row.itemName, code: redemption.pickupCode })}
        aria-describedby=${error ? errorId : nothing}
        @click=${() => desk.fulfil(row)}
      >
        ${t('fulfil')}
      </button>
      <button
        class="lw-button"
        part="cancel"
        type="button"
        aria-label=${t('cancelItem', { code: redemption.pickupCode })}
        @click=${() => desk.openCancel(row)}
      >
        ${t('cancelReservation')}
      </button>
    </div>
  </li>`;
}

/** The dialog that asks why a reservation is cancelled. */
function renderCancel(desk: PickupDesk, words: CatalogWords) {
  const { t } = words;
  const row = desk.cancelling;
  return renderReasonDialog(
    'cancel',
    row && {
      title: t('cancelTitle', { code: row.redemption.pickupCode }),
      label: t('reason'),
      cancel: t('keep'),
      confirm: t('confirmCancel'),
      maxLength: 1000,
      error: desk.reasonError || undefined,
      onSubmit: desk.onCancel,
      onCancel: desk.closeCancel,
      onClose: desk.onCancelClose,
    },
  );
}
