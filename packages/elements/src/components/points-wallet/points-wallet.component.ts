import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { figureCardStyles } from '../../base/figure-card.js';
import { LanewiseElement } from '../../base/lanewise-element.js';
import type { LiveSource } from '../../controllers/live-source.js';
import { SourceController } from '../../controllers/source-controller.js';
import { renderEmpty } from '../../base/states.js';
import { dayOf } from './as-of.js';
import { checkPointsDocument, pointsOfLive, type PointsDocument } from './points-source.js';
import { walletStyles } from './points-wallet.styles.js';
import { walletTerms } from './points-wallet.terms.js';
import { walletView, type WalletLine, type WalletView } from './wallet-view.js';

type TermKey = keyof typeof walletTerms.en & string;

/**
 * A volunteer's points: what is available, on hold and posted, the points that expire within
 * 30 days and when, a debt left by a reversal said plainly, and every movement newest first,
 * each said in words (earned for which activity, redeemed for which item, expired, taken back).
 *
 * @summary A volunteer's point balances, expiring points and history.
 *
 * @tag points-wallet
 *
 * @csspart base - The whole widget.
 * @csspart balances - The three balances.
 * @csspart balance - One balance.
 * @csspart owing - The notice of points owed.
 * @csspart expiring - The points about to expire.
 * @csspart history - The list of movements.
 * @csspart line - One movement.
 * @csspart change - The signed points of a movement.
 * @csspart badge - The state of a hold (awaiting pickup, cancelled, not collected).
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error box (`role="alert"`).
 *
 * @cssprop --lw-color-accent - The available balance.
 * @cssprop --lw-color-good - Points coming in.
 * @cssprop --lw-color-warn - Expiring points and debt.
 * @cssprop --lw-color-surface-raised - Background of the balances and the history.
 * @cssprop --lw-wallet-history-height - Height past which the history scrolls (28rem).
 *
 * @event lw-load - The document or live snapshot is in; `detail` is the point document.
 * @event lw-error - The data could not be had; `detail.message` says why.
 *
 * @example
 * ```html
 * <points-wallet src="/program.json" volunteer="v-li-hua"></points-wallet>
 * ```
 */
export class PointsWallet extends LanewiseElement {
  /** The base styles and the wallet's own. */
  static override styles = [...(LanewiseElement.styles as []), figureCardStyles, walletStyles];

  /** The volunteer whose points are shown. */
  @property() volunteer = '';

  /**
   * The day the wallet is read on (`YYYY-MM-DD` or an instant), for points about to expire;
   * today by default.
   */
  @property({ attribute: 'as-of' }) asOf = '';

  /** URL of a JSON point-ledger or programme snapshot. */
  @property() src = '';

  /** A point-ledger or programme snapshot; the last of `src`, `data` and `ledger` set wins. */
  @property({ attribute: false }) data: unknown;

  /** A live point ledger or volunteer programme. */
  @property({ attribute: false }) ledger: LiveSource | undefined;

  private readonly feed = new SourceController<PointsDocument>(this, {
    check: checkPointsDocument,
    live: 'ledger',
    fromLive: pointsOfLive,
    isEmpty: (document) => document.points.transfers.length === 0,
  });

  private memo: { key: unknown[]; view: WalletView } | undefined;

  /** The wallet shown now, or undefined before data is in. */
  get view(): WalletView | undefined {
    const document = this.feed.value;
    if (!document || !this.volunteer) return undefined;
    const today = dayOf(this.asOf, document.points.timeZone);
    const key = [document, this.volunteer, today];
    if (this.memo && this.memo.key.every((part, i) => part === key[i])) return this.memo.view;
    const view = walletView(document, { volunteer: this.volunteer, today });
    this.memo = { key, view };
    return view;
  }

  private t(key: TermKey, values?: Record<string, string | number>) {
    return this.localize.term(walletTerms, key, values);
  }

  protected override render() {
    return this.feed.render({
      skeleton: { label: true, figure: true, rows: 5, columns: 2 },
      empty: { title: this.t('emptyTitle'), hint: this.t('emptyHint') },
      ready: (document) =>
        this.volunteer
          ? this.renderWallet(document, this.view!)
          : renderEmpty(this.t('noVolunteerTitle'), this.t('noVolunteerHint')),
    });
  }

  private renderWallet(document: PointsDocument, view: WalletView) {
    const { balance } = view;
    const figure = (key: 'available' | 'pending' | 'posted', value: number) =>
      html`<div class="balance lw-figure ${key}" part="balance">
        <dt>${this.t(key)}</dt>
        <dd class="value ${value < 0 ? 'negative' : ''}">
          ${this.localize.number(value)}<span class="unit">${this.t('pointsUnit')}</span>
        </dd>
        <dd class="hint">${this.t(`${key}Hint`)}</dd>
      </div>`;
    return html`<section part="base" class="wallet" aria-labelledby="title">
      <h2 id="title" class="title">${this.t('title')}<span class="who">${this.volunteer}</span></h2>
      <dl part="balances" class="balances" aria-label=${this.t('balances')}>
        ${figure('available', balance.available)} ${figure('pending', balance.pending)}
        ${figure('posted', balance.posted)}
      </dl>
      ${
        view.owing > 0
          ? html`<div part="owing" class="notice owing">
              <p class="notice-title">${this.localize.plural(walletTerms, 'owing', view.owing)}</p>
              <p class="notice-text">${this.t('owingHint')}</p>
            </div>`
          : nothing
      }
      ${this.renderExpiring(document, view)} ${this.renderHistory(document, view)}
    </section>`;
  }

  private renderExpiring(document: PointsDocument, view: WalletView) {
    const today = dayOf(this.asOf, document.points.timeZone);
    if (document.points.policy.expireAfterMonths === null) {
      return html`<p part="expiring" class="expiring quiet">${this.t('noExpiry')}</p>`;
    }
    if (view.expiring.length === 0) {
      return html`<p part="expiring" class="expiring quiet">${this.t('noneExpiring')}</p>`;
    }
    return html`<div part="expiring" class="notice expiring">
      <p class="notice-title">${this.t('expiringTitle')}</p>
      <ul class="expiring-list">
        ${view.expiring.map(
          (lot) =>
            html`<li>
              ${this.localize.plural(
                walletTerms,
                // A date already past: the points are due, and go when the ledger next expires.
                lot.date <= today ? 'expiringDue' : 'expiring',
                lot.amount,
                { date: this.localize.date(`${lot.date}T12:00:00Z`, { timeZone: 'UTC' }) },
              )}
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private describe(line: WalletLine): string {
    switch (line.kind) {
      case 'earned':
        return line.activity
          ? this.t('earned', { activity: line.activity })
          : this.t('earnedPlain');
      case 'reversed':
        return line.activity
          ? this.t('reversed', { activity: line.activity })
          : this.t('reversedPlain');
      case 'redeemed':
        return line.quantity !== undefined && line.quantity > 1
          ? this.t('redeemedCount', { item: line.item ?? '', quantity: line.quantity })
          : this.t('redeemed', { item: line.item ?? '' });
      case 'expired':
        return this.t('expired');
      case 'other':
        return this.t('other', { code: line.code });
    }
  }

  private badge(line: WalletLine) {
    const key: TermKey | undefined =
      line.status === 'pending'
        ? 'statusPending'
        : line.status === 'voided'
          ? 'statusVoided'
          : line.status === 'expired'
            ? 'statusExpired'
            : undefined;
    return key
      ? html`<span part="badge" class="badge ${line.status}">${this.t(key)}</span>`
      : nothing;
  }

  private renderHistory(document: PointsDocument, view: WalletView) {
    const timeZone = document.points.timeZone;
    return html`<section class="history-box" aria-labelledby="history-title">
      <h3 id="history-title" class="history-title">${this.t('history')}</h3>
      ${
        view.lines.length === 0
          ? html`<p class="no-rows">${this.t('noHistory')}</p>`
          : html`<ol part="history" class="history" tabindex="0" aria-labelledby="history-title">
              ${view.lines.map(
                (line) =>
                  html`<li part="line" class="line ${line.kind} ${line.counts ? '' : 'void'}">
                    <div class="what">
                      <span class="kind">${this.describe(line)}</span>
                      <span class="when"
                        ><time datetime=${line.at}
                          >${this.localize.dateTime(line.at, { timeZone })}</time
                        >${this.badge(line)}</span
                      >
                      ${
                        line.reason
                          ? html`<span class="reason"
                              >${this.t('reason', { reason: line.reason })}</span
                            >`
                          : nothing
                      }
                    </div>
                    <span part="change" class="change ${line.change > 0 ? 'in' : 'out'}"
                      >${line.change > 0 ? '+' : '−'}${this.localize.number(Math.abs(line.change))}<span
                        class="lw-visually-hidden"
                        >${this.t('pointsUnit')}</span
                      ></span
                    >
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }
}
