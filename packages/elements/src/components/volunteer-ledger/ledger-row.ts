import { html, nothing } from 'lit';
import type { HourEntry, HourEntryStatus } from '@lanewise/core/hours';

/** What a row needs from the widget to render. */
export interface RowContext {
  readonly team: boolean;
  readonly organizer: boolean;
  readonly focusIndex: number;
  readonly selected: ReadonlySet<string>;
  readonly date: (entry: HourEntry) => string;
  readonly time: (entry: HourEntry) => string;
  readonly duration: (minutes: number) => string;
  readonly status: (status: HourEntryStatus) => string;
  readonly label: (key: 'approve' | 'reject' | 'revoke') => string;
  /** Column headings, shown before a cell's value when rows are cards. */
  readonly heading: (
    key: 'volunteer' | 'duration' | 'creditedColumn' | 'recordedBy' | 'approvedBy',
  ) => string;
  readonly selectLabel: (entry: HourEntry) => string;
  readonly onSelect: (entry: HourEntry, selected: boolean) => void;
  readonly onAct: (entry: HourEntry, action: 'approve' | 'reject' | 'revoke') => void;
}

/**
 * One entry as a table row (`role="row"`, `aria-rowindex` counting the header row as 1),
 * a card at narrow widths. Only the row with the roving focus is in the tab order.
 */
export function renderRow(entry: HourEntry, index: number, context: RowContext) {
  const active = index === context.focusIndex;
  const tab = active ? 0 : -1;
  const pending = entry.status === 'pending';
  const credited =
    entry.status === 'approved' && entry.creditedMinutes !== undefined
      ? context.duration(entry.creditedMinutes)
      : '—';
  return html`<div
    role="row"
    part="row"
    class="row"
    aria-rowindex=${index + 2}
    aria-selected=${context.organizer ? String(context.selected.has(entry.id)) : nothing}
    data-index=${index}
    data-status=${entry.status}
    tabindex=${tab}
  >
    ${
      context.organizer
        ? html`<span role="cell" class="cell select"
            >${
              pending
                ? html`<input
                    type="checkbox"
                    tabindex=${tab}
                    aria-label=${context.selectLabel(entry)}
                    .checked=${context.selected.has(entry.id)}
                    @change=${(event: Event) =>
                      context.onSelect(entry, (event.target as HTMLInputElement).checked)}
                  />`
                : nothing
            }</span
          >`
        : nothing
    }
    <span role="cell" class="cell date">${context.date(entry)}</span>
    <span role="cell" class="cell time">${context.time(entry)}</span>
    ${
      context.team
        ? html`<span role="cell" class="cell volunteer" data-label=${context.heading('volunteer')}
            >${entry.volunteerId}</span
          >`
        : nothing
    }
    <span role="cell" class="cell activity"
      ><span class="activity-name">${entry.activityId}</span>${
        entry.note ? html`<span class="note">${entry.note}</span>` : nothing
      }${entry.reason ? html`<span class="note reason">${entry.reason}</span>` : nothing}</span
    >
    <span role="cell" class="cell duration" data-label=${context.heading('duration')}
      >${context.duration(entry.durationMinutes)}</span
    >
    <span role="cell" class="cell credited" data-label=${context.heading('creditedColumn')}
      >${credited}</span
    >
    <span role="cell" class="cell status"
      ><span part="badge" class="badge" data-status=${entry.status}
        >${context.status(entry.status)}</span
      ></span
    >
    <span role="cell" class="cell recorded-by" data-label=${context.heading('recordedBy')}
      >${entry.recordedBy}</span
    >
    <span role="cell" class="cell approved-by" data-label=${context.heading('approvedBy')}
      >${entry.approvedBy ?? entry.closedBy ?? '—'}</span
    >
    ${
      context.organizer
        ? html`<span role="cell" class="cell actions"
            >${
              pending
                ? html`<button
                      class="lw-button"
                      part="action approve"
                      tabindex=${tab}
                      @click=${() => context.onAct(entry, 'approve')}
                    >
                      ${context.label('approve')}</button
                    ><button
                      class="lw-button quiet"
                      part="action reject"
                      tabindex=${tab}
                      @click=${() => context.onAct(entry, 'reject')}
                    >
                      ${context.label('reject')}
                    </button>`
                : entry.status === 'approved'
                  ? html`<button
                      class="lw-button quiet"
                      part="action revoke"
                      tabindex=${tab}
                      @click=${() => context.onAct(entry, 'revoke')}
                    >
                      ${context.label('revoke')}
                    </button>`
                  : nothing
            }</span
          >`
        : nothing
    }
  </div>`;
}
