// Runs commands and delivers their notifications after them. Every stateful object of the core
// notifies through a dispatcher, so that a listener only ever sees complete commands, a
// listener's error never reaches the writer, and a write made by a listener waits its turn.

/** Called with a listener's error. The write that was being told about stands. */
export type ListenerErrorHandler = (error: unknown) => void;

/** Options every stateful object takes about its listeners. */
export interface ListenerOptions {
  /**
   * Called with each error a listener throws. Default: the error is reported as an unhandled
   * promise rejection (as a browser reports an error thrown in an event listener), and the
   * write stands either way.
   */
  onListenerError?: ListenerErrorHandler | undefined;
}

/** Runs commands and queues the calls to listeners until the outermost command returns. */
export interface Dispatcher {
  /**
   * Runs `command`. Listener calls queued while it runs are made when the outermost command
   * returns (or throws); a command started by a listener runs then, after the current one.
   */
  run<R>(command: () => R): R;
  /** Queues a call to a listener; made at once when no command is running. */
  notify(call: () => void): void;
}

const reportUnhandled: ListenerErrorHandler = (error) => {
  void Promise.reject(error);
};

/** Makes a {@link Dispatcher}. Objects that must notify as one (a program's ledgers) share one. */
export function createDispatcher(options: ListenerOptions = {}): Dispatcher {
  const onError = options.onListenerError ?? reportUnhandled;
  const queue: (() => void)[] = [];
  let depth = 0;
  let draining = false;

  const drain = () => {
    if (draining) return;
    draining = true;
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        try {
          next();
        } catch (error) {
          try {
            onError(error);
          } catch {
            // A failing error handler has nowhere left to report to.
          }
        }
      }
    } finally {
      draining = false;
    }
  };

  return {
    run(command) {
      depth += 1;
      try {
        return command();
      } finally {
        depth -= 1;
        if (depth === 0) drain();
      }
    },
    notify(call) {
      queue.push(call);
      if (depth === 0) drain();
    },
  };
}

/** A set of listeners told of changes through a dispatcher. */
export class Subscribable<T> {
  private readonly listeners = new Set<(change: T) => void>();

  constructor(private readonly dispatcher: Dispatcher) {}

  /** Listens to every later change; returns the function that stops listening. */
  subscribe(listener: (change: T) => void): () => void {
    // A wrapper per subscription, so the same function subscribed twice is told twice.
    const entry = (change: T) => listener(change);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  /** Whether anyone listens: an object may skip building a change nobody hears. */
  get listening(): boolean {
    return this.listeners.size > 0;
  }

  /** Tells every current listener of `change`, each call isolated, after the running command. */
  emit(change: T): void {
    for (const listener of this.listeners) {
      // One that stops listening before its turn is not told.
      this.dispatcher.notify(() => {
        if (this.listeners.has(listener)) listener(change);
      });
    }
  }
}
