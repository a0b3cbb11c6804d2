import { html, nothing } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { HourEntry } from '@lanewise/core/hours';
import { renderRow, type RowContext } from './ledger-row.js';
import type { LedgerOrder } from './ledger-view.js';
import type { RowFocus } from './row-focus.js';
import type { LedgerTerm } from './volunteer-ledger.terms.js';

/** Above this many rows the body scrolls and renders only the rows in view. */
const VIRTUAL_FROM = 60;

/** What the table needs from the widget to render. */
export interface TableContext {
  readonly rows: readonly HourEntry[];
  readonly row: RowContext;
  readonly order: LedgerOrder;
  readonly focus: RowFocus;
  readonly t: (key: LedgerTerm, values?: Record<string, string>) => string;
  readonly onToggleOrder: () => void;
}

/**
 * The entries as an ARIA table: a header row with the date column's sort button, then one row
 * an entry, or only the rows in view for a long ledger.
 */
export function renderTable(context: TableContext) {
  const { rows, row, order, focus, t } = context;
  const { team, organizer } = row;
  const virtual = rows.length > VIRTUAL_FROM;
  const heading = (key: LedgerTerm, cls: string) =>
    html`<span role="columnheader" class="cell ${cls}">${t(key)}</span>`;
  return html`<div
    role="table"
    part="table"
    class="table ${team ? 'team' : ''} ${organizer ? 'organizer' : ''}"
    aria-label=${t('table')}
    aria-rowcount=${rows.length + 1}
  >
    <div role="rowgroup" class="head">
      <div role="row" class="row header" aria-rowindex="1">
        ${
          organizer
            ? html`<span role="columnheader" class="cell select"
                ><span class="lw-visually-hidden">${t('select')}</span></span
              >`
            : nothing
        }
        <span role="columnheader" class="cell date" aria-sort=${order}
          ><button
            class="sort"
            part="sort"
            aria-label=${t('sortBy', { order: t(order) })}
            @click=${context.onToggleOrder}
          >
            ${t('date')}<span aria-hidden="true">${order === 'descending' ? '↓' : '↑'}</span>
          </button></span
        >
        ${heading('time', 'time')} ${team ? heading('volunteer', 'volunteer') : nothing}
        ${heading('activity', 'activity')} ${heading('duration', 'duration')}
        ${heading('creditedColumn', 'credited')} ${heading('status', 'status')}
        ${heading('recordedBy', 'recorded-by')} ${heading('approvedBy', 'approved-by')}
        ${organizer ? heading('actions', 'actions') : nothing}
      </div>
    </div>
    ${
      rows.length === 0
        ? html`<p class="no-rows" part="no-rows">${t('noRows')}</p>`
        : html`<div
            role="rowgroup"
            part="rows"
            class="body ${virtual ? 'virtual' : ''}"
            tabindex=${virtual ? 0 : -1}
            aria-label=${t('table')}
            @keydown=${focus.onKeydown}
            @focusin=${focus.onFocusIn}
            @focusout=${focus.onFocusOut}
            @rangeChanged=${focus.keep}
          >
            ${
              virtual
                ? virtualize({
                    items: rows as HourEntry[],
                    keyFunction: (entry: HourEntry) => entry.id,
                    renderItem: (entry: HourEntry, index: number) => renderRow(entry, index, row),
                    scroller: true,
                  })
                : rows.map((entry, index) => renderRow(entry, index, row))
            }
          </div>`
    }
  </div>`;
}
