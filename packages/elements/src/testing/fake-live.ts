import type { LiveSource } from '../controllers/live-source.js';

/**
 * A stand-in for a live core object in tests: `snapshot()` returns the state given last,
 * `set()` replaces it and tells every listener, as a core object does after a command.
 *
 * @example
 * ```ts
 * const live = new FakeLive({ items: [] });
 * el.ledger = live;
 * live.set({ items: [{ id: 'a', name: 'Tea', minutes: 30 }] });
 * ```
 */
export class FakeLive<S> implements LiveSource<S> {
  private readonly listeners = new Set<() => void>();
  /** How many times `snapshot()` was read. */
  reads = 0;

  constructor(private state: S) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): S {
    this.reads += 1;
    return this.state;
  }

  /** Replaces the state and notifies every listener. */
  set(next: S): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }

  /** How many listeners are subscribed now. */
  get listenerCount(): number {
    return this.listeners.size;
  }
}
