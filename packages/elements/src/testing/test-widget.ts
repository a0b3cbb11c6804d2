// A small widget built only from the shared plumbing, for the plumbing's own tests: a list of
// named items with durations, fed by `src`, `data`, a live `ledger` or a provider, with an
// approve button per item that goes through a cancelable `lw-approve`.
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { z } from 'zod/mini';
import { LanewiseElement } from '../base/lanewise-element.js';
import { defineElement } from '../base/define.js';
import { SourceController } from '../controllers/source-controller.js';
import { fromSchema } from '../controllers/from-schema.js';
import type { LiveSource } from '../controllers/live-source.js';
import { defineTerms } from '../localize/dictionaries.js';

export const listSchema = z.object({
  title: z.optional(z.string()),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      minutes: z.int().check(z.minimum(0)),
      approved: z.optional(z.boolean()),
    }),
  ),
});

export type ListDocument = z.infer<typeof listSchema>;

/** A live list: a snapshot, and an `approve` command like a core ledger's. */
export interface LiveList extends LiveSource<ListDocument> {
  approve?(id: string): void;
}

const terms = defineTerms({
  en: {
    heading: 'Items',
    approve: 'Approve {name}',
    approved: 'Approved {name}.',
    emptyTitle: 'No items yet.',
    emptyHint: 'Items appear here once they are recorded.',
  },
  'zh-CN': {
    heading: '事项',
    approve: '审核通过 {name}',
    approved: '已审核通过 {name}。',
    emptyTitle: '还没有事项。',
    emptyHint: '记录事项后会显示在这里。',
  },
});

export class LwTestList extends LanewiseElement {
  static override styles = [
    ...(LanewiseElement.styles as []),
    css`
      :host {
        display: block;
      }
    `,
  ];

  @property() src = '';
  @property({ attribute: false }) data: unknown;
  @property({ attribute: false }) ledger: LiveList | undefined;

  readonly feed = new SourceController<ListDocument>(this, {
    check: fromSchema(listSchema),
    live: 'ledger',
    isEmpty: (doc) => doc.items.length === 0,
  });

  /** The live object in force: the widget's own or the provider's. */
  private get live(): LiveList | undefined {
    return this.feed.live as LiveList | undefined;
  }

  private approve(id: string, name: string): void {
    if (!this.emitAction('lw-approve', { id })) return;
    this.live?.approve?.(id);
    this.announce(this.localize.term(terms, 'approved', { name }));
  }

  protected override render() {
    return html`<section part="base">
      <h2>${this.localize.term(terms, 'heading')}</h2>
      ${this.feed.render({
        skeleton: { rows: 3, columns: 2 },
        empty: {
          title: this.localize.term(terms, 'emptyTitle'),
          hint: this.localize.term(terms, 'emptyHint'),
        },
        ready: (doc) =>
          html`${doc.title ? html`<p part="title">${doc.title}</p>` : ''}
            <p part="count">${this.localize.plural('entries', doc.items.length)}</p>
            <ul>
              ${doc.items.map(
                (item) =>
                  html`<li data-id=${item.id}>
                    <span part="name">${item.name}</span>
                    <span part="duration" class="lw-nowrap"
                      >${this.localize.duration(item.minutes)}</span
                    >
                    ${
                      item.approved
                        ? ''
                        : html`<button
                            type="button"
                            class="lw-button"
                            aria-label=${this.localize.term(terms, 'approve', { name: item.name })}
                            @click=${() => this.approve(item.id, item.name)}
                          >
                            ✓
                          </button>`
                    }
                  </li>`,
              )}
            </ul>`,
      })}
    </section>`;
  }
}

defineElement('lw-test-list', LwTestList);

declare global {
  interface HTMLElementTagNameMap {
    'lw-test-list': LwTestList;
  }
}

/** The names a test list shows, in order. */
export const names = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part=name]')].map((node) => node.textContent);
