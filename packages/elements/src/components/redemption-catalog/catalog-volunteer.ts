import { html, nothing } from 'lit';
import { renderFormDialog } from '../../base/form-dialog.js';
import type { Blocked, CatalogItem, CatalogView } from './catalog-view.js';
import type { CatalogWords } from './catalog-words.js';
import type { Outcome, RedeemFlow } from './redeem-flow.js';
import { catalogTerms } from './redemption-catalog.terms.js';

/** Why an item cannot be taken, in words. */
function blockedText(blocked: Blocked, words: CatalogWords): string {
  const { t } = words;
  switch (blocked.reason) {
    case 'points':
      return words.localize.plural(catalogTerms, 'needPoints', blocked.missing);
    case 'stock':
      return t('outOfStock');
    case 'limit':
      return t(
        blocked.per === 'month'
          ? 'limitMonth'
          : blocked.per === 'quarter'
            ? 'limitQuarter'
            : 'limitYear',
      );
    case 'volunteer':
      return t('needVolunteer');
  }
}

/** The volunteer's catalogue: the balance, the pickup panel, the items and the confirm dialog. */
export function renderCatalog(view: CatalogView, flow: RedeemFlow, words: CatalogWords) {
  const { t } = words;
  return html`<section part="base" class="catalog" aria-labelledby="title">
    <div class="head">
      <h2 id="title" class="title">${t('title')}</h2>
      ${
        view.available === null
          ? nothing
          : html`<p class="balance">${t('available', { points: words.points(view.available) })}</p>`
      }
    </div>
    ${flow.outcome ? renderOutcome(flow.outcome, flow, words) : nothing}
    ${
      view.items.length === 0
        ? html`<p class="no-rows">${t('noItems')}</p>`
        : html`<ul part="items" class="items">
            ${view.items.map((entry, index) => renderItem(entry, index, flow, words))}
          </ul>`
    }
    ${renderConfirm(view, flow, words)}
  </section>`;
}

/** One item: name, cost, stock, station, what is left this period, and the redeem button. */
function renderItem(entry: CatalogItem, index: number, flow: RedeemFlow, words: CatalogWords) {
  const { t } = words;
  const { item, remaining, blocked } = entry;
  const reasonId = `blocked-${index}`;
  return html`<li part="item" class="item ${blocked ? 'is-blocked' : ''}">
    <h3 class="name">${item.name}</h3>
    <p part="cost" class="cost">${words.points(item.cost)}</p>
    <ul class="facts">
      <li>${t('stock', { count: words.localize.number(item.stock) })}</li>
      <li>${t('station', { station: item.stationId })}</li>
      ${
        item.limit && remaining !== null
          ? html`<li>
              ${t('limitLeft', {
                count: item.limit.count,
                per: t(item.limit.per),
                left: remaining,
              })}
            </li>`
          : nothing
      }
    </ul>
    <div class="act">
      <button
        class="lw-button primary"
        part="redeem"
        type="button"
        ?disabled=${blocked !== undefined}
        aria-label=${t('redeemItem', { item: item.name })}
        aria-describedby=${blocked ? reasonId : nothing}
        @click=${() => flow.open(entry)}
      >
        ${t('redeem')}
      </button>
      ${
        blocked
          ? html`<p part="blocked" class="blocked" id=${reasonId}>
              ${blockedText(blocked, words)}
            </p>`
          : nothing
      }
    </div>
  </li>`;
}

/** The dialog that confirms a redemption and asks how many. */
function renderConfirm(view: CatalogView, flow: RedeemFlow, words: CatalogWords) {
  const { t } = words;
  const item = flow.confirming?.item;
  const frame = item && {
    item,
    title: t('confirmTitle', { item: item.name }),
    cancel: t('cancel'),
    confirm: t('confirm'),
    tone: 'primary' as const,
    onSubmit: flow.onRedeem,
    onCancel: flow.closeConfirm,
    onClose: flow.onConfirmClose,
  };
  return renderFormDialog('confirm', frame ?? null, ({ item }) => {
    const total = item.cost * flow.quantity;
    return html`<p class="dialog-text">
        ${t('confirmText', {
          cost: words.points(item.cost),
          available: words.points(view.available ?? 0),
        })}
      </p>
      <label for="quantity">${t('quantity')}</label>
      <input
        id="quantity"
        name="quantity"
        type="number"
        inputmode="numeric"
        min="1"
        step="1"
        required
        .value=${String(flow.quantity)}
        aria-invalid=${flow.quantityError ? 'true' : 'false'}
        aria-describedby=${flow.quantityError ? 'quantity-error total' : 'total'}
        @input=${flow.onQuantity}
      />
      ${
        flow.quantityError
          ? html`<p class="field-error" part="field-error" id="quantity-error" role="alert">
              ${flow.quantityError}
            </p>`
          : nothing
      }
      <p class="total" id="total">
        ${t('total', { points: words.points(Number.isFinite(total) ? total : 0) })}
      </p>`;
  });
}

/** The pickup panel: the code large with a copy button, or word that the redemption was sent on. */
function renderOutcome(outcome: Outcome, flow: RedeemFlow, words: CatalogWords) {
  const { t } = words;
  if (outcome.kind === 'sent') {
    return html`<div part="pickup" class="pickup sent" tabindex="-1">
      <p class="pickup-title">
        ${t('sent', { item: outcome.itemName, quantity: outcome.input.quantity })}
      </p>
      <button class="lw-button" type="button" @click=${flow.closeOutcome}>${t('close')}</button>
    </div>`;
  }
  const { redemption, itemName } = outcome;
  return html`<div
    part="pickup"
    class="pickup"
    tabindex="-1"
    role="group"
    aria-labelledby="pickup-title"
  >
    <p class="pickup-title" id="pickup-title">
      ${t('pickupTitle', { item: itemName, quantity: redemption.quantity })}
    </p>
    <p class="code-label">${t('pickupCode')}</p>
    <p part="code" class="code" translate="no">${redemption.pickupCode}</p>
    <p class="pickup-hint">${t('pickupHint', { station: redemption.stationId })}</p>
    <div class="pickup-buttons">
      <button class="lw-button primary" part="copy" type="button" @click=${flow.copyCode}>
        ${t('copy')}
      </button>
      <button class="lw-button" type="button" @click=${flow.closeOutcome}>${t('close')}</button>
    </div>
    ${flow.copyMessage ? html`<p class="copy-message">${flow.copyMessage}</p>` : nothing}
  </div>`;
}
