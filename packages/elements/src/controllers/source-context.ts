import { ContextRoot, createContext } from '@lit/context';
import type { FetchFailure } from './fetch-json.js';
import type { LiveSource } from './live-source.js';

/** The names of the live objects a `<lanewise-provider>` holds. */
export type LiveName = 'ledger' | 'book' | 'tracker' | 'rules';

/** Where a provider's shared document is. */
export type SharedState = 'none' | 'loading' | 'ready' | 'error';

/**
 * What a `<lanewise-provider>` hands to every widget inside it. A new object on every change,
 * so that consumers hear each one.
 */
export interface SharedSource {
  /** Where the shared document (from the provider's `src` or `data`) is. */
  readonly state: SharedState;
  /** The document, unvalidated: each widget validates it with its own schema. */
  readonly document: unknown;
  /** Why the provider's `src` failed. */
  readonly failure: FetchFailure | undefined;
  /** Fetches the provider's `src` again. */
  readonly retry: () => void;
  /** The live objects, by name. */
  readonly live: Readonly<Partial<Record<LiveName, LiveSource>>>;
}

/**
 * The context key. A registered symbol, so that two copies of the elements on one page (the
 * CDN file and a bundle) still find each other's providers.
 */
export const sourceContext = createContext<SharedSource | undefined>(Symbol.for('lanewise.source'));

const rootKey = Symbol.for('lanewise.context-root');

/**
 * Attaches one `ContextRoot` to the document, once per page. A widget upgraded before the
 * `<lanewise-provider>` around it asks for its source while the provider cannot answer yet;
 * the root keeps that request and sends it again when a provider connects.
 */
export function attachContextRoot(): void {
  const holder = globalThis as { [rootKey]?: ContextRoot };
  if (holder[rootKey] || typeof document === 'undefined') return;
  const root = (holder[rootKey] = new ContextRoot());
  root.attach(document.documentElement);
}
