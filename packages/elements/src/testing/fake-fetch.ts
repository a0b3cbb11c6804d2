/** One answer of a {@link stubFetch}: a JSON body with a status, or a network failure. */
export type FakeAnswer =
  | {
      status?: number;
      body?: unknown;
      /** A raw body instead of `body`'s JSON. */
      text?: string;
      /** The answer waits for this promise, to hold a widget in its loading state. */
      gate?: Promise<unknown>;
    }
  | 'network-error';

/**
 * Replaces `fetch` until `restore()`: each call to a URL ending with a key of `routes` takes
 * the next answer of its list (the last one repeats). Other URLs go to the real `fetch`.
 * `calls` lists every URL asked for, `signals` the abort signal of each call.
 */
export function stubFetch(routes: Record<string, FakeAnswer[]>): {
  calls: string[];
  signals: (AbortSignal | undefined)[];
  restore: () => void;
} {
  const real = globalThis.fetch;
  const calls: string[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const served = new Map<string, number>();
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const key = Object.keys(routes).find((suffix) => url.endsWith(suffix));
    if (key === undefined) return real(input, init);
    calls.push(url);
    signals.push(init?.signal ?? undefined);
    const answers = routes[key]!;
    const index = served.get(key) ?? 0;
    served.set(key, index + 1);
    const answer = answers[Math.min(index, answers.length - 1)]!;
    if (answer !== 'network-error' && answer.gate) await answer.gate;
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    const text = answer.text ?? JSON.stringify(answer.body ?? null);
    return new Response(text, {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { calls, signals, restore: () => (globalThis.fetch = real) };
}
