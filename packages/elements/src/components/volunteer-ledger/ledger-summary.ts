import { html, nothing } from 'lit';
import type { LocalizeController } from '../../localize/localize-controller.js';
import type { LedgerView } from './ledger-view.js';
import { ledgerTerms, type LedgerTerm } from './volunteer-ledger.terms.js';

/** The figures above the table: credited time, entries, and the star level when there is one. */
export function renderSummary(
  view: LedgerView,
  localize: LocalizeController,
  t: (key: LedgerTerm, values?: Record<string, string>) => string,
) {
  const star = view.star;
  return html`<dl part="summary" class="summary">
    <div class="figure lw-figure">
      <dt>${t('credited')}</dt>
      <dd class="value">${localize.duration(view.creditedMinutes)}</dd>
    </div>
    <div class="figure lw-figure">
      <dt>${t('entries')}</dt>
      <dd class="value">${localize.number(view.rows.length)}</dd>
    </div>
    ${
      star
        ? html`<div class="figure lw-figure star">
            <dt>${t('star')}</dt>
            <dd class="value">
              <span
                class="stars"
                role="img"
                aria-label=${localize.plural(ledgerTerms, 'starValue', star.level, {
                  max: star.maxLevel,
                })}
                >${Array.from(
                  { length: star.maxLevel },
                  (_, i) => html`<span class=${i < star.level ? 'on' : 'off'}>★</span>`,
                )}</span
              >
            </dd>
            <dd class="hint">
              ${
                star.minutesToNext === null
                  ? t('topStar')
                  : t('toNext', { duration: localize.duration(star.minutesToNext) })
              }
            </dd>
          </div>`
        : nothing
    }
  </dl>`;
}
