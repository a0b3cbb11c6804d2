import { html, nothing } from 'lit';
import type { HourEntryStatus } from '@lanewise/core/hours';
import type { LocalizeController } from '../../localize/localize-controller.js';
import { LEDGER_PERIODS, type DayRange, type LedgerPeriod } from './ledger-period.js';
import type { StatusFilter } from './ledger-view.js';
import { ledgerTerms, type LedgerTerm } from './volunteer-ledger.terms.js';

const STATUSES: readonly HourEntryStatus[] = [
  'pending',
  'approved',
  'rejected',
  'revoked',
  'superseded',
];

/** What the toolbar needs from the widget to render. */
export interface ToolbarContext {
  readonly period: LedgerPeriod;
  readonly range: DayRange | null;
  readonly status: StatusFilter;
  readonly organizer: boolean;
  readonly selectedCount: number;
  readonly localize: LocalizeController;
  readonly t: (key: LedgerTerm) => string;
  readonly onPeriod: (event: Event) => void;
  readonly onStatus: (event: Event) => void;
  readonly onMove: (steps: number) => void;
  readonly onApproveSelected: () => void;
  readonly onExport: () => void;
}

/** The period shown in words: a month or a year by name, a week as its first and last day. */
export function periodLabel(context: ToolbarContext): string {
  const { range, localize } = context;
  if (!range) return context.t('all');
  const timeZone = 'UTC';
  const at = (day: string) => `${day}T12:00:00Z`;
  const locale = localize.locale === 'en' ? 'en-GB' : 'zh-CN';
  switch (context.period) {
    case 'month':
      return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'long' }).format(
        new Date(at(range.from)),
      );
    case 'year':
      return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric' }).format(
        new Date(at(range.from)),
      );
    default:
      return `${localize.date(at(range.from), { timeZone })} – ${localize.date(at(range.to), {
        timeZone,
      })}`;
  }
}

/** The period picker and arrows, the status filter, approve-selected and the CSV export. */
export function renderToolbar(context: ToolbarContext) {
  const { t, period, status } = context;
  const all = period === 'all';
  const selectedCount = context.selectedCount;
  return html`<div part="toolbar" class="toolbar">
    <div class="period">
      <label class="lw-visually-hidden" for="period">${t('period')}</label>
      <select id="period" @change=${context.onPeriod}>
        ${LEDGER_PERIODS.map(
          (option) =>
            html`<option value=${option} ?selected=${option === period}>${t(option)}</option>`,
        )}
      </select>
      <button
        class="lw-button icon"
        part="previous"
        aria-label=${t('previous')}
        ?disabled=${all}
        @click=${() => context.onMove(-1)}
      >
        ‹
      </button>
      <span class="range" aria-live="polite">${periodLabel(context)}</span>
      <button
        class="lw-button icon"
        part="next"
        aria-label=${t('next')}
        ?disabled=${all}
        @click=${() => context.onMove(1)}
      >
        ›
      </button>
    </div>
    <div class="filters">
      <label class="lw-visually-hidden" for="status">${t('status')}</label>
      <select id="status" @change=${context.onStatus}>
        <option value="all" ?selected=${status === 'all'}>${t('allStatuses')}</option>
        ${STATUSES.map(
          (option) =>
            html`<option value=${option} ?selected=${option === status}>${t(option)}</option>`,
        )}
      </select>
      ${
        context.organizer
          ? html`<button
              class="lw-button primary"
              part="approve-selected"
              ?disabled=${selectedCount === 0}
              @click=${context.onApproveSelected}
            >
              ${context.localize.plural(ledgerTerms, 'approveSelected', selectedCount)}
            </button>`
          : nothing
      }
      <button class="lw-button" part="export" @click=${context.onExport}>${t('exportCsv')}</button>
    </div>
  </div>`;
}
