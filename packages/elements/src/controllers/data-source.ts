import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a component is in getting its data. */
export type DataState = 'idle' | 'loading' | 'ready' | 'error';

/** A live core object: anything that tells listeners of changes and hands out a snapshot. */
export interface LiveSource<S = unknown> {
  subscribe(listener: () => void): () => void;
  snapshot(): S;
}

/** Options of {@link DataSourceController}. */
export interface DataSourceOptions<T> {
  /** Turns raw JSON, a `data` value or a live snapshot into the component's data; throws on bad data. */
  parse: (raw: unknown) => T;
  /** Fetch implementation; `globalThis.fetch` by default. */
  fetch?: typeof fetch;
}

/** Why the data could not be had, kept apart so the component can word it in its language. */
export type DataError =
  { kind: 'load'; url: string; reason: string } | { kind: 'parse'; reason: string };

/**
 * Feeds a component from one of three sources, the last one set winning: a `src` URL
 * (fetched, aborted when it changes), a `data` value, or a live object it subscribes to.
 */
export class DataSourceController<T> implements ReactiveController {
  state: DataState = 'idle';
  value: T | undefined;
  error: DataError | undefined;

  private abort: AbortController | undefined;
  private live: LiveSource | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DataSourceOptions<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.live && !this.unsubscribe) this.listen(this.live);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Loads JSON from `url`; `undefined` or '' goes back to idle. */
  setSrc(url: string | undefined): void {
    this.reset();
    if (!url) return this.settle('idle');
    const abort = (this.abort = new AbortController());
    this.settle('loading');
    const fetcher = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    fetcher(url, { signal: abort.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return (await response.json()) as unknown;
      })
      .then(
        (raw) => {
          if (!abort.signal.aborted) this.accept(raw);
        },
        (reason: unknown) => {
          if (abort.signal.aborted) return;
          this.error = {
            kind: 'load',
            url,
            reason: reason instanceof Error ? reason.message : String(reason),
          };
          this.settle('error');
        },
      );
  }

  /** Uses `data` as it is; `undefined` goes back to idle. */
  setData(data: unknown): void {
    this.reset();
    if (data === undefined) return this.settle('idle');
    this.accept(data);
  }

  /** Follows a live object: its snapshot now and after each change. */
  setLive(source: LiveSource | undefined): void {
    this.reset();
    if (!source) return this.settle('idle');
    this.live = source;
    this.listen(source);
  }

  private listen(source: LiveSource): void {
    this.unsubscribe = source.subscribe(() => this.accept(source.snapshot()));
    this.accept(source.snapshot());
  }

  private accept(raw: unknown): void {
    try {
      this.value = this.options.parse(raw);
      this.error = undefined;
      this.settle('ready');
    } catch (reason) {
      this.value = undefined;
      this.error = {
        kind: 'parse',
        reason: reason instanceof Error ? reason.message : String(reason),
      };
      this.settle('error');
    }
  }

  private reset(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.live = undefined;
    this.value = undefined;
    this.error = undefined;
  }

  private settle(state: DataState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
