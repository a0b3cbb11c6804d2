import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { FetchError, fetchJson, type FetchFailure } from '../../controllers/fetch-json.js';
import type { LiveSource } from '../../controllers/live-source.js';
import {
  attachContextRoot,
  sourceContext,
  type LiveName,
  type SharedSource,
  type SharedState,
} from '../../controllers/source-context.js';
import { providerStyles } from './lanewise-provider.styles.js';

attachContextRoot();

/**
 * Holds one source for every Lanewise widget inside it: a `src` URL of JSON (fetched once), a
 * `data` document, or live core objects (`ledger`, `book`, `tracker`, `rules`). A widget with
 * its own `src`, `data` or live property uses its own instead. It works whatever order the
 * scripts load in: widgets upgraded before the provider find it when it is defined.
 *
 * It draws nothing itself: each widget shows its own loading, empty and error states, and a
 * retry in a widget fetches the provider's `src` again.
 *
 * @summary Shares one data source with every widget inside it.
 *
 * @tag lanewise-provider
 *
 * @slot - The widgets (and any other content) that share the source.
 *
 * @event lw-load - The `src` document is in; `detail` is the unvalidated document.
 * @event lw-error - The `src` could not be fetched; `detail.failure` says why (`http` with its
 * `status`, `network`, or `not-json`).
 *
 * @example
 * ```html
 * <lanewise-provider src="/data/program.json">
 *   <volunteer-ledger volunteer="v-li"></volunteer-ledger>
 *   <points-wallet volunteer="v-li"></points-wallet>
 * </lanewise-provider>
 * ```
 */
export class LanewiseProvider extends LitElement {
  static override styles = providerStyles;

  /** URL of the JSON document every widget inside reads; fetched once. */
  @property() src = '';

  /** The document as an object; the last of `src` and `data` set wins. */
  @property({ attribute: false }) data: unknown;

  /** A live hour ledger, point ledger or volunteer program. */
  @property({ attribute: false }) ledger: LiveSource | undefined;

  /** A live case book. */
  @property({ attribute: false }) book: LiveSource | undefined;

  /** A live 721 tracker. */
  @property({ attribute: false }) tracker: LiveSource | undefined;

  /** Live routing rules. */
  @property({ attribute: false }) rules: LiveSource | undefined;

  private readonly context = new ContextProvider(this, { context: sourceContext });
  private documentState: SharedState = 'none';
  private document: unknown;
  private failure: FetchFailure | undefined;
  private abort: AbortController | undefined;
  private last: 'src' | 'data' | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.abort = undefined;
    if (this.documentState === 'loading') this.documentState = 'none';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after a fetch was cut short: fetch again.
    if (this.last === 'src' && this.documentState === 'none' && this.src) this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) this.last = 'src';
    if (changed.has('data') && this.data !== undefined) this.last = 'data';
    if (this.last === 'src' && !this.src) this.last = this.data !== undefined ? 'data' : undefined;
    if (this.last === 'data' && this.data === undefined) this.last = this.src ? 'src' : undefined;
    if (changed.has('src') || changed.has('data')) {
      this.abort?.abort();
      this.abort = undefined;
      this.failure = undefined;
      if (this.last === 'src') return this.load();
      this.document = this.last === 'data' ? this.data : undefined;
      this.documentState = this.last === 'data' ? 'ready' : 'none';
    }
    this.share();
  }

  /** Fetches `src` again, as a widget's retry does. */
  reload(): void {
    if (this.last === 'src') this.load();
  }

  private load(): void {
    const abort = (this.abort = new AbortController());
    this.documentState = 'loading';
    this.document = undefined;
    this.failure = undefined;
    this.share();
    fetchJson(this.src, abort.signal).then(
      (document) => {
        if (abort.signal.aborted) return;
        this.document = document;
        this.documentState = 'ready';
        this.share();
        this.dispatchEvent(
          new CustomEvent('lw-load', { detail: document, bubbles: true, composed: true }),
        );
      },
      (reason: unknown) => {
        if (abort.signal.aborted) return;
        this.failure =
          reason instanceof FetchError ? reason.failure : { kind: 'network', url: this.src };
        this.documentState = 'error';
        this.share();
        this.dispatchEvent(
          new CustomEvent('lw-error', {
            detail: { failure: this.failure },
            bubbles: true,
            composed: true,
          }),
        );
      },
    );
  }

  private share(): void {
    const live: Partial<Record<LiveName, LiveSource>> = {};
    for (const name of ['ledger', 'book', 'tracker', 'rules'] as const) {
      const value = this[name];
      if (value) live[name] = value;
    }
    const shared: SharedSource = {
      state: this.documentState,
      document: this.document,
      failure: this.failure,
      retry: () => this.reload(),
      live,
    };
    this.context.setValue(shared);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
