/** Why a `src` could not be had: the HTTP status, no answer at all, or an answer that is not JSON. */
export type FetchFailure =
  | { readonly kind: 'http'; readonly url: string; readonly status: number }
  | { readonly kind: 'network'; readonly url: string }
  | { readonly kind: 'not-json'; readonly url: string };

/** The error {@link fetchJson} rejects with; `failure` says what went wrong. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(readonly failure: FetchFailure) {
    super(
      failure.kind === 'http'
        ? `HTTP ${failure.status} from ${failure.url}`
        : failure.kind === 'network'
          ? `no answer from ${failure.url}`
          : `${failure.url} is not JSON`,
    );
  }
}

/**
 * Fetches `url` and parses its body as JSON. Rejects with a {@link FetchError}, or with the
 * signal's `AbortError` when `signal` is aborted.
 */
export async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await globalThis.fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new FetchError({ kind: 'network', url });
  }
  if (!response.ok) throw new FetchError({ kind: 'http', url, status: response.status });
  try {
    return (await response.json()) as unknown;
  } catch (error) {
    if (signal.aborted) throw error;
    throw new FetchError({ kind: 'not-json', url });
  }
}
