import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { LanewiseError } from '@lanewise/core/errors';
import { renderEmpty, renderError, renderSkeleton, type SkeletonShape } from '../base/states.js';
import { LocalizeController } from '../localize/localize-controller.js';
import { FetchError, fetchJson, type FetchFailure } from './fetch-json.js';
import type { LiveSource } from './live-source.js';
import {
  attachContextRoot,
  sourceContext,
  type LiveName,
  type SharedSource,
} from './source-context.js';

attachContextRoot();

/** Where a widget is in getting its data. */
export type SourceState = 'loading' | 'empty' | 'ready' | 'error';

/** Where the data in force came from. */
export type SourceOrigin = 'none' | 'src' | 'data' | 'live' | 'provider';

/**
 * Why the data could not be had: a failed fetch (retry possible), a document that fails the
 * widget's schema, or a live object that threw.
 */
export type SourceError =
  | { readonly kind: 'fetch'; readonly failure: FetchFailure }
  | { readonly kind: 'data'; readonly error: unknown; readonly input: unknown }
  | { readonly kind: 'live'; readonly error: unknown };

/** A widget that a {@link SourceController} feeds. */
export type SourceHost = ReactiveControllerHost & HTMLElement;

/** What {@link SourceController.render} shows in each state. */
export interface SourceViews<T> {
  /** The widget's shape while it loads. */
  skeleton: SkeletonShape;
  /**
   * The empty state: a sentence of what will appear here and one of how (used when there is
   * data with nothing in it; with no source at all the shared sentences say how to feed it).
   */
  empty: { title: string; hint?: string };
  /** The widget's content. */
  ready: (value: T) => unknown;
}

/** Options of {@link SourceController}. */
export interface SourceOptions<T> {
  /**
   * Checks the document (`src` JSON, `data`, a provider's document) and returns the widget's
   * value, or throws a `LanewiseError` naming the bad field. Build it from the core's zod/mini
   * schema of the snapshot with {@link fromSchema}.
   */
  check: (raw: unknown) => T;
  /**
   * The name of the host property that holds a live object, which is also the name of the
   * `<lanewise-provider>` property the widget reads (`ledger`, `book`, `tracker`, `rules`).
   * A list names several, first first: the first of them the host holds, else the first of
   * them the provider holds.
   */
  live?: LiveName | (string & {}) | readonly (LiveName | (string & {}))[];
  /**
   * Reads the widget's value from the live object; by default its `snapshot()`, trusted as
   * the core made it (set `validateLive` to run `check` on it too).
   */
  fromLive?: (live: LiveSource) => T;
  /** Checks each live snapshot with `check` as well; off by default. */
  validateLive?: boolean;
  /** True when a valid value has nothing to show: the widget shows its empty state. */
  isEmpty?: (value: T) => boolean;
  /** The host property holding the URL; `src` by default. */
  srcProperty?: string;
  /** The host property holding the document object; `data` by default. */
  dataProperty?: string;
}

type OwnKind = 'src' | 'data' | 'live';

type Binding =
  | { readonly kind: 'none' }
  | { readonly kind: 'src'; readonly url: string }
  | { readonly kind: 'data'; readonly data: unknown }
  | { readonly kind: 'live'; readonly live: LiveSource; readonly shared: boolean }
  | { readonly kind: 'shared'; readonly shared: SharedSource };

const sameBinding = (a: Binding | undefined, b: Binding): boolean => {
  if (!a || a.kind !== b.kind) return false;
  switch (b.kind) {
    case 'none':
      return true;
    case 'src':
      return (a as typeof b).url === b.url;
    case 'data':
      return (a as typeof b).data === b.data;
    case 'live':
      return (a as typeof b).live === b.live;
    case 'shared':
      return (a as typeof b).shared === b.shared;
  }
};

/** The value at `path` in `input`, through own properties only. */
function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly reason: string;
}

function firstIssue(error: LanewiseError): Issue | undefined {
  const issues = error.details['issues'];
  const issue = Array.isArray(issues) ? (issues[0] as Issue | undefined) : undefined;
  return issue && Array.isArray(issue.path) ? issue : undefined;
}

/**
 * Feeds a widget from one of three sources, the same for every widget:
 *
 * - `src`, a URL of JSON: fetched (aborted when it changes or the widget leaves the page),
 *   then validated; an HTTP error is a readable error with the status and a retry;
 * - `data`, the same document as an object, validated;
 * - a live core object in the property named by `live`, followed through `subscribe` (one
 *   render per batch of changes) and let go when the widget leaves the page.
 *
 * The last of the widget's own sources set wins. With none, the widget takes the source of
 * the nearest `<lanewise-provider>`: its live object of the same name, else its document.
 * The controller reads the host's properties itself before each render, so a widget only
 * declares them and calls {@link SourceController.render}.
 *
 * It fires `lw-load` (detail: the value) when data is in and `lw-error` (detail:
 * `{ message }`) when it cannot be had, and never throws.
 */
export class SourceController<T> implements ReactiveController {
  /** Where the widget is: `loading`, `empty`, `ready` or `error`. */
  state: SourceState = 'empty';
  /** The validated value, when there is one. */
  value: T | undefined;
  /** Why the data could not be had, in state `error`. */
  error: SourceError | undefined;
  /** Where the data in force comes from. */
  origin: SourceOrigin = 'none';

  private readonly localize: LocalizeController;
  private shared: SharedSource | undefined;
  private binding: Binding | undefined;
  private own: OwnKind | undefined;
  private seen: Record<OwnKind, unknown> = { src: undefined, data: undefined, live: undefined };
  private abort: AbortController | undefined;
  private unsubscribe: (() => void) | undefined;
  private dirty = false;
  private validated: { document: unknown } | undefined;
  private serial = 0;
  private reported = '';

  constructor(
    private readonly host: SourceHost,
    private readonly options: SourceOptions<T>,
  ) {
    host.addController(this);
    this.localize = new LocalizeController(host);
    new ContextConsumer(host, {
      context: sourceContext,
      subscribe: true,
      callback: (shared) => {
        this.shared = shared;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    if (!this.binding) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // Let go of the fetch, the live object and the provider; a widget put back on the page
    // binds again before its next render.
    this.shared = undefined;
    this.release();
  }

  hostUpdate(): void {
    const next = this.resolve();
    if (!sameBinding(this.binding, next)) this.bind(next);
    else if (this.dirty && next.kind === 'live') this.readLive(next.live);
    this.dirty = false;
  }

  hostUpdated(): void {
    const key = `${this.state}#${this.serial}`;
    if (key === this.reported) return;
    this.reported = key;
    if (this.state === 'ready') this.emit('lw-load', this.value);
    if (this.state === 'error') this.emit('lw-error', { message: this.message });
  }

  /**
   * The template of the current state: the skeleton while loading, the empty state, the error
   * (`role="alert"`, with a retry button after a failed fetch) or the widget's content.
   */
  render(views: SourceViews<T>): unknown {
    const l = this.localize;
    switch (this.state) {
      case 'loading':
        return renderSkeleton(views.skeleton, l.term('loading'));
      case 'error':
        return renderError(
          l.term('errorTitle'),
          this.message,
          this.canRetry ? { label: l.term('retry'), run: () => this.retry() } : undefined,
        );
      case 'empty':
        return this.origin === 'none'
          ? renderEmpty(views.empty.title, l.term('emptyHint'))
          : renderEmpty(views.empty.title, views.empty.hint);
      case 'ready':
        return views.ready(this.value as T);
    }
  }

  /** The live object in force (the widget's own or its provider's), for writes. */
  get live(): LiveSource | undefined {
    return this.binding?.kind === 'live' ? this.binding.live : undefined;
  }

  /** Whether {@link retry} can help: a fetch failed. */
  get canRetry(): boolean {
    return this.state === 'error' && this.error?.kind === 'fetch';
  }

  /** Fetches the failed `src` again (the widget's own, or the provider's). */
  retry(): void {
    const binding = this.binding;
    if (binding?.kind === 'src') {
      this.startFetch(binding.url);
      this.host.requestUpdate();
    } else if (binding?.kind === 'shared') {
      binding.shared.retry();
    }
  }

  /** The error as a sentence in the page's language; '' when there is none. */
  get message(): string {
    const error = this.error;
    if (!error) return '';
    const l = this.localize;
    if (error.kind === 'fetch') {
      const { failure } = error;
      if (failure.kind === 'http')
        return l.term('httpFailed', { url: failure.url, status: failure.status });
      return l.term(failure.kind === 'network' ? 'networkFailed' : 'notJson', {
        url: failure.url,
      });
    }
    if (error.kind === 'live') return l.term('liveFailed');
    return l.term('badData', { detail: this.badDataDetail(error.error, error.input) });
  }

  /** Which record and which field, and what is wrong with it, in the page's language. */
  private badDataDetail(error: unknown, input: unknown): string {
    const l = this.localize;
    const issue = error instanceof LanewiseError ? firstIssue(error) : undefined;
    if (!issue || issue.path.length === 0) return l.error(error);
    // The sentence without the path, said by the core in the page's language.
    const sentence = l.error(
      new LanewiseError('INVALID_INPUT', issue.message, {
        details: { issues: [{ ...issue, path: [] }] },
      }),
    );
    const path = issue.path;
    let at = -1;
    for (let i = path.length - 1; i >= 0; i -= 1) {
      if (typeof path[i] === 'number') {
        at = i;
        break;
      }
    }
    if (at < 0) return l.term('badField', { field: path.join('.'), sentence });
    const record = valueAt(input, path.slice(0, at + 1)) as Record<string, unknown> | undefined;
    const id = record && typeof record === 'object' ? record['id'] : undefined;
    return l.term(at + 1 < path.length ? 'badRecord' : 'badRecordWhole', {
      list: path.slice(0, at).join('.') || l.term('theList'),
      index: l.number((path[at] as number) + 1),
      id: typeof id === 'string' || typeof id === 'number' ? l.term('badRecordId', { id }) : '',
      field: path.slice(at + 1).join('.'),
      sentence,
    });
  }

  /** The names of the live properties, first first. */
  private get liveNames(): readonly string[] {
    const { live } = this.options;
    return live === undefined ? [] : typeof live === 'string' ? [live] : live;
  }

  /** The binding the host's properties and the provider ask for now. */
  private resolve(): Binding {
    const host = this.host as unknown as Record<string, unknown>;
    const now: Record<OwnKind, unknown> = {
      src: host[this.options.srcProperty ?? 'src'],
      data: host[this.options.dataProperty ?? 'data'],
      live: this.liveNames.map((name) => host[name]).find((value) => value != null),
    };
    const present = (kind: OwnKind) =>
      kind === 'src' ? typeof now.src === 'string' && now.src !== '' : now[kind] != null;
    for (const kind of ['src', 'data', 'live'] as const) {
      if (now[kind] !== this.seen[kind] && present(kind)) this.own = kind;
    }
    if (this.own && !present(this.own)) {
      this.own = (['live', 'data', 'src'] as const).find(present);
    }
    this.seen = now;
    if (this.own === 'src') return { kind: 'src', url: now.src as string };
    if (this.own === 'data') return { kind: 'data', data: now.data };
    if (this.own === 'live') return { kind: 'live', live: now.live as LiveSource, shared: false };
    const shared = this.shared;
    const live = this.liveNames.map((name) => shared?.live[name as LiveName]).find(Boolean);
    if (live) return { kind: 'live', live, shared: true };
    if (shared && shared.state !== 'none') return { kind: 'shared', shared };
    return { kind: 'none' };
  }

  private bind(binding: Binding): void {
    const sameDocument =
      binding.kind === 'shared' &&
      this.binding?.kind === 'shared' &&
      binding.shared.document === this.binding.shared.document;
    this.release();
    this.binding = binding;
    if (!sameDocument) this.serial += 1;
    switch (binding.kind) {
      case 'none':
        this.origin = 'none';
        return this.settle('empty', undefined, undefined);
      case 'data':
        this.origin = 'data';
        return this.accept(binding.data);
      case 'src':
        this.origin = 'src';
        return this.startFetch(binding.url);
      case 'live':
        this.origin = binding.shared ? 'provider' : 'live';
        return this.follow(binding.live);
      case 'shared': {
        this.origin = 'provider';
        const { shared } = binding;
        if (shared.state === 'loading') return this.settle('loading', undefined, undefined);
        if (shared.state === 'error' && shared.failure)
          return this.settle('error', undefined, { kind: 'fetch', failure: shared.failure });
        if (sameDocument && this.validated?.document === shared.document) return;
        return this.accept(shared.document);
      }
    }
  }

  private release(): void {
    this.abort?.abort();
    this.abort = undefined;
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    this.binding = undefined;
    try {
      unsubscribe?.();
    } catch {
      // A live object that throws while letting go has nothing more to tell this widget.
    }
  }

  private startFetch(url: string): void {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.settle('loading', undefined, undefined);
    fetchJson(url, abort.signal).then(
      (raw) => {
        if (abort.signal.aborted) return;
        this.accept(raw);
        this.host.requestUpdate();
      },
      (reason: unknown) => {
        if (abort.signal.aborted) return;
        const failure: FetchFailure =
          reason instanceof FetchError ? reason.failure : { kind: 'network', url };
        this.settle('error', undefined, { kind: 'fetch', failure });
        this.serial += 1;
        this.host.requestUpdate();
      },
    );
  }

  private follow(live: LiveSource): void {
    try {
      this.unsubscribe = live.subscribe(() => {
        this.dirty = true;
        this.host.requestUpdate();
      });
    } catch (error) {
      return this.settle('error', undefined, { kind: 'live', error });
    }
    this.readLive(live);
  }

  private readLive(live: LiveSource): void {
    let value: T;
    try {
      value = this.options.fromLive ? this.options.fromLive(live) : (live.snapshot() as T);
    } catch (error) {
      return this.settle('error', undefined, { kind: 'live', error });
    }
    if (this.options.validateLive) return this.accept(value);
    this.settle(this.options.isEmpty?.(value) ? 'empty' : 'ready', value, undefined);
  }

  private accept(raw: unknown): void {
    let value: T;
    try {
      value = this.options.check(raw);
    } catch (error) {
      this.validated = undefined;
      return this.settle('error', undefined, { kind: 'data', error, input: raw });
    }
    this.validated = { document: raw };
    let empty = false;
    try {
      empty = this.options.isEmpty?.(value) ?? false;
    } catch (error) {
      return this.settle('error', undefined, { kind: 'data', error, input: raw });
    }
    this.settle(empty ? 'empty' : 'ready', value, undefined);
  }

  private settle(state: SourceState, value: T | undefined, error: SourceError | undefined): void {
    this.state = state;
    this.value = value;
    this.error = error;
  }

  private emit(name: 'lw-load' | 'lw-error', detail: unknown): void {
    this.host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
