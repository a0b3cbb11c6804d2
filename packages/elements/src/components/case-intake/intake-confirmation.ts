import { html } from 'lit';
import type { CaseRecord } from '@lanewise/core/cases';
import type { RoutingConfig } from '@lanewise/core/routing';
import type { Locale } from '../../localize/index.js';
import type { IntakeTerm } from './case-intake.terms.js';
import { formatDeadline, pickText, tierName } from './case-words.js';

/** What the resident reads after sending: the case number, who handles it, by when. */
export function renderConfirmation(
  config: RoutingConfig,
  record: CaseRecord,
  options: {
    readonly locale: Locale;
    /** The book's zone, for the deadline. */
    readonly zone: string | undefined;
    readonly t: (key: IntakeTerm, values?: Record<string, string>) => string;
    readonly onAnother: () => void;
  },
) {
  const { locale, zone, t } = options;
  const tier = config.tiers.find((candidate) => candidate.id === record.tier);
  const sameHandlers = tier && tier.handlers.join() === record.handlers.join();
  const handlers =
    sameHandlers && tier.description
      ? pickText(tier.description, locale)
      : record.handlers.join(t('listSeparator'));
  return html`<div class="confirmation" part="confirmation" tabindex="-1" role="status">
    <h3>${t('confirmTitle')}</h3>
    <p class="case-number">${t('caseNumber', { id: record.id })}</p>
    <p>${t('handledBy', { tier: tierName(config, record.tier, locale), handlers })}</p>
    <p class="due">${t('dueBy', { date: formatDeadline(record.dueAt, locale, zone) })}</p>
    <p>${t(record.reporter?.phone ? 'followUp' : 'followUpNoPhone')}</p>
    <button type="button" class="secondary" @click=${options.onAnother}>${t('another')}</button>
  </div>`;
}
