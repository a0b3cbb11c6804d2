import { html, nothing } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import type { CaseRecord } from '@lanewise/core/cases';
import type { BoardFocus } from './board-focus.js';
import type { Lane } from './board-lanes.js';
import type { BoardTerm } from './case-board.terms.js';
import { escalationMarks } from './time-left.js';

/** What a lane needs of the board. */
export interface LaneHost {
  t(key: BoardTerm): string;
  plural(key: BoardTerm, count: number): string;
  dueText(record: CaseRecord): { text: string; tone: string };
  categoryLabel(id: string): string;
  tierLabel(id: string): string;
  openCase(id: string): void;
}

/** One case as a card: title, category and tier, the time left and the escalation marks. */
function renderCard(
  host: LaneHost,
  focus: BoardFocus,
  record: CaseRecord,
  lane: number,
  index: number,
) {
  const due = host.dueText(record);
  const marks = escalationMarks(record);
  return html`<div role="listitem" class="slot">
    <button
      type="button"
      class="card"
      part="card"
      data-id=${record.id}
      data-lane=${lane}
      data-index=${index}
      data-tone=${due.tone || nothing}
      tabindex=${focus.isActive(lane, index) ? 0 : -1}
      aria-haspopup="dialog"
      @click=${() => host.openCase(record.id)}
    >
      <span class="card-title">${record.title}</span>
      <span class="card-meta"
        >${host.categoryLabel(record.category)} · ${host.tierLabel(record.tier)}</span
      >
      <span class="card-foot">
        <span class="due" part="due" data-tone=${due.tone || nothing}>${due.text}</span>
        ${
          marks.chased
            ? html`<span class="badge" part="badge" data-tone="warn">${host.t('chased')}</span>`
            : nothing
        }
        ${
          marks.noticed
            ? html`<span class="badge" part="badge" data-tone="bad">${host.t('noticed')}</span>`
            : nothing
        }
      </span>
    </button>
  </div>`;
}

/** A lane: its name and count, then its cards, rendered only as far as they are in view. */
export function renderLane(
  host: LaneHost,
  focus: BoardFocus,
  lane: Lane,
  index: number,
  name: string,
) {
  const headingId = `lane-${index}`;
  const count = host.plural('laneCount', lane.cases.length);
  return html`<section class="lane" part="lane" aria-labelledby=${headingId}>
    <h3 class="lane-title" id=${headingId}>
      <span>${name}</span>
      <span class="count" part="lane-count">${count}</span>
    </h3>
    ${
      lane.cases.length === 0
        ? html`<p class="lane-empty">${host.t('laneEmpty')}</p>`
        : html`<div
            class="lane-body"
            role="list"
            aria-labelledby=${headingId}
            aria-describedby="board-keys"
            data-lane=${index}
            tabindex=${focus.laneIsStop(index) ? 0 : -1}
            @rangeChanged=${(event: Event) => focus.onRange(index, event)}
          >
            ${virtualize({
              items: lane.cases as CaseRecord[],
              // While a lane shrinks, the virtualizer may still ask for an index past its end.
              keyFunction: (record: CaseRecord | undefined, at: number) => record?.id ?? at,
              renderItem: (record: CaseRecord | undefined, at: number) =>
                record ? renderCard(host, focus, record, index, at) : html``,
              scroller: true,
              // Given here rather than loaded on first use, so that the CDN file stays one file.
              layout: flow(),
            })}
          </div>`
    }
  </section>`;
}
